"""The audit trail: services record what changed; nothing ever edits an event.

Each event keeps, in its ``detail``, a ``label``: the object's name as it was when the event
happened (a product's name in each of its languages, a producer's or user's name, a catalogue's
title), so the trail still reads in words after the object is renamed or deleted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue.core.models import AuditEvent

Label = str | dict[str, str]
# Attributes that name an object, most telling first; then the object it belongs to.
_NAMING = ("display_name", "title", "name", "code", "sku", "email", "slug")
_PARENTS = ("user", "product", "producer", "catalogue")


def label_of(obj: Any, *, _depth: int = 0) -> Label:
    """A human name for ``obj``: per-language product names, else the first naming attribute
    (``display_name``, ``title``, ``name``…), else the name of what it belongs to, else ""."""
    texts = getattr(obj, "texts", None)
    if isinstance(texts, list) and texts:
        names = {t.locale: t.name for t in texts if getattr(t, "name", "")}
        if names:
            return names
    for attr in _NAMING:
        value = getattr(obj, attr, None)
        if isinstance(value, dict):
            value = {str(k): str(v) for k, v in value.items() if v}
        elif value is not None and not isinstance(value, str):
            continue
        if value:
            return value
    if _depth < 2:
        for attr in _PARENTS:
            parent = getattr(obj, attr, None)
            if parent is not None and parent is not obj:
                return label_of(parent, _depth=_depth + 1)
    return ""


def record(
    session: Session,
    action: str,
    obj: Any,
    *,
    actor: Any | None = None,
    network_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Add an audit event for ``obj`` (flushed with the caller's unit of work).

    ``label`` in ``detail`` names the object for people; when not given it is taken from the
    object itself (see :func:`label_of`).
    """
    if "label" not in detail:
        detail["label"] = label_of(obj)
    event = AuditEvent(
        action=action,
        object_type=type(obj).__tablename__,
        object_id=str(getattr(obj, "id", "") or getattr(obj, "code", "")),
        actor_id=getattr(actor, "id", None),
        network_id=network_id,
        detail=detail,
    )
    session.add(event)
    return event
