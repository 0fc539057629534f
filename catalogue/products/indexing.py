"""Products in the search index: the document of a public product, which rows it shows (so that
their changes are recorded in the search outbox), and the source the search writer reads.

Public means what buyers may see (``listing.public()``: approved, not a pending change) of a
producer who consents to a public profile and is active; any other product is dropped from the
index. Registered at start-up (``create_app``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from catalogue.media.models import DerivativeKind, ImageDerivative, ProductImage
from catalogue.networks.models import Network
from catalogue.producers.models import Producer
from catalogue.products import listing
from catalogue.products.models import Capacity, PriceRange, Product, ProductText
from catalogue.search import Document, register_source, watch

KIND = "product"
BATCH = 500
# Lead time bands (days, inclusive upper bounds) and their labels.
LEAD_BANDS = ((7, "0-7"), (30, "8-30"), (90, "31-90"))
LEAD_LONGER = "91+"

_OPTIONS = (
    joinedload(Product.producer).joinedload(Producer.network),
    joinedload(Product.capacity),
    selectinload(Product.texts),
    selectinload(Product.tags),
    selectinload(Product.price_ranges),
    selectinload(Product.images).selectinload(ProductImage.derivatives),
)


def doc_id(product_id: int) -> str:
    return f"{KIND}:{product_id}"


def price_band(price: Decimal) -> str:
    """The 1-2-5 band of ``price`` as a label: 37 → "20-50", 0.8 → "0.5-1"."""
    if price <= 0:
        return "0-1"
    base = Decimal(1).scaleb(price.adjusted())
    for low, high in ((base, base * 2), (base * 2, base * 5), (base * 5, base * 10)):
        if low <= price < high:
            return f"{low.normalize():f}-{high.normalize():f}"
    return f"{(base * 5).normalize():f}-{(base * 10).normalize():f}"


def lead_band(days: int) -> str:
    return next((label for limit, label in LEAD_BANDS if days <= limit), LEAD_LONGER)


def public_conditions() -> list[ColumnElement[bool]]:
    """Conditions (with ``Producer`` joined) for a product the index holds."""
    return [*listing.public(), Producer.consent_public_profile.is_(True), Producer.active.is_(True)]


def _price(product: Product) -> PriceRange | None:
    wanted = product.producer.network.default_currency
    prices = product.price_ranges
    return next((p for p in prices if p.currency == wanted), prices[0] if prices else None)


def _thumbnail(product: Product) -> str | None:
    for image in sorted(product.images, key=lambda i: (not i.is_cover, i.position)):
        if image.derivative(DerivativeKind.THUMB) is not None:
            return f"/media/images/{image.id}/{DerivativeKind.THUMB.value}.jpg"
    return None


def document(product: Product) -> Document:
    """The search document of a public ``product`` (its producer, network, texts, photos,
    capacity and prices loaded)."""
    producer = product.producer
    price = _price(product)
    lead = product.capacity.lead_time_days if product.capacity else None
    return Document(
        id=doc_id(product.id),
        kind=KIND,
        network=producer.network.slug,
        names={t.locale: t.name for t in product.texts},
        descriptions={t.locale: t.description for t in product.texts if t.description},
        producers=[producer.display_name],
        materials=list(product.materials or []),
        tags=[t.slug for t in product.tags],
        region=producer.region or "",
        category=product.category,
        colours=list(product.colours or []),
        price=None if price is None else float(price.wholesale_min),
        price_band="" if price is None else price_band(price.wholesale_min),
        lead_time_days=lead,
        lead_band="" if lead is None else lead_band(lead),
        url=f"/n/{producer.network.slug}/products/{product.id}",
        thumbnail_url=_thumbnail(product),
    )


def _ints(keys: Iterable[str]) -> list[int]:
    return [int(k) for k in keys if k.isdigit()]


class ProductSource:
    """Products for the search writer."""

    def documents(
        self, session: Session, changes: Sequence[tuple[str, str]]
    ) -> tuple[list[Document], list[str]]:
        by_kind: dict[str, list[str]] = {}
        for kind, key in changes:
            by_kind.setdefault(kind, []).append(key)
        ids = set(_ints(by_kind.get(KIND, ())))
        if producers := _ints(by_kind.get("producer", ())):
            ids.update(
                session.scalars(select(Product.id).where(Product.producer_id.in_(producers)))
            )
        if networks := _ints(by_kind.get("network", ())):
            ids.update(
                session.scalars(
                    select(Product.id).join(Producer).where(Producer.network_id.in_(networks))
                )
            )
        if images := _ints(by_kind.get("image", ())):
            ids.update(
                session.scalars(select(ProductImage.product_id).where(ProductImage.id.in_(images)))
            )
        found = self._load(session, sorted(ids))
        docs = [document(p) for p in found]
        shown = {p.id for p in found}
        return docs, [doc_id(i) for i in sorted(ids - shown)]

    def _load(self, session: Session, ids: list[int]) -> list[Product]:
        out: list[Product] = []
        for start in range(0, len(ids), BATCH):
            out += session.scalars(
                select(Product)
                .join(Producer, Producer.id == Product.producer_id)
                .where(Product.id.in_(ids[start : start + BATCH]), *public_conditions())
                .options(*_OPTIONS)
            ).unique()
        return out

    def count(self, session: Session) -> int:
        return (
            session.scalar(
                select(func.count())
                .select_from(Product)
                .join(Producer, Producer.id == Product.producer_id)
                .where(*public_conditions())
            )
            or 0
        )

    def all_documents(self, session: Session) -> Iterator[Document]:
        ids = list(
            session.scalars(
                select(Product.id)
                .join(Producer, Producer.id == Product.producer_id)
                .where(*public_conditions())
                .order_by(Product.id)
            )
        )
        for start in range(0, len(ids), BATCH):
            for product in self._load(session, ids[start : start + BATCH]):
                yield document(product)
            session.expunge_all()  # keep memory flat over a whole network


def _product_keys(product: Product) -> Iterable[tuple[str, str]]:
    # A pending change is never public: only its approval (onto the live row) changes search.
    if product.draft_of_id is None:
        yield KIND, str(product.id)


def _of_product(row: Any) -> Iterable[tuple[str, str]]:
    yield KIND, str(row.product_id)


def register() -> None:
    """Watch the rows a product document shows and give the writer the products."""
    watch(Product, _product_keys)
    for model in (ProductText, Capacity, PriceRange, ProductImage):
        watch(model, _of_product)
    watch(ImageDerivative, lambda d: [("image", str(d.image_id))])
    watch(Producer, lambda p: [("producer", str(p.id))])
    watch(Network, lambda n: [("network", str(n.id))])
    register_source(ProductSource())
