"""Changes to products, their text, capacity and prices. Every function validates first, names
each refused field, and changes nothing when it refuses. Callers commit."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.core.models import Currency
from catalogue.core.validation import Collector
from catalogue.producers.models import Producer
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

CATEGORIES = (
    "jewellery",
    "textiles",
    "clothing",
    "accessories",
    "food",
    "beverages",
    "beauty",
    "homeware",
    "ceramics",
    "glass",
    "leather",
    "toys",
    "art",
    "books",
    "baskets",
    "lacquerware",
)
COLOURS = (
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "pink",
    "brown",
    "black",
    "white",
    "grey",
    "beige",
    "gold",
    "silver",
    "multicolour",
)


def nfc(text: str | None) -> str:
    """Text as stored: NFC-normalised and stripped, so 'lụa' typed either way compares equal."""
    return unicodedata.normalize("NFC", (text or "").strip())


def _int(errors: Collector, field: str, value: Any, *, minimum: int, message: str) -> int:
    try:
        number = int(value)
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
    except (TypeError, ValueError):
        errors.add(field, _("Enter a whole number."))
        return minimum
    if number < minimum:
        errors.add(field, message)
    return number


def parse_amount(value: Any) -> Decimal | None:
    """An amount as typed in the user's language ("12.500" is twelve thousand five hundred in
    Spanish, "12,50" is twelve and a half in French), else as a plain number; None if neither."""
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    text = str(value).strip().replace("\u00a0", " ").replace("\u202f", " ")
    try:
        return parse_decimal(text, locale=str(get_locale() or "en"), strict=True)
    except (NumberFormatError, ValueError):
        pass
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _money(errors: Collector, field: str, value: Any, *, required: bool = True) -> Decimal | None:
    if value is None or value == "":
        if required:
            errors.add(field, _("Enter an amount."))
        return None
    amount = parse_amount(value)
    if amount is None:
        errors.add(field, _("Enter an amount such as 12.50."))
        return None
    if not amount.is_finite():
        errors.add(field, _("Enter an amount such as 12.50."))
        return None
    if amount < 0:
        errors.add(field, _("A price cannot be below zero."))
    elif amount >= Decimal("1e12"):
        errors.add(field, _("This amount is too large."))
    return amount


def set_capacity(
    session: Session,
    product: Product,
    *,
    units_per_month: Any,
    lead_time_days: Any = 0,
    min_order: Any = 1,
    case_multiple: Any = 1,
    months: Iterable[int] | None = None,
) -> Capacity:
    """Set what the producer can make of ``product``; every field is checked before any change."""
    errors = Collector()
    units = _int(
        errors,
        "units_per_month",
        units_per_month,
        minimum=0,
        message=_("Units per month cannot be below zero."),
    )
    lead = _int(
        errors,
        "lead_time_days",
        lead_time_days,
        minimum=0,
        message=_("Lead time cannot be below zero days."),
    )
    minimum = _int(
        errors, "min_order", min_order, minimum=1, message=_("The minimum order is at least 1.")
    )
    case = _int(
        errors,
        "case_multiple",
        case_multiple,
        minimum=1,
        message=_("The case multiple is at least 1."),
    )
    month_list = list(range(1, 13)) if months is None else list(months)
    if any(not isinstance(m, int) or not 1 <= m <= 12 for m in month_list):
        errors.add("months", _("Months are numbers from 1 (January) to 12 (December)."))
        month_list = []
    errors.raise_if_any()
    capacity = product.capacity or Capacity(product=product, units_per_month=units)
    capacity.units_per_month = units
    capacity.lead_time_days = lead
    capacity.min_order = minimum
    capacity.case_multiple = case
    capacity.months_available = Capacity.months_mask(month_list) & ALL_MONTHS
    session.add(capacity)
    return capacity


def set_price_range(
    session: Session,
    product: Product,
    *,
    currency: str,
    wholesale_min: Any,
    wholesale_max: Any,
    retail_min: Any = None,
    retail_max: Any = None,
    tiers: Iterable[Mapping[str, Any]] = (),
) -> PriceRange:
    """Set the product's price range in ``currency`` (replacing its quantity tiers)."""
    errors = Collector()
    code = (currency or "").strip().upper()
    if session.get(Currency, code) is None:
        errors.add("currency", _("“%(code)s” is not an ISO 4217 currency code.", code=currency))
    w_min = _money(errors, "wholesale_min", wholesale_min)
    w_max = _money(errors, "wholesale_max", wholesale_max)
    r_min = _money(errors, "retail_min", retail_min, required=retail_max not in (None, ""))
    r_max = _money(errors, "retail_max", retail_max, required=retail_min not in (None, ""))
    if w_min is not None and w_max is not None and w_min > w_max:
        errors.add("wholesale_max", _("The highest wholesale price is below the lowest."))
    if r_min is not None and r_max is not None and r_min > r_max:
        errors.add("retail_max", _("The highest retail price is below the lowest."))
    parsed_tiers: list[tuple[int, Decimal]] = []
    for i, tier in enumerate(tiers):
        qty = _int(
            errors,
            f"tiers.{i}.min_quantity",
            tier.get("min_quantity"),
            minimum=1,
            message=_("A tier starts at 1 unit or more."),
        )
        price = _money(errors, f"tiers.{i}.unit_price", tier.get("unit_price"))
        if price is not None:
            parsed_tiers.append((qty, price))
    if len({q for q, _p in parsed_tiers}) != len(parsed_tiers):
        errors.add("tiers", _("Two tiers start at the same quantity."))
    errors.raise_if_any()

    price_range = next((p for p in product.price_ranges if p.currency == code), None)
    if price_range is None:
        price_range = PriceRange(currency=code, wholesale_min=w_min, wholesale_max=w_max)
        product.price_ranges.append(price_range)
    price_range.wholesale_min, price_range.wholesale_max = w_min, w_max  # type: ignore[assignment]
    price_range.retail_min, price_range.retail_max = r_min, r_max
    wanted = dict(sorted(parsed_tiers))
    for tier_row in list(price_range.tiers):
        if tier_row.min_quantity not in wanted:
            price_range.tiers.remove(tier_row)
    existing = {t.min_quantity: t for t in price_range.tiers}
    for qty, price in wanted.items():
        if qty in existing:
            existing[qty].unit_price = price
        else:
            price_range.tiers.append(PriceTier(min_quantity=qty, unit_price=price))
    session.add(price_range)
    return price_range


