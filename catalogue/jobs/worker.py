"""What an RQ worker process executes: the same ``run_job`` as the in-process runners."""

from __future__ import annotations

from flask import Flask

_app: Flask | None = None


def run(job_id: str) -> None:
    """Entry point named in the Redis queue; builds the app once per worker process."""
    global _app
    if _app is None:
        from catalogue import create_app

        _app = create_app()
    from catalogue.jobs.queue import run_job

    run_job(_app, job_id)


def shutdown() -> None:
    """Close the worker app's database connections (end of a worker process, tests)."""
    global _app
    if _app is not None:
        from catalogue.extensions import db

        with _app.app_context():
            db.engine.dispose()
        _app = None
