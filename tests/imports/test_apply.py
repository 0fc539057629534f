"""Confirmed imports: stored through the services, and a second import updates, never duplicates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from catalogue.core.models import AuditEvent
from catalogue.extensions import db
from catalogue.imports.services import import_spreadsheet
from catalogue.networks.models import Network
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products.models import Product
from tests.conftest import login
from tests.factories import PASSWORD, World, build_world
from tests.imports import (
    confirm_fields,
    csv_bytes,
    good_photos,
    good_rows,
    problems_in,
    row_counts,
    upload,
    xlsx_bytes,
    zip_bytes,
)


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _import(client, network: str, table: bytes, photos: bytes | None, name="products.csv"):
    report = upload(client, network, table, name, photos)
    page = report.get_data(as_text=True)
    assert problems_in(page) == []
    return page, client.post(f"/n/{network}/import/confirm", data=confirm_fields(page))


def _product(producer_slug: str, sku: str) -> Product:
    return db.session.scalar(
        select(Product)
        .join(Product.producer)
        .where(Producer.slug == producer_slug, Product.sku == sku)
    )


def test_a_clean_file_and_zip_are_stored_only_when_confirmed(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    with app.app_context():
        before = row_counts(db.session)

    report = upload(
        client, world.network, csv_bytes(good_rows()), "products.csv", zip_bytes(good_photos())
    )
    page = report.get_data(as_text=True)
    assert problems_in(page) == []
    assert "Producers: 1 to create, 0 to update." in page
    assert "Products: 3 to create, 0 to update." in page
    assert "Photos: 4 to add." in page
    with app.app_context():
        assert row_counts(db.session) == before  # the dry run stored nothing
    fields = confirm_fields(page)
    staged = Path(app.instance_path) / "imports" / fields["token"]
    assert staged.is_dir()

    done = client.post(f"/n/{world.network}/import/confirm", data=fields)

    assert done.status_code == 302
    assert not staged.exists()
    assert "Products: 3 created, 0 updated." in client.get(done.location).get_data(as_text=True)
    with app.app_context():
        ana = db.session.scalar(select(Producer).where(Producer.slug == "ana-tejidos"))
        assert ana.display_name == "Tejidos Ana & Hijas" and ana.economy == "CL"
        assert ana.women_led is True and ana.languages == ["es", "en"]
        assert ana.consent_public_profile and not ana.consent_share_identity
        assert ana.consent_recorded_at is not None
        contact = db.session.get(ProducerContact, ana.id)
        assert contact.phone == "+56 9 5550 1234"
        scarf = _product("ana-tejidos", "AT-1")
        assert scarf.status.value == "submitted"
        assert [t.slug for t in scarf.tags] == ["alpaca", "hand-woven"]
        assert {t.locale: t.name for t in scarf.texts} == {
            "en": "Alpaca scarf",
            "es": "Bufanda de alpaca",
        }
        assert scarf.capacity.units_per_month == 20 and scarf.capacity.months == [3, 4, 5, 10]
        (usd,) = scarf.price_ranges
        assert (usd.currency, usd.wholesale_min, usd.retail_max) == ("USD", Decimal("12.5"), 30)
        assert [(t.min_quantity, t.unit_price) for t in usd.tiers] == [
            (50, Decimal("11.5")),
            (100, Decimal("11")),
        ]
        assert [i.is_cover for i in scarf.images] == [True, False]
        shawl = _product("ana-tejidos", "AT-2")
        assert sorted(p.currency for p in shawl.price_ranges) == ["CLP", "USD"]
        assert len(_product("rosa", "R-2").images) == 1
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "import.apply"))
        assert event.detail["products_created"] == 3 and event.detail["photos_created"] == 4


def test_importing_the_same_files_again_updates_and_duplicates_nothing(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    photos = zip_bytes(good_photos())
    _import(client, world.network, csv_bytes(good_rows()), photos)
    with app.app_context():
        after_first = row_counts(db.session)
        first_event = db.session.scalar(select(func.max(AuditEvent.id)))
    rows = good_rows()
    rows[0]["units_per_month"] = "25"
    rows[0]["wholesale_max"] = "16"
    rows[1]["name_en"] = "Alpaca wrap"

    page, done = _import(client, world.network, xlsx_bytes(rows), photos, "products.xlsx")

    assert "Products: 0 to create, 3 to update." in page
    assert "Photos: 0 to add." in page
    assert done.status_code == 302
    with app.app_context():
        after_second = row_counts(db.session)
        new_events = db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.id > first_event).order_by(AuditEvent.id)
        ).all()
        # The run, and the two real changes (the name is a text of the same product edit):
        # the products that did not change record nothing.
        assert sorted(new_events) == [
            "import.apply",
            "product.edit.capacity",
            "product.edit.prices",
        ]
        after_second.pop("audit_events"), after_first.pop("audit_events")
        assert after_second == after_first
        scarf = _product("ana-tejidos", "AT-1")
        assert scarf.capacity.units_per_month == 25
        assert scarf.price_ranges[0].wholesale_max == 16
        assert _product("ana-tejidos", "AT-2").text("en").name == "Alpaca wrap"


def test_empty_cells_and_absent_columns_leave_stored_values_alone(app: Flask, world: World) -> None:
    header = ["producer_slug", "sku", "units_per_month"]
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        result = import_spreadsheet(
            db.session,
            network,
            csv_bytes([{"producer_slug": "rosa", "sku": "A-1", "units_per_month": "7"}], header),
            "capacity.csv",
            dry_run=False,
        )
        assert result.problems == []
        product = _product("rosa", "A-1")
        assert product.capacity.units_per_month == 7
        assert product.capacity.min_order == 2  # from the factory, untouched
        assert product.text("en").name == "Silver ring"
        assert product.price_ranges[0].wholesale_min == 10


def test_a_spanish_network_reads_decimal_commas_and_dot_thousands_from_a_semicolon_csv(
    app: Flask, world: World
) -> None:
    rows = [
        {
            "producer_slug": "rosa",
            "sku": "R-9",
            "category": "jewellery",
            "name_en": "Brooch",
            "name_es": "Broche",
            "units_per_month": "10",
            "wholesale_min": "12,50",
            "wholesale_max": "1.234,50",
            "retail_min": "20,5",
            "retail_max": "1.500",
            "tiers": "10:11,75; 20:11,5",
        }
    ]
    table = csv_bytes(rows, delimiter=";", bom=True)
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        network.default_locale = "es"
        result = import_spreadsheet(db.session, network, table, "semi.csv", dry_run=False)
        assert result.problems == []
        (price,) = _product("rosa", "R-9").price_ranges
        assert price.wholesale_min == Decimal("12.50")
        assert price.wholesale_max == Decimal("1234.50")
        assert (price.retail_min, price.retail_max) == (Decimal("20.5"), Decimal("1500"))
        assert [t.unit_price for t in price.tiers] == [Decimal("11.75"), Decimal("11.5")]


@pytest.mark.parametrize(
    "locale,typed,stored,problem",
    [
        ("es", "18.000", Decimal("18000"), None),
        ("es", "6.500", Decimal("6500"), None),
        ("en", "18,000", Decimal("18000"), None),
        # In English "18.000" would be eighteen: for a currency without cents that is surely
        # not what she meant, so it is refused rather than stored as 18.
        ("en", "18.000", None, "CLP amounts are whole numbers."),
    ],
)
def test_chilean_amounts_are_read_in_the_networks_language_as_the_portal_reads_them(
    app: Flask, world: World, locale: str, typed: str, stored: Decimal | None, problem: str | None
) -> None:
    rows = [
        {
            "producer_slug": "rosa",
            "sku": "R-10",
            "category": "jewellery",
            "name_en": "Brooch",
            "name_es": "Broche",
            "units_per_month": "10",
            "currency": "CLP",
            "wholesale_min": typed,
            "wholesale_max": "31.000" if locale == "es" else "31000",
        }
    ]
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        network.default_locale = locale
        result = import_spreadsheet(db.session, network, csv_bytes(rows), "c.csv", dry_run=False)
        if problem is None:
            assert result.problems == []
            (price,) = _product("rosa", "R-10").price_ranges
            assert price.wholesale_min == stored
        else:
            assert [(p.column, p.message) for p in result.problems] == [("wholesale_min", problem)]
        db.session.rollback()


def test_xlsx_numbers_booleans_and_ambiguous_amounts(app: Flask, world: World) -> None:
    header = [
        "producer_slug",
        "sku",
        "category",
        "name_en",
        "is_food",
        "units_per_month",
        "wholesale_min",
        "wholesale_max",
        "shelf_life_days",
    ]
    rows = [
        {
            "producer_slug": "rosa",
            "sku": 1001,
            "category": "food",
            "name_en": 1984,
            "is_food": True,
            "units_per_month": 20.0,
            "wholesale_min": 12.5,
            "wholesale_max": 13,
            "shelf_life_days": 30,
        },
        {
            "producer_slug": "rosa",
            "sku": "1002",
            "category": "food",
            "name_en": "Jam",
            "is_food": "oui",
            "units_per_month": 2.5,
            "wholesale_min": "12,500",
            "wholesale_max": "13000",
        },
    ]
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        result = import_spreadsheet(
            db.session, network, xlsx_bytes(rows, header), "n.xlsx", dry_run=True
        )
        # The network speaks English: "12,500" is twelve thousand five hundred there.
        assert [(p.row, p.column, p.message) for p in result.problems] == [
            (3, "units_per_month", "Enter a whole number."),
        ]
        rows.pop()
        result = import_spreadsheet(
            db.session, network, xlsx_bytes(rows, header), "n.xlsx", dry_run=False
        )
        assert result.problems == []
        product = _product("rosa", "1001")
        assert product.is_food and product.text("en").name == "1984"
        assert product.capacity.units_per_month == 20
        assert product.price_ranges[0].wholesale_min == Decimal("12.5")


def test_amounts_finer_than_the_currency_allows_are_refused(app: Flask, world: World) -> None:
    rows = [
        {
            "producer_slug": "rosa",
            "sku": "A-1",
            "currency": "CLP",
            "wholesale_min": "12.5",
            "wholesale_max": "13000",
        }
    ]
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        result = import_spreadsheet(db.session, network, csv_bytes(rows), "p.csv", dry_run=True)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "wholesale_min", "CLP amounts are whole numbers.")
    ]


@pytest.mark.parametrize("token", ["", "../../../etc", "a" * 43, "short"])
def test_an_unknown_or_malformed_token_is_refused(app: Flask, world: World, token: str) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    from tests.conftest import csrf_from

    csrf = csrf_from(client, f"/n/{world.network}/import")
    response = client.post(
        f"/n/{world.network}/import/confirm", data={"csrf_token": csrf, "token": token}
    )
    assert response.status_code == 400
    assert "unknown or has expired" in response.get_data(as_text=True)


def test_another_facilitator_cannot_confirm_someone_elses_upload(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    row = {k: v for k, v in good_rows()[3].items() if k != "photos"}
    page = upload(client, world.network, csv_bytes([row])).get_data(as_text=True)
    fields = confirm_fields(page)
    other = app.test_client()
    login(other, world.emails["admin"], PASSWORD)
    from tests.conftest import csrf_from

    fields["csrf_token"] = csrf_from(other, f"/n/{world.network}/import")
    response = other.post(f"/n/{world.network}/import/confirm", data=fields)
    assert response.status_code == 400
