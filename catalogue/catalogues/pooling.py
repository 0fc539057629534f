"""Pools: one catalogue item supplied by several producers' compatible products.

A pool's capacity is the sum of its sources'; an order for it is later allocated across them.
Only the same item may pool: products of one category, approved, of different producers, whose
names are the same in a language they share (once case, accents and punctuation are set aside:
"Mermelada de damasco" and "mermelada de Damasco"), or that the facilitator confirms are the
same item, so an apricot jam never slips into a papaya jam because both are food.
Merging keeps the code of the item placed first and retires the others' codes (the counter never
gives them out again); splitting gives each detached product a new item with a new code.
Callers commit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from catalogue.catalogues.arrangement import primary
from catalogue.catalogues.history import item_event
from catalogue.catalogues.models import Catalogue, CatalogueItem, ItemSource
from catalogue.catalogues.selection import new_item
from catalogue.core.loading import parse_id
from catalogue.core.validation import ValidationError
from catalogue.products.models import Product, ProductStatus


def _items(catalogue: Catalogue, item_ids: Iterable[Any]) -> list[CatalogueItem]:
    by_id = {item.id: item for item in catalogue.items}
    wanted = []
    for raw in item_ids:
        item = by_id.get(parse_id(raw))
        if item is None:
            raise ValidationError.single("items", _("This item is not in the catalogue."))
        if item not in wanted:
            wanted.append(item)
    return wanted


def normalised_name(name: str) -> str:
    """A name as compared for pooling: "  Mermelada de DAMASCO!" → "mermelada de damasco"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text))


def same_name(products: list[Product]) -> bool:
    """True when every product has the same (normalised) name in some language they all have."""
    names = [{t.locale: normalised_name(t.name) for t in p.texts if t.name} for p in products]
    first, rest = names[0], names[1:]
    return any(name and all(n.get(loc) == name for n in rest) for loc, name in first.items())


def _shown_name(product: Product) -> str:
    text = product.text(str(get_locale() or product.producer.network.default_locale))
    return text.name if text else product.sku


def check_compatible(items: list[CatalogueItem], *, same_item: bool = False) -> None:
    """Raise unless ``items`` can form one pool: two or more items in the catalogue, products of
    one category, all approved, each from a different producer, and the same item: the same
    name in a shared language, or ``same_item`` (the facilitator's confirmation)."""
    if len(items) < 2:
        raise ValidationError.single("items", _("Choose at least two items to pool."))
    if not all(item.active for item in items):
        raise ValidationError.single("items", _("Only items in the catalogue can be pooled."))
    products = [s.product for item in items for s in item.sources]
    if len({p.category for p in products}) > 1:
        raise ValidationError.single("items", _("Only products of the same category can pool."))
    if any(p.status != ProductStatus.APPROVED for p in products):
        raise ValidationError.single("items", _("Only approved products can be pooled."))
    producers = [p.producer_id for p in products]
    if len(set(producers)) != len(producers):
        raise ValidationError.single(
            "items", _("A pool brings together products of different producers.")
        )
    if not same_item and not same_name(products):
        first = _shown_name(products[0])
        other = next(
            (_shown_name(p) for p in products[1:] if _shown_name(p) != first),
            _shown_name(products[1]),
        )
        raise ValidationError.single(
            "same_item",
            _(
                "“%(first)s” and “%(other)s” do not have the same name, so they may be "
                "different items. Pool them only if a buyer gets the same thing from either "
                "producer: tick “They are the same item” and pool again.",
                first=first,
                other=other,
            ),
        )


def merge_items(
    session: Session,
    catalogue: Catalogue,
    item_ids: Iterable[Any],
    *,
    same_item: bool = False,
    actor: Any = None,
) -> CatalogueItem:
    """Pool the chosen items into the one placed first; the others' codes are retired.
    ``same_item``: the facilitator confirms they are the same item though named differently."""
    items = _items(catalogue, item_ids)
    check_compatible(items, same_item=same_item)
    items.sort(key=lambda i: (i.position, i.code))
    target, others = items[0], items[1:]
    retired = [other.code for other in others]
    joining = []
    for other in others:
        joining += [s.product for s in other.sources]
        target.pinned = target.pinned or other.pinned
        catalogue.items.remove(other)
    session.flush()  # the others' rows go before their products join the pool
    start = len(target.sources)
    for n, product in enumerate(joining):
        target.sources.append(ItemSource(product=product, position=start + n))
    target.added_by_rule = False  # a pool is the facilitator's choice: rules leave it alone
    target.unit_price = None
    session.flush()
    item_event(
        "catalogue.pool",
        catalogue,
        target,
        actor,
        session=session,
        joined=retired,
        confirmed=same_item,
    )
    return target


def split_item(
    session: Session, catalogue: Catalogue, item: CatalogueItem | None, *, actor: Any = None
) -> list:
    """Undo a pool: the first product keeps the item and its code, each other one becomes an
    item of its own with a new code. Returns the new items."""
    if item is None or item.catalogue_id != catalogue.id:
        raise ValidationError.single("item_id", _("This item is not in the catalogue."))
    if not item.pooled:
        raise ValidationError.single("item_id", _("This item is not a pool."))
    keep, *detached = item.sources
    products = [s.product for s in detached]
    item.sources = [keep]
    session.flush()
    created = [new_item(catalogue, [product], by_rule=False) for product in products]
    for new in created:
        new.pinned = item.pinned
    session.flush()
    item_event(
        "catalogue.split",
        catalogue,
        item,
        actor,
        session=session,
        new_codes=[i.code for i in created],
    )
    return created


def candidates(catalogue: Catalogue) -> dict[str, list[CatalogueItem]]:
    """Items that could pool, by category: categories with items of two or more producers."""
    groups: dict[str, list[CatalogueItem]] = {}
    for item in sorted(catalogue.items, key=lambda i: (i.position, i.code)):
        if item.active and item.sources:
            groups.setdefault(primary(item).category, []).append(item)
    return {
        category: items
        for category, items in sorted(groups.items())
        if len({s.product.producer_id for i in items for s in i.sources}) > 1
    }
