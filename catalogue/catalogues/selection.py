"""Which products go into a catalogue: the facilitator's rules, and her manual choices.

Rules (stored in ``Catalogue.rules``) narrow the network's products by category, tag, region,
economy, producer facts, price band and capacity; only approved products of active producers
ever match, whatever the rules say. Applying the rules adds an item for each new match, lets
rule-added items that no longer match drop out (``unmatched``, code kept) and never brings back
an item the facilitator removed (``excluded``). Callers commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload, subqueryload

from catalogue.catalogues import pricing
from catalogue.catalogues.codes import next_code
from catalogue.catalogues.history import catalogue_event, item_event
from catalogue.catalogues.models import Catalogue, CatalogueItem, ItemSource
from catalogue.core.loading import parse_id
from catalogue.core.numbers import MAX_INT, NumberError, parse_whole, typed_amount
from catalogue.core.validation import Collector, ValidationError
from catalogue.producers.models import CommunityType, Producer
from catalogue.products.models import Capacity, Product, ProductStatus, ProductText, Tag
from catalogue.products.services import CATEGORIES, nfc

_ISO2 = re.compile(r"^[A-Z]{2}$")
LIST_RULES = ("categories", "tags", "regions", "economies", "community_types")


def _words(value: Any) -> list[str]:
    """A list of texts from a list, or from one text separated by commas."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [nfc(str(v)) for v in items if nfc(str(v))]


