"""The dry run: every problem listed by spreadsheet row and column, and nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from catalogue.extensions import db
from tests.conftest import login
from tests.factories import PASSWORD, World, build_world
from tests.imports import (
    ANA,
    csv_bytes,
    jpeg,
    problems_in,
    row_counts,
    upload,
    xlsx_bytes,
    zip_bytes,
)


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _bad_rows() -> list[dict[str, object]]:
    base = {"producer_slug": "rosa", "category": "jewellery", "name_en": "Ring"}
    return [
        {**base, "sku": "X-1", "units_per_month": "-3"},  # row 2
        {**base, "sku": "X-2", "wholesale_min": "20", "wholesale_max": "10"},  # row 3
        {**base, "sku": "X-3", "currency": "XXQ", "wholesale_min": "1", "wholesale_max": "2"},
        {**base, "sku": "X-4", "category": "spaceships"},  # row 5
        {**base, "sku": "X-5", "name_en": ""},  # row 6
        {**base, "sku": "X-6", "photos": "missing.jpg"},  # row 7
        {**ANA, "sku": "X-7", "economy": "Chile", "category": "textiles", "name_en": "Shawl"},
    ]


EXPECTED = [
    ("2", "units_per_month", "Units per month cannot be below zero."),
    ("3", "wholesale_max", "The highest wholesale price is below the lowest."),
    ("4", "currency", "“XXQ” is not an ISO 4217 currency code."),
    ("5", "category", "Choose a category from the list."),
    ("6", "name_en", "Enter the product's name."),
    ("7", "photos", "“missing.jpg” is not in the zip file."),
    ("8", "economy", "Use the two-letter country code, such as CL, CA or VN."),
]


def _media_files(app: Flask) -> int:
    return sum(1 for p in Path(app.config["MEDIA_DIR"]).rglob("*") if p.is_file())


def _staged(app: Flask) -> set[Path]:
    return set((Path(app.instance_path) / "imports").glob("*"))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_dry_run_lists_every_problem_by_row_and_column_and_stores_nothing(
    app: Flask, world: World, kind: str
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    table = csv_bytes(_bad_rows()) if kind == "csv" else xlsx_bytes(_bad_rows())
    photos = zip_bytes({"other.jpg": jpeg((10, 20, 30))})
    with app.app_context():
        before = row_counts(db.session)
    media_before = _media_files(app)
    staged_before = _staged(app)

    response = upload(client, world.network, table, f"products.{kind}", photos)

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert problems_in(page) == EXPECTED
    assert 'name="token"' not in page  # no confirmation offered
    with app.app_context():
        assert row_counts(db.session) == before
    assert _media_files(app) == media_before
    assert _staged(app) == staged_before


def test_unknown_and_missing_columns_are_reported_once_on_the_header_row(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    header = ["sku", "name_en", "wholesale_mni", "favourite_song"]
    rows = [{"sku": f"S-{n}", "name_en": "x", "wholesale_mni": "1"} for n in range(3)]

    page = upload(client, world.network, csv_bytes(rows, header)).get_data(as_text=True)

    assert problems_in(page) == [
        ("1", "wholesale_mni", "Unknown column. Did you mean “wholesale_min”?"),
        ("1", "favourite_song", "Unknown column. The list of columns is on the import page."),
        ("1", "producer_slug", "This column is required."),
    ]


def test_a_file_that_is_neither_csv_nor_xlsx_gets_a_clear_message(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)

    page = upload(client, world.network, jpeg((1, 2, 3)), "products.xlsx").get_data(as_text=True)

    assert problems_in(page) == [
        ("—", "", "This file is neither a CSV nor an Excel (.xlsx) spreadsheet.")
    ]


def test_rows_that_disagree_about_a_producer_or_repeat_a_currency_are_reported(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    rows = [
        {
            **ANA,
            "sku": "A-1",
            "category": "art",
            "name_en": "Print",
            "wholesale_min": "1",
            "wholesale_max": "2",
        },
        {**ANA, "region": "Limarí", "sku": "A-2", "category": "art", "name_en": "Card"},
        {
            "producer_slug": "ana-tejidos",
            "sku": "A-1",
            "currency": "usd",
            "wholesale_min": "3",
            "wholesale_max": "4",
        },
        {"producer_slug": "ana-tejidos", "category": "art"},
        {"sku": "A-9", "name_en": "Orphan"},
    ]

    page = upload(client, world.network, csv_bytes(rows)).get_data(as_text=True)

    assert problems_in(page) == [
        ("3", "region", "Row 2 gives a different value for the same item."),
        ("4", "currency", "Row 2 already gives this product's prices in USD."),
        ("5", "sku", "Enter the product code."),
        ("6", "producer_slug", "Enter the producer's short name (slug)."),
    ]


def test_the_upload_page_lists_the_columns(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)

    page = client.get(f"/n/{world.network}/import").get_data(as_text=True)

    for column in ("producer_slug", "name_es", "product_story_en", "tiers", "photos", "phone"):
        assert f"<code>{column}</code>" in page


def test_an_upload_without_a_spreadsheet_is_refused(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    from tests.conftest import csrf_from

    path = f"/n/{world.network}/import"
    response = client.post(path, data={"csrf_token": csrf_from(client, path)})

    assert response.status_code == 400
    assert "Choose the spreadsheet to import." in response.get_data(as_text=True)


def test_empty_rows_are_skipped_but_keep_the_row_numbers(app: Flask, world: World) -> None:
    from sqlalchemy import select

    from catalogue.imports.services import import_spreadsheet
    from catalogue.networks.models import Network

    header = ["producer_slug", "sku", "category", "name_en"]
    table = b"producer_slug,sku,category,name_en\nrosa,E-1,toys,Doll\n,,,\n\nrosa,E-2,boats,Boat\n"
    with app.app_context():
        network = db.session.scalar(select(Network).where(Network.slug == world.network))
        result = import_spreadsheet(db.session, network, table, "p.csv", dry_run=True)
        empty = import_spreadsheet(
            db.session, network, csv_bytes([], header), "e.csv", dry_run=True
        )
    assert [(p.row, p.column) for p in result.problems] == [(5, "category")]
    assert [p.message for p in empty.problems] == ["The spreadsheet has no rows to import."]
