"""What a ``catalogue worker`` runs for search (``JOB_RUNNER=redis``): apply the outbox."""

from __future__ import annotations

from flask import Flask

_app: Flask | None = None


def apply_outbox() -> int:
    """Entry point named in the Redis queue; builds the app once per worker process."""
    global _app
    if _app is None:
        from catalogue import create_app

        _app = create_app()
    from catalogue.search.setup import get_search

    with _app.app_context():
        return get_search(_app).writer.apply()
