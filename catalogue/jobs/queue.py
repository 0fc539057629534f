"""Background jobs: enqueue in a unit of work, run after it commits.

One code path, three runners (``JOB_RUNNER``):
- ``thread`` (default): a small thread pool inside the app process;
- ``inline``: run at once, in the committing thread (tests, CLI);
- ``redis``: an RQ queue on ``REDIS_URL``, executed by ``catalogue worker`` processes.
Status, progress and results live in the ``jobs`` table whichever runner executes a job.

A job's session reads without taking SQLite's write lock; a handler writes inside
``db.writing(session)`` - short transactions, after it has computed what to write - so that pages
keep answering while it runs. Status and progress are written in their own short transactions.
"""

from __future__ import annotations

import threading
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from flask import Flask, current_app
from sqlalchemy import event, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from catalogue.core.db import is_lock_error
from catalogue.core.types import utcnow
from catalogue.jobs.models import Job, JobStatus

Progress = Callable[[int, str], None]
Handler = Callable[[Session, Job, Progress], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}
_PENDING = "catalogue.jobs.pending"


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of ``kind``."""

    def decorator(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return decorator


def enqueue(session: Session, kind: str, params: dict[str, Any], actor: Any = None) -> Job:
    """Add a job to the unit of work; it is handed to the runner only if the session commits."""
    if kind not in HANDLERS:
        raise ValueError(f"no handler for job kind {kind!r}")
    job = Job(
        id=str(uuid.uuid4()), kind=kind, params=params, created_by_id=getattr(actor, "id", None)
    )
    session.add(job)
    session.info.setdefault(_PENDING, []).append(job.id)
    return job


@event.listens_for(Session, "after_commit")
def _submit_after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        runner = current_app.extensions["catalogue.jobs"]
        for job_id in pending:
            runner.submit(job_id)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def progress_writer(app: Flask, job_id: str) -> Progress:
    """The ``progress(percent, message)`` a handler calls: each change of percentage is written
    in its own short transaction on its own session, never committing the handler's work, and
    skipped rather than waited for when the write lock is busy (the next one will do)."""
    from catalogue.extensions import db

    last = {"percent": -1}

    def progress(percent: int, message: str = "") -> None:
        percent = max(0, min(100, int(percent)))
        if percent == last["percent"]:
            return  # each write is a transaction (and an fsync): only changes are worth it
        last["percent"] = percent
        try:
            with db.new_session(write=True, brief=True) as side:
                side.execute(
                    update(Job)
                    .where(Job.id == job_id)
                    .values(progress=percent, message=message[:300])
                    .execution_options(synchronize_session=False)
                )
                side.commit()
        except OperationalError as exc:
            if not is_lock_error(exc):
                raise
            app.logger.info("job %s: progress %d%% not recorded, database busy", job_id, percent)

    return progress


def run_job(app: Flask, job_id: str) -> None:
    """Execute one job in its own session (and app context); record the outcome."""
    from catalogue.extensions import db

    with app.app_context(), db.new_session() as session:
        with db.writing(session):
            job = session.get(Job, job_id)
            if job is None or job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
                return
            job.status, job.started_at = JobStatus.RUNNING, utcnow()
        kind = job.kind
        try:
            result = HANDLERS[kind](session, job, progress_writer(app, job_id)) or {}
            # What the handler left unwritten (if anything) is committed before the outcome.
            with db.writing(session):
                job.result, job.status, job.progress = result, JobStatus.DONE, 100
                job.finished_at = utcnow()
        except Exception as exc:
            session.rollback()
            app.logger.warning("job %s (%s) failed: %s", job_id, kind, exc)
            with db.writing(session):
                job = session.get(Job, job_id)
                if job is not None:
                    job.status = JobStatus.FAILED
                    job.error = f"{exc}\n{traceback.format_exc()}"[:8000]
                    job.finished_at = utcnow()


class InlineRunner:
    """Runs the job at once and waits for it — on its own thread, so that, like a worker, it
    never sees the request (user, language, session) that enqueued it."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def submit(self, job_id: str) -> None:
        thread = threading.Thread(target=run_job, args=(self.app, job_id), daemon=True)
        thread.start()
        thread.join()


class ThreadRunner:
    def __init__(self, app: Flask, threads: int) -> None:
        self.app = app
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="catalogue-job")

    def submit(self, job_id: str) -> None:
        self.pool.submit(run_job, self.app, job_id)


class RedisRunner:
    """Hands job ids to an RQ queue; ``catalogue worker`` runs them with the same ``run_job``."""

    def __init__(self, app: Flask, url: str, queue: str) -> None:
        from redis import Redis
        from rq import Queue

        self.queue = Queue(queue, connection=Redis.from_url(url))

    def submit(self, job_id: str) -> None:
        self.queue.enqueue("catalogue.jobs.worker.run", job_id, job_id=job_id, result_ttl=0)


def init_jobs(app: Flask) -> None:
    kind = app.config["JOB_RUNNER"]
    if kind == "inline":
        runner: Any = InlineRunner(app)
    elif kind == "thread":
        runner = ThreadRunner(app, int(app.config["JOB_THREADS"]))
    elif kind == "redis":
        runner = RedisRunner(app, app.config["REDIS_URL"], app.config["JOB_QUEUE"])
    else:
        raise ValueError(f"JOB_RUNNER must be inline, thread or redis, not {kind!r}")
    app.extensions["catalogue.jobs"] = runner
