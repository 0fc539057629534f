"""The embedded default: SQLite with WAL, synchronous=FULL, foreign keys, a busy timeout, and
transactions that take the write lock when they begin."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from catalogue.core.db import make_engine


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}", busy_timeout_ms=200)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)"))
    yield engine
    engine.dispose()


def test_pragmas_are_set_on_every_connection(engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 200


def test_a_transaction_holds_the_write_lock_from_its_start(engine, tmp_path) -> None:
    # A read-check-write in one transaction must not interleave with another writer: the first
    # transaction's BEGIN IMMEDIATE makes the second writer wait (here: time out).
    with engine.begin() as first:
        first.execute(text("SELECT count(*) FROM t")).scalar()
        other = sqlite3.connect(tmp_path / "x.sqlite3", timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
        first.execute(text("INSERT INTO t (n) VALUES (1)"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 1


def test_a_second_engine_waits_then_fails_cleanly(engine, tmp_path) -> None:
    second = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}", busy_timeout_ms=100)
    try:
        with engine.begin(), pytest.raises(OperationalError), second.begin() as conn:
            conn.execute(text("INSERT INTO t (n) VALUES (2)"))
    finally:
        second.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
