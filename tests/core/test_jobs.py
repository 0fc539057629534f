"""Background jobs run after their unit of work commits: on a thread in the app process by
default, or from a Redis queue by `catalogue worker` when configured."""

from __future__ import annotations

import os
import socket
import time

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.jobs import worker
from catalogue.jobs.models import Job, JobStatus
from catalogue.jobs.queue import enqueue, handler
from tests.conftest import build_app


@handler("test.echo")
def _echo(session, job, progress):
    progress(50, "halfway")
    if job.params.get("fail"):
        raise RuntimeError("asked to fail")
    return {"echo": job.params["value"]}


def _wait(app, job_id: str, seconds: float = 10) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with app.app_context():
            job = db.session.get(Job, job_id)
            db.session.expunge_all()
            if job.status in (JobStatus.DONE, JobStatus.FAILED):
                return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def _migrated(databases, tmp_path, **config):
    from catalogue.core import migrate

    app = build_app(databases.new(), tmp_path, **config)
    migrate.upgrade(app)
    return app


def test_a_job_is_not_run_when_its_unit_of_work_rolls_back(app) -> None:
    with app.app_context():
        job = enqueue(db.session, "test.echo", {"value": 1})
        job_id = job.id
        db.session.rollback()
        assert db.session.get(Job, job_id) is None


def test_thread_runner_runs_jobs_and_records_failures(databases, tmp_path) -> None:
    app = _migrated(databases, tmp_path, JOB_RUNNER="thread")
    with app.app_context():
        ok = enqueue(db.session, "test.echo", {"value": "hello"}).id
        bad = enqueue(db.session, "test.echo", {"value": 0, "fail": True}).id
        db.session.commit()
    done = _wait(app, ok)
    assert (done.status, done.result, done.progress) == (JobStatus.DONE, {"echo": "hello"}, 100)
    failed = _wait(app, bad)
    assert failed.status == JobStatus.FAILED and "asked to fail" in failed.error


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_redis_runner_hands_jobs_to_a_worker(databases, tmp_path, monkeypatch) -> None:
    if not _redis_answers():
        if os.environ.get("CI"):
            pytest.fail("CI must provide Redis on 127.0.0.1:6379")
        pytest.skip("no Redis on 127.0.0.1:6379")
    from redis import Redis
    from rq import Queue, SimpleWorker

    queue_name = f"catalogue-test-{os.getpid()}"
    app = _migrated(
        databases,
        tmp_path,
        JOB_RUNNER="redis",
        JOB_QUEUE=queue_name,
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    with app.app_context():
        job_id = enqueue(db.session, "test.echo", {"value": "via redis"}).id
        db.session.commit()
        assert db.session.get(Job, job_id).status == JobStatus.QUEUED  # nothing ran here
    # The worker builds its own app from the environment, as `catalogue worker` does.
    for key in ("DATABASE_URL", "MEDIA_DIR", "SECRET_KEY"):
        monkeypatch.setenv(f"CATALOGUE_{key}", str(app.config[key]))
    monkeypatch.setenv("CATALOGUE_JOB_RUNNER", "inline")
    connection = Redis.from_url("redis://127.0.0.1:6379/15")
    try:
        queue = Queue(queue_name, connection=connection)
        assert queue.count == 1
        SimpleWorker([queue], connection=connection).work(burst=True, with_scheduler=False)
        with app.app_context():
            job = db.session.scalar(select(Job).where(Job.id == job_id))
            assert job.status == JobStatus.DONE and job.result == {"echo": "via redis"}
    finally:
        worker.shutdown()
        Queue(queue_name, connection=connection).delete(delete_jobs=True)
        connection.close()
