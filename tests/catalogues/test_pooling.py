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
    pool = pooling.merge_items(session, catalogue, [scarf.id, ring.id], same_item=True)
    assert pool.code == "WG-001" and pool.pooled
    assert [s.product_id for s in pool.sources] == [world.product_a, world.product_b]
    assert arrangement.capacity_of(pool) == 20 + 35
    assert [i.code for i in catalogue.items] == ["WG-001"]


def test_splitting_a_pool_gives_the_others_new_codes(session: Session, world: World) -> None:
    catalogue, (ring, scarf) = _two_rings(session, world)
    pool = pooling.merge_items(session, catalogue, [ring.id, scarf.id], same_item=True)
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
            pooling.merge_items(session, catalogue, ids, same_item=True)
    scarf.sources[0].product.status = ProductStatus.SUBMITTED
    with pytest.raises(ValidationError):
        pooling.merge_items(session, catalogue, [ring.id, scarf.id], same_item=True)
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


def _jams(session: Session, world: World, first: str, second: str):
    """Two approved food products of two producers, named ``first`` and ``second``, as items."""
    catalogue = catalogue_of(session, world)
    rosa, carmen = producer(session, world.producer_a), producer(session, world.producer_b)
    a = selection.add_product(
        session, catalogue, product(session, rosa, "J-1", name=first, category="food").id
    )
    b = selection.add_product(
        session, catalogue, product(session, carmen, "J-2", name=second, category="food").id
    )
    return catalogue, a, b


def test_an_apricot_jam_does_not_pool_into_a_papaya_jam(session: Session, world: World) -> None:
    catalogue, apricot, papaya = _jams(session, world, "Apricot jam", "Papaya jam")
    with pytest.raises(ValidationError) as refused:
        pooling.merge_items(session, catalogue, [apricot.id, papaya.id])
    message = refused.value.errors["same_item"]
    assert "Apricot jam" in message and "Papaya jam" in message
    assert "They are the same item" in message
    assert not apricot.pooled and not papaya.pooled and len(catalogue.items) == 2


def test_products_with_the_same_name_pool_without_confirmation(
    session: Session, world: World
) -> None:
    catalogue, first, second = _jams(session, world, "Apricot jam", "  APRICOT   jám!")
    pool = pooling.merge_items(session, catalogue, [first.id, second.id])
    assert pool.pooled and arrangement.capacity_of(pool) == 40


def test_differently_named_products_pool_when_the_facilitator_confirms(
    session: Session, world: World
) -> None:
    catalogue, first, second = _jams(session, world, "Apricot jam", "Dried apricot preserve")
    pool = pooling.merge_items(session, catalogue, [first.id, second.id], same_item=True)
    assert pool.pooled and len(pool.sources) == 2


def test_the_pooling_page_explains_a_refusal_in_the_users_language(app, world: World) -> None:
    from catalogue.extensions import db
    from tests.catalogues.conftest import client_for
    from tests.conftest import csrf_from

    with app.test_request_context():
        _catalogue, apricot, papaya = _jams(db.session, world, "Apricot jam", "Papaya jam")
        ids = [apricot.id, papaya.id]
        db.session.commit()
    client = client_for(app, world)
    token = csrf_from(client, "/")
    client.post("/language", data={"locale": "es", "next": "/", "csrf_token": token})
    path = f"/n/{world.network}/manage/catalogues/{world.catalogue_slug}/pooling"
    data = {"action": "merge", "items": ids, "csrf_token": csrf_from(client, path)}
    refused = client.post(path, data=data)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Apricot jam" in page and "Papaya jam" in page and "mismo artículo" in page
    confirmed = client.post(path, data={**data, "same_item": "y"})
    assert confirmed.status_code == 302
