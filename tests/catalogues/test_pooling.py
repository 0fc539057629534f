"""Pools: compatible products of different producers become one item with several sources."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from catalogue.catalogues import arrangement, pooling, selection
from catalogue.core.validation import ValidationError
from catalogue.products.models import ProductStatus
from tests.catalogues.conftest import catalogue_of, producer, product
from tests.factories import World


def _two_rings(session: Session, world: World):
    catalogue = catalogue_of(session, world)
    selection.apply_rules(session, catalogue, {})
    return catalogue, sorted(catalogue.items, key=lambda i: i.code)


def test_a_pool_sums_its_sources_capacity_and_keeps_the_first_code(
    session: Session, world: World
) -> None:
    catalogue, (ring, scarf) = _two_rings(session, world)
    scarf.sources[0].product.capacity.units_per_month = 35
    pool = pooling.merge_items(session, catalogue, [scarf.id, ring.id])
    assert pool.code == "WG-001" and pool.pooled
    assert [s.product_id for s in pool.sources] == [world.product_a, world.product_b]
    assert arrangement.capacity_of(pool) == 20 + 35
    assert [i.code for i in catalogue.items] == ["WG-001"]


def test_splitting_a_pool_gives_the_others_new_codes(session: Session, world: World) -> None:
    catalogue, (ring, scarf) = _two_rings(session, world)
    pool = pooling.merge_items(session, catalogue, [ring.id, scarf.id])
    created = pooling.split_item(session, catalogue, pool)
    assert [i.code for i in created] == ["WG-003"]  # WG-002 was retired by the merge
    assert [s.product_id for s in pool.sources] == [world.product_a]
    with pytest.raises(ValidationError):
        pooling.split_item(session, catalogue, pool)  # no longer a pool


def test_incompatible_items_do_not_pool_and_nothing_changes(session: Session, world: World) -> None:
    catalogue, (ring, scarf) = _two_rings(session, world)
    rosa = producer(session, world.producer_a)
    bowl = selection.add_product(
        session, catalogue, product(session, rosa, "A-3", category="ceramics").id
    )
    second_ring = selection.add_product(session, catalogue, product(session, rosa, "A-4").id)
    for ids in ([ring.id], [ring.id, bowl.id], [ring.id, second_ring.id], [ring.id, 424242]):
        with pytest.raises(ValidationError):
            pooling.merge_items(session, catalogue, ids)
    scarf.sources[0].product.status = ProductStatus.SUBMITTED
    with pytest.raises(ValidationError):
        pooling.merge_items(session, catalogue, [ring.id, scarf.id])
    assert all(len(i.sources) == 1 for i in catalogue.items) and len(catalogue.items) == 4


def test_candidates_are_categories_with_items_of_several_producers(
    session: Session, world: World
) -> None:
    catalogue, _items = _two_rings(session, world)
    rosa = producer(session, world.producer_a)
    selection.add_product(session, catalogue, product(session, rosa, "A-3", category="glass").id)
    assert {k: [i.code for i in v] for k, v in pooling.candidates(catalogue).items()} == {
        "jewellery": ["WG-001", "WG-002"]
    }
