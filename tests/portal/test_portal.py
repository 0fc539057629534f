"""The producer portal: her profile, products, capacity, prices and costing — through the pages,
each refusal naming the field and storing nothing; and the facilitator's review."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import func, select

from catalogue.core.models import AuditEvent
from catalogue.extensions import db
from catalogue.producers.models import Producer, ProducerContact, SupportNeed
from catalogue.products.models import Capacity, PriceRange, Product, ProductStatus
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _client(app: Flask, world: World, role: str = "producer"):
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def _post(client, path: str, data: dict, **kw):
    return client.post(path, data={"csrf_token": csrf_from(client, path), **data}, **kw)


def _product(app: Flask, product_id: int) -> Product:
    with app.app_context():
        product = db.session.get(Product, product_id)
        db.session.expunge_all()
        return product


def test_producer_edits_her_profile_and_consent(app: Flask, world: World) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/profile"
    response = _post(
        client,
        path,
        {
            "display_name": "Taller Rosa & Hijas",
            "region": "Valle de Elqui",
            "economy": "cl",
            "languages": "es, en",
            "founded_year": "2012",
            "community_type": "rural",
            "women_led": "yes",
            "women_workers": "3",
            "total_workers": "4",
            "consent_public_profile": "y",
            "story_es": "Tejemos desde 1990.",
            "owner_names": "Rosa Pérez",
            "email": "rosa@example.org",
            "phone": "+56 9 5550 1111",
            "address": "Calle 1",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        assert producer.display_name == "Taller Rosa & Hijas" and producer.economy == "CL"
        assert producer.consent_share_identity is False and producer.women_led is True
        assert producer.story == {"es": "Tejemos desde 1990."}
        assert db.session.get(ProducerContact, producer.id).phone == "+56 9 5550 1111"
    public = app.test_client().get(f"/n/{world.network}/producers/{world.producer_a}")
    assert "Taller Rosa &amp; Hijas" in public.get_data(as_text=True)
    assert "+56 9 5550 1111" not in public.get_data(as_text=True)


def test_bad_profile_names_each_field_and_changes_nothing(app: Flask, world: World) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/profile"
    response = _post(
        client,
        path,
        {
            "display_name": "",
            "region": "X",
            "economy": "Chile",
            "women_workers": "5",
            "total_workers": "2",
            "email": "not-mail",
            "community_type": "",
            "women_led": "",
        },
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    for field in ("display_name", "economy", "women_workers", "email"):
        assert f'id="{field}-error"' in html, field
    with app.app_context():
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        assert producer.display_name == "Taller rosa" and producer.economy == "CL"


def _new_product(client, world: World, **extra) -> object:
    path = f"/n/{world.network}/p/{world.producer_a}/products/new"
    data = {
        "sku": "R-77",
        "category": "textiles",
        "name_es": "Chal de alpaca",
        "description_es": "Tejido a mano.",
        "name_en": "",
        "materials": "alpaca, wool",
        "colours": ["beige", "brown"],
        "tags": "winter, gift",
        "weight_g": "250",
    }
    data.update(extra)
    return _post(client, path, data)


def test_producer_adds_a_product_then_capacity_and_prices(app: Flask, world: World) -> None:
    client = _client(app, world)
    response = _new_product(client, world)
    assert response.status_code == 302
    with app.app_context():
        product = db.session.scalar(select(Product).where(Product.sku == "R-77"))
        assert product.status == ProductStatus.DRAFT
        assert [t.locale for t in product.texts] == ["es"]
        assert product.colours == ["beige", "brown"] and product.weight_g == 250
        pid = product.id
    base = f"/n/{world.network}/p/{world.producer_a}/products/{pid}"
    assert (
        _post(
            client,
            f"{base}/capacity",
            {
                "units_per_month": "40",
                "lead_time_days": "10",
                "min_order": "5",
                "case_multiple": "1",
                "months": ["1", "2", "6"],
            },
        ).status_code
        == 302
    )
    # A Spanish-speaking producer types amounts the Chilean way.
    with client.session_transaction() as sess:
        sess["locale"] = "es"
    assert (
        _post(
            client,
            f"{base}/prices",
            {
                "currency": "clp",
                "wholesale_min": "12.500",
                "wholesale_max": "15.000",
                "retail_min": "25.000",
                "retail_max": "30.000",
                "tiers": "50: 11.000\n100: 10.500",
            },
        ).status_code
        == 302
    )
    with app.app_context():
        cap = db.session.get(Capacity, pid)
        assert (cap.units_per_month, cap.months) == (40, [1, 2, 6])
        price = db.session.scalar(select(PriceRange).where(PriceRange.product_id == pid))
        assert price.currency == "CLP"
        assert (price.wholesale_min, price.wholesale_max) == (Decimal("12500"), Decimal("15000"))
        assert [(t.min_quantity, t.unit_price) for t in price.tiers] == [
            (50, Decimal("11000")),
            (100, Decimal("10500")),
        ]


@pytest.mark.parametrize(
    "data,field,words",
    [
        (
            {
                "units_per_month": "-3",
                "lead_time_days": "0",
                "min_order": "1",
                "case_multiple": "1",
            },
            "units_per_month",
            "below zero",
        ),
        (
            {
                "units_per_month": "10",
                "lead_time_days": "0",
                "min_order": "0",
                "case_multiple": "1",
            },
            "min_order",
            "at least 1",
        ),
    ],
)
def test_bad_capacity_through_the_page(app: Flask, world: World, data, field, words) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/capacity"
    response = _post(client, path, data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and words in html
    with app.app_context():
        assert db.session.get(Capacity, world.product_a).units_per_month == 20


@pytest.mark.parametrize(
    "data,field,words",
    [
        (
            {"currency": "USD", "wholesale_min": "15", "wholesale_max": "12"},
            "wholesale_max",
            "below the lowest",
        ),
        ({"currency": "ABC", "wholesale_min": "5", "wholesale_max": "6"}, "currency", "ISO 4217"),
        (
            {"currency": "USD", "wholesale_min": "5", "wholesale_max": "6", "tiers": "ten: 4"},
            "tiers",
            "whole number",
        ),
    ],
)
def test_bad_prices_through_the_page(app: Flask, world: World, data, field, words) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/prices"
    response = _post(client, path, data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and words in html
    with app.app_context():
        prices = db.session.scalars(
            select(PriceRange).where(PriceRange.product_id == world.product_a)
        ).all()
        assert [(p.currency, p.wholesale_min) for p in prices] == [("USD", Decimal("10"))]


def test_producer_edit_of_an_approved_product_goes_to_review_as_a_change(app: Flask, world: World):
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/capacity"
    _post(
        client,
        path,
        {
            "units_per_month": "25",
            "lead_time_days": "3",
            "min_order": "2",
            "case_multiple": "1",
            "months": ["3"],
        },
    )
    with app.app_context():
        product = db.session.get(Product, world.product_a)
        assert product.status == ProductStatus.APPROVED  # buyers still see the approved one
        assert product.editing.status == ProductStatus.SUBMITTED
        assert product.editing.capacity.units_per_month == 25


def test_facilitator_asks_for_changes_and_the_producer_reads_the_note(app: Flask, world: World):
    with app.app_context():
        db.session.get(Product, world.product_a).status = ProductStatus.SUBMITTED
        db.session.commit()
    facilitator = _client(app, world, "facilitator")
    queue = facilitator.get(f"/n/{world.network}/review/").get_data(as_text=True)
    assert "Silver ring" in queue
    path = f"/n/{world.network}/review/{world.product_a}"
    refused = _post(facilitator, path, {"decision": "changes", "note": ""})
    assert refused.status_code == 400 and 'id="note-error"' in refused.get_data(as_text=True)
    assert (
        _post(
            facilitator, path, {"decision": "changes", "note": "Show the ring on a hand."}
        ).status_code
        == 302
    )
    product = _product(app, world.product_a)
    assert product.status == ProductStatus.CHANGES_REQUESTED
    producer = _client(app, world)
    page = producer.get(f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}")
    assert "Show the ring on a hand." in page.get_data(as_text=True)
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "product.request_changes" in actions


def test_submit_lists_what_is_missing(app: Flask, world: World) -> None:
    client = _client(app, world)
    _new_product(client, world)
    with app.app_context():
        pid = db.session.scalar(select(Product.id).where(Product.sku == "R-77"))
    base = f"/n/{world.network}/p/{world.producer_a}/products/{pid}"
    response = client.post(
        f"{base}/submit", data={"csrf_token": csrf_from(client, base)}, follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert "Say how many you can make each month." in html
    assert "Add at least one photo." in html
    assert _product(app, pid).status == ProductStatus.DRAFT


def test_only_submitted_products_can_be_approved(app: Flask, world: World) -> None:
    facilitator = _client(app, world, "facilitator")
    path = f"/n/{world.network}/review/{world.product_a}"  # approved already
    response = _post(facilitator, path, {"decision": "approve"})
    assert response.status_code == 400


def test_costing_suggests_prices_and_warns_when_prices_are_too_low(app: Flask, world: World):
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/costing"
    response = _post(
        client,
        path,
        {
            "currency": "USD",
            "materials": "3",
            "hours": "1.5",
            "hourly_rate": "2",
            "overhead_percent": "10",
        },
    )
    html = response.get_data(as_text=True)
    # cost = (3 + 3) * 1.1 = 6.60; wholesale ≥ 13.20; the declared 10.00 is below that.
    assert "$6.60" in html and "$13.20" in html and "$26.40" in html
    assert "below the suggested price" in html
    prices = client.get(path.replace("/costing", "/prices")).get_data(as_text=True)
    assert "below twice what it costs you to make" in prices


def test_facilitator_records_support_needs(app: Flask, world: World) -> None:
    client = _client(app, world, "facilitator")
    path = f"/n/{world.network}/manage/producers/{world.producer_a}/support"
    response = _post(
        client,
        path,
        {
            "status-photography": "requested",
            "note-photography": "Needs a light box",
            "status-packaging": "done",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        needs = {
            n.kind.value: (n.status.value, n.note) for n in db.session.scalars(select(SupportNeed))
        }
    assert needs == {"photography": ("requested", "Needs a light box"), "packaging": ("done", "")}
    bad = _post(client, path, {"status-photography": "whenever"})
    assert bad.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SupportNeed)) == 2


def test_producer_a_cannot_touch_producer_b_through_any_portal_page(app: Flask, world: World):
    client = _client(app, world)  # producer A
    b = world.producer_b
    base = f"/n/{world.network}/p/{b}"
    pages = [
        f"{base}/profile",
        f"{base}/products/new",
        f"{base}/products/{world.product_b}",
        f"{base}/products/{world.product_b}/details",
        f"{base}/products/{world.product_b}/capacity",
        f"{base}/products/{world.product_b}/prices",
        f"{base}/products/{world.product_b}/photos",
        f"{base}/products/{world.product_b}/costing",
    ]
    token = csrf_from(client, f"/n/{world.network}/p/{world.producer_a}/profile")
    # 404, as for an object that does not exist: nothing confirms what is hers.
    for page in pages:
        assert client.get(page).status_code == 404, page
    posts = [p for p in pages if p != f"{base}/products/{world.product_b}"] + [
        f"{base}/products/{world.product_b}/submit",
        f"{base}/products/{world.product_b}/photos/{world.image_a}",
    ]
    for page in posts:
        response = client.post(
            page, data={"csrf_token": token, "units_per_month": "1", "action": "remove"}
        )
        assert response.status_code == 404, page
    # B's product under A's own URL is not found either.
    own = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_b}/prices"
    assert client.get(own).status_code == 404
    with app.app_context():
        assert db.session.get(Capacity, world.product_b).units_per_month == 20
