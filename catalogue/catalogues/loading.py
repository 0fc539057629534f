"""Loading a catalogue with everything its items show, in a fixed number of queries.

The builder's steps, the check and the snapshot walk every item, its sources and their products'
texts, capacity, prices, photos and costing. Loaded lazily that is several statements per item
(10,000 for a catalogue of 1,000); :func:`load_items` loads each kind of row in one query
instead, whatever the size of the catalogue. (``subqueryload``, not ``selectinload``: the latter
sends its keys in batches of 500, a query more per kind for every 500 items.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import Session, subqueryload

from catalogue.catalogues.models import Catalogue, CatalogueItem, ItemSource
from catalogue.media.models import ProductImage
from catalogue.products.models import PriceRange, Product


def product_options(path: Any) -> list[Any]:
    """Loader options under ``path`` (a loader for ``Product`` rows) for everything a catalogue
    reads of a product: producer, texts, tags, capacity, prices and tiers, photos and their
    copies, costing. One query each."""
    return [
        path.subqueryload(Product.producer),
        path.subqueryload(Product.texts),
        path.subqueryload(Product.tags),
        path.subqueryload(Product.capacity),
        path.subqueryload(Product.price_ranges).subqueryload(PriceRange.tiers),
        path.subqueryload(Product.images).subqueryload(ProductImage.derivatives),
        path.subqueryload(Product.cost),
    ]


def item_options() -> list[Any]:
    """Loader options for a ``Catalogue`` query: its items, their sources and products (with
    :func:`product_options`), its exchange rates and editions."""
    products = subqueryload(Catalogue.items).subqueryload(CatalogueItem.sources)
    return [
        *product_options(products.subqueryload(ItemSource.product)),
        subqueryload(Catalogue.exchange_rates),
        subqueryload(Catalogue.editions),
    ]


def load_items(session: Session, catalogue: Catalogue) -> Catalogue:
    """``catalogue`` with its items and everything they show loaded, a query per kind of row.

    Attributes already loaded are left as they are (so changes not yet flushed stay); call it
    before walking ``catalogue.items``. Once its items are loaded it does nothing."""
    if "items" not in sa_inspect(catalogue).unloaded:
        return catalogue
    loaded = session.scalars(
        select(Catalogue).where(Catalogue.id == catalogue.id).options(*item_options())
    ).one()
    assert loaded is catalogue
    return catalogue
