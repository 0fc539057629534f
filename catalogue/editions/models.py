"""Editions: immutable, numbered snapshots of a catalogue, and the items as published (what
orders refer to)."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.types import Money, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.catalogues.models import Catalogue


class EditionStatus(enum.StrEnum):
    BUILDING = "building"
    PUBLISHED = "published"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


class Edition(Base):
    """An immutable, numbered snapshot of a catalogue; every output is rebuilt from it alone."""

    __tablename__ = "editions"
    __table_args__ = (
        UniqueConstraint("catalogue_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogues.id", ondelete="RESTRICT"))
    number: Mapped[int]
    status: Mapped[EditionStatus] = mapped_column(
        str_enum(EditionStatus, "edition_status"), default=EditionStatus.BUILDING
    )
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    snapshot_sha256: Mapped[str] = mapped_column(String(64), default="")
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    change_summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    catalogue: Mapped[Catalogue] = relationship(back_populates="editions")
    items: Mapped[list[EditionItem]] = relationship(
        back_populates="edition", cascade="all, delete-orphan", order_by="EditionItem.position"
    )


class EditionItem(Base):
    """An item as published: what orders refer to, so later price changes never alter them."""

    __tablename__ = "edition_items"
    __table_args__ = (
        UniqueConstraint("edition_id", "code"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
        CheckConstraint("min_order >= 1", name="min_order_positive"),
        CheckConstraint("case_multiple >= 1", name="case_multiple_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    unit_price: Mapped[Decimal] = mapped_column(Money)
    min_order: Mapped[int] = mapped_column(default=1)
    case_multiple: Mapped[int] = mapped_column(default=1)
    lead_time_days: Mapped[int] = mapped_column(default=0)

    edition: Mapped[Edition] = relationship(back_populates="items")
    sources: Mapped[list[EditionItemSource]] = relationship(
        back_populates="edition_item", cascade="all, delete-orphan"
    )


class EditionItemSource(Base):
    __tablename__ = "edition_item_sources"
    __table_args__ = (UniqueConstraint("edition_item_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_item_id: Mapped[int] = mapped_column(ForeignKey("edition_items.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id", ondelete="RESTRICT"))

    edition_item: Mapped[EditionItem] = relationship(back_populates="sources")
