"""Sections and order: grouped, sorted, pinned first, moved by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from catalogue.catalogues import arrangement, selection
from catalogue.core.validation import ValidationError
from tests.catalogues.conftest import catalogue_of, producer, product
from tests.factories import World


def _codes(catalogue) -> list[list[str]]:
    return [[i.code for i in s.items] for s in arrangement.arranged(catalogue)]


def test_items_are_grouped_sorted_and_pinned_first(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    rosa = producer(session, world.producer_a)
    product(session, rosa, "A-2", category="ceramics", prices=("USD", "5", "6"))
    product(session, rosa, "A-3", prices=("USD", "3", "4"))
    selection.apply_rules(session, catalogue, {})  # WG-001 A-1, 002 B-1, 003 A-2, 004 A-3
    arrangement.set_arrangement(catalogue, group_by="category", sort_by="price")
    sections = arrangement.arranged(catalogue)
    assert [s.key for s in sections] == ["jewellery", "ceramics"]  # the categories' order
    assert sections[0].title == {"en": "Jewellery", "es": "Joyería"}
    assert _codes(catalogue) == [["WG-004", "WG-001", "WG-002"], ["WG-003"]]
    selection.set_pinned(catalogue, next(i for i in catalogue.items if i.code == "WG-002"), True)
    assert _codes(catalogue)[0] == ["WG-002", "WG-004", "WG-001"]
    arrangement.set_arrangement(catalogue, group_by="price_band", sort_by="capacity")
    assert [s.key for s in arrangement.arranged(catalogue)] == ["price-2", "price-5", "price-10"]


def test_moving_an_item_keeps_the_order_by_hand(session: Session, world: World) -> None:
    catalogue = catalogue_of(session, world)
    selection.apply_rules(session, catalogue, {})
    arrangement.set_arrangement(catalogue, group_by="none", sort_by="price")
    assert _codes(catalogue) == [["WG-001", "WG-002"]]
    second = next(i for i in catalogue.items if i.code == "WG-002")
    assert arrangement.move_item(catalogue, second, -1)
    assert catalogue.sort_by == "manual" and _codes(catalogue) == [["WG-002", "WG-001"]]
    assert not arrangement.move_item(catalogue, second, -1)  # already first
    with pytest.raises(ValidationError):
        arrangement.set_arrangement(catalogue, group_by="mood", sort_by="price")
    assert catalogue.group_by == "none"


def test_price_bands_follow_1_2_5_steps() -> None:
    assert arrangement.price_band(Decimal("10")) == (Decimal(10), Decimal(20))
    assert arrangement.price_band(Decimal("37")) == (Decimal(20), Decimal(50))
    assert arrangement.price_band(Decimal("0.8")) == (Decimal("0.5"), Decimal(1))