def parse_rules(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check the rules as typed and return them as stored; every bad field is named at once."""
    errors = Collector()
    rules: dict[str, Any] = {}
    categories = sorted(set(_words(data.get("categories"))))
    if set(categories) - set(CATEGORIES):
        errors.add("categories", _("Choose categories from the list."))
    rules["categories"] = categories
    rules["tags"] = sorted({t.lower() for t in _words(data.get("tags"))})
    rules["regions"] = sorted(set(_words(data.get("regions"))))
    economies = sorted({e.upper() for e in _words(data.get("economies"))})
    if any(not _ISO2.match(e) for e in economies):
        errors.add("economies", _("Use two-letter country codes, such as CL, CA or VN."))
    rules["economies"] = economies
    communities = sorted(set(_words(data.get("community_types"))))
    if set(communities) - {c.value for c in CommunityType}:
        errors.add("community_types", _("Choose community types from the list."))
    rules["community_types"] = communities
    rules["women_led"] = bool(data.get("women_led"))
    band: dict[str, Decimal | None] = {}
    for name in ("price_min", "price_max"):
        raw = data.get(name)
        amount = typed_amount(raw) if raw not in (None, "") else None
        if raw not in (None, "") and (amount is None or not amount.is_finite()):
            errors.add(name, _("Enter an amount such as 12.50."))
        elif amount is not None and amount < 0:
            errors.add(name, _("A price cannot be below zero."))
        band[name] = amount if amount is not None and amount.is_finite() else None
        rules[name] = str(band[name]) if band[name] is not None else None
    low, high = band["price_min"], band["price_max"]
    if low is not None and high is not None and low > high:
        errors.add("price_max", _("The highest price is below the lowest."))
    raw_capacity = data.get("min_capacity")
    rules["min_capacity"] = None
    if raw_capacity not in (None, ""):
        try:
            rules["min_capacity"] = parse_whole(raw_capacity)
        except NumberError as exc:
            errors.add("min_capacity", str(exc))
        else:
            if rules["min_capacity"] < 0:
                errors.add("min_capacity", _("This cannot be below zero."))
            elif rules["min_capacity"] > MAX_INT:
                errors.add("min_capacity", _("Enter %(n)s or less.", n=MAX_INT))
    errors.raise_if_any()
    return rules


def _in_band(product: Product, rules: Mapping[str, Any], settings: pricing.PriceSettings) -> bool:
    low, high = rules.get("price_min"), rules.get("price_max")
    if low is None and high is None:
        return True
    try:
        source = pricing.source_price(product, settings)
        price = pricing.sell_price(source.wholesale_min, source.currency, settings)
    except (pricing.MissingPrice, pricing.MissingRate):
        return False  # a price that cannot be compared is not inside the band
    return (low is None or price >= Decimal(low)) and (high is None or price <= Decimal(high))


def _base_query(catalogue: Catalogue) -> Any:
    """Approved products of the catalogue's network whose producer is active: always on."""
    return (
        select(Product)
        .join(Product.producer)
        .where(
            Producer.network_id == catalogue.network_id,
            Producer.active.is_(True),
            Product.status == ProductStatus.APPROVED,
        )
    )


def matching_products(
    session: Session, catalogue: Catalogue, rules: Mapping[str, Any] | None = None
) -> list[Product]:
    """The products ``rules`` (default: the catalogue's own) select, in a stable order."""
    rules = catalogue.rules if rules is None else rules
    query = _base_query(catalogue)
    if rules.get("categories"):
        query = query.where(Product.category.in_(rules["categories"]))
    if rules.get("regions"):
        query = query.where(Producer.region.in_(rules["regions"]))
    if rules.get("economies"):
        query = query.where(Producer.economy.in_(rules["economies"]))
    if rules.get("women_led"):
        query = query.where(Producer.women_led.is_(True))
    if rules.get("community_types"):
        query = query.where(Producer.community_type.in_(rules["community_types"]))
    if rules.get("min_capacity"):
        query = query.join(Capacity).where(Capacity.units_per_month >= rules["min_capacity"])
    if rules.get("tags"):
        query = query.where(Product.tags.any(Tag.slug.in_(rules["tags"])))
    query = query.options(  # every match: one query per kind, not batches of 500
        contains_eager(Product.producer),
        subqueryload(Product.price_ranges),
        subqueryload(Product.texts),
    ).order_by(Product.id)
    settings = pricing.settings_for(catalogue)
    return [p for p in session.scalars(query) if _in_band(p, rules, settings)]


@dataclass
class Preview:
    """What the rules select, and what the catalogue already does with each product."""

    products: list[Product]
    item_of: dict[int, CatalogueItem] = field(default_factory=dict)

    def count(self, state: str) -> int:
        return sum(1 for p in self.products if self.state(p) == state)

    def state(self, product: Product) -> str:
        """ "new", "in", "excluded" or "dropped" (a rule item the rules had let go)."""
        item = self.item_of.get(product.id)
        if item is None:
            return "new"
        if item.excluded:
            return "excluded"
        return "dropped" if item.unmatched else "in"


def items_by_product(catalogue: Catalogue) -> dict[int, CatalogueItem]:
    """Each product of the catalogue → the item it supplies (excluded items included)."""
    return {s.product_id: item for item in catalogue.items for s in item.sources}


def preview(
    session: Session, catalogue: Catalogue, rules: Mapping[str, Any] | None = None
) -> Preview:
    """The products the rules select, without changing anything."""
    return Preview(matching_products(session, catalogue, rules), items_by_product(catalogue))


def new_item(catalogue: Catalogue, products: Iterable[Product], *, by_rule: bool) -> CatalogueItem:
    """A new item of ``products`` (one, or several for a pool), with a new code, placed last."""
    position = max((i.position for i in catalogue.items), default=0) + 1
    item = CatalogueItem(code=next_code(catalogue), position=position, added_by_rule=by_rule)
    item.sources = [ItemSource(product=p, position=n) for n, p in enumerate(products)]
    catalogue.items.append(item)
    return item


def apply_rules(
    session: Session, catalogue: Catalogue, rules: Mapping[str, Any], *, actor: Any = None
) -> dict[str, int]:
    """Store ``rules`` and bring the items in line: new matches are added with new codes,
    rule-added items that no longer match drop out and come back with the same code later,
    items the facilitator removed stay removed. Returns counts: added, dropped, back."""
    rules = parse_rules(rules)
    matching = {p.id: p for p in matching_products(session, catalogue, rules)}
    counts = {"added": 0, "dropped": 0, "back": 0}
    for item in catalogue.items:
        if not item.added_by_rule:
            continue
        matches = any(s.product_id in matching for s in item.sources)
        if not item.excluded and item.unmatched == matches:  # visible change only
            counts["back" if matches else "dropped"] += 1
        item.unmatched = not matches
    known = items_by_product(catalogue)
    for product_id, product in matching.items():
        if product_id not in known:
            new_item(catalogue, [product], by_rule=True)
            counts["added"] += 1
    catalogue.rules = rules
    session.flush()
    catalogue_event("catalogue.rules", catalogue, actor, session=session, **counts)
    return counts


def add_product(
    session: Session, catalogue: Catalogue, product_id: Any, *, actor: Any = None
) -> CatalogueItem:
    """Add one product by hand (it stays whatever the rules say); an item removed before comes
    back with its code."""
    product = None
    wanted = parse_id(product_id)
    if wanted is not None:
        product = session.scalar(_base_query(catalogue).where(Product.id == wanted))
    if product is None:
        raise ValidationError.single(
            "product_id", _("Only approved products of this network can be added.")
        )
    item = items_by_product(catalogue).get(product.id)
    if item is not None and item.active:
        raise ValidationError.single("product_id", _("This product is already in the catalogue."))
    if item is not None:
        include_item(catalogue, item, actor=actor)
        session.flush()
        return item
    item = new_item(catalogue, [product], by_rule=False)
    session.flush()
    item_event("catalogue.item_add", catalogue, item, actor, session=session)
    return item


def exclude_item(catalogue: Catalogue, item: CatalogueItem | None, *, actor: Any = None) -> None:
    """Remove an item: its row and code stay, and the rules will not add it again."""
    item = _check_item(catalogue, item)
    item.excluded = True
    item.pinned = False
    item_event("catalogue.item_remove", catalogue, item, actor)


def include_item(catalogue: Catalogue, item: CatalogueItem | None, *, actor: Any = None) -> None:
    """Bring a removed item back, with its code; from now on it stays whatever the rules say."""
    item = _check_item(catalogue, item)
    item.excluded = False
    if item.unmatched:
        item.unmatched, item.added_by_rule = False, False
    item_event("catalogue.item_back", catalogue, item, actor)


def set_pinned(
    catalogue: Catalogue, item: CatalogueItem | None, pinned: bool, *, actor: Any = None
) -> None:
    """Pinned items come first in their section."""
    item = _check_item(catalogue, item)
    if pinned and not item.active:
        raise ValidationError.single("item_id", _("Only items in the catalogue can be pinned."))
    item.pinned = pinned
    item_event("catalogue.item_pin" if pinned else "catalogue.item_unpin", catalogue, item, actor)


def _check_item(catalogue: Catalogue, item: CatalogueItem | None) -> CatalogueItem:
    if item is None or item.catalogue_id != catalogue.id:
        raise ValidationError.single("item_id", _("This item is not in the catalogue."))
    return item


def search_products(session: Session, catalogue: Catalogue, query: str) -> list[Product]:
    """Approved products of the network whose name (any language) or code contains ``query``."""
    text = nfc(query)
    if not text:
        return []
    named = select(ProductText.product_id).where(ProductText.name.icontains(text, autoescape=True))
    found = _base_query(catalogue).where(
        Product.sku.icontains(text, autoescape=True) | Product.id.in_(named)
    )
    found = found.options(contains_eager(Product.producer), selectinload(Product.texts))
    return list(session.scalars(found.order_by(Product.id).limit(30)))
