"""The order of a catalogue: items grouped into sections and sorted within them.

Sections come from ``Catalogue.group_by`` (category, producer, region, colour, price band, or
one section), computed from each item's first source so they follow product changes. Within a
section pinned items come first, then the ``sort_by`` order (price, capacity, colour), or the
facilitator's own order ("manual"): moving an item by hand keeps the current order and switches
to it. Callers commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

from babel.numbers import format_decimal
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from catalogue.catalogues import pricing
from catalogue.catalogues.history import catalogue_event, item_event
from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.core.labels import category_labels
from catalogue.core.validation import Collector, ValidationError
from catalogue.products.models import Product
from catalogue.products.services import CATEGORIES, COLOURS

GROUPS = {
    "category": _l("Category"),
    "producer": _l("Producer"),
    "region": _l("Region"),
    "colour": _l("Colour"),
    "price_band": _l("Price band"),
    "none": _l("One section"),
}
SORTS = {
    "price": _l("Price, lowest first"),
    "capacity": _l("Capacity, largest first"),
    "colour": _l("Colour"),
    "manual": _l("My own order"),
}


@dataclass
class Section:
    key: str
    title: dict[str, str]  # locale -> title
    items: list[CatalogueItem] = field(default_factory=list)


def primary(item: CatalogueItem) -> Product:
    """The product an item shows: its first source."""
    return item.sources[0].product


def capacity_of(item: CatalogueItem) -> int:
    """Pooled capacity: the sum of every source's units per month."""
    return sum(s.product.capacity.units_per_month for s in item.sources if s.product.capacity)


def price_band(price: Decimal) -> tuple[Decimal, Decimal]:
    """The 1-2-5 band a price falls in: 10 → (10, 20), 37 → (20, 50), 0.8 → (0.5, 1)."""
    if price <= 0:
        return Decimal(0), Decimal(1)
    base = Decimal(1).scaleb(price.adjusted())
    steps = [base, base * 2, base * 5, base * 10]
    return next((lo, hi) for lo, hi in pairwise(steps) if lo <= price < hi)


def _price(item: CatalogueItem, settings: pricing.PriceSettings) -> Decimal | None:
    try:
        return pricing.item_price(item, settings).low
    except (pricing.MissingPrice, pricing.MissingRate):
        return None


def section_key(item: CatalogueItem, group_by: str, settings: pricing.PriceSettings) -> str:
    """The key of the section ``item`` falls in when grouping by ``group_by``."""
    product = primary(item)
    if group_by == "category":
        return product.category
    if group_by == "producer":
        producer = product.producer
        return f"producer-{producer.slug}" if producer.is_public else "producer-others"
    if group_by == "region":
        return f"region-{product.producer.region}"
    if group_by == "colour":
        return f"colour-{product.colours[0]}" if product.colours else "colour-none"
    if group_by == "price_band":
        price = _price(item, settings)
        return "price-none" if price is None else f"price-{price_band(price)[0].normalize():f}"
    return "all"


def _title_in(locale: str, key: str, item: CatalogueItem, catalogue: Catalogue) -> str:
    with force_locale(locale):
        labels = category_labels()
        if catalogue.group_by == "category":
            return labels.get(key, key)
        if key == "producer-others":
            return _("Other producers")
        if key.startswith("producer-"):
            return primary(item).producer.display_name
        if key.startswith("region-"):
            return primary(item).producer.region
        if key == "colour-none":
            return _("Other colours")
        if key.startswith("colour-"):
            return labels.get(key.removeprefix("colour-"), key)
        if key == "price-none":
            return _("Price to be set")
        if key.startswith("price-"):
            low = Decimal(key.removeprefix("price-"))
            high = price_band(low)[1]
            low_text, high_text = (
                format_decimal(low, locale=locale),
                format_decimal(high, locale=locale),
            )
            return f"{low_text} – {high_text} {catalogue.currency}"
        return _("Our products")


