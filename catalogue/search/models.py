"""The search outbox: what changed since the index last followed the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, utcnow


class SearchOutbox(Base):
    """One change to apply to the index: ``kind`` and ``key`` name what changed (a product, a
    producer, ...), as the domain that recorded it understands them. Written in the transaction
    of the change, deleted once applied; several rows may name the same thing."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
