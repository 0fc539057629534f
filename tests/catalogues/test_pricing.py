"""Catalogue prices, as pure arithmetic: convert, mark up, round up; pools, tiers, overrides."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from catalogue.catalogues.pricing import (
    ItemPrice,
    MissingPrice,
    MissingRate,
    PriceSettings,
    SourcePrice,
    money_text,
    price_item,
    round_up,
    sell_price,
)

USD = PriceSettings(currency="USD", markup_percent=D(25), rounding_step=D("0.50"))


def test_rounding_is_always_up_to_the_step() -> None:
    assert round_up(D("10.01"), D("0.50")) == D("10.50")
    assert round_up(D("10.00"), D("0.50")) == D("10.00")
    assert round_up(D("10.001"), None) == D("10.01")
    assert round_up(D("15000.2"), None, 0) == D("15001")
    assert round_up(D("15000.2"), D(500), 0) == D("15500")
    assert round_up(D("0"), D("0.50")) == D("0.00")


def test_markup_is_added_before_rounding() -> None:
    assert sell_price(D("10"), "USD", USD) == D("12.50")
    assert sell_price(D("10.10"), "USD", USD) == D("13.00")  # 12.625 → next 0.50
    no_markup = PriceSettings(currency="USD")
    assert sell_price(D("9.99"), "USD", no_markup) == D("9.99")


def test_a_price_in_another_currency_is_converted_with_the_facilitators_rate() -> None:
    settings = PriceSettings(currency="USD", rates={"CLP": D("0.0011")})
    assert sell_price(D("9000"), "CLP", settings) == D("9.90")
    marked = PriceSettings(currency="USD", markup_percent=D(10), rates={"CLP": D("0.0011")})
    assert sell_price(D("9000"), "CLP", marked) == D("10.89")


def test_a_currency_without_a_rate_is_refused_by_name() -> None:
    with pytest.raises(MissingRate) as caught:
        sell_price(D("9000"), "VND", PriceSettings(currency="USD", rates={"CLP": D("0.0011")}))
    assert caught.value.currency == "VND"


def test_a_single_source_gives_its_range() -> None:
    price = price_item([SourcePrice("USD", D(10), D(12))], USD)
    assert (price.low, price.high, price.tiers) == (D("12.50"), D("15.00"), ())
    assert price.display("range") == "range"
    assert price.display("tiers") == "range"  # no tiers to show


def test_a_pool_spans_the_lowest_low_and_the_highest_high_of_its_sources() -> None:
    settings = PriceSettings(currency="USD", rates={"CLP": D("0.0011")})
    price = price_item(
        [SourcePrice("USD", D(10), D(12)), SourcePrice("CLP", D(8000), D(9000))], settings
    )
    assert (price.low, price.high) == (D("8.80"), D("12.00"))


def test_tiers_are_converted_and_marked_up_like_the_range() -> None:
    source = SourcePrice("USD", D(10), D(12), ((10, D(9)), (50, D(8))))
    price = price_item([source], USD)
    assert price.tiers == ((10, D("11.50")), (50, D("10.00")))  # 11.25 → 11.50
    assert price.low == D("10.00") and price.high == D("15.00")
    assert price.display("tiers") == "tiers"


def test_a_pools_tier_pays_every_producer_at_least_her_own_price() -> None:
    settings = PriceSettings(currency="USD")
    with_tiers = SourcePrice("USD", D(10), D(12), ((10, D(9)), (50, D(7))))
    other = SourcePrice("USD", D(9), D(11), ((50, D(8)),))
    price = price_item([with_tiers, other], settings)
    # at 10 the other producer has no tier yet: her highest price (11) holds
    assert price.tiers == ((10, D("11.00")), (50, D("8.00")))


def test_the_facilitators_own_price_replaces_the_computed_one() -> None:
    price = price_item([SourcePrice("USD", D(10), D(12))], USD, override=D("14.00"))
    assert price == ItemPrice(D("14.00"), D("14.00"), (), overridden=True)
    assert price.display("range") == "single" and price.display("tiers") == "single"


def test_an_item_without_sources_or_override_has_no_price() -> None:
    with pytest.raises(MissingPrice):
        price_item([], USD)


def test_money_is_written_with_the_currencys_decimals() -> None:
    assert money_text(D("12.5"), 2) == "12.50"
    assert money_text(D("15500"), 0) == "15500"