def _section_order(group_by: str) -> Callable[[Section], tuple]:
    def order(section: Section) -> tuple:
        key = section.key
        if group_by == "category":
            return (CATEGORIES.index(key) if key in CATEGORIES else len(CATEGORIES), key)
        if group_by == "colour":
            colour = key.removeprefix("colour-")
            return (COLOURS.index(colour) if colour in COLOURS else len(COLOURS), key)
        if group_by == "price_band":
            return (key == "price-none", Decimal(key[6:]) if key != "price-none" else 0, key)
        if group_by == "producer":
            return (key == "producer-others", next(iter(section.title.values()), "").casefold())
        return (next(iter(section.title.values()), "").casefold(), key)

    return order


def _item_order(sort_by: str, settings: pricing.PriceSettings) -> Callable[[CatalogueItem], tuple]:
    def order(item: CatalogueItem) -> tuple:
        if sort_by == "price":
            price = _price(item, settings)
            value: tuple = (price is None, price or 0)
        elif sort_by == "capacity":
            value = (-capacity_of(item),)
        elif sort_by == "colour":
            colours = primary(item).colours
            value = (COLOURS.index(colours[0]) if colours and colours[0] in COLOURS else 99,)
        else:
            value = ()
        return (not item.pinned, *value, item.position, item.code)

    return order


def arranged(catalogue: Catalogue, locales: Sequence[str] | None = None) -> list[Section]:
    """The catalogue's items in sections and order (items in the catalogue only; items whose
    sources are gone are left out). Section titles in ``locales`` (default: the catalogue's)."""
    settings = pricing.settings_for(catalogue)
    locales = list(locales or catalogue.locales or ["en"])
    sections: dict[str, Section] = {}
    for item in catalogue.items:
        if not item.active or not item.sources:
            continue
        key = section_key(item, catalogue.group_by, settings)
        if key not in sections:
            title = {loc: _title_in(loc, key, item, catalogue) for loc in sorted(locales)}
            sections[key] = Section(key, title)
        sections[key].items.append(item)
    ordered = sorted(sections.values(), key=_section_order(catalogue.group_by))
    for section in ordered:
        section.items.sort(key=_item_order(catalogue.sort_by, settings))
    return ordered


def _materialise(catalogue: Catalogue) -> list[Section]:
    """Write the current order into positions (and section keys) so it can be kept by hand."""
    sections = arranged(catalogue)
    number = 0
    for section in sections:
        for item in section.items:
            number += 1
            item.position, item.section = number, section.key[:120]
    leftover = [i for i in catalogue.items if not i.active or not i.sources]
    for item in sorted(leftover, key=lambda i: (i.position, i.code)):
        number += 1
        item.position = number
    return sections


def set_arrangement(
    catalogue: Catalogue, *, group_by: str, sort_by: str, actor: Any = None
) -> None:
    """Group and sort the items; positions follow the new order."""
    errors = Collector()
    if group_by not in GROUPS:
        errors.add("group_by", _("Choose how to group the items."))
    if sort_by not in SORTS:
        errors.add("sort_by", _("Choose how to sort the items."))
    errors.raise_if_any()
    catalogue.group_by, catalogue.sort_by = group_by, sort_by
    _materialise(catalogue)
    catalogue_event("catalogue.arrange", catalogue, actor, group_by=group_by, sort_by=sort_by)


def move_item(
    catalogue: Catalogue, item: CatalogueItem | None, direction: int, *, actor: Any = None
) -> bool:
    """Move an item one place up (-1) or down (+1) within its section, among items pinned like
    it; the catalogue keeps this order from now on. False when it is already at that end."""
    if item is None or item.catalogue_id != catalogue.id or not item.active:
        raise ValidationError.single("item_id", _("This item is not in the catalogue."))
    if direction not in (-1, 1):
        raise ValidationError.single("direction", _("Move an item up or down."))
    sections = _materialise(catalogue)
    catalogue.sort_by = "manual"
    section = next(s for s in sections if item in s.items)
    peers = [i for i in section.items if i.pinned == item.pinned]
    index = peers.index(item) + direction
    if not 0 <= index < len(peers):
        return False
    other = peers[index]
    item.position, other.position = other.position, item.position
    item_event(
        "catalogue.item_up" if direction < 0 else "catalogue.item_down", catalogue, item, actor
    )
    return True
