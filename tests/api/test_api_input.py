"""Bad input through the API gets a 400 that names the field, in the user's language, and
nothing is stored: wrong JSON types, numbers beyond what a column holds, text longer than a
column or full of control characters. What is stored is the number checked, not the text typed.
(Issue #7, defects 1, 3, 4 and 6, and the API's lengths and control characters.)"""

from __future__ import annotations

import pytest
from flask import Flask

from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products.models import Product
from tests.api import api_token, bearer
from tests.factories import World, build_world, second_photo


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.fixture
def headers(app: Flask, world: World) -> dict[str, str]:
    return bearer(api_token(app, world))


def _product_state(app: Flask, product_id: int) -> tuple:
    with app.app_context():
        p = db.session.get(Product, product_id)
        return (
            p.category,
            p.weight_g,
            list(p.materials),
            list(p.colours),
            [(t.locale, t.name, t.description) for t in p.texts],
            (p.capacity.units_per_month, p.capacity.months_available),
            [
                (r.currency, r.wholesale_min, [t.min_quantity for t in r.tiers])
                for r in p.price_ranges
            ],
        )


WRONG_TYPES = [
    ("PUT", "capacity", {"units_per_month": 5, "months": 5}, "months"),
    ("PUT", "capacity", {"units_per_month": "many"}, "units_per_month"),
    ("PUT", "capacity", {"units_per_month": True}, "units_per_month"),
    ("PUT", "capacity", {"units_per_month": [1]}, "units_per_month"),
    ("PATCH", "", {"materials": False}, "materials"),
    ("PATCH", "", {"colours": [None]}, "colours.0"),
    ("PATCH", "", {"texts": {"en": {"name": {"x": 1}}}}, "text.en.name"),
    ("PATCH", "", {"texts": "a name"}, "texts"),
    ("PATCH", "", {"weight_g": "heavy"}, "weight_g"),
    ("PATCH", "", {"is_food": [1]}, "is_food"),
    ("PATCH", "", {"no_such_field": 1}, "no_such_field"),
    ("PUT", "prices/USD", {"wholesale_min": {"a": 1}, "wholesale_max": "2"}, "wholesale_min"),
    ("PUT", "prices/USD", {"wholesale_min": "1", "wholesale_max": "2", "tiers": 3}, "tiers"),
]


@pytest.mark.parametrize("method,path,body,field", WRONG_TYPES)
def test_a_wrong_json_type_is_a_400_naming_the_field_and_nothing_changes(
    app: Flask, world: World, headers: dict, method: str, path: str, body: dict, field: str
) -> None:
    before = _product_state(app, world.product_a)
    url = f"/api/v1/products/{world.product_a}" + (f"/{path}" if path else "")
    response = app.test_client().open(url, method=method, json=body, headers=headers)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert field in response.get_json()["error"]["fields"]
    assert _product_state(app, world.product_a) == before


@pytest.mark.parametrize(
    "body,field",
    [
        ({"display_name": 5}, "display_name"),
        ({"story": "text"}, "story"),
        ({"region": "r" * 120_000}, "region"),
        ({"founded_year": 10**20}, "founded_year"),
        ({"women_workers": 2**63}, "women_workers"),
        ({"display_name": "Taller\x00Rosa"}, "display_name"),
        ({"story": {"en": "Hello\x1b[31m"}}, "story.en"),
    ],
)
def test_a_bad_profile_through_the_api_is_a_400_naming_the_field(
    app: Flask, world: World, headers: dict, body: dict, field: str
) -> None:
    url = f"/api/v1/producers/{world.producer_a_id}"
    response = app.test_client().patch(url, json=body, headers=headers)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert field in response.get_json()["error"]["fields"]
    with app.app_context():
        producer = db.session.get(Producer, world.producer_a_id)
        assert "\x00" not in producer.display_name and len(producer.region) <= 120


@pytest.mark.parametrize(
    "body,field",
    [
        ({"units_per_month": 9223372036854775808}, "units_per_month"),
        ({"units_per_month": 1e20}, "units_per_month"),
        ({"units_per_month": 2**31}, "units_per_month"),
        ({"units_per_month": 10, "min_order": 10**20}, "min_order"),
    ],
)
def test_a_number_beyond_what_a_column_holds_is_a_400_not_a_500(
    app: Flask, world: World, headers: dict, body: dict, field: str
) -> None:
    before = _product_state(app, world.product_a)
    url = f"/api/v1/products/{world.product_a}/capacity"
    response = app.test_client().put(url, json=body, headers=headers)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert field in response.get_json()["error"]["fields"]
    assert _product_state(app, world.product_a) == before


