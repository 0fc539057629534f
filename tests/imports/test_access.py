"""Who may import, and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from catalogue.extensions import db
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world
from tests.imports import csv_bytes, row_counts


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.mark.parametrize("role", ["producer", "buyer", "print_shop"])
def test_producers_and_buyers_cannot_import(app: Flask, world: World, role: str) -> None:
    client = app.test_client()
    login(client, world.emails[role], PASSWORD)
    base = f"/n/{world.network}/import"
    csrf = csrf_from(client, "/dashboard")

    assert client.get(base).status_code == 403
    assert client.post(base, data={"csrf_token": csrf}).status_code == 403
    confirm = client.post(f"{base}/confirm", data={"csrf_token": csrf, "token": "x" * 43})
    assert confirm.status_code == 403


def test_the_cli_dry_run_prints_problems_by_row_and_column_and_exits_2(
    app: Flask, world: World, tmp_path: Path
) -> None:
    rows = [
        {
            "producer_slug": "rosa",
            "sku": "C-1",
            "category": "jewellery",
            "name_en": "Ring",
            "units_per_month": "many",
        },
        {
            "producer_slug": "rosa",
            "sku": "C-2",
            "category": "toys",
            "name_en": "Doll",
            "wholesale_min": "5",
            "wholesale_max": "4",
        },
    ]
    table = tmp_path / "products.csv"
    table.write_bytes(csv_bytes(rows))
    with app.app_context():
        before = row_counts(db.session)

    result = app.test_cli_runner().invoke(
        args=["import", str(table), "--network", world.network, "--dry-run"]
    )

    assert result.exit_code == 2
    assert "row 2, column units_per_month: Enter a whole number." in result.output
    assert "row 3, column wholesale_max: The highest wholesale price is below the lowest." in (
        result.output
    )
    assert "Nothing was imported." in result.output
    with app.app_context():
        assert row_counts(db.session) == before


def test_the_cli_imports_a_clean_file(app: Flask, world: World, tmp_path: Path) -> None:
    table = tmp_path / "products.csv"
    table.write_bytes(
        csv_bytes([{"producer_slug": "rosa", "sku": "C-3", "category": "toys", "name_en": "Doll"}])
    )
    runner = app.test_cli_runner()

    dry = runner.invoke(args=["import", str(table), "--network", world.network, "--dry-run"])
    done = runner.invoke(args=["import", str(table), "--network", world.network])

    assert dry.exit_code == 0, dry.output
    assert "Products: 1 to create, 0 to update." in dry.output
    assert done.exit_code == 0, done.output
    assert "Products: 1 created, 0 updated." in done.output
    again = runner.invoke(args=["import", str(table), "--network", world.network])
    assert "Products: 0 created, 1 updated." in again.output


def test_the_cli_refuses_an_unknown_network(app: Flask, tmp_path: Path) -> None:
    table = tmp_path / "p.csv"
    table.write_bytes(b"producer_slug\nrosa\n")
    result = app.test_cli_runner().invoke(args=["import", str(table), "--network", "nope"])
    assert result.exit_code == 2 and "no network 'nope'" in result.output
