"""The database: declarative base, engine set-up per backend, and the request-scoped session.

SQLite is the embedded default. Its engine is tuned so that the same code is safe there and on
PostgreSQL: WAL (readers never block the writer), synchronous=FULL, foreign keys on, a busy
timeout, and every transaction opened with ``BEGIN IMMEDIATE``. SQLite has no ``SELECT ... FOR
UPDATE``; taking the write lock at the start of the transaction is what makes read-check-write
sequences (capacity reservations) serialisable there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy: pysqlite would otherwise BEGIN (DEFERRED) itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> Engine:
    """Create an engine for ``url`` with the per-backend settings this project relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


class _State:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.factory: sessionmaker[Session] = sessionmaker(bind=engine, expire_on_commit=False)


class Database:
    """Engine plus a session per application context (one unit of work per request or job).

    State lives in ``app.extensions`` so that several apps (tests, CLI) never share an engine.
    """

    def init_app(self, app: Flask) -> None:
        engine = make_engine(
            app.config["DATABASE_URL"],
            busy_timeout_ms=app.config["SQLITE_BUSY_TIMEOUT_MS"],
            echo=app.config.get("SQLALCHEMY_ECHO", False),
        )
        app.extensions["catalogue.db"] = _State(engine)
        app.teardown_appcontext(self._close_session)

    @property
    def _state(self) -> _State:
        return current_app.extensions["catalogue.db"]

    @property
    def engine(self) -> Engine:
        return self._state.engine

    def bind(self, bind: Any, **options: Any) -> None:
        """Point this app's new sessions at ``bind`` (tests: a connection in a transaction)."""
        self._state.factory = sessionmaker(bind=bind, expire_on_commit=False, **options)

    @property
    def session(self) -> Session:
        """The session of the current application context."""
        if "db_session" not in g:
            g.db_session = self._state.factory()
        return g.db_session

    def _close_session(self, _exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()

    @contextmanager
    def new_session(self) -> Iterator[Session]:
        """A session outside the request scope (CLI, jobs); closed on exit, never auto-committed."""
        session = self._state.factory()
        try:
            yield session
        finally:
            session.close()
