"""The database: declarative base, engine set-up per backend, and the request-scoped session.

SQLite is the embedded default: WAL, synchronous=FULL, foreign keys on and a busy timeout.
Under WAL a reader never waits for the writer, so transactions begin DEFERRED: a page view or an
API read takes no lock at all. A unit of work that writes says so (a POST/PUT/PATCH/DELETE
request; :meth:`Database.writing`; ``new_session(write=True)``) and begins ``BEGIN IMMEDIATE``:
SQLite has no ``SELECT ... FOR UPDATE``, and taking the write lock before the first read is what
keeps read-check-write sequences (capacity reservations) serialisable. Deferring the lock would
not be unsafe - SQLite refuses a stale snapshot's write with SQLITE_BUSY_SNAPSHOT - but that
error comes at once, without the busy timeout, so a writer would fail instead of waiting its
turn. A ``BEGIN IMMEDIATE`` that times out is retried a few times with backoff; what still fails
is a lock error (:func:`is_lock_error`) the app answers with 503, not 500.

PostgreSQL keeps its own behaviour: every transaction begins as the driver begins it, and the
write flag only chooses nothing.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Requests with these methods only read; every other method is a writing unit of work.
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Execution options a writing connection carries (read by the SQLite "begin" listener).
_WRITE = "catalogue_write"  # begin with BEGIN IMMEDIATE
_BRIEF = "catalogue_brief_lock"  # best-effort write: wait briefly for the lock, never retry
_BRIEF_WAIT_MS = 200
# Session.info key: what the session's next transaction begins as (None, "write", "brief").
_MODE = "catalogue.write_mode"


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def is_lock_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT,
    SQLITE_LOCKED): the write lock was not free in time, so trying again later may work."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.OperationalError):
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(orig) or "busy" in str(orig)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, write_retries: int) -> None:
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
        options = conn.get_execution_options()
        if not options.get(_WRITE):
            # A reader: under WAL it reads a snapshot and never waits for, nor blocks, a writer.
            conn.exec_driver_sql("BEGIN DEFERRED")
            return
        if options.get(_BRIEF):
            _begin_briefly(conn, busy_timeout_ms)
            return
        for attempt in range(write_retries + 1):
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if not is_lock_error(exc) or attempt == write_retries:
                    raise
                # The busy timeout has run out once: back off (with jitter, so that waiting
                # writers do not retry in step) and try again before giving up.
                pause = 0.05 * 2**attempt * (1 + random.random())  # noqa: S311
                log.info("write lock busy; retry %d in %.2f s", attempt + 1, pause)
                time.sleep(pause)


def _begin_briefly(conn: Any, busy_timeout_ms: int) -> None:
    """``BEGIN IMMEDIATE`` waiting at most ``_BRIEF_WAIT_MS``: for writes a reader makes on the
    side (a token's last use), which must not keep the reader waiting behind a long writer."""
    conn.exec_driver_sql(f"PRAGMA busy_timeout={_BRIEF_WAIT_MS}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        # Only acquiring the lock waits; once held, the rest of the transaction never does.
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")


def make_engine(
    url: str, *, busy_timeout_ms: int = 5000, write_retries: int = 2, echo: bool = False
) -> Engine:
    """Create an engine for ``url`` with the per-backend settings this project relies on.

    Its connections read (``BEGIN DEFERRED`` on SQLite); :func:`writer_engine` gives the variant
    whose transactions take the write lock up front."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )
        _configure_sqlite(engine, busy_timeout_ms, max(0, int(write_retries)))
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def writer_engine(engine: Engine, *, brief: bool = False) -> Engine:
    """``engine``'s variant (same pool) whose transactions begin with the write lock taken
    (``BEGIN IMMEDIATE`` on SQLite; unchanged on PostgreSQL). ``brief``: wait for the lock only
    briefly and do not retry - for best-effort bookkeeping writes."""
    return engine.execution_options(**{_WRITE: True, _BRIEF: brief})


class UnitOfWork(Session):
    """A session whose next transaction reads (the default) or writes, as :attr:`info` says.

    The mode picks the engine a new transaction connects with; it may only change between
    transactions (``Database.writing``, ``Database.reading``, ``set_write_mode``)."""

    def __init__(self, *args: Any, engines: dict[str, Engine] | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._engines = engines or {}

    def get_bind(self, *args: Any, **kw: Any) -> Any:
        bind = super().get_bind(*args, **kw)
        mode = self.info.get(_MODE)
        # Bound to a connection (tests), the session is already inside its caller's transaction.
        if mode and isinstance(bind, Engine) and mode in self._engines:
            return self._engines[mode]
        return bind


def set_write_mode(session: Session, mode: str | None) -> None:
    """Make ``session``'s next transaction a reader (None), a writer ("write") or a brief,
    best-effort writer ("brief"). Refused while a transaction is open: its connection began in
    the other mode."""
    if session.info.get(_MODE) == mode:
        return
    if session.in_transaction():
        raise RuntimeError("end the open transaction before changing what the session does")
    session.info[_MODE] = mode


def writes(session: Session) -> bool:
    """Whether ``session``'s transactions take the write lock when they begin."""
    return bool(session.info.get(_MODE))


class _State:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.engines = {
            "write": writer_engine(engine),
            "brief": writer_engine(engine, brief=True),
        }
        self.factory: sessionmaker[Session] = self.make_factory(engine)

    def make_factory(self, bind: Any, **options: Any) -> sessionmaker[Session]:
        return sessionmaker(
            bind=bind,
            class_=UnitOfWork,
            expire_on_commit=False,
            engines=self.engines,
            **options,
        )


class Database:
    """Engine plus a session per application context (one unit of work per request or job).

    State lives in ``app.extensions`` so that several apps (tests, CLI) never share an engine.
    A request's session writes when its method is not GET, HEAD or OPTIONS; any other session
    reads until told otherwise (:meth:`writing`, ``new_session(write=True)``).
    """

    def init_app(self, app: Flask) -> None:
        engine = make_engine(
            app.config["DATABASE_URL"],
            busy_timeout_ms=app.config["SQLITE_BUSY_TIMEOUT_MS"],
            write_retries=app.config.get("SQLITE_WRITE_RETRIES", 2),
            echo=app.config.get("SQLALCHEMY_ECHO", False),
        )
        app.extensions["catalogue.db"] = _State(engine)
        app.teardown_appcontext(self._close_session)

    @property
    def _state(self) -> _State:
        return current_app.extensions["catalogue.db"]

    @property
    def engine(self) -> Engine:
        """The app's engine; its connections read (see :func:`writer_engine`)."""
        return self._state.engine

    def bind(self, bind: Any, **options: Any) -> None:
        """Point this app's new sessions at ``bind`` (tests: a connection in a transaction)."""
        self._state.factory = self._state.make_factory(bind, **options)

    @property
    def session(self) -> Session:
        """The session of the current application context.

        In a request whose method changes things, it takes the write lock with its first
        statement and for the whole request: its reads and writes are one serialisable unit."""
        if "db_session" not in g:
            session = self._state.factory()
            if has_request_context() and request.method not in READ_ONLY_METHODS:
                set_write_mode(session, "write")
            g.db_session = session
        return g.db_session

    def _close_session(self, _exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()

    @contextmanager
    def new_session(self, *, write: bool = False, brief: bool = False) -> Iterator[Session]:
        """A session outside the request scope (CLI, jobs); closed on exit, never auto-committed.

        ``write``: its transactions take the write lock when they begin (``brief``: waiting only
        a moment for it, and not retrying) - for a unit of work that reads in order to write.
        Otherwise it reads, and writes inside :meth:`writing`."""
        session = self._state.factory()
        if write:
            set_write_mode(session, "brief" if brief else "write")
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def writing(self, session: Session | None = None) -> Iterator[Session]:
        """A short write transaction on ``session`` (default: the current one).

        Any transaction still open - a job's reads - is ended first (committed: with
        ``expire_on_commit`` off the loaded objects stay usable), then the write lock is taken
        up front, the block runs, and it is committed (rolled back when it raises). Keep the
        block to the writes and the checks they depend on: compute and render before it."""
        session = session if session is not None else self.session
        before = session.info.get(_MODE)
        if before is None and session.in_transaction():
            session.commit()
        set_write_mode(session, before or "write")
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            if not session.in_transaction():
                session.info[_MODE] = before

    @contextmanager
    def reading(self, session: Session | None = None) -> Iterator[Session]:
        """A read transaction on ``session``, even one that otherwise writes: no lock is taken,
        and it is ended on exit (it must change nothing), so that no snapshot stays open while
        the caller computes. Writes belong in :meth:`writing`."""
        session = session if session is not None else self.session
        before = session.info.get(_MODE)
        if session.in_transaction():
            session.commit()
        set_write_mode(session, None)
        try:
            yield session
            if session.new or session.dirty or session.deleted:
                raise RuntimeError("a read transaction changed rows; use Database.writing")
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            if not session.in_transaction():
                session.info[_MODE] = before
