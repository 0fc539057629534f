"""The embedded default: SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout;
transactions that only read take no lock, transactions that write take the write lock when they
begin, and a writer that cannot get it retries, then fails with a lock error."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from catalogue.core.db import is_lock_error, make_engine, writer_engine


@pytest.fixture
def path(tmp_path):
    return tmp_path / "x.sqlite3"


@pytest.fixture
def engine(path):
    engine = make_engine(f"sqlite:///{path}", busy_timeout_ms=200, write_retries=0)
    with writer_engine(engine).begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)"))
    yield engine
    engine.dispose()


def _other(path, timeout: float = 0.1) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


def test_pragmas_are_set_on_every_connection(engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 200


def test_a_reading_transaction_takes_no_lock(engine, path) -> None:
    with engine.begin() as reader:
        reader.execute(text("SELECT count(*) FROM t")).scalar()
        other = _other(path)
        other.execute("BEGIN IMMEDIATE")  # a writer gets the lock at once
        other.execute("INSERT INTO t (n) VALUES (1)")
        other.execute("COMMIT")
        other.close()
        # ... and the reader keeps its snapshot.
        assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_a_writing_transaction_holds_the_write_lock_from_its_start(engine, path) -> None:
    # A read-check-write must not interleave with another writer: BEGIN IMMEDIATE makes the
    # second writer wait (here: time out) even while the first has only read so far.
    with writer_engine(engine).begin() as first:
        first.execute(text("SELECT count(*) FROM t")).scalar()
        other = _other(path)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
        first.execute(text("INSERT INTO t (n) VALUES (1)"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 1


def test_a_second_writer_waits_then_fails_with_a_lock_error(engine, path) -> None:
    second = make_engine(f"sqlite:///{path}", busy_timeout_ms=100, write_retries=0)
    try:
        with writer_engine(engine).begin():
            with pytest.raises(OperationalError) as failed, writer_engine(second).begin() as conn:
                conn.execute(text("INSERT INTO t (n) VALUES (2)"))
            assert is_lock_error(failed.value)
    finally:
        second.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_a_writer_retries_after_the_busy_timeout_and_gets_the_lock(path, engine) -> None:
    # Busy timeout 100 ms, two retries with backoff: a lock released after ~250 ms is got.
    patient = make_engine(f"sqlite:///{path}", busy_timeout_ms=100, write_retries=2)
    holder = _other(path)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.25, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        started = time.monotonic()
        with writer_engine(patient).begin() as conn:
            conn.execute(text("INSERT INTO t (n) VALUES (3)"))
        assert time.monotonic() - started >= 0.2
    finally:
        release.join()
        holder.close()
        patient.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT n FROM t")).scalars().all() == [3]


def test_a_stale_reader_that_writes_is_refused_not_allowed_to_lose_an_update(engine, path) -> None:
    # Why writers begin IMMEDIATE: a deferred transaction that read before another writer
    # committed cannot write (SQLITE_BUSY_SNAPSHOT, at once, without the busy timeout).
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO t (n) VALUES (10)"))
    with pytest.raises(OperationalError) as refused, engine.begin() as stale:
        stale.execute(text("SELECT n FROM t")).scalar()
        other = _other(path)
        other.execute("UPDATE t SET n = 11")
        other.close()
        stale.execute(text("UPDATE t SET n = 10 + 5"))
    assert is_lock_error(refused.value)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT n FROM t")).scalar() == 11
