"""Fixtures: a real database per test run (a SQLite file, or a throwaway PostgreSQL database when
CATALOGUE_TEST_DATABASE_URL names a server), migrated with Alembic, and rolled back after each test.
"""

from __future__ import annotations

import gc
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import make_url

from catalogue import create_app
from catalogue.core import content_version, migrate
from catalogue.core.page_cache import cache_of
from catalogue.extensions import db

SERVER_URL = os.environ.get("CATALOGUE_TEST_DATABASE_URL") or None


def pytest_report_header(config: pytest.Config) -> str:
    where = make_url(SERVER_URL).render_as_string() if SERVER_URL else "SQLite (temporary file)"
    return f"catalogue test database: {where}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test that reaches a database carries the `db` marker, so `pytest -m db` reruns them
    # on PostgreSQL.
    for item in items:
        if "databases" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


_APPS: list[Flask] = []


def _dispose_all_engines() -> None:
    """Close every pooled connection of every app the tests built, before databases go away.

    Tests never dispose an engine themselves: a connection still checked out by a session at
    that moment is orphaned with the old pool and left open.
    """
    while _APPS:
        app = _APPS.pop()
        with app.app_context():
            db.engine.dispose()
    gc.collect()


def _admin(statement: str) -> None:
    """Run CREATE/DROP DATABASE on the server with a plain driver connection, closed for sure."""
    import psycopg

    conninfo = (
        make_url(SERVER_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


class Databases:
    """Creates throwaway databases and drops them at the end of the run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.created: list[str] = []

    def new(self) -> str:
        if SERVER_URL is None:
            return f"sqlite:///{self.root / f'test-{uuid.uuid4().hex[:8]}.sqlite3'}"
        name = f"catalogue_test_{uuid.uuid4().hex[:12]}"
        _admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        _dispose_all_engines()
        if SERVER_URL is None or not self.created:
            return
        for name in self.created:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", autouse=True)
def _instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("instance")
    old = os.environ.get("CATALOGUE_INSTANCE_PATH")
    os.environ["CATALOGUE_INSTANCE_PATH"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CATALOGUE_INSTANCE_PATH", None)
    else:
        os.environ["CATALOGUE_INSTANCE_PATH"] = old


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("databases"))
    yield dbs
    dbs.drop_all()


def build_app(database_url: str, root: Path, **config: object) -> Flask:
    """An app on ``database_url`` with its files under ``root``."""
    settings: dict[str, object] = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key",
        "MEDIA_DIR": str(root / "media"),
        "EXPORTS_DIR": str(root / "exports"),
        "SEARCH_INDEX_DIR": str(root / "search-index"),
        "JOB_RUNNER": "inline",
    }
    settings.update(config)
    app = create_app(settings)
    _APPS.append(app)
    return app


@pytest.fixture(scope="session")
def base_app(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    app = build_app(databases.new(), tmp_path_factory.mktemp("app"))
    migrate.upgrade(app)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def app(base_app: Flask) -> Iterator[Flask]:
    """The app, with every session of this test inside one transaction that is rolled back (and
    no page kept from another test)."""
    cache_of(base_app).clear()
    content_version.forget_all()
    with base_app.app_context():
        connection = db.engine.connect()
        outer = connection.begin()
        db.bind(connection, join_transaction_mode="create_savepoint")
    yield base_app
    with base_app.app_context():
        db.bind(db.engine)
    outer.rollback()
    connection.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_from(client: FlaskClient, path: str) -> str:
    """The CSRF token of the form on ``path``, read from the page as a browser would."""
    page = client.get(path)
    match = _CSRF.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {path} ({page.status_code})"
    return match.group(1)


def login(client: FlaskClient, email: str, password: str) -> object:
    token = csrf_from(client, "/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})
