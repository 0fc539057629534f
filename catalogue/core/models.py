"""Reference data and the audit trail, shared by every domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, utcnow


class Currency(Base):
    """An ISO 4217 currency. Prices and catalogues refer to it by foreign key, so an unknown
    code is refused by the database itself. Rows are loaded by the baseline migration."""

    __tablename__ = "currencies"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    minor_units: Mapped[int] = mapped_column(Integer)


class AuditEvent(Base):
    """Who did what to which object, and when. Written by services, never edited."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    network_id: Mapped[int | None] = mapped_column(
        ForeignKey("networks.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ContentVersion(Base):
    """One row whose ``token`` changes in every transaction that changes data pages show (see
    ``core.content_version``): what the page cache checks its pages against."""

    __tablename__ = "content_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32))
