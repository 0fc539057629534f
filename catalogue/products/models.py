"""Products with per-language text, production capacity and price ranges."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.auth.models import Role, User
from catalogue.core.db import Base
from catalogue.core.types import Money, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.media.models import ProductImage
    from catalogue.producers.models import Producer

ALL_MONTHS = (1 << 12) - 1


class ProductStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    RETIRED = "retired"


product_tags = Table(
    "product_tags",
    Base.metadata,
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)


LIVE = "draft_of_id IS NULL"


class Product(Base):
    """A producer's product. A row with ``draft_of_id`` set is a *pending change*: a producer's
    edit to an approved product, kept apart (never public, never in a catalogue or a list) until
    a facilitator approves it onto the live row (see ``products.revisions``)."""

    __tablename__ = "products"
    __table_args__ = (
        # A code is unique among a producer's live products; a pending change repeats (or
        # changes) its live product's code. Partial unique index: SQLite and PostgreSQL alike.
        Index(
            "uq_products_live_sku",
            "producer_id",
            "sku",
            unique=True,
            sqlite_where=text(LIVE),
            postgresql_where=text(LIVE),
        ),
        *(
            CheckConstraint(f"{col} IS NULL OR {col} >= 0", name=f"{col}_not_negative")
            for col in ("length_mm", "width_mm", "height_mm", "weight_g")
        ),
        CheckConstraint(
            "shelf_life_days IS NULL OR shelf_life_days > 0", name="shelf_life_positive"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(
        ForeignKey("producers.id", ondelete="CASCADE"), index=True
    )
    sku: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40), index=True)
    colours: Mapped[list[str]] = mapped_column(JSON, default=list)
    materials: Mapped[list[str]] = mapped_column(JSON, default=list)
    length_mm: Mapped[int | None]
    width_mm: Mapped[int | None]
    height_mm: Mapped[int | None]
    weight_g: Mapped[int | None]
    is_food: Mapped[bool] = mapped_column(default=False)
    perishable: Mapped[bool] = mapped_column(default=False)
    shelf_life_days: Mapped[int | None]
    status: Mapped[ProductStatus] = mapped_column(
        str_enum(ProductStatus, "product_status"), default=ProductStatus.DRAFT, index=True
    )
    review_note: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    draft_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    producer: Mapped[Producer] = relationship(back_populates="products")
    draft_of: Mapped[Product | None] = relationship(
        remote_side=[id], back_populates="draft", foreign_keys=[draft_of_id]
    )
    draft: Mapped[Product | None] = relationship(
        back_populates="draft_of", cascade="all, delete-orphan"
    )
    texts: Mapped[list[ProductText]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductText.locale"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=product_tags, order_by="Tag.slug")
    capacity: Mapped[Capacity | None] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )
    price_ranges: Mapped[list[PriceRange]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="PriceRange.currency"
    )
    images: Mapped[list[ProductImage]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductImage.position"
    )
    cost: Mapped[ProductCost | None] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )

    @property
    def is_public(self) -> bool:
        return (
            self.status == ProductStatus.APPROVED
            and self.draft_of_id is None
            and self.producer.is_public
        )

    @property
    def live(self) -> Product:
        """The product buyers may see: itself, or for a pending change the product it changes."""
        return self.draft_of if self.draft_of is not None else self

    @property
    def editing(self) -> Product:
        """The version its producer edits and sees in her portal: the pending change if any."""
        return self.draft if self.draft is not None else self

    def text(self, locale: str) -> ProductText | None:
        """The text in ``locale``, else in the network's default language, else the first."""
        by_locale = {t.locale: t for t in self.texts}
        default = self.producer.network.default_locale
        return by_locale.get(locale) or by_locale.get(default) or next(iter(self.texts), None)

    def can_edit(self, user: User | None) -> bool:
        """Her own products for a producer; any product of the network for its facilitators."""
        return self.producer.can_edit(user)

    def can_review(self, user: User | None) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return user.has_role(self.producer.network, Role.FACILITATOR, Role.ADMIN)


