"""Choosing products: rules pick exactly the approved matches; manual add, remove and pin;
item codes handed out once and kept through exclusion and re-runs of the rules."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from catalogue.catalogues import pooling, selection, services
from catalogue.catalogues.models import CatalogueItem
from catalogue.core.validation import ValidationError
from catalogue.producers.models import CommunityType
from catalogue.products.models import ProductStatus
from tests.catalogues.conftest import catalogue_of, producer, product
from tests.factories import World, make_producer


def _lucia(session: Session, world: World):
    """A women-led indigenous producer in another region, with products in every state."""
    rosa = producer(session, world.producer_a)
    lucia = make_producer(session, rosa.network, "lucia")
    lucia.region, lucia.women_led = "Limarí", True
    lucia.community_type = CommunityType.INDIGENOUS
    made = {
        "scarf": product(session, lucia, "L-1", category="textiles", tags=("alpaca",), units=50),
        "draft": product(session, lucia, "L-2", category="textiles", status=ProductStatus.DRAFT),
        "sent": product(session, lucia, "L-3", category="textiles", status=ProductStatus.SUBMITTED),
        "bowl": product(session, lucia, "L-4", category="ceramics", prices=("USD", "40", "45")),
    }
    session.flush()
    return made


def _codes(items: list[CatalogueItem]) -> dict[str, str]:
    return {i.sources[0].product.sku: i.code for i in items}


def _ids(products) -> set[int]:
    return {p.id for p in products}


def test_rules_select_exactly_the_approved_matching_products(
    session: Session, world: World
) -> None:
    made = _lucia(session, world)
    catalogue = catalogue_of(session, world)
    scarf, bowl = made["scarf"], made["bowl"]

    def match(**rules) -> set[int]:
        return _ids(selection.matching_products(session, catalogue, selection.parse_rules(rules)))

    assert match(categories=["textiles"]) == {scarf.id}  # draft and submitted never match
    assert match(regions=["Limarí"]) == {scarf.id, bowl.id}
    assert match(tags="alpaca, wool") == {scarf.id}
    assert match(women_led=True) == {scarf.id, bowl.id}
    assert match(community_types=["indigenous"], categories=["ceramics"]) == {bowl.id}
    assert match(economies="cl", min_capacity="30") == {scarf.id}
    assert match(price_min="20", price_max="50") == {bowl.id}
    assert len(match()) == 4  # no rule: every approved product of the network (A-1, B-1 too)
    lucia = producer(session, "lucia")
    lucia.active = False
    session.flush()
    assert match(regions=["Limarí"]) == set()


def test_the_price_band_is_in_the_catalogue_currency_after_markup(
    session: Session, world: World
) -> None:
    catalogue = catalogue_of(session, world)
    rosa = producer(session, world.producer_a)
    clp = product(session, rosa, "A-CLP", prices=("CLP", "20000", "25000"))
    catalogue.markup_percent = 50
    rules = selection.parse_rules({"price_min": "14", "price_max": "16"})
    # USD 10 × 1.5 = 15 is inside; the CLP product has no rate yet, so it cannot match
    assert _ids(selection.matching_products(session, catalogue, rules)) == {
        world.product_a,
        world.product_b,
    }
    services.set_pricing(
        session,
        catalogue,
        {"currency": "USD", "markup_percent": "50", "rates": {"CLP": "0.0011"}},
        None,
    )
    rules = selection.parse_rules({"price_min": "30", "price_max": "40"})
    assert _ids(selection.matching_products(session, catalogue, rules)) == {clp.id}  # 33


def test_bad_rules_are_refused_field_by_field(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        selection.parse_rules(
            {
                "categories": ["spaceships"],
                "economies": "Chile",
                "price_min": "-1",
                "min_capacity": "lots",
                "community_types": ["martian"],
            }
        )
    assert set(caught.value.errors) == {
        "categories",
        "economies",
        "price_min",
        "min_capacity",
        "community_types",
    }
    with pytest.raises(ValidationError) as caught:
        selection.parse_rules({"price_min": "50", "price_max": "10"})
    assert set(caught.value.errors) == {"price_max"}


@pytest.mark.parametrize("capacity", [str(2**63), "1e20", "1_000"])
def test_a_capacity_rule_no_column_could_hold_is_refused_not_queried(
    session: Session, world: World, capacity: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        selection.parse_rules({"min_capacity": capacity})
    assert set(caught.value.errors) == {"min_capacity"}


def test_bad_rules_change_nothing(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    with pytest.raises(ValidationError):
        selection.apply_rules(session, catalogue, {"categories": ["spaceships"]})
    assert catalogue.items == [] and catalogue.rules == {}


def test_codes_are_given_once_and_kept_through_exclusion_and_rerunning_rules(
    session: Session, world: World
) -> None:
    catalogue = catalogue_of(session, world)
    counts = selection.apply_rules(session, catalogue, {"categories": ["jewellery"]})
    assert counts == {"added": 2, "dropped": 0, "back": 0}
    first = _codes(catalogue.items)
    assert first == {"A-1": "WG-001", "B-1": "WG-002"}

    ring = next(i for i in catalogue.items if i.code == "WG-001")
    selection.exclude_item(catalogue, ring)
    counts = selection.apply_rules(session, catalogue, {"categories": ["jewellery"]})
    assert counts["added"] == 0 and ring.excluded  # the rules do not bring it back
    assert _codes(catalogue.items) == first

    selection.apply_rules(session, catalogue, {"categories": ["textiles"]})
    assert [i.code for i in catalogue.items if i.active] == []
    assert _codes(catalogue.items) == first  # dropped items keep their codes
    counts = selection.apply_rules(session, catalogue, {"categories": ["jewellery"]})
    assert counts["back"] == 1 and _codes(catalogue.items) == first

    selection.include_item(catalogue, ring)
    assert ring.active and ring.code == "WG-001"
    product(session, producer(session, world.producer_a), "A-2")
    selection.apply_rules(session, catalogue, {"categories": ["jewellery"]})
    assert _codes(catalogue.items)["A-2"] == "WG-003"


def test_a_merged_items_code_is_never_given_again(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    selection.apply_rules(session, catalogue, {})
    pooling.merge_items(session, catalogue, [i.id for i in catalogue.items], same_item=True)
    assert [i.code for i in catalogue.items] == ["WG-001"]
    product(session, producer(session, world.producer_b), "B-2")
    selection.apply_rules(session, catalogue, {})
    assert sorted(i.code for i in catalogue.items) == ["WG-001", "WG-003"]


def test_manual_add_remove_and_pin(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    item = selection.add_product(session, catalogue, world.product_b)
    assert item.code == "WG-001" and not item.added_by_rule
    with pytest.raises(ValidationError):
        selection.add_product(session, catalogue, world.product_b)  # already in
    selection.set_pinned(catalogue, item, True)
    assert item.pinned
    selection.exclude_item(catalogue, item)
    assert item.excluded and not item.pinned and item in catalogue.items
    with pytest.raises(ValidationError):
        selection.set_pinned(catalogue, item, True)
    again = selection.add_product(session, catalogue, world.product_b)
    assert again is item and item.active and item.code == "WG-001"
    # rules that do not match a hand-added item leave it in
    selection.apply_rules(session, catalogue, {"categories": ["textiles"]})
    assert item.active


def test_only_approved_products_of_the_network_can_be_added(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    draft = product(session, producer(session, world.producer_a), "A-9", status=ProductStatus.DRAFT)
    for bad in (draft.id, 999999, "x"):
        with pytest.raises(ValidationError):
            selection.add_product(session, catalogue, bad)
    assert catalogue.items == []


def test_search_finds_approved_products_by_name_or_code(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    by_name = selection.search_products(session, catalogue, "alpaca")
    by_code = selection.search_products(session, catalogue, "a-1")
    assert _ids(by_name) == {world.product_b} and _ids(by_code) == {world.product_a}
    assert selection.search_products(session, catalogue, "%") == []
