"""``catalogue worker``: run queued jobs from Redis (``JOB_RUNNER=redis``)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Execute background jobs from the Redis queue (start several for more throughput)."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    config = current_app.config
    if config["JOB_RUNNER"] != "redis":
        raise click.UsageError("set CATALOGUE_JOB_RUNNER=redis (and CATALOGUE_REDIS_URL) first")
    connection = Redis.from_url(config["REDIS_URL"])
    queue = Queue(config["JOB_QUEUE"], connection=connection)
    click.echo(f"Worker on {config['REDIS_URL']} queue {config['JOB_QUEUE']!r}")
    SimpleWorker([queue], connection=connection).work(burst=burst, with_scheduler=False)
