"""Catalogues and their items (pooled from one or more sources). Their frozen editions live in
``catalogue.editions.models``."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.auth.models import Role, User
from catalogue.core.db import Base
from catalogue.core.types import Money, Rate, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.editions.models import Edition
    from catalogue.networks.models import Network
    from catalogue.products.models import Product


class CatalogueKind(enum.StrEnum):
    THEME = "theme"
    EVENT = "event"
    NICHE = "niche"


class CatalogueFormat(enum.StrEnum):
    FLYER = "flyer"
    LEAFLET = "leaflet"
    BOOKLET = "booklet"


class Market(enum.StrEnum):
    B2B = "b2b"
    B2C = "b2c"


class CatalogueStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Catalogue(Base):
    __tablename__ = "catalogues"
    __table_args__ = (
        UniqueConstraint("network_id", "slug"),
        CheckConstraint("markup_percent >= 0", name="markup_not_negative"),
        CheckConstraint(
            "rounding_step IS NULL OR rounding_step > 0", name="rounding_step_positive"
        ),
        CheckConstraint(
            "order_opens_on IS NULL OR order_closes_on IS NULL "
            "OR order_opens_on <= order_closes_on",
            name="order_window_ordered",
        ),
        CheckConstraint("next_code_number >= 1", name="next_code_number_positive"),
        CheckConstraint("stories IN ('producer', 'region', 'none')", name="stories_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(80))
    title: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    intro: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    kind: Mapped[CatalogueKind] = mapped_column(str_enum(CatalogueKind, "catalogue_kind"))
    theme_slug: Mapped[str] = mapped_column(String(60), default="default")
    format: Mapped[CatalogueFormat] = mapped_column(
        str_enum(CatalogueFormat, "catalogue_format"), default=CatalogueFormat.BOOKLET
    )
    market: Mapped[Market] = mapped_column(str_enum(Market, "market"), default=Market.B2B)
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    locales: Mapped[list[str]] = mapped_column(JSON, default=list)
    markup_percent: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    rounding_step: Mapped[Decimal | None] = mapped_column(Money)
    price_display: Mapped[str] = mapped_column(String(20), default="range")
    group_by: Mapped[str] = mapped_column(String(20), default="category")
    sort_by: Mapped[str] = mapped_column(String(20), default="price")
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    order_opens_on: Mapped[date | None]
    order_closes_on: Mapped[date | None]
    status: Mapped[CatalogueStatus] = mapped_column(
        str_enum(CatalogueStatus, "catalogue_status"), default=CatalogueStatus.DRAFT
    )
    # A key of catalogue.themes.model.LAYOUTS offered by the chosen theme.
    layout: Mapped[str] = mapped_column(String(20), default="grid4", server_default="grid4")
    how_to_order: Mapped[dict[str, str]] = mapped_column(
        JSON, default=dict, server_default=text("'{}'")
    )
    # Story pages in a booklet: one per producer, one per region, or none.
    stories: Mapped[str] = mapped_column(String(10), default="producer", server_default="producer")
    # Item codes are "<code_prefix>-<NNN>"; the counter only ever goes up, so no code is reused.
    code_prefix: Mapped[str] = mapped_column(String(8), default="", server_default="")
    next_code_number: Mapped[int] = mapped_column(default=1, server_default="1")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    network: Mapped[Network] = relationship()
    items: Mapped[list[CatalogueItem]] = relationship(
        back_populates="catalogue", cascade="all, delete-orphan", order_by="CatalogueItem.position"
    )
    exchange_rates: Mapped[list[ExchangeRate]] = relationship(
        back_populates="catalogue", cascade="all, delete-orphan"
    )
    editions: Mapped[list[Edition]] = relationship(
        back_populates="catalogue", order_by="Edition.number"
    )

    def can_manage(self, user: User | None) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return user.has_role(self.network, Role.FACILITATOR, Role.ADMIN)


class CatalogueItem(Base):
    """One entry of a catalogue, with a code that stays the same across editions."""

    __tablename__ = "catalogue_items"
    __table_args__ = (
        UniqueConstraint("catalogue_id", "code"),
        CheckConstraint("length(code) > 0", name="code_not_empty"),
        CheckConstraint("unit_price IS NULL OR unit_price >= 0", name="unit_price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogues.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(120), default="")
    pinned: Mapped[bool] = mapped_column(default=False)
    added_by_rule: Mapped[bool] = mapped_column(default=False)
    # Removed by the facilitator: the row stays so its code stays reserved and rules skip it.
    excluded: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Added by the rules, which no longer match it; it comes back (same code) when they do.
    unmatched: Mapped[bool] = mapped_column(default=False, server_default=false())
    unit_price: Mapped[Decimal | None] = mapped_column(Money)  # facilitator's override

    catalogue: Mapped[Catalogue] = relationship(back_populates="items")
    sources: Mapped[list[ItemSource]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ItemSource.position"
    )

    @property
    def active(self) -> bool:
        """In the catalogue: neither removed by the facilitator nor dropped by the rules."""
        return not self.excluded and not self.unmatched

    @property
    def pooled(self) -> bool:
        return len(self.sources) > 1


class ItemSource(Base):
    """A product that supplies a catalogue item; several sources make a pooled item."""

    __tablename__ = "item_sources"
    __table_args__ = (UniqueConstraint("item_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_items.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(default=0)

    item: Mapped[CatalogueItem] = relationship(back_populates="sources")
    product: Mapped[Product] = relationship()


class ExchangeRate(Base):
    """Set by the facilitator: one unit of ``currency`` is ``rate`` units of the catalogue's."""

    __tablename__ = "exchange_rates"
    __table_args__ = (
        UniqueConstraint("catalogue_id", "currency"),
        CheckConstraint("rate > 0", name="rate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogues.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    rate: Mapped[Decimal] = mapped_column(Rate)

    catalogue: Mapped[Catalogue] = relationship(back_populates="exchange_rates")
