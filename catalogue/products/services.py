"""Changes to products, their text, capacity and prices: the one write path that the portal, the
API, the importer and the CLI share. Every function checks its input against the declarations
in ``products.schemas`` first, names each refused field, and changes nothing when it refuses;
the review rule is applied here, so no caller can forget it: a producer's change to an approved
product goes to its pending change (``workflow.editable``), never to the live product, and each
function returns what it changed. Callers commit."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.core.models import Currency
from catalogue.core.numbers import decimal_places, minor_units_message
from catalogue.core.schema import Input, validate
from catalogue.core.validation import ValidationError
from catalogue.producers.models import Producer
from catalogue.products import workflow
from catalogue.products.models import (
    ALL_MONTHS,
    Capacity,
    PriceRange,
    PriceTier,
    Product,
    ProductStatus,
    ProductText,
    Tag,
)
from catalogue.products.schemas import (
    CATEGORIES,
    COLOURS,
    CapacityIn,
    PriceRangeIn,
    ProductFacts,
    ProductTextIn,
    Sku,
)

__all__ = ["CATEGORIES", "COLOURS"]


class SkuIn(Input):
    sku: Sku


def nfc(text: str | None) -> str:
    """Text as stored: NFC-normalised and stripped, so 'lụa' typed either way compares equal."""
    return unicodedata.normalize("NFC", (text or "").strip())


def _fields_error(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def set_capacity(
    session: Session,
    product: Product,
    data: Mapping[str, Any],
    *,
    actor: User | None,
) -> Capacity:
    """Set what the producer can make of ``product`` (``CapacityIn``'s fields); every field is
    checked before any change. A producer's change to an approved product goes to review."""
    wanted = validate(CapacityIn, dict(data))
    product = workflow.editable(session, product, actor)
    before = workflow.state_of(product)
    capacity = product.capacity or Capacity(product=product, units_per_month=wanted.units_per_month)
    capacity.units_per_month = wanted.units_per_month
    capacity.lead_time_days = wanted.lead_time_days
    capacity.min_order = wanted.min_order
    capacity.case_multiple = wanted.case_multiple
    months = list(range(1, 13)) if wanted.months is None else wanted.months
    capacity.months_available = Capacity.months_mask(months) & ALL_MONTHS
    session.add(capacity)
    changed = workflow.state_of(product) != before
    workflow.after_edit(session, product, actor, "capacity", changed=changed)
    return capacity


def _check_amounts(currency: Currency | None, price: PriceRangeIn) -> dict[str, str]:
    errors: dict[str, str] = {}
    amounts: list[tuple[str, Decimal | None]] = [
        ("wholesale_min", price.wholesale_min),
        ("wholesale_max", price.wholesale_max),
        ("retail_min", price.retail_min),
        ("retail_max", price.retail_max),
    ]
    amounts += [(f"tiers.{i}.unit_price", t.unit_price) for i, t in enumerate(price.tiers)]
    for field, amount in amounts:
        if amount is None:
            continue
        if amount < 0:
            errors.setdefault(field, _("A price cannot be below zero."))
        elif currency is not None and decimal_places(amount) > min(currency.minor_units, 2):
            errors.setdefault(field, minor_units_message(currency.code, currency.minor_units))
    if price.wholesale_min > price.wholesale_max:
        errors.setdefault("wholesale_max", _("The highest wholesale price is below the lowest."))
    if (price.retail_min is None) != (price.retail_max is None):
        missing = "retail_min" if price.retail_min is None else "retail_max"
        errors.setdefault(missing, _("Enter an amount."))
    elif (
        price.retail_min is not None
        and price.retail_max is not None
        and (price.retail_min > price.retail_max)
    ):
        errors.setdefault("retail_max", _("The highest retail price is below the lowest."))
    quantities = [t.min_quantity for t in price.tiers]
    if len(set(quantities)) != len(quantities):
        errors.setdefault("tiers", _("Two tiers start at the same quantity."))
    return errors


def set_price_range(
    session: Session,
    product: Product,
    currency: str,
    data: Mapping[str, Any],
    *,
    actor: User | None,
    locale: str | None = None,
) -> PriceRange:
    """Set the product's price range in ``currency`` (``PriceRangeIn``'s fields, amounts as
    typed in ``locale``; None for JSON), replacing its quantity tiers."""
    code = nfc(currency).upper()
    known = session.get(Currency, code) if len(code) == 3 else None
    errors: dict[str, str] = {}
    if known is None:
        errors["currency"] = _("“%(code)s” is not an ISO 4217 currency code.", code=currency)
    try:
        price = validate(PriceRangeIn, dict(data), locale=locale)
    except ValidationError as exc:
        raise ValidationError({**errors, **exc.errors}) from None
    errors.update(_check_amounts(known, price))
    _fields_error(errors)

    product = workflow.editable(session, product, actor)
    before = workflow.state_of(product)
    price_range = next((p for p in product.price_ranges if p.currency == code), None)
    if price_range is None:
        price_range = PriceRange(
            currency=code, wholesale_min=price.wholesale_min, wholesale_max=price.wholesale_max
        )
        product.price_ranges.append(price_range)
    price_range.wholesale_min, price_range.wholesale_max = price.wholesale_min, price.wholesale_max
    price_range.retail_min, price_range.retail_max = price.retail_min, price.retail_max
    wanted = {
        t.min_quantity: t.unit_price for t in sorted(price.tiers, key=lambda t: t.min_quantity)
    }
    for tier_row in list(price_range.tiers):
        if tier_row.min_quantity not in wanted:
            price_range.tiers.remove(tier_row)
    existing = {t.min_quantity: t for t in price_range.tiers}
    for qty, unit_price in wanted.items():
        if qty in existing:
            existing[qty].unit_price = unit_price
        else:
            price_range.tiers.append(PriceTier(min_quantity=qty, unit_price=unit_price))
    session.add(price_range)
    changed = workflow.state_of(product) != before
    workflow.after_edit(session, product, actor, "prices", changed=changed)
    return price_range


def remove_price_range(
    session: Session, product: Product, currency: str, *, actor: User | None
) -> bool:
    """Remove the product's price range in ``currency``; False when it had none."""
    code = nfc(currency).upper()
    if not any(p.currency == code for p in product.editing.price_ranges):
        return False
    product = workflow.editable(session, product, actor)
    kept = [p for p in product.price_ranges if p.currency != code]
    if len(kept) == len(product.price_ranges):
        return False
    product.price_ranges = kept
    workflow.after_edit(session, product, actor, "prices", changed=True)
    return True


def set_text(product: Product, locale: str, data: Mapping[str, Any]) -> ProductText:
    """Set the product's name, description and story in ``locale`` (``ProductTextIn``).
    Part of a product save: ``product`` is the version :func:`save_product` or
    :func:`upsert_product` returned (a pending change when there is one), which records it."""
    if locale not in current_app.config["LANGUAGES"]:
        raise ValidationError.single(f"text.{locale[:10]}", _("This language is not offered."))
    text_in = validate(ProductTextIn, dict(data), prefix=f"text.{locale}")
    text = next((t for t in product.texts if t.locale == locale), None)
    if text is None:
        text = ProductText(locale=locale, name=text_in.name)
        product.texts.append(text)
    text.name, text.description, text.story = text_in.name, text_in.description, text_in.story
    return text


def live_with_sku(producer: Producer, sku: str) -> Select[tuple[Product]]:
    """The query for the producer's product with code ``sku`` (never a pending change)."""
    return select(Product).where(
        Product.producer_id == producer.id, Product.sku == sku, Product.draft_of_id.is_(None)
    )


def tags_for(session: Session, slugs: Iterable[str]) -> list[Tag]:
    """The Tag rows for ``slugs``, created when new."""
    wanted = sorted({nfc(s).lower() for s in slugs if nfc(s)})
    found = {t.slug: t for t in session.scalars(select(Tag).where(Tag.slug.in_(wanted)))}
    for slug in wanted:
        if slug not in found:
            found[slug] = Tag(slug=slug)
            session.add(found[slug])
    return [found[s] for s in wanted]


def _checked_facts(sku: Any, facts: Mapping[str, Any], errors: dict[str, str]) -> ProductFacts:
    try:
        validate(SkuIn, {"sku": sku})
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        return validate(ProductFacts, dict(facts))
    except ValidationError as exc:
        raise ValidationError({**errors, **exc.errors}) from None


def _apply_facts(session: Session, product: Product, facts: ProductFacts) -> None:
    product.category = facts.category
    product.colours = list(facts.colours)
    product.materials = list(facts.materials)
    for dim in ("length_mm", "width_mm", "height_mm", "weight_g", "shelf_life_days"):
        setattr(product, dim, getattr(facts, dim))
    product.is_food, product.perishable = facts.is_food, facts.perishable
    product.tags = tags_for(session, facts.tags)


def upsert_product(
    session: Session,
    producer: Producer,
    sku: str,
    fields: Mapping[str, Any],
    *,
    actor: User | None,
    status: str | None = None,
) -> tuple[Product, bool]:
    """Create or update the producer's product ``sku`` from ``ProductFacts``' fields (the
    importer's path); returns the version changed (its pending change when it has one) and
    whether it is new. ``status`` is set when given; a pending change is never set approved
    (only a facilitator's review approves it)."""
    errors: dict[str, str] = {}
    if status is not None and status not in {s.value for s in ProductStatus}:
        errors["status"] = _("Unknown status.")
    facts = _checked_facts(sku, fields, errors)
    _fields_error(errors)
    sku = nfc(sku)
    product = session.scalar(live_with_sku(producer, sku))
    if product is not None:
        product = workflow.editable(session, product, actor)
    created = product is None
    before = None if product is None else workflow.state_of(product)
    if product is None:
        product = Product(producer=producer, sku=sku, category=facts.category)
        session.add(product)
    _apply_facts(session, product, facts)
    if status is not None and not (
        workflow.is_pending_change(product) and status == ProductStatus.APPROVED
    ):
        product.status = ProductStatus(status)
    changed = created or workflow.state_of(product) != before
    session.flush()
    what = "create" if created else "details"
    live = product.live
    workflow.after_edit(session, product, actor, what, changed=changed)
    return live.editing, created


def save_product(
    session: Session,
    producer: Producer,
    product: Product | None,
    *,
    sku: Any,
    facts: Mapping[str, Any],
    texts: Mapping[str, Mapping[str, Any]],
    actor: User | None,
    drop_blank_texts: bool = False,
) -> Product:
    """Create a product (``product`` None) or change one: its code, facts and texts per
    language, all checked before anything changes (the portal's and the API's path).
    ``drop_blank_texts`` removes the languages whose name was left blank (a form). Returns
    the version changed: the new product, the product, or its pending change."""
    errors: dict[str, str] = {}
    checked = _checked_facts(sku, facts, errors)
    sku = nfc(sku) if isinstance(sku, str) else sku
    if "sku" not in errors:
        clash = session.scalar(live_with_sku(producer, sku))
        if clash is not None and (product is None or clash.id != product.live.id):
            errors["sku"] = _("You already have a product with this code.")
    offered = current_app.config["LANGUAGES"]
    kept: dict[str, ProductTextIn] = {}
    for locale, text in texts.items():
        if drop_blank_texts and not nfc(str(text.get("name") or "")):
            continue
        if locale not in offered:
            errors[f"text.{str(locale)[:10]}"] = _("This language is not offered.")
            continue
        try:
            kept[locale] = validate(ProductTextIn, dict(text), prefix=f"text.{locale}")
        except ValidationError as exc:
            errors.update(exc.errors)
    remaining = {t.locale for t in product.editing.texts} if product is not None else set()
    if drop_blank_texts:
        remaining &= set(kept)
    if not kept and not remaining and "name" not in errors:
        first = offered[0]
        errors[f"text.{first}.name"] = _("Give the product a name in at least one language.")
    _fields_error(errors)

    if product is not None:
        product = workflow.editable(session, product, actor)
    created = product is None
    before = None if product is None else workflow.state_of(product)
    if product is None:
        product = Product(producer=producer, sku=sku, category=checked.category)
        session.add(product)
    product.sku = sku
    _apply_facts(session, product, checked)
    if drop_blank_texts:
        product.texts = [t for t in product.texts if t.locale in kept]
    for locale, text_in in kept.items():
        set_text(product, locale, text_in.model_dump())
    changed = created or workflow.state_of(product) != before
    session.flush()
    what = "create" if created else "details"
    live = product.live
    workflow.after_edit(session, product, actor, what, changed=changed)
    return live.editing
