"""Reads never wait for the writer: on a real SQLite file, page views and API reads answer while
another connection holds the write lock; a write that cannot get the lock is retried and then
answered 503 (in the user's language), never 500; a token's last use is written at most once a
minute, in a side transaction that never makes a read wait."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from catalogue.auth.models import ApiToken, User
from catalogue.auth.tokens import LAST_USED_EVERY, create_token, user_for_token
from catalogue.core import migrate
from catalogue.extensions import db
from tests.conftest import SERVER_URL, build_app, csrf_from
from tests.factories import PASSWORD, World, build_world

sqlite_only = pytest.mark.skipif(SERVER_URL is not None, reason="SQLite's write lock")

BUSY_MS = 150  # the app's busy timeout in these tests
RETRIES = 2


class Served:
    def __init__(self, app: Flask, world: World, path: Path | None, token: str) -> None:
        self.app, self.world, self.path, self.token = app, world, path, token

    def pages(self) -> list[str]:
        network = self.world.network
        return ["/", f"/n/{network}/", f"/n/{network}/products/{self.world.product_a}"]

    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="module")
def served(databases, tmp_path_factory) -> Served:
    """An app on its own database file (not a test transaction: these tests need real commits
    and other connections), with the test world and an API token of the facilitator."""
    url = databases.new()
    app = build_app(
        url,
        tmp_path_factory.mktemp("concurrency"),
        SQLITE_BUSY_TIMEOUT_MS=BUSY_MS,
        SQLITE_WRITE_RETRIES=RETRIES,
    )
    migrate.upgrade(app)
    world = build_world(app)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == world.emails["facilitator"]))
        token = create_token(db.session, user, "tests")
        db.session.commit()
    path = Path(make_url(url).database) if SERVER_URL is None else None
    return Served(app, world, path, token)


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another process's writer, as SQLite sees it: a connection that has taken the write lock
    (and changed a row) and holds it until the block ends."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE networks SET name = name")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def lock_is_held(path: Path) -> bool:
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def _last_used(app: Flask) -> object:
    with app.app_context():
        return db.session.scalar(select(ApiToken.last_used_at).where(ApiToken.name == "tests"))


def _set_last_used(app: Flask, value: object) -> None:
    with app.app_context():
        db.session.execute(
            update(ApiToken).where(ApiToken.name == "tests").values(last_used_at=value)
        )
        db.session.commit()


@sqlite_only
def test_two_readers_finish_while_a_writer_holds_the_write_lock(served: Served) -> None:
    app = served.app
    warm = app.test_client()
    for path in served.pages():  # first requests compile templates: not what is measured
        assert warm.get(path).status_code == 200
    _set_last_used(app, None)  # the API reader's token is due a last-use write, too
    results: dict[str, list[tuple[str, int, float]]] = {"pages": [], "api": []}

    def read_pages() -> None:
        client = app.test_client()
        for path in served.pages():
            started = time.monotonic()
            status = client.get(path).status_code
            results["pages"].append((path, status, time.monotonic() - started))

    def read_api() -> None:
        client = app.test_client()
        for path in ("/api/v1/producers", f"/api/v1/products/{served.world.product_a}"):
            started = time.monotonic()
            status = client.get(path, headers=served.bearer()).status_code
            results["api"].append((path, status, time.monotonic() - started))

    with write_lock_held(served.path):
        readers = [threading.Thread(target=read_pages), threading.Thread(target=read_api)]
        started = time.monotonic()
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(30)
        elapsed = time.monotonic() - started
        # The writer kept the lock the whole time the readers read.
        assert lock_is_held(served.path)

    answers = results["pages"] + results["api"]
    assert len(answers) == 5
    assert all(status == 200 for _path, status, _s in answers), answers
    # A reader that queued for the lock would wait the busy timeout and retries (> 0.45 s each
    # request, then fail); these only read. Generous bound for a busy 2-core machine.
    assert elapsed < 3.0, answers
    # The token's last use was due, but the lock was taken: it is skipped, not waited for.
    assert _last_used(app) is None


@sqlite_only
def test_a_write_that_cannot_get_the_lock_is_retried_then_answers_503(served: Served) -> None:
    app = served.app
    client = app.test_client()
    token = csrf_from(client, "/login")
    form = {"email": served.world.emails["facilitator"], "password": PASSWORD, "csrf_token": token}
    with write_lock_held(served.path):
        started = time.monotonic()
        busy = client.post("/login", data=form, headers={"Accept-Language": "es"})
        waited = time.monotonic() - started
        api = app.test_client().put(
            f"/api/v1/products/{served.world.product_a}/capacity",
            json={"units_per_month": 12},
            headers=served.bearer(),
        )
    assert busy.status_code == 503
    assert busy.headers["Retry-After"]
    assert "El sitio está muy ocupado" in busy.get_data(as_text=True)
    # The busy timeout ran out once per try: first try and the retries.
    assert waited >= (RETRIES + 1) * BUSY_MS / 1000
    assert api.status_code == 503
    assert api.get_json()["error"]["code"] == 503
    # Once the lock is free, the same request goes through.
    assert client.post("/login", data=form).status_code == 302


@sqlite_only
def test_a_write_gets_through_when_the_lock_is_freed_during_its_retries(served: Served) -> None:
    client = served.app.test_client()
    body = {"units_per_month": 13}
    holder = sqlite3.connect(served.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    # Freed after the first try's busy timeout, before the retries run out.
    release = threading.Timer(BUSY_MS / 1000 * 1.3, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        answer = client.put(
            f"/api/v1/products/{served.world.product_a}/capacity",
            json=body,
            headers=served.bearer(),
        )
    finally:
        release.join()
        holder.close()
    assert answer.status_code == 200, answer.get_data(as_text=True)


def test_a_tokens_last_use_is_written_at_most_once_a_minute(served: Served) -> None:
    app, client = served.app, served.app.test_client()
    _set_last_used(app, None)
    assert client.get("/api/v1/producers", headers=served.bearer()).status_code == 200
    first = _last_used(app)
    assert first is not None
    assert client.get("/api/v1/producers", headers=served.bearer()).status_code == 200
    assert _last_used(app) == first  # a second read within the minute writes nothing

    # With the clock the code reads: 59 s later nothing is written, a minute later it is.
    with app.app_context():
        user_for_token(db.session, served.token, now=lambda: first + timedelta(seconds=59))
        db.session.rollback()
    assert _last_used(app) == first
    later = first + LAST_USED_EVERY
    with app.app_context():
        user_for_token(db.session, served.token, now=lambda: later)
        db.session.rollback()  # the use was recorded on its own, not by this unit of work
    assert _last_used(app) == later

    _set_last_used(app, first - timedelta(minutes=5))  # as if five minutes had passed
    assert client.get("/api/v1/producers", headers=served.bearer()).status_code == 200
    assert _last_used(app) > first  # the request's own time