class ProductText(Base):
    __tablename__ = "product_texts"
    __table_args__ = (
        UniqueConstraint("product_id", "locale"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    story: Mapped[str] = mapped_column(Text, default="")

    product: Mapped[Product] = relationship(back_populates="texts")


class Capacity(Base):
    """What a producer can make of one product: the limit every order allocation respects."""

    __tablename__ = "capacities"
    __table_args__ = (
        CheckConstraint("units_per_month >= 0", name="units_per_month_not_negative"),
        CheckConstraint("lead_time_days >= 0", name="lead_time_not_negative"),
        CheckConstraint("min_order >= 1", name="min_order_positive"),
        CheckConstraint("case_multiple >= 1", name="case_multiple_positive"),
        CheckConstraint(f"months_available BETWEEN 0 AND {ALL_MONTHS}", name="months_bitmask"),
    )

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    units_per_month: Mapped[int]
    lead_time_days: Mapped[int] = mapped_column(default=0)
    min_order: Mapped[int] = mapped_column(default=1)
    case_multiple: Mapped[int] = mapped_column(default=1)
    # Bit (m - 1) set when the product can be made in month m (January = bit 0).
    months_available: Mapped[int] = mapped_column(default=ALL_MONTHS)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    product: Mapped[Product] = relationship(back_populates="capacity")

    @property
    def months(self) -> list[int]:
        return [m for m in range(1, 13) if self.months_available & (1 << (m - 1))]

    @staticmethod
    def months_mask(months: list[int]) -> int:
        mask = 0
        for month in months:
            mask |= 1 << (int(month) - 1)
        return mask


class PriceRange(Base):
    """The producer's selling prices for one product in one currency."""

    __tablename__ = "price_ranges"
    __table_args__ = (
        UniqueConstraint("product_id", "currency"),
        CheckConstraint("wholesale_min >= 0", name="wholesale_min_not_negative"),
        CheckConstraint("wholesale_min <= wholesale_max", name="wholesale_min_le_max"),
        CheckConstraint("retail_min IS NULL OR retail_min >= 0", name="retail_min_not_negative"),
        CheckConstraint(
            "(retail_min IS NULL AND retail_max IS NULL) OR retail_min <= retail_max",
            name="retail_min_le_max",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    wholesale_min: Mapped[Decimal] = mapped_column(Money)
    wholesale_max: Mapped[Decimal] = mapped_column(Money)
    retail_min: Mapped[Decimal | None] = mapped_column(Money)
    retail_max: Mapped[Decimal | None] = mapped_column(Money)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    product: Mapped[Product] = relationship(back_populates="price_ranges")
    tiers: Mapped[list[PriceTier]] = relationship(
        back_populates="price_range",
        cascade="all, delete-orphan",
        order_by="PriceTier.min_quantity",
    )


class PriceTier(Base):
    """A wholesale unit price from ``min_quantity`` units up."""

    __tablename__ = "price_tiers"
    __table_args__ = (
        UniqueConstraint("price_range_id", "min_quantity"),
        CheckConstraint("min_quantity >= 1", name="min_quantity_positive"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    price_range_id: Mapped[int] = mapped_column(ForeignKey("price_ranges.id", ondelete="CASCADE"))
    min_quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Money)

    price_range: Mapped[PriceRange] = relationship(back_populates="tiers")


class ProductCost(Base):
    """The costing helper's inputs for one item, in one currency (kept to check prices later)."""

    __tablename__ = "product_costs"
    __table_args__ = (
        CheckConstraint("materials >= 0", name="materials_not_negative"),
        CheckConstraint("hours >= 0", name="hours_not_negative"),
        CheckConstraint("hourly_rate >= 0", name="hourly_rate_not_negative"),
        CheckConstraint("overhead_percent >= 0", name="overhead_not_negative"),
    )

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    materials: Mapped[Decimal] = mapped_column(Money)
    hours: Mapped[Decimal] = mapped_column(Money)
    hourly_rate: Mapped[Decimal] = mapped_column(Money)
    overhead_percent: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    product: Mapped[Product] = relationship(back_populates="cost")
