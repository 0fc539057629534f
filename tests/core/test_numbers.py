"""One reader of amounts and whole numbers, as people type them in their language."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import Flask

from catalogue.core.numbers import NumberError, parse_amount, parse_whole


@pytest.mark.parametrize(
    "locale,typed,amount",
    [
        ("es", "12.500", Decimal("12500")),
        ("es", "12,50", Decimal("12.50")),
        ("es", "1.234,56", Decimal("1234.56")),
        ("fr", "1 234,56", Decimal("1234.56")),  # an ordinary space
        ("fr", "1\u00a0234,56", Decimal("1234.56")),  # a no-break space
        ("fr", "1\u202f234,56", Decimal("1234.56")),  # a narrow no-break space
        ("fr", "12,50", Decimal("12.50")),
        ("en", "1,234.56", Decimal("1234.56")),
        ("vi", "12.500", Decimal("12500")),
        (None, "12.50", Decimal("12.50")),
    ],
)
def test_amounts_are_read_as_people_type_them_in_their_language(
    app: Flask, locale: str | None, typed: str, amount: Decimal
) -> None:
    with app.test_request_context():
        assert parse_amount(typed, locale) == amount


@pytest.mark.parametrize(
    "locale,typed",
    [("en", "1e3"), ("en", "1_000"), ("es", "12.50"), (None, "1,5"), ("fr", "NaN"), ("en", "")],
)
def test_amounts_nobody_means_are_refused_with_a_message(
    app: Flask, locale: str | None, typed: str
) -> None:
    with app.test_request_context(), pytest.raises(NumberError) as caught:
        parse_amount(typed, locale)
    assert str(caught.value)


@pytest.mark.parametrize("typed,number", [("120", 120), ("١٢٠", 120), (" 7 ", 7), (12.0, 12)])
def test_whole_numbers_in_any_script_are_read(app: Flask, typed: object, number: int) -> None:
    with app.test_request_context():
        assert parse_whole(typed) == number


@pytest.mark.parametrize("typed", ["1_000", "1e3", "12.5", True, "", "--1"])
def test_what_is_not_a_whole_number_is_refused(app: Flask, typed: object) -> None:
    with app.test_request_context(), pytest.raises(NumberError):
        parse_whole(typed)
