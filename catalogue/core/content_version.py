"""The content version: a token that changes whenever data shown on pages changes.

Every transaction that inserts, updates or deletes rows through a session (flushes, ORM and
Core statements run by ``session.execute``) writes a new random token to the single row of
``content_versions`` just before it commits, in the same transaction - so the token a reader
sees always belongs to the data it sees, and a rolled-back change leaves no trace. Tables of
bookkeeping no page shows to the public (sign-ins, tokens, jobs, the audit trail, users) do not
count. The page cache (``core.page_cache``) keeps a page only as long as the token it was made
at is current.

The token is random rather than a counter so that a transaction that is rolled back and a later
one that commits can never share a value.
"""

from __future__ import annotations

import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from catalogue.core.models import ContentVersion

# Changes to these tables do not change what public pages show.
UNSHOWN_TABLES = frozenset(
    {
        "content_versions",
        "jobs",
        "api_tokens",
        "login_sessions",
        "login_failures",
        "audit_events",
        "users",
        "memberships",
    }
)
_CHANGED = "catalogue.content_changed"
_T = TypeVar("_T")


_TABLE = ContentVersion.__table__
_READ = select(_TABLE.c.token).where(_TABLE.c.id == 1)


def current(session: Session) -> str:
    """The token of the data ``session`` sees ("" before the first change is recorded): one
    small statement on the session's connection, in its transaction."""
    return session.connection().execute(_READ).scalar() or ""


def changing(session: Session) -> bool:
    """Whether ``session`` holds changes pages show that are not committed yet (pending, or
    flushed in its open transaction): what it reads then is not what the token stands for."""
    if session.info.get(_CHANGED):
        return True
    return any(_shown(obj) for obj in (*session.new, *session.dirty, *session.deleted))


class Memo:
    """Results worked out from the data, kept (in this process) while the content version is
    the one they were worked out at: :meth:`get` gives a kept result or makes a new one. Up to
    ``size`` results, the oldest out first; a session with changes of its own always makes."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        _MEMOS.add(self)

    def get(self, session: Session, key: Hashable, make: Callable[[], _T]) -> _T:
        if changing(session):
            return make()
        token = current(session)
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept[0] == token:
            return kept[1]
        value = make()
        with self._lock:
            self._kept[key] = (token, value)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


_MEMOS: weakref.WeakSet[Memo] = weakref.WeakSet()


def forget_all() -> None:
    """Empty every :class:`Memo` of this process (tests, whose rolled-back data may come back)."""
    for memo in list(_MEMOS):
        memo.clear()


def _shown(obj: Any) -> bool:
    table = getattr(obj, "__tablename__", None)
    return table not in UNSHOWN_TABLES


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    # In after_flush the new/dirty/deleted collections still hold what was just flushed.
    if any(_shown(obj) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[_CHANGED] = True


def _on_execute(state: Any) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) not in UNSHOWN_TABLES:
        state.session.info[_CHANGED] = True


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # what commit would flush next: recorded by _after_flush
    if not session.info.pop(_CHANGED, False):
        return
    token = secrets.token_hex(16)
    done = session.execute(update(ContentVersion).where(ContentVersion.id == 1).values(token=token))
    if done.rowcount == 0:  # type: ignore[attr-defined]
        session.add(ContentVersion(id=1, token=token))
        session.flush()


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the whole transaction is over: committed or rolled back
        session.info.pop(_CHANGED, None)


_LISTENERS = (
    ("after_flush", _after_flush),
    ("do_orm_execute", _on_execute),
    ("before_commit", _before_commit),
    ("after_transaction_end", _after_transaction_end),
)


def track(session_class: type[Session]) -> None:
    """Record content changes for every session of ``session_class`` (once, however often an
    app is created)."""
    for name, listener in _LISTENERS:
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)
