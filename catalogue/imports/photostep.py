"""The photo step of an import: which named photos a product still lacks (by source key or
content hash, so importing the same zip twice adds nothing), then storing them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask_babel import gettext as _

from catalogue.imports.photos import PhotoSource
from catalogue.imports.records import ProductRecord
from catalogue.media.models import ImageDerivative, ImageStatus, ProductImage
from catalogue.media.services import MAX_PHOTOS
from catalogue.media.storage import get_storage
from catalogue.products.models import Product

if TYPE_CHECKING:
    from catalogue.imports.apply import Importer


@dataclass
class PhotoPlan:
    product: Product
    name: str
    key: str | None
    position: int
    is_cover: bool
    row: int
    sku: str


@dataclass
class PhotoStep:
    """Plans, while the records are checked, the photos each product still lacks; stores them
    once every record has passed."""

    importer: Importer
    photos: PhotoSource | None
    plans: list[PhotoPlan] = field(default_factory=list)

    def plan(self, product: Product, rec: ProductRecord) -> None:
        """Check the photos ``rec`` names (a problem for each missing or unusable one) and plan
        those ``product`` lacks."""
        row = rec.row_of("photos")
        if self.photos is None:
            self.importer.problem(
                row, "photos", _("This row names photos: upload their zip file too."), rec.sku
            )
            return
        if self.photos.problems():
            return  # the zip itself was refused; that problem is reported once
        keys = {i.source_key for i in product.images if i.source_key}
        shas = {i.sha256 for i in product.images}
        position = max((i.position for i in product.images), default=-1) + 1
        cover = not product.images
        planned = 0
        for name in rec.photos:
            info = self.photos.inspect(name)
            if isinstance(info, str):
                self.importer.problem(row, "photos", info, rec.sku)
                continue
            if (info.key and info.key in keys) or (info.sha256 and info.sha256 in shas):
                continue  # already there: importing the same photos again adds nothing
            if info.sha256:
                shas.add(info.sha256)
            self.plans.append(PhotoPlan(product, name, info.key, position, cover, row, rec.sku))
            position, cover, planned = position + 1, False, planned + 1
        if len(product.images) + planned > MAX_PHOTOS:
            self.importer.problem(
                row, "photos", _("A product can have at most %(n)d photos.", n=MAX_PHOTOS), rec.sku
            )
        if self.importer.dry_run:
            self.importer.created["photos"] += planned

    def store(self) -> None:
        """Store every planned photo once, with its derivatives, on each product it is for."""
        assert self.photos is not None
        storage = get_storage()
        by_name: dict[str, list[PhotoPlan]] = {}
        for plan in self.plans:
            by_name.setdefault(plan.name, []).append(plan)
        self.importer.say(f"storing {len(self.plans)} photos…")
        for done, (name, photo) in enumerate(self.photos.prepare(list(by_name)), 1):
            if isinstance(photo, str):
                for plan in by_name[name]:
                    self.importer.problem(plan.row, "photos", photo, plan.sku)
                continue
            sha = storage.put(photo.data)
            derived = {kind: (storage.put(e.data), e) for kind, e in photo.derivatives.items()}
            for plan in by_name[name]:
                product = plan.product
                if any(i.sha256 == sha for i in product.images):
                    continue
                image = ProductImage(
                    product=product,
                    sha256=sha,
                    mime=photo.mime,
                    width=photo.width,
                    height=photo.height,
                    byte_size=len(photo.data),
                    position=plan.position,
                    is_cover=plan.is_cover,
                    alt_text={t.locale: t.name for t in product.texts},
                    status=ImageStatus.READY,
                    source_key=plan.key,
                    dominant_colour=photo.dominant_colour,
                    quality=photo.quality,
                )
                for kind, (key, encoded) in derived.items():
                    image.derivatives.append(
                        ImageDerivative(
                            kind=kind,
                            sha256=key,
                            width=encoded.width,
                            height=encoded.height,
                            byte_size=len(encoded.data),
                        )
                    )
                self.importer.session.add(image)
                self.importer.created["photos"] += 1
            if done % 25 == 0:
                self.importer.say(f"  {done}/{len(by_name)} photos")
        self.importer.session.flush()
