"""The single writer that makes the index follow the database.

After a commit that recorded changes (``search.outbox``), :meth:`Writer.schedule` has the outbox
applied: at once in the committing thread (``JOB_RUNNER=inline``), on one writer thread of the
app process (``thread``, the default), or by a ``catalogue worker`` (``redis``). Applying takes
the writer lock - a thread lock plus an exclusive lock on a file beside the index folder, so
that two threads or processes never write at once - then, in a transaction begun after the lock
was taken, reads the outbox rows and the documents they name, writes the index, and deletes the
rows it applied. Every run applies every row found, so rows a crash left behind are applied by
the next run (and at start-up, on the first request). Documents come from the sources the
domains register (:func:`register_source`).
"""

from __future__ import annotations

import fcntl
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from flask import Flask, g, has_app_context
from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from catalogue.core.db import is_lock_error, writes
from catalogue.extensions import db
from catalogue.search.backend import Backend
from catalogue.search.documents import Document
from catalogue.search.models import SearchOutbox

log = logging.getLogger(__name__)
BATCH = 500

Change = tuple[str, str]


class Source(Protocol):
    """What a domain gives the writer: the documents of the things changes name, and all."""

    def documents(
        self, session: Session, changes: Sequence[Change]
    ) -> tuple[list[Document], list[str]]:
        """For the changes of kinds this source knows: documents to (re)index and ids to drop."""
        ...

    def count(self, session: Session) -> int:
        """How many documents :meth:`all_documents` gives (for progress)."""
        ...

    def all_documents(self, session: Session) -> Iterator[Document]:
        """Every document this source has, in batches from the database."""
        ...


SOURCES: list[Source] = []


def register_source(source: Source) -> None:
    """Add a domain's documents to the index (once per process)."""
    if not any(type(s) is type(source) for s in SOURCES):
        SOURCES.append(source)


_PROCESS_LOCKS: dict[str, threading.Lock] = {}
_GUARD = threading.Lock()


class Writer:
    """Applies the outbox to ``backend`` for ``app``; one per app."""

    def __init__(self, app: Flask, backend: Backend, lock_path: Path) -> None:
        self.app = app
        self.backend = backend
        self.lock_path = lock_path
        self.mode = app.config["JOB_RUNNER"]
        with _GUARD:
            self._thread_lock = _PROCESS_LOCKS.setdefault(str(lock_path), threading.Lock())
        self._queued = False
        self._queued_lock = threading.Lock()
        self._unforgotten: list[int] = []  # applied, not yet deleted (the database was busy)
        self._pool: ThreadPoolExecutor | None = None

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writer lock: this process's threads, then other processes."""
        with self._thread_lock:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            with self.lock_path.open("a") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    # -- when ------------------------------------------------------------------------------
    def schedule(self, committed: Session | None = None) -> None:
        """Have the outbox applied soon (at once with the inline runner). ``committed``: the
        session whose commit recorded the changes. With the inline runner, a commit made while
        this context's own session still holds a write transaction (a side session inside a long
        import, say) leaves the work to that transaction's end: applying now would wait for the
        lock this very thread holds."""
        if self.mode == "inline":
            outer = g.get("db_session") if has_app_context() else None
            if (
                outer is not None
                and outer is not committed
                and outer.in_transaction()
                and writes(outer)
            ):
                g.search_deferred = True
                return
            self._run_logged()
        elif self.mode == "redis":
            runner = self.app.extensions["catalogue.jobs"]
            runner.queue.enqueue("catalogue.search.tasks.apply_outbox", result_ttl=0)
        else:
            with self._queued_lock:
                if self._queued:
                    return  # the queued run will see these rows too
                self._queued = True
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(1, thread_name_prefix="catalogue-search")
            self._pool.submit(self._drain)

    def _drain(self) -> None:
        with self._queued_lock:
            self._queued = False
        with self.app.app_context():
            self._run_logged()

    def _run_logged(self) -> None:
        try:
            self.apply()
        except Exception:
            # The rows stay in the outbox: the next run applies them.
            log.exception("search index not updated; the outbox keeps the changes")

    # -- what ------------------------------------------------------------------------------
    def apply(self) -> int:
        """Apply every outbox row there is; returns how many rows were applied.

        Rows applied whose deletion found the database busy are remembered: the next run first
        deletes them, and applies nothing new while it cannot - so a long write elsewhere never
        makes the same rows be indexed again and again."""
        applied = 0
        with self.locked():
            if self._unforgotten:
                if not self._forget(self._unforgotten):
                    return 0
                self._unforgotten = []
        while True:
            with self.locked(), db.new_session() as session:
                rows = session.execute(
                    select(SearchOutbox.id, SearchOutbox.kind, SearchOutbox.key)
                    .order_by(SearchOutbox.id)
                    .limit(BATCH)
                ).all()
                if not rows:
                    session.rollback()
                    return applied
                changes = sorted({(kind, key) for _id, kind, key in rows})
                docs: list[Document] = []
                drop: list[str] = []
                for source in SOURCES:
                    found, gone = source.documents(session, changes)
                    docs += found
                    drop += gone
                session.rollback()  # end the read before writing the index
                self.backend.remove(drop)
                self.backend.index(docs)
                applied += len(rows)
                ids = [row_id for row_id, _k, _key in rows]
                if not self._forget(ids):
                    self._unforgotten = ids
                    return applied

    def reindex(
        self,
        progress: Callable[[int], None] | None = None,
        *,
        total: Callable[[int], None] | None = None,
    ) -> int:
        """Rebuild the whole index from the database; the outbox rows seen are applied by it."""
        with self.locked(), db.new_session() as session:
            ids = list(session.scalars(select(SearchOutbox.id)))
            if total is not None:
                total(sum(source.count(session) for source in SOURCES))

            def everything() -> Iterator[Document]:
                for source in SOURCES:
                    yield from source.all_documents(session)

            count = self.backend.reindex(everything(), progress=progress)
            session.rollback()
            if not self._forget(ids):
                self._unforgotten = ids
        return count

    def _forget(self, ids: list[int]) -> bool:
        """Delete the applied rows, in a brief write of its own; False when the write lock was
        not free at once (a long import holds it): the rows stay, and applying is idempotent."""
        for start in range(0, len(ids), BATCH):
            try:
                with db.new_session(write=True, brief=True) as side:
                    side.connection().execute(
                        delete(SearchOutbox).where(SearchOutbox.id.in_(ids[start : start + BATCH]))
                    )
                    side.commit()
            except OperationalError as exc:
                if not is_lock_error(exc):
                    raise
                log.info("search outbox rows kept for the next run: the database is busy")
                return False
        return True


def pending(session: Session) -> int:
    """How many outbox rows wait to be applied."""
    return len(session.scalars(select(SearchOutbox.id)).all())
