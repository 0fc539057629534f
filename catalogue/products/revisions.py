"""Pending changes to approved products.

A producer's edit to an approved product must not take it offline: the edit goes to a *draft
copy* (a ``Product`` row whose ``draft_of_id`` names the live one) with the same texts, facts,
tags, capacity, prices and photos (new photo rows on the same stored files). The live product
stays approved, public and selectable, and catalogues keep its approved content. Approving the
copy writes its content onto the live product (:func:`apply_change`) and deletes the copy.

Pending copies are never public (their status is never approved), are not among a producer's
``products`` and do not count for the unique product code. The rules deciding *when* a copy is
made are in ``products.workflow``; this module only copies and compares.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue.media.models import ImageDerivative, ImageStatus, ProductImage
from catalogue.products.models import (
    Capacity,
    PriceRange,
    PriceTier,
    Product,
    ProductStatus,
    ProductText,
)

FACTS = (
    "sku",
    "category",
    "colours",
    "materials",
    "length_mm",
    "width_mm",
    "height_mm",
    "weight_g",
    "is_food",
    "perishable",
    "shelf_life_days",
)
# The parts of a product a facilitator reviews, in the order the review page names them.
PARTS = ("details", "texts", "capacity", "prices", "photos")


def parts_of(product: Product) -> dict[str, Any]:
    """What a producer can change of ``product``, part by part (see :data:`PARTS`)."""
    cap = product.capacity
    return {
        "details": (
            product.sku,
            product.category,
            sorted(t.slug for t in product.tags),
            list(product.colours or []),
            list(product.materials or []),
            (product.length_mm, product.width_mm, product.height_mm, product.weight_g),
            (product.is_food, product.perishable, product.shelf_life_days),
        ),
        "texts": sorted((t.locale, t.name, t.description, t.story) for t in product.texts),
        "capacity": None
        if cap is None
        else (
            cap.units_per_month,
            cap.lead_time_days,
            cap.min_order,
            cap.case_multiple,
            cap.months_available,
        ),
        "prices": sorted(
            (
                p.currency,
                p.wholesale_min,
                p.wholesale_max,
                p.retail_min,
                p.retail_max,
                sorted((t.min_quantity, t.unit_price) for t in p.tiers),
            )
            for p in product.price_ranges
        ),
        "photos": sorted(
            (i.sha256, i.position, i.is_cover, sorted((i.alt_text or {}).items()))
            for i in product.images
        ),
    }


def changed_parts(draft: Product) -> list[str]:
    """The parts (see :data:`PARTS`) in which the pending change ``draft`` differs from its
    live product; empty for a product that is not a pending change."""
    if draft.draft_of is None:
        return []
    mine, live = parts_of(draft), parts_of(draft.draft_of)
    return [part for part in PARTS if mine[part] != live[part]]


def _copy_image(image: ProductImage) -> ProductImage:
    copy = ProductImage(
        sha256=image.sha256,
        mime=image.mime,
        width=image.width,
        height=image.height,
        byte_size=image.byte_size,
        position=image.position,
        is_cover=image.is_cover,
        alt_text=dict(image.alt_text or {}),
        status=image.status,
        dominant_colour=image.dominant_colour,
        quality=dict(image.quality or {}),
        source_key=image.source_key,
    )
    for d in image.derivatives:
        copy.derivatives.append(
            ImageDerivative(
                kind=d.kind, sha256=d.sha256, width=d.width, height=d.height, byte_size=d.byte_size
            )
        )
    return copy


def start_change(session: Session, live: Product) -> Product:
    """A pending change of ``live``: a submitted copy of everything a producer can change
    (its cost stays with the live product: it is hers, not reviewed). Flushed."""
    from catalogue.jobs.queue import enqueue

    draft = Product(
        producer_id=live.producer_id,
        status=ProductStatus.SUBMITTED,
        **{field: getattr(live, field) for field in FACTS},
    )
    draft.colours, draft.materials = list(live.colours or []), list(live.materials or [])
    draft.tags = list(live.tags)
    draft.texts = [
        ProductText(locale=t.locale, name=t.name, description=t.description, story=t.story)
        for t in live.texts
    ]
    cap = live.capacity
    if cap is not None:
        draft.capacity = Capacity(
            units_per_month=cap.units_per_month,
            lead_time_days=cap.lead_time_days,
            min_order=cap.min_order,
            case_multiple=cap.case_multiple,
            months_available=cap.months_available,
        )
    for p in live.price_ranges:
        copy = PriceRange(
            currency=p.currency,
            wholesale_min=p.wholesale_min,
            wholesale_max=p.wholesale_max,
            retail_min=p.retail_min,
            retail_max=p.retail_max,
        )
        copy.tiers = [
            PriceTier(min_quantity=t.min_quantity, unit_price=t.unit_price) for t in p.tiers
        ]
        draft.price_ranges.append(copy)
    draft.images = [_copy_image(i) for i in live.images]
    live.draft = draft
    session.add(draft)
    session.flush()
    for image in draft.images:
        if image.status == ImageStatus.PENDING:  # the live photo's job only fills the live row
            enqueue(session, "media.derivatives", {"image_id": image.id})
    return draft


def counterpart(target: Product, image: ProductImage) -> ProductImage | None:
    """``image`` as it is in ``target`` (the same stored photo), or None when it is not there.
    A photo id seen on the live product names its copy in the pending change."""
    if image.product_id == target.id:
        return image
    return next((i for i in target.images if i.sha256 == image.sha256), None)


def _apply_texts(live: Product, draft: Product) -> None:
    wanted = {t.locale: t for t in draft.texts}
    live.texts = [t for t in live.texts if t.locale in wanted]
    have = {t.locale: t for t in live.texts}
    for locale, text in wanted.items():
        row = have.get(locale)
        if row is None:
            live.texts.append(ProductText(locale=locale, name=text.name))
            row = live.texts[-1]
        row.name, row.description, row.story = text.name, text.description, text.story


def _apply_capacity(live: Product, draft: Product) -> None:
    cap = draft.capacity
    if cap is None:
        live.capacity = None
        return
    row = live.capacity or Capacity(units_per_month=cap.units_per_month)
    row.units_per_month, row.lead_time_days = cap.units_per_month, cap.lead_time_days
    row.min_order, row.case_multiple = cap.min_order, cap.case_multiple
    row.months_available = cap.months_available
    live.capacity = row


def _apply_prices(live: Product, draft: Product) -> None:
    wanted = {p.currency: p for p in draft.price_ranges}
    live.price_ranges = [p for p in live.price_ranges if p.currency in wanted]
    have = {p.currency: p for p in live.price_ranges}
    for currency, price in wanted.items():
        row = have.get(currency)
        if row is None:
            row = PriceRange(
                currency=currency,
                wholesale_min=price.wholesale_min,
                wholesale_max=price.wholesale_max,
            )
            live.price_ranges.append(row)
        row.wholesale_min, row.wholesale_max = price.wholesale_min, price.wholesale_max
        row.retail_min, row.retail_max = price.retail_min, price.retail_max
        tiers = {t.min_quantity: t.unit_price for t in price.tiers}
        row.tiers = [t for t in row.tiers if t.min_quantity in tiers]
        existing = {t.min_quantity: t for t in row.tiers}
        for quantity, unit_price in sorted(tiers.items()):
            if quantity in existing:
                existing[quantity].unit_price = unit_price
            else:
                row.tiers.append(PriceTier(min_quantity=quantity, unit_price=unit_price))


def _apply_photos(live: Product, draft: Product) -> None:
    wanted = {i.sha256: i for i in draft.images}
    live.images = [i for i in live.images if i.sha256 in wanted]
    have = {i.sha256: i for i in live.images}
    for sha, image in wanted.items():
        row = have.get(sha)
        if row is None:  # a new photo: its row (and derivatives) moves to the live product
            image.product = live
            continue
        row.position, row.is_cover = image.position, image.is_cover
        row.alt_text = dict(image.alt_text or {})


def apply_change(session: Session, draft: Product) -> Product:
    """Write the pending change ``draft`` onto its live product, delete ``draft``, and return
    the live product (its status and review fields are the caller's)."""
    live = draft.draft_of
    assert live is not None, "not a pending change"
    for field in FACTS:
        setattr(live, field, getattr(draft, field))
    live.colours, live.materials = list(draft.colours or []), list(draft.materials or [])
    live.tags = list(draft.tags)
    _apply_texts(live, draft)
    _apply_capacity(live, draft)
    _apply_prices(live, draft)
    _apply_photos(live, draft)
    discard(session, draft)
    return live


def discard(session: Session, draft: Product) -> None:
    """Delete the pending change ``draft`` (its photo files stay: they are content-addressed
    and may be shared)."""
    live = draft.draft_of
    if live is not None:
        live.draft = None  # delete-orphan deletes the copy and its rows
    else:
        session.delete(draft)
    session.flush()
