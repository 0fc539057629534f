"""`GET /api/v1/networks/<slug>/search`: public products only, described in the OpenAPI
document, bad parameters answered 400 with a message, never 500."""

from __future__ import annotations

from flask import Flask

from catalogue.extensions import db
from catalogue.products.models import ProductStatus
from tests.factories import make_network, make_producer, make_product

URL = "/api/v1/networks/testnet/search"


def _world(app: Flask) -> dict[str, int]:
    with app.app_context():
        session = db.session
        network = make_network(session)
        other = make_network(session, "othernet")
        rosa = make_producer(session, network, "rosa")
        hidden = make_producer(session, network, "ana", public=False)
        elsewhere = make_producer(session, other, "lucia")
        ids = {
            "ring": make_product(session, rosa, "R-1", name="Silver ring").id,
            "earrings": make_product(session, rosa, "R-2", name="Silver earrings").id,
        }
        make_product(session, rosa, "R-3", name="Silver draft", status=ProductStatus.DRAFT)
        make_product(session, hidden, "H-1", name="Silver hidden")
        make_product(session, elsewhere, "E-1", name="Silver elsewhere")
        session.commit()
        return ids


def test_search_finds_public_products_of_the_network_only(search_app: Flask) -> None:
    ids = _world(search_app)
    client = search_app.test_client()
    answer = client.get(URL, query_string={"q": "silver"})
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["total"] == 2
    assert {h["id"] for h in body["hits"]} == {
        f"product:{ids['ring']}",
        f"product:{ids['earrings']}",
    }
    assert body["facets"]["category"] == {"jewellery": 2}
    hit = next(h for h in body["hits"] if h["id"] == f"product:{ids['ring']}")
    assert hit["url"] == f"/n/testnet/products/{ids['ring']}"
    assert hit["title"] == "Silver ring"
    one = client.get(URL, query_string={"q": "silver", "per_page": 1, "page": 2, "sort": "name"})
    assert [h["title"] for h in one.get_json()["hits"]] == ["Silver ring"]
    assert (
        client.get(URL, query_string={"q": "silver", "category": "toys"}).get_json()["total"] == 0
    )


def test_a_misspelling_is_answered_with_a_suggestion(search_app: Flask) -> None:
    _world(search_app)
    body = search_app.test_client().get(URL, query_string={"q": "silvr"}).get_json()
    assert body["total"] == 0 and body["suggestion"] == "silver"


def test_bad_parameters_are_answered_400_with_a_message(search_app: Flask) -> None:
    client = search_app.test_client()
    _world(search_app)
    for params in (
        {"page": "0"},
        {"page": "x"},
        {"per_page": "1000"},
        {"sort": "colour"},
        {"q": "x" * 201},
        {"q": "a\x00b"},
        {"unknown": "1"},
    ):
        answer = client.get(URL, query_string=params)
        assert answer.status_code == 400, params
        assert answer.get_json()["error"]["fields"], params
    assert client.get("/api/v1/networks/nowhere/search").status_code == 404


def test_the_endpoint_is_in_the_openapi_document(search_app: Flask) -> None:
    doc = search_app.test_client().get("/api/v1/openapi.json").get_json()
    operation = doc["paths"]["/api/v1/networks/{network_slug}/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"network_slug", "q", "category", "page", "sort"} <= names
    assert "SearchOut" in doc["components"]["schemas"]
