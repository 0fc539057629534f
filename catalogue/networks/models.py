"""The facilitating organisation: an NGO, a women's business network, a trade office."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from catalogue.producers.models import Producer


class Network(Base):
    __tablename__ = "networks"
    __table_args__ = (CheckConstraint("length(country) = 2", name="country_iso"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(120), default="")
    default_currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    default_locale: Mapped[str] = mapped_column(String(10))
    locales: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    is_sample: Mapped[bool] = mapped_column(default=False)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    producers: Mapped[list[Producer]] = relationship(
        back_populates="network", order_by="Producer.display_name"
    )

    def text(self, field: dict[str, str], locale: str) -> str:
        """A per-locale value in ``locale``, else the network's default language, else any."""
        return field.get(locale) or field.get(self.default_locale) or next(iter(field.values()), "")


def network_by_slug(slug: str) -> Network | None:
    """The network a URL names, or None (the permission checks' network loader)."""
    from sqlalchemy import select

    from catalogue.extensions import db

    return db.session.scalar(select(Network).where(Network.slug == slug))
