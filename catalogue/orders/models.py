"""Orders against an edition, their allocation across sources and months, and the capacity
ledger that keeps every producer within what she declared."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.types import Money, UTCDateTime, str_enum, utcnow


class OrderStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"
    IN_PRODUCTION = "in_production"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("editions.id", ondelete="RESTRICT"))
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_organisation: Mapped[str] = mapped_column(String(200), default="")
    buyer_email: Mapped[str] = mapped_column(String(254))
    buyer_country: Mapped[str] = mapped_column(String(2), default="")
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    status: Mapped[OrderStatus] = mapped_column(
        str_enum(OrderStatus, "order_status"), default=OrderStatus.DRAFT
    )
    wanted_by: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "edition_item_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    edition_item_id: Mapped[int] = mapped_column(
        ForeignKey("edition_items.id", ondelete="RESTRICT")
    )
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Money)

    order: Mapped[Order] = relationship(back_populates="lines")
    allocations: Mapped[list[Allocation]] = relationship(
        back_populates="order_line", cascade="all, delete-orphan"
    )


class AllocationStatus(enum.StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    DECLINED = "declined"


class Allocation(Base):
    """Part of an order line given to one source product for one production month."""

    __tablename__ = "allocations"
    __table_args__ = (
        UniqueConstraint("order_line_id", "product_id", "month"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    month: Mapped[date]  # first day of the production month
    quantity: Mapped[int]
    status: Mapped[AllocationStatus] = mapped_column(
        str_enum(AllocationStatus, "allocation_status"), default=AllocationStatus.PROPOSED
    )
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    order_line: Mapped[OrderLine] = relationship(back_populates="allocations")


class CapacityLedger(Base):
    """Per source product and month: what she can make and what orders have reserved.

    ``reserved <= capacity`` is a CHECK, so no code path can over-commit a producer.
    """

    __tablename__ = "capacity_ledger"
    __table_args__ = (
        UniqueConstraint("product_id", "month"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        CheckConstraint("reserved <= capacity", name="reserved_within_capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    month: Mapped[date]
    capacity: Mapped[int]
    reserved: Mapped[int] = mapped_column(default=0)
