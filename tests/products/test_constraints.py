"""Bad capacity and price data is refused with the field named, and nothing is stored — by the
services, and by the database itself when code goes around them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from catalogue.orders.models import CapacityLedger
from catalogue.products import services
from catalogue.products.models import Capacity, PriceRange, PriceTier, Product
from tests.factories import make_network, make_producer, make_product


@pytest.fixture
def product_id(app: Flask) -> int:
    with app.app_context():
        network = make_network(db.session)
        product = make_product(db.session, make_producer(db.session, network, "rosa"), "R-1")
        db.session.commit()
        return product.id


def _state(app: Flask, product_id: int) -> tuple:
    """Everything the services could have changed, to prove nothing was."""
    with app.app_context():
        cap = db.session.get(Capacity, product_id)
        prices = db.session.execute(
            select(
                PriceRange.currency,
                PriceRange.wholesale_min,
                PriceRange.wholesale_max,
                PriceRange.retail_min,
                PriceRange.retail_max,
            )
            .where(PriceRange.product_id == product_id)
            .order_by(PriceRange.currency)
        ).all()
        tiers = db.session.scalar(select(func.count()).select_from(PriceTier))
        return (
            cap.units_per_month,
            cap.lead_time_days,
            cap.min_order,
            cap.case_multiple,
            cap.months_available,
            tuple(prices),
            tiers,
        )


CAPACITY_CASES = [
    ({"units_per_month": -1}, "units_per_month", "below zero"),
    ({"units_per_month": 10, "lead_time_days": -3}, "lead_time_days", "below zero"),
    ({"units_per_month": 10, "min_order": 0}, "min_order", "at least 1"),
    ({"units_per_month": 10, "case_multiple": 0}, "case_multiple", "at least 1"),
    ({"units_per_month": "ten"}, "units_per_month", "whole number"),
    ({"units_per_month": 10, "months": [0, 13]}, "months.0", "1 (January) to 12"),
]


@pytest.mark.parametrize("fields,field,words", CAPACITY_CASES)
def test_bad_capacity_is_refused_naming_the_field(
    app: Flask, product_id: int, fields: dict, field: str, words: str
) -> None:
    before = _state(app, product_id)
    with app.app_context():
        product = db.session.get(Product, product_id)
        with pytest.raises(ValidationError) as caught:
            services.set_capacity(db.session, product, fields, actor=None)
        assert field in caught.value.errors
        assert words in caught.value.errors[field]
        db.session.commit()  # even a commit after the refusal stores nothing
    assert _state(app, product_id) == before


PRICE_CASES = [
    (
        {"currency": "USD", "wholesale_min": "12", "wholesale_max": "10"},
        "wholesale_max",
        "below the lowest",
    ),
    (
        {
            "currency": "USD",
            "wholesale_min": "5",
            "wholesale_max": "6",
            "retail_min": "20",
            "retail_max": "15",
        },
        "retail_max",
        "below the lowest",
    ),
    ({"currency": "XYZ", "wholesale_min": "5", "wholesale_max": "6"}, "currency", "ISO 4217"),
    ({"currency": "usd1", "wholesale_min": "5", "wholesale_max": "6"}, "currency", "ISO 4217"),
    (
        {"currency": "USD", "wholesale_min": "-1", "wholesale_max": "6"},
        "wholesale_min",
        "below zero",
    ),
    ({"currency": "USD", "wholesale_min": "abc", "wholesale_max": "6"}, "wholesale_min", "amount"),
    (
        {
            "currency": "USD",
            "wholesale_min": "5",
            "wholesale_max": "6",
            "tiers": [{"min_quantity": 0, "unit_price": "4"}],
        },
        "tiers.0.min_quantity",
        "1 unit",
    ),
    (
        {
            "currency": "USD",
            "wholesale_min": "5",
            "wholesale_max": "6",
            "tiers": [{"min_quantity": 10, "unit_price": "-4"}],
        },
        "tiers.0.unit_price",
        "below zero",
    ),
]


@pytest.mark.parametrize("fields,field,words", PRICE_CASES)
def test_bad_price_range_is_refused_naming_the_field(
    app: Flask, product_id: int, fields: dict, field: str, words: str
) -> None:
    before = _state(app, product_id)
    with app.app_context():
        product = db.session.get(Product, product_id)
        with pytest.raises(ValidationError) as caught:
            currency = fields.pop("currency")
            services.set_price_range(db.session, product, currency, fields, actor=None)
        assert field in caught.value.errors
        assert words in caught.value.errors[field]
        db.session.commit()
    assert _state(app, product_id) == before


def test_a_good_price_range_round_trips_as_exact_decimals(app: Flask, product_id: int) -> None:
    with app.app_context():
        product = db.session.get(Product, product_id)
        services.set_price_range(
            db.session,
            product,
            "usd",
            {
                "wholesale_min": 12500,
                "wholesale_max": "14990",
                "retail_min": "25000.5",
                "retail_max": 29990,
                "tiers": [{"min_quantity": 50, "unit_price": "11000"}],
            },
            actor=None,
        )
        db.session.commit()
    with app.app_context():
        row = db.session.scalar(
            select(PriceRange).where(
                PriceRange.product_id == product_id, PriceRange.currency == "USD"
            )
        )
        assert (row.wholesale_min, row.wholesale_max) == (Decimal("12500.00"), Decimal("14990.00"))
        assert row.retail_min == Decimal("25000.50")
        assert [(t.min_quantity, t.unit_price) for t in row.tiers] == [(50, Decimal("11000.00"))]


# The database refuses the same data when code goes around the services.
DB_CASES = [
    (
        "capacity below zero",
        lambda pid: update(Capacity).where(Capacity.product_id == pid).values(units_per_month=-5),
    ),
    (
        "minimum order zero",
        lambda pid: update(Capacity).where(Capacity.product_id == pid).values(min_order=0),
    ),
    (
        "months outside the year",
        lambda pid: (
            update(Capacity).where(Capacity.product_id == pid).values(months_available=5000)
        ),
    ),
    (
        "wholesale min > max",
        lambda pid: (
            update(PriceRange)
            .where(PriceRange.product_id == pid)
            .values(wholesale_min=Decimal("20"))
        ),
    ),
    (
        "negative price",
        lambda pid: (
            update(PriceRange)
            .where(PriceRange.product_id == pid)
            .values(wholesale_min=Decimal("-1"))
        ),
    ),
    (
        "retail min > max",
        lambda pid: (
            update(PriceRange)
            .where(PriceRange.product_id == pid)
            .values(retail_min=Decimal("30"), retail_max=Decimal("20"))
        ),
    ),
    (
        "unknown currency",
        lambda pid: update(PriceRange).where(PriceRange.product_id == pid).values(currency="ZZZ"),
    ),
    (
        "negative dimension",
        lambda pid: update(Product).where(Product.id == pid).values(weight_g=-1),
    ),
]


@pytest.mark.parametrize("label,statement", DB_CASES, ids=[c[0] for c in DB_CASES])
def test_database_refuses_bad_rows_itself(
    app: Flask, product_id: int, label: str, statement
) -> None:
    before = _state(app, product_id)
    with app.app_context():
        with pytest.raises(IntegrityError):
            db.session.execute(statement(product_id))
            db.session.flush()
        db.session.rollback()
    assert _state(app, product_id) == before


def test_unknown_status_is_refused_by_a_check_not_only_by_the_enum(
    app: Flask, product_id: int
) -> None:
    with app.app_context():
        with pytest.raises(IntegrityError) as caught:
            db.session.connection().exec_driver_sql(
                f"UPDATE products SET status = 'published' WHERE id = {int(product_id)}"
            )
        assert "product_status" in str(caught.value)
        db.session.rollback()


def test_ledger_never_reserves_more_than_the_capacity(app: Flask, product_id: int) -> None:
    from datetime import date

    with app.app_context():
        db.session.add(CapacityLedger(product_id=product_id, month=date(2027, 1, 1), capacity=20))
        db.session.flush()
        with pytest.raises(IntegrityError) as caught:
            db.session.execute(update(CapacityLedger).values(reserved=21))
            db.session.flush()
        assert "reserved_within_capacity" in str(caught.value)
        db.session.rollback()


def test_item_codes_are_unique_within_a_catalogue(app: Flask, product_id: int) -> None:
    with app.app_context():
        network_id = db.session.get(Product, product_id).producer.network_id
        cat = Catalogue(
            network_id=network_id,
            slug="winter",
            kind="event",
            currency="USD",
            title={"en": "Winter"},
        )
        db.session.add(cat)
        db.session.flush()
        db.session.execute(insert(CatalogueItem).values(catalogue_id=cat.id, code="W-001"))
        with pytest.raises(IntegrityError) as caught:
            db.session.execute(insert(CatalogueItem).values(catalogue_id=cat.id, code="W-001"))
        assert "uq_catalogue_items_catalogue_id_code" in str(caught.value) or "UNIQUE" in str(
            caught.value
        )
        db.session.rollback()


def test_over_long_codes_and_names_are_refused_by_the_service(app: Flask, product_id: int) -> None:
    with app.app_context():
        product = db.session.get(Product, product_id)
        with pytest.raises(ValidationError) as caught:
            services.upsert_product(
                db.session,
                product.producer,
                "X" * 41,
                {"category": "food", "tags": ["t" * 61]},
                actor=None,
            )
        assert set(caught.value.errors) == {"sku", "tags.0"}
        with pytest.raises(ValidationError) as caught:
            services.set_text(product, "en", {"name": "n" * 201})
        assert set(caught.value.errors) == {"text.en.name"}
        db.session.rollback()
