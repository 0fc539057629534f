"""Print shops and the print jobs they receive for an edition."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, str_enum, utcnow


class PrintShop(Base):
    __tablename__ = "print_shops"
    __table_args__ = (UniqueConstraint("network_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")


class PrintJobStatus(enum.StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    PRINTING = "printing"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class PrintJob(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (CheckConstraint("copies > 0", name="copies_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="RESTRICT"))
    print_shop_id: Mapped[int] = mapped_column(ForeignKey("print_shops.id", ondelete="RESTRICT"))
    status: Mapped[PrintJobStatus] = mapped_column(
        str_enum(PrintJobStatus, "print_job_status"), default=PrintJobStatus.REQUESTED
    )
    copies: Mapped[int]
    paper: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None]
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    print_shop: Mapped[PrintShop] = relationship()
