"""The JSON API: tokens, the same object checks as the pages, field-named refusals, and an
OpenAPI document that describes every route."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.products.models import Capacity, PriceRange, Product
from tests.api import api_token, bearer
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


_token = api_token
_auth = bearer


def test_openapi_describes_every_api_route(app: Flask) -> None:
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    described = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method.lower()) in described, (path, method)
    for ops in doc["paths"].values():
        for op in ops.values():
            assert op["summary"] and op["responses"]


def test_anonymous_calls_get_401_json(client) -> None:
    response = client.get("/api/v1/producers")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == 401


def test_a_token_sees_only_her_own_producer(app: Flask, world: World) -> None:
    token = _token(app, world)
    response = app.test_client().get("/api/v1/producers", headers=_auth(token))
    assert response.status_code == 200
    assert [p["slug"] for p in response.get_json()] == [world.producer_a]
    assert response.get_json()[0]["private"]["phone"] == "+56 9 5550 9999"
    facilitator = _token(app, world, "facilitator")
    slugs = [
        p["slug"]
        for p in app.test_client().get("/api/v1/producers", headers=_auth(facilitator)).get_json()
    ]
    assert sorted(slugs) == sorted([world.producer_a, world.producer_b])


def test_producer_a_cannot_read_or_change_producer_b_through_the_api(
    app: Flask, world: World
) -> None:
    client, headers = app.test_client(), _auth(_token(app, world))
    b, pb = world.producer_b_id, world.product_b
    calls = [
        ("GET", f"/api/v1/producers/{b}", None),
        ("PATCH", f"/api/v1/producers/{b}", {}),
        ("GET", f"/api/v1/producers/{b}/products", None),
        ("POST", f"/api/v1/producers/{b}/products", {"sku": "X", "category": "food"}),
        ("GET", f"/api/v1/products/{pb}", None),
        ("PATCH", f"/api/v1/products/{pb}", {"category": "food"}),
        ("PUT", f"/api/v1/products/{pb}/capacity", {"units_per_month": 1}),
        ("PUT", f"/api/v1/products/{pb}/prices/USD", {"wholesale_min": "1", "wholesale_max": "2"}),
        ("DELETE", f"/api/v1/products/{pb}/prices/USD", None),
        ("GET", f"/api/v1/products/{pb}/images", None),
        ("POST", f"/api/v1/products/{pb}/submit", None),
    ]
    for method, path, body in calls:
        response = client.open(path, method=method, json=body, headers=headers)
        assert response.status_code == 404, (method, path, response.status_code)
    with app.app_context():
        assert db.session.get(Capacity, pb).units_per_month == 20
        assert (
            db.session.scalar(
                select(func.count()).select_from(PriceRange).where(PriceRange.product_id == pb)
            )
            == 1
        )


def test_create_a_product_and_set_capacity_and_prices(app: Flask, world: World) -> None:
    client, headers = app.test_client(), _auth(_token(app, world))
    created = client.post(
        f"/api/v1/producers/{world.producer_a_id}/products",
        headers=headers,
        json={
            "sku": "API-1",
            "category": "beauty",
            "colours": ["green"],
            "texts": {"vi": {"name": "Xà phòng nghệ"}},
        },
    )
    assert created.status_code == 201, created.get_json()
    pid = created.get_json()["id"]
    assert created.get_json()["texts"]["vi"]["name"] == "Xà phòng nghệ"
    cap = client.put(
        f"/api/v1/products/{pid}/capacity",
        headers=headers,
        json={"units_per_month": 120, "min_order": 12, "case_multiple": 12},
    )
    assert cap.status_code == 200 and cap.get_json()["capacity"]["units_per_month"] == 120
    price = client.put(
        f"/api/v1/products/{pid}/prices/vnd",
        headers=headers,
        json={
            "wholesale_min": "45000",
            "wholesale_max": "52000",
            "tiers": [{"min_quantity": 100, "unit_price": "42000"}],
        },
    )
    assert price.status_code == 200
    assert price.get_json()["prices"][0]["currency"] == "VND"


@pytest.mark.parametrize(
    "path_suffix,body,field",
    [
        ("capacity", {"units_per_month": -1}, "units_per_month"),
        ("prices/USD", {"wholesale_min": "9", "wholesale_max": "3"}, "wholesale_max"),
        ("prices/QQQ", {"wholesale_min": "1", "wholesale_max": "3"}, "currency"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(
    app: Flask, world: World, path_suffix: str, body: dict, field: str
) -> None:
    client, headers = app.test_client(), _auth(_token(app, world))
    response = client.put(
        f"/api/v1/products/{world.product_a}/{path_suffix}", headers=headers, json=body
    )
    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]
    with app.app_context():
        assert db.session.get(Capacity, world.product_a).units_per_month == 20
        prices = db.session.scalars(
            select(PriceRange).where(PriceRange.product_id == world.product_a)
        ).all()
        assert [(p.currency, str(p.wholesale_max)) for p in prices] == [("USD", "12.00")]


def test_non_json_body_is_a_clear_400(app: Flask, world: World) -> None:
    response = app.test_client().put(
        f"/api/v1/products/{world.product_a}/capacity",
        data="units=3",
        headers=_auth(_token(app, world)),
    )
    assert response.status_code == 400
    assert "JSON" in response.get_json()["error"]["message"]


def test_revoked_token_stops_working(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["producer"], PASSWORD)
    page = client.post(
        "/account/tokens/",
        data={"csrf_token": csrf_from(client, "/account/tokens/"), "name": "old"},
    )
    html = page.get_data(as_text=True)
    token = re.search(r"<code>(cat_[^<]+)</code>", html).group(1)
    token_id = re.search(r'name="revoke-token_id" value="(\d+)"', html).group(1)
    assert app.test_client().get("/api/v1/producers", headers=_auth(token)).status_code == 200
    client.post(
        "/account/tokens/",
        data={
            "revoke-csrf_token": csrf_from(client, "/account/tokens/"),
            "revoke-token_id": token_id,
        },
    )
    assert app.test_client().get("/api/v1/producers", headers=_auth(token)).status_code == 401


def test_session_writes_need_the_csrf_header(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["producer"], PASSWORD)
    path = f"/api/v1/products/{world.product_a}/capacity"
    refused = client.put(path, json={"units_per_month": 33})
    assert refused.status_code == 400
    token = csrf_from(client, "/dashboard")
    accepted = client.put(path, json={"units_per_month": 33}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    with app.app_context():
        # her change to an approved product: stored as its pending change
        assert db.session.get(Product, world.product_a).editing.capacity.units_per_month == 33
