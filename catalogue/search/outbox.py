"""Recording changes for the search index in the transaction that makes them.

Domains say which of their models a search document shows (:func:`watch`, with a function that
names what a changed row affects, e.g. ``("product", "12")``). For every session of the class
given to :func:`track`, the rows flushed are looked at after each flush; just before commit one
``search_outbox`` row per thing named is inserted, in the same transaction, so the outbox and
the data commit or roll back together. After the commit the writer is told
(``search.writer``); a crash before it runs leaves the rows for the next run.

Rows are inserted with a Core statement on the session's connection, so that recording a change
is not itself a change other session hooks (the content version) react to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import event, insert
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from catalogue.core.types import utcnow
from catalogue.search.models import SearchOutbox

Change = tuple[str, str]
Keys = Callable[[Any], Iterable[Change]]

WATCHED: dict[type, Keys] = {}
_CHANGES = "catalogue.search.changes"
_RECORDED = "catalogue.search.recorded"


def watch(model: type, keys: Keys) -> None:
    """Record ``keys(row)`` whenever a ``model`` row is added, changed or deleted."""
    WATCHED[model] = keys


def _keys(obj: Any) -> Iterable[Change]:
    for cls in type(obj).__mro__:
        keys = WATCHED.get(cls)
        if keys is not None:
            return keys(obj)
    return ()


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    if not WATCHED:
        return
    found: set[Change] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        found.update((kind, str(key)) for kind, key in _keys(obj))
    if found:
        session.info.setdefault(_CHANGES, set()).update(found)


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # what commit would flush next: recorded by _after_flush
    changes = session.info.pop(_CHANGES, None)
    if not changes:
        return
    now = utcnow()
    rows = [{"kind": kind, "key": key, "created_at": now} for kind, key in sorted(changes)]
    session.connection().execute(insert(SearchOutbox.__table__), rows)
    session.info[_RECORDED] = True


def _after_commit(session: Session) -> None:
    # Dispatched before the committed transaction is closed: a nested one is still current.
    if session.in_nested_transaction():
        return  # a savepoint was committed: the outer transaction's commit tells the writer
    if not session.info.pop(_RECORDED, False) or not has_app_context():
        return
    search = current_app.extensions.get("catalogue.search")
    if search is not None:
        search.writer.schedule(session)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the whole transaction is over: committed or rolled back
        session.info.pop(_CHANGES, None)


def _after_rollback(session: Session) -> None:
    session.info.pop(_RECORDED, None)


_LISTENERS = (
    ("after_flush", _after_flush),
    ("before_commit", _before_commit),
    ("after_commit", _after_commit),
    ("after_rollback", _after_rollback),
    ("after_transaction_end", _after_transaction_end),
)


def track(session_class: type[Session]) -> None:
    """Record search changes for every session of ``session_class`` (once, however often an app
    is created)."""
    for name, listener in _LISTENERS:
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)