def test_a_tier_quantity_of_twenty_digits_is_refused_naming_the_tier(
    app: Flask, world: World, headers: dict
) -> None:
    body = {
        "wholesale_min": "10",
        "wholesale_max": "12",
        "tiers": [{"min_quantity": 10**19, "unit_price": "9"}],
    }
    url = f"/api/v1/products/{world.product_a}/prices/USD"
    response = app.test_client().put(url, json=body, headers=headers)
    assert response.status_code == 400
    assert "tiers.0.min_quantity" in response.get_json()["error"]["fields"]


def test_a_100000_character_description_is_refused_not_stored(
    app: Flask, world: World, headers: dict
) -> None:
    body = {"texts": {"en": {"name": "Ring", "description": "d" * 100_000}}}
    response = app.test_client().patch(
        f"/api/v1/products/{world.product_a}", json=body, headers=headers
    )
    assert response.status_code == 400
    assert "text.en.description" in response.get_json()["error"]["fields"]
    with app.app_context():
        assert len(db.session.get(Product, world.product_a).text("en").description) < 4001


@pytest.mark.parametrize("typed", ["١٢٠", "120", 120])
def test_dimensions_are_stored_as_the_number_checked_and_returned_as_integers(
    app: Flask, world: World, headers: dict, typed: object
) -> None:
    response = app.test_client().patch(
        f"/api/v1/products/{world.product_a}", json={"weight_g": typed}, headers=headers
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["weight_g"] == 120
    with app.app_context():
        stored = db.session.get(Product, world.product_a).editing.weight_g  # her change
        assert stored == 120 and isinstance(stored, int)


@pytest.mark.parametrize("typed", ["1_000", "1e3", "12.5", "-"])
def test_numbers_nobody_means_are_refused(
    app: Flask, world: World, headers: dict, typed: str
) -> None:
    response = app.test_client().patch(
        f"/api/v1/products/{world.product_a}", json={"weight_g": typed}, headers=headers
    )
    assert response.status_code == 400
    assert "weight_g" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("amount", ["1e3", "1_000", "NaN", "Infinity", "0.001"])
def test_amounts_nobody_means_are_refused(
    app: Flask, world: World, headers: dict, amount: str
) -> None:
    body = {"wholesale_min": amount, "wholesale_max": "2000"}
    response = app.test_client().put(
        f"/api/v1/products/{world.product_a}/prices/USD", json=body, headers=headers
    )
    assert response.status_code == 400, response.get_data(as_text=True)
    assert "wholesale_min" in response.get_json()["error"]["fields"]


def test_removing_a_photo_through_the_api_answers_with_the_photos_left(
    app: Flask, world: World, headers: dict
) -> None:
    with app.app_context():
        second = second_photo(db.session, db.session.get(Product, world.product_a))
        db.session.commit()
        second_sha = second.sha256
    client = app.test_client()
    url = f"/api/v1/products/{world.product_a}/images/{world.image_a}"
    response = client.delete(url, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    left = response.get_json()
    assert [i["sha256"] for i in left] == [second_sha]
    assert left[0]["is_cover"] is True  # the cover was removed: the next photo takes its place
    assert client.delete(url, headers=headers).status_code == 404
    with app.app_context():
        # The product is approved: the removal is her pending change; buyers keep both photos.
        product = db.session.get(Product, world.product_a)
        assert [i.sha256 for i in product.editing.images] == [second_sha]
        assert len(product.images) == 2


def test_refusals_come_in_the_users_language(app: Flask, world: World, headers: dict) -> None:
    response = app.test_client().put(
        f"/api/v1/products/{world.product_a}/capacity",
        json={"units_per_month": -1},
        headers={**headers, "Accept-Language": "es"},
    )
    assert response.status_code == 400
    message = response.get_json()["error"]["fields"]["units_per_month"]
    assert message != "Units per month cannot be below zero."


def test_the_readme_example_of_a_refusal_holds(app: Flask, world: World, headers: dict) -> None:
    response = app.test_client().put(
        f"/api/v1/products/{world.product_a}/capacity",
        json={"units_per_month": -1, "months": 5},
        headers=headers,
    )
    assert response.status_code == 400
    assert response.get_json() == {
        "error": {
            "code": 400,
            "message": "Some fields were refused; each is named with the reason.",
            "fields": {
                "units_per_month": "Units per month cannot be below zero.",
                "months": "Send a list.",
            },
        }
    }
