"""Producers: a public profile, private contact details kept apart, and the support they need."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.auth.models import Role, User
from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.networks.models import Network
    from catalogue.products.models import Product


class CommunityType(enum.StrEnum):
    RURAL = "rural"
    URBAN = "urban"
    PERI_URBAN = "peri-urban"
    INDIGENOUS = "indigenous"
    ISLAND = "island"


class Producer(Base):
    """A woman producer or a women-led micro-enterprise.

    Everything on this row may appear on public pages and PDFs, subject to the consent flags;
    contact details live in ``ProducerContact`` so that public code never loads them.
    """

    __tablename__ = "producers"
    __table_args__ = (
        UniqueConstraint("network_id", "slug"),
        CheckConstraint("length(economy) = 2", name="economy_iso"),
        CheckConstraint(
            "women_workers IS NULL OR women_workers >= 0", name="women_workers_not_negative"
        ),
        CheckConstraint(
            "women_workers IS NULL OR total_workers IS NULL OR women_workers <= total_workers",
            name="women_workers_within_total",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(80))
    display_name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(120))
    economy: Mapped[str] = mapped_column(String(2))
    story: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    founded_year: Mapped[int | None]
    # Self-identified; shown publicly only with consent_share_identity.
    community_type: Mapped[CommunityType | None] = mapped_column(
        str_enum(CommunityType, "community_type")
    )
    women_led: Mapped[bool | None]
    women_workers: Mapped[int | None]
    total_workers: Mapped[int | None]
    consent_public_profile: Mapped[bool] = mapped_column(default=False)
    consent_share_identity: Mapped[bool] = mapped_column(default=False)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    network: Mapped[Network] = relationship(back_populates="producers")
    contact: Mapped[ProducerContact | None] = relationship(
        back_populates="producer", cascade="all, delete-orphan", lazy="raise"
    )
    # Her products; pending changes (``Product.draft_of_id``) are reached through their product.
    products: Mapped[list[Product]] = relationship(
        back_populates="producer",
        cascade="all, delete-orphan",
        order_by="Product.id",
        primaryjoin="and_(Producer.id == Product.producer_id, Product.draft_of_id.is_(None))",
    )
    support_needs: Mapped[list[SupportNeed]] = relationship(
        back_populates="producer", cascade="all, delete-orphan"
    )

    @property
    def is_public(self) -> bool:
        return self.active and self.consent_public_profile

    def can_view_private(self, user: User | None) -> bool:
        """Contact and self-identification details: the producer herself and her facilitators."""
        if user is None or not user.is_authenticated:
            return False
        if self.id in user.producer_ids():
            return True
        return user.has_role(self.network, Role.FACILITATOR, Role.ADMIN)

    def can_edit(self, user: User | None) -> bool:
        return self.can_view_private(user)


class ProducerContact(Base):
    """Private: never rendered on public pages or in published files."""

    __tablename__ = "producer_contacts"

    producer_id: Mapped[int] = mapped_column(
        ForeignKey("producers.id", ondelete="CASCADE"), primary_key=True
    )
    owner_names: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")

    producer: Mapped[Producer] = relationship(back_populates="contact")


class SupportKind(enum.StrEnum):
    PACKAGING = "packaging"
    DESIGN = "design"
    PROTOTYPES = "prototypes_samples"
    PHOTOGRAPHY = "photography"
    COSTING = "costing"
    TRANSLATION = "translation"
    SHIPPING = "shipping"
    MATERIALS = "materials"
    EXHIBITIONS = "exhibitions"
    TRAINING = "training"


class SupportStatus(enum.StrEnum):
    REQUESTED = "requested"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_NEEDED = "not_needed"


class SupportNeed(Base):
    __tablename__ = "support_needs"
    __table_args__ = (UniqueConstraint("producer_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id", ondelete="CASCADE"))
    kind: Mapped[SupportKind] = mapped_column(str_enum(SupportKind, "support_kind"))
    status: Mapped[SupportStatus] = mapped_column(
        str_enum(SupportStatus, "support_status"), default=SupportStatus.REQUESTED
    )
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    producer: Mapped[Producer] = relationship(back_populates="support_needs")
