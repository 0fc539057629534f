"""The quality gate: draft → submitted → approved / changes requested → retired.

Only approved products can enter catalogues. A producer's edit to an approved product sends it
back for review; a facilitator's edit does not. Every decision is in the audit trail.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.audit import record
from catalogue.core.types import utcnow
from catalogue.core.validation import Collector, ValidationError
from catalogue.products.models import Product, ProductStatus

SUBMITTABLE = {ProductStatus.DRAFT, ProductStatus.CHANGES_REQUESTED, ProductStatus.APPROVED}


def missing_for_review(product: Product) -> dict[str, str]:
    """What a product still needs before a facilitator can review it (field → message)."""
    errors = Collector()
    if not any(t.name for t in product.texts):
        errors.add("name", _("Give the product a name in at least one language."))
    if product.capacity is None:
        errors.add("capacity", _("Say how many you can make each month."))
    if not product.price_ranges:
        errors.add("prices", _("Give a price range."))
    if not product.images:
        errors.add("photos", _("Add at least one photo."))
    return errors.errors


def submit(session: Session, product: Product, actor: User) -> None:
    """Send the product to the facilitators' review queue."""
    if product.status not in SUBMITTABLE:
        raise ValidationError.single("status", _("This product cannot be sent for review now."))
    missing = missing_for_review(product)
    if missing:
        raise ValidationError(missing)
    product.status = ProductStatus.SUBMITTED
    record(session, "product.submit", product, actor=actor, network_id=product.producer.network_id)


def approve(session: Session, product: Product, actor: User) -> None:
    """Approve a submitted product: it may now enter catalogues."""
    if product.status != ProductStatus.SUBMITTED:
        raise ValidationError.single("status", _("Only products sent for review can be approved."))
    product.status = ProductStatus.APPROVED
    product.review_note = ""
    product.reviewed_at, product.reviewed_by_id = utcnow(), actor.id
    record(session, "product.approve", product, actor=actor, network_id=product.producer.network_id)


def request_changes(session: Session, product: Product, actor: User, note: str) -> None:
    """Send the product back to its producer with a note she reads in her portal."""
    note = (note or "").strip()
    if not note:
        raise ValidationError.single("note", _("Write what should change."))
    if product.status != ProductStatus.SUBMITTED:
        raise ValidationError.single("status", _("Only products sent for review can be sent back."))
    product.status = ProductStatus.CHANGES_REQUESTED
    product.review_note = note[:4000]
    product.reviewed_at, product.reviewed_by_id = utcnow(), actor.id
    record(
        session,
        "product.request_changes",
        product,
        actor=actor,
        network_id=product.producer.network_id,
        note=product.review_note,
    )


def retire(session: Session, product: Product, actor: User) -> None:
    """Take the product out of future catalogues (published editions keep it)."""
    product.status = ProductStatus.RETIRED
    record(session, "product.retire", product, actor=actor, network_id=product.producer.network_id)


def state_of(product: Product) -> tuple[Any, ...]:
    """What a producer can change of ``product``, to tell whether a save changed anything
    (saving a form as it was must not send an approved product back to review)."""
    cap = product.capacity
    return (
        product.sku,
        product.category,
        sorted(t.slug for t in product.tags),
        list(product.colours or []),
        list(product.materials or []),
        (product.length_mm, product.width_mm, product.height_mm, product.weight_g),
        (product.is_food, product.perishable, product.shelf_life_days),
        sorted((t.locale, t.name, t.description, t.story) for t in product.texts),
        None
        if cap is None
        else (
            cap.units_per_month,
            cap.lead_time_days,
            cap.min_order,
            cap.case_multiple,
            cap.months_available,
        ),
        sorted(
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
        sorted(
            (i.sha256, i.position, i.is_cover, sorted((i.alt_text or {}).items()))
            for i in product.images
        ),
    )


def after_edit(
    session: Session,
    product: Product,
    actor: User | None,
    what: str,
    *,
    changed: bool | None = None,
) -> None:
    """Record an edit; a producer's change to an approved product goes back to review.
    Called by the editing services themselves; ``actor`` None is the system (demo, CLI).
    Nothing happens when ``changed`` is False (the caller compared :func:`state_of`)."""
    if changed is False:
        return
    if (
        actor is not None
        and product.status == ProductStatus.APPROVED
        and not product.can_review(actor)
    ):
        product.status = ProductStatus.SUBMITTED
    record(
        session,
        f"product.edit.{what}",
        product,
        actor=actor,
        network_id=product.producer.network_id,
    )
