"""The edition snapshot: public data only, plain JSON, the same every time."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from catalogue.catalogues import pooling, selection, services
from catalogue.core.validation import ValidationError
from catalogue.editions.schema import SCHEMA_VERSION, Item, Snapshot
from catalogue.editions.snapshot import build_snapshot
from catalogue.products.models import Product
from tests.catalogues.conftest import catalogue_of, producer, product
from tests.factories import World, add_photo


def _filled(session: Session, world: World):
    catalogue = catalogue_of(session, world)
    selection.apply_rules(session, catalogue, {})
    add_photo(session, session.get(Product, world.product_b))
    services.set_pricing(
        session,
        catalogue,
        {
            "currency": "USD",
            "markup_percent": "25",
            "rounding_step": "0.50",
            "order_opens_on": "2027-01-01",
            "how_to_order": {"en": "Order by code. "},
        },
        None,
    )
    return catalogue


def test_the_snapshot_has_no_contact_details(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    dump = json.dumps(build_snapshot(session, catalogue, edition_number=1), ensure_ascii=False)
    for secret in (
        "rosa-private@example.org",
        "carmen-private@example.org",
        "+56 9 5550 9999",
        "Secret street",
        "Owner of",
    ):
        assert secret not in dump


def test_the_snapshot_is_deterministic(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    first = build_snapshot(session, catalogue, edition_number=3)
    session.expire_all()
    again = build_snapshot(session, catalogue_of(session, world), edition_number=3)
    assert first == again
    assert json.dumps(first, sort_keys=False) == json.dumps(again, sort_keys=False)


def test_the_snapshot_follows_the_schema(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    snap = build_snapshot(session, catalogue, edition_number=2)
    assert set(snap) == set(Snapshot.__annotations__) and snap["schema"] == SCHEMA_VERSION
    assert snap["catalogue"]["how_to_order"] == {"en": "Order by code."}
    assert snap["catalogue"]["order_opens_on"] == "2027-01-01"
    assert snap["catalogue"]["order_closes_on"] is None
    items = snap["items"]
    assert [i["code"] for i in items] == ["WG-001", "WG-002"]
    assert [i["position"] for i in items] == [1, 2]
    assert all(set(i) == set(Item.__annotations__) for i in items)
    ring = items[0]
    assert ring["price"] == {"display": "range", "min": "12.50", "max": "15.00", "tiers": []}
    assert ring["url"] == f"/c/{world.network}/winter-gifts/items/WG-001"
    assert ring["name"] == {"en": "Silver ring"} and ring["producer_names"] == ["Taller rosa"]
    assert ring["units_per_month"] == 20 and ring["min_order"] == 2 and not ring["pooled"]
    photo = ring["photo"]
    assert photo is not None and photo["print_width"] > 0 and photo["web_sha256"]
    assert snap["sections"] == [
        {
            "key": "jewellery",
            "title": {"en": "Jewellery", "es": "Joyería"},
            "codes": ["WG-001", "WG-002"],
        }
    ]
    assert [p["slug"] for p in snap["producers"]] == ["rosa", "carmen"]
    assert snap["producers"][0]["codes"] == ["WG-001"]


def test_a_producer_without_public_consent_is_not_named(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    carmen = producer(session, world.producer_b)
    carmen.consent_public_profile = False
    pooling.merge_items(session, catalogue, [i.id for i in catalogue.items], same_item=True)
    snap = build_snapshot(session, catalogue, edition_number=1)
    (pool,) = snap["items"]
    assert pool["pooled"] and pool["units_per_month"] == 40
    assert pool["producer_names"] == ["Taller rosa"]
    assert [p["slug"] for p in snap["producers"]] == ["rosa"]
    assert "carmen" not in json.dumps(snap)


def test_an_item_that_cannot_be_priced_stops_the_snapshot(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    rosa = producer(session, world.producer_a)
    selection.add_product(
        session, catalogue, product(session, rosa, "A-7", prices=("VND", "200000", "250000")).id
    )
    with pytest.raises(ValidationError) as caught:
        build_snapshot(session, catalogue, edition_number=1)
    assert "WG-003" in caught.value.errors["items"]


def test_texts_are_nfc(session: Session, world: World) -> None:
    catalogue = _filled(session, world)
    catalogue.title = {"en": "Cafe\u0301 gifts"}
    snap = build_snapshot(session, catalogue, edition_number=1)
    assert snap["catalogue"]["title"] == {"en": "Café gifts"}
