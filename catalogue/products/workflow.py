"""The quality gate: draft → submitted → approved / changes requested → retired.

Only approved products can enter catalogues. A producer's edit to an approved product goes to
review as a *pending change* (``products.revisions``): the approved version stays public and in
catalogues until a facilitator approves the change. A facilitator's edit applies at once.
The editing services call :func:`editable` and :func:`after_edit`, so no screen can forget the
rule. Every decision is in the audit trail.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.audit import record
from catalogue.core.types import utcnow
from catalogue.core.validation import Collector, ValidationError
from catalogue.products import revisions
from catalogue.products.models import Product, ProductStatus

SUBMITTABLE = {ProductStatus.DRAFT, ProductStatus.CHANGES_REQUESTED}


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


def _network(product: Product) -> int:
    return product.producer.network_id


def is_pending_change(product: Product) -> bool:
    """Whether ``product`` is a pending change of an approved product (not the live row)."""
    return product.draft_of_id is not None or product.draft_of is not None


def editable(session: Session, product: Product, actor: User | None) -> Product:
    """The version of ``product`` that an edit by ``actor`` changes: its pending change when it
    has one; a new pending change when a producer (not a facilitator of its network) edits an
    approved product; else the product itself (``actor`` None is the system: demo, CLI).
    Call it after the input is checked, before changing anything."""
    if is_pending_change(product):
        return product
    if product.draft is not None:
        return product.draft
    if (
        actor is not None
        and product.status == ProductStatus.APPROVED
        and not product.can_review(actor)
    ):
        return revisions.start_change(session, product)
    return product


def submit(session: Session, product: Product, actor: User) -> Product:
    """Send the product (or its pending change) to the facilitators' review queue; returns the
    version sent."""
    target = product.editing
    if target.status not in SUBMITTABLE:
        if target.status == ProductStatus.SUBMITTED:
            message = _("This is already waiting for your facilitator's review.")
        elif target.status == ProductStatus.APPROVED:
            message = _("This product is approved. Change it, and the change goes to review.")
        else:
            message = _("This product cannot be sent for review now.")
        raise ValidationError.single("status", message)
    missing = missing_for_review(target)
    if missing:
        raise ValidationError(missing)
    target.status = ProductStatus.SUBMITTED
    record(
        session,
        "product.submit",
        target.live,
        actor=actor,
        network_id=_network(target),
        change=is_pending_change(target),
    )
    return target


def approve(session: Session, product: Product, actor: User) -> Product:
    """Approve a submitted product (it may now enter catalogues), or a pending change of an
    approved one (its content becomes the live product's). Returns the live product."""
    target = product.editing
    if target.status != ProductStatus.SUBMITTED:
        raise ValidationError.single("status", _("Only products sent for review can be approved."))
    if is_pending_change(target):
        live = target.live
        clash = session.scalar(
            select(Product.id).where(
                Product.producer_id == live.producer_id,
                Product.sku == target.sku,
                Product.draft_of_id.is_(None),
                Product.id != live.id,
            )
        )
        if clash is not None:
            raise ValidationError.single("sku", _("Another of her products has this code now."))
        parts = revisions.changed_parts(target)
        revisions.apply_change(session, target)
        live.status = ProductStatus.APPROVED
        action, detail = "product.approve_change", {"parts": parts}
    else:
        live, action, detail = target, "product.approve", {}
        live.status = ProductStatus.APPROVED
    live.review_note = ""
    live.reviewed_at, live.reviewed_by_id = utcnow(), actor.id
    record(session, action, live, actor=actor, network_id=_network(live), **detail)
    return live


def request_changes(session: Session, product: Product, actor: User, note: str) -> None:
    """Send the product (or its pending change: the approved version stays live) back to its
    producer with a note she reads in her portal."""
    target = product.editing
    note = (note or "").strip()
    if not note:
        raise ValidationError.single("note", _("Write what should change."))
    if target.status != ProductStatus.SUBMITTED:
        raise ValidationError.single("status", _("Only products sent for review can be sent back."))
    target.status = ProductStatus.CHANGES_REQUESTED
    target.review_note = note[:4000]
    target.reviewed_at, target.reviewed_by_id = utcnow(), actor.id
    record(
        session,
        "product.request_changes",
        target.live,
        actor=actor,
        network_id=_network(target),
        note=target.review_note,
        change=is_pending_change(target),
    )


def discard_change(session: Session, product: Product, actor: User) -> bool:
    """Drop the pending change of ``product`` (the approved version stays as it is); False
    when it has none."""
    live = product.live
    if live.draft is None:
        return False
    revisions.discard(session, live.draft)
    record(session, "product.discard_change", live, actor=actor, network_id=_network(live))
    return True


def retire(session: Session, product: Product, actor: User) -> None:
    """Take the product out of future catalogues (published editions keep it); a pending
    change of it is dropped."""
    product = product.live
    if product.draft is not None:
        revisions.discard(session, product.draft)
    product.status = ProductStatus.RETIRED
    record(session, "product.retire", product, actor=actor, network_id=product.producer.network_id)


def state_of(product: Product) -> tuple[Any, ...]:
    """What a producer can change of ``product``, to tell whether a save changed anything
    (saving a form as it was must not make a pending change)."""
    return tuple(revisions.parts_of(product).values())


def after_edit(
    session: Session,
    product: Product,
    actor: User | None,
    what: str,
    *,
    changed: bool | None = None,
) -> None:
    """Record an edit of ``product`` (the version :func:`editable` gave). A pending change
    that no longer differs from its approved version is dropped: nothing is left to review.
    Nothing is recorded when ``changed`` is False (the caller compared :func:`state_of`)."""
    live = product.live
    if product is not live and revisions.parts_of(product) == revisions.parts_of(live):
        revisions.discard(session, product)
    if (
        product is live
        and actor is not None
        and product.status == ProductStatus.APPROVED
        and not product.can_review(actor)
        and changed is not False
    ):  # a programming error: the edit skipped ``editable`` and went live unreviewed
        raise RuntimeError("a producer's edit of an approved product must go through editable()")
    if changed is False:
        return
    record(
        session,
        f"product.edit.{what}",
        live,
        actor=actor,
        network_id=_network(live),
        pending=live.draft is not None,
    )
