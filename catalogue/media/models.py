"""Photo metadata. The files themselves live in ``Storage`` under their SHA-256."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from catalogue.products.models import Product


class ImageStatus(enum.StrEnum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


class DerivativeKind(enum.StrEnum):
    THUMB = "thumb"  # ~400 px, lists and the portal
    WEB = "web"  # ~1600 px, public pages
    SCREEN = "screen"  # ~150 ppi at the placed size, screen PDF
    PRINT = "print"  # 300 ppi at the largest layout slot, print PDF


class ProductImage(Base):
    __tablename__ = "product_images"
    __table_args__ = (
        UniqueConstraint("product_id", "sha256"),
        CheckConstraint("width > 0 AND height > 0", name="dimensions_positive"),
        CheckConstraint("byte_size > 0", name="byte_size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # the stripped original
    mime: Mapped[str] = mapped_column(String(40))
    width: Mapped[int]
    height: Mapped[int]
    byte_size: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    is_cover: Mapped[bool] = mapped_column(default=False)
    alt_text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    status: Mapped[ImageStatus] = mapped_column(
        str_enum(ImageStatus, "image_status"), default=ImageStatus.PENDING
    )
    dominant_colour: Mapped[str | None] = mapped_column(String(7))
    quality: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source_key: Mapped[str | None] = mapped_column(String(200))  # import's stable identity
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    product: Mapped[Product] = relationship(back_populates="images")
    derivatives: Mapped[list[ImageDerivative]] = relationship(
        back_populates="image", cascade="all, delete-orphan"
    )

    def derivative(self, kind: DerivativeKind) -> ImageDerivative | None:
        return next((d for d in self.derivatives if d.kind == kind), None)


class ImageDerivative(Base):
    __tablename__ = "image_derivatives"
    __table_args__ = (
        UniqueConstraint("image_id", "kind"),
        CheckConstraint("width > 0 AND height > 0", name="dimensions_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    image_id: Mapped[int] = mapped_column(ForeignKey("product_images.id", ondelete="CASCADE"))
    kind: Mapped[DerivativeKind] = mapped_column(str_enum(DerivativeKind, "derivative_kind"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    width: Mapped[int]
    height: Mapped[int]
    byte_size: Mapped[int]

    image: Mapped[ProductImage] = relationship(back_populates="derivatives")
