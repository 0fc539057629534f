"""The audit trail: services record what changed; nothing ever edits an event."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue.core.models import AuditEvent


def record(
    session: Session,
    action: str,
    obj: Any,
    *,
    actor: Any | None = None,
    network_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Add an audit event for ``obj`` (flushed with the caller's unit of work)."""
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
