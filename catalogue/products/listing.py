"""Public lists of products: what buyers may see, loaded with a fixed number of queries.

A product card shows the product's name (its texts) and its cover photo (images and their
copies); :func:`card_options` loads those for a whole list at once, a query per kind of row.
Pending changes (``draft_of_id``) are never public: :func:`public` leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from catalogue.media.models import ProductImage
from catalogue.products.models import Product, ProductStatus


def public() -> list[ColumnElement[bool]]:
    """Conditions on ``Product`` for what buyers may see (the producer's consent aside)."""
    return [Product.status == ProductStatus.APPROVED, Product.draft_of_id.is_(None)]


def card_options() -> list[Any]:
    """Loader options for product cards: texts, photos and their copies."""
    return [
        selectinload(Product.texts),
        selectinload(Product.images).selectinload(ProductImage.derivatives),
    ]


def counts_by_producer(session: Session, producer_ids: Iterable[int]) -> dict[int, int]:
    """How many public products each of ``producer_ids`` has (one query)."""
    ids = list(producer_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Product.producer_id, func.count())
        .where(Product.producer_id.in_(ids), *public())
        .group_by(Product.producer_id)
    )
    return {producer_id: count for producer_id, count in rows}


def first_by_producer(
    session: Session, producer_ids: Iterable[int], limit: int
) -> dict[int, list[Product]]:
    """The first ``limit`` public products (by category, then age) of each of ``producer_ids``,
    ready for cards: a query for the products whatever the number of producers, and one for
    each kind of row a card shows."""
    ids = list(producer_ids)
    if not ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=Product.producer_id, order_by=(Product.category, Product.id))
        .label("rank")
    )
    ranked = select(Product.id, rank).where(Product.producer_id.in_(ids), *public()).subquery()
    rows = session.scalars(
        select(Product)
        .join(ranked, ranked.c.id == Product.id)
        .where(ranked.c.rank <= limit)
        .order_by(Product.producer_id, Product.category, Product.id)
        .options(*card_options())
    )
    found: dict[int, list[Product]] = {producer_id: [] for producer_id in ids}
    for product in rows:
        found[product.producer_id].append(product)
    return found