def set_text(
    product: Product, locale: str, *, name: str, description: str = "", story: str = ""
) -> ProductText:
    """Set the product's name, description and story in one language (NFC-normalised)."""
    errors = Collector()
    if not nfc(name):
        errors.add(f"text.{locale}.name", _("Enter the product's name."))
    elif len(nfc(name)) > 200:
        errors.add(f"text.{locale}.name", _("Keep it under %(n)d characters.", n=200))
    if len(locale) > 10:
        errors.add(f"text.{locale}", _("This language is not offered."))
    errors.raise_if_any()
    text = next((t for t in product.texts if t.locale == locale), None)
    if text is None:
        text = ProductText(locale=locale, name=nfc(name))
        product.texts.append(text)
    text.name, text.description, text.story = nfc(name), nfc(description), nfc(story)
    return text


def tags_for(session: Session, slugs: Iterable[str]) -> list[Tag]:
    """The Tag rows for ``slugs``, created when new."""
    wanted = sorted({nfc(s).lower() for s in slugs if nfc(s)})
    found = {t.slug: t for t in session.scalars(select(Tag).where(Tag.slug.in_(wanted)))}
    for slug in wanted:
        if slug not in found:
            found[slug] = Tag(slug=slug)
            session.add(found[slug])
    return [found[s] for s in wanted]


# The product facts ``upsert_product`` takes besides ``status`` (API bodies, import rows).
PRODUCT_FACTS = (
    "category",
    "tags",
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


def upsert_product(
    session: Session, producer: Producer, sku: str, fields: Mapping[str, Any]
) -> tuple[Product, bool]:
    """Create or update the producer's product ``sku``; returns it and whether it is new."""
    errors = Collector()
    sku = nfc(sku)
    if not sku:
        errors.add("sku", _("Enter the product code."))
    elif len(sku) > 40:
        errors.add("sku", _("Keep it under %(n)d characters.", n=40))
    long_tags = [t for t in fields.get("tags", []) if len(nfc(t)) > 60]
    if long_tags:
        errors.add("tags", _("Keep each tag under %(n)d characters.", n=60))
    long_materials = [m for m in fields.get("materials", []) if len(nfc(m)) > 200]
    if long_materials:
        errors.add("materials", _("Keep each material under %(n)d characters.", n=200))
    category = fields.get("category", "")
    if category not in CATEGORIES:
        errors.add("category", _("Choose a category from the list."))
    unknown_colours = [c for c in fields.get("colours", []) if c not in COLOURS]
    if unknown_colours:
        errors.add("colours", _("Unknown colour: %(c)s.", c=", ".join(unknown_colours)))
    for dim in ("length_mm", "width_mm", "height_mm", "weight_g"):
        if fields.get(dim) is not None:
            _int(errors, dim, fields[dim], minimum=0, message=_("A size cannot be below zero."))
    if fields.get("shelf_life_days") is not None:
        _int(
            errors,
            "shelf_life_days",
            fields["shelf_life_days"],
            minimum=1,
            message=_("Shelf life is at least one day."),
        )
    status = fields.get("status", ProductStatus.DRAFT)
    if status not in {s.value for s in ProductStatus}:
        errors.add("status", _("Unknown status."))
    errors.raise_if_any()

    product = session.scalar(
        select(Product).where(Product.producer_id == producer.id, Product.sku == sku)
    )
    created = product is None
    if product is None:
        product = Product(producer=producer, sku=sku, category=category)
        session.add(product)
    product.category = category
    product.colours = list(fields.get("colours", []))
    product.materials = [nfc(m) for m in fields.get("materials", [])]
    for dim in ("length_mm", "width_mm", "height_mm", "weight_g", "shelf_life_days"):
        setattr(product, dim, fields.get(dim))
    product.is_food = bool(fields.get("is_food", False))
    product.perishable = bool(fields.get("perishable", False))
    product.status = ProductStatus(status)
    product.tags = tags_for(session, fields.get("tags", []))
    return product, created
