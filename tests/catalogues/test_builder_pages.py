"""The builder through its pages: who may open them, each step renders, POSTs change data
through the services, and bad input shows an error and changes nothing."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import func, select

from catalogue.catalogues.models import Catalogue
from catalogue.extensions import db
from tests.catalogues.conftest import client_for
from tests.conftest import csrf_from
from tests.factories import World

STEPS = ("theme", "selection", "pooling", "arrangement", "pricing", "check")


def _base(world: World) -> str:
    return f"/n/{world.network}/manage/catalogues"


def _step(world: World, step: str) -> str:
    return f"{_base(world)}/{world.catalogue_slug}/{step}"


def _post(client, path: str, data: dict, **kw):
    return client.post(path, data={"csrf_token": csrf_from(client, path), **data}, **kw)


def _catalogue(app: Flask, world: World) -> Catalogue:
    with app.app_context():
        catalogue = db.session.scalar(
            select(Catalogue).where(Catalogue.slug == world.catalogue_slug)
        )
        _ = catalogue.items, catalogue.exchange_rates
        db.session.expunge_all()
        return catalogue


def test_every_builder_page_renders_for_a_facilitator(app: Flask, world: World) -> None:
    client = client_for(app, world)
    for path in [f"{_base(world)}/", f"{_base(world)}/new"] + [_step(world, s) for s in STEPS]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "csrf_token" in response.get_data(as_text=True)
    page = client.get(_step(world, "check")).get_data(as_text=True)
    assert "The catalogue has no items yet." in page
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert f"{_base(world)}/" in dashboard


@pytest.mark.parametrize("role", ["producer", "buyer", "print_shop"])
def test_the_builder_is_refused_to_others(app: Flask, world: World, role: str) -> None:
    client = client_for(app, world, role)
    for path in [f"{_base(world)}/", f"{_base(world)}/new", _step(world, "selection")]:
        assert client.get(path).status_code == 403, path
    assert client.post(_step(world, "pricing"), data={"currency": "EUR"}).status_code in (400, 403)
    assert _catalogue(app, world).currency == "USD"


def test_anonymous_visitors_are_sent_to_sign_in(app: Flask, world: World) -> None:
    response = app.test_client().get(_step(world, "theme"))
    assert response.status_code == 302 and "/login" in response.location


def test_an_unknown_catalogue_or_step_is_not_found(app: Flask, world: World) -> None:
    client = client_for(app, world)
    assert client.get(f"{_base(world)}/nope/theme").status_code == 404
    assert client.get(f"{_base(world)}/{world.catalogue_slug}/colours").status_code == 404


def test_a_facilitator_creates_a_catalogue(app: Flask, world: World) -> None:
    client = client_for(app, world)
    response = _post(
        client,
        f"{_base(world)}/new",
        {
            "theme": "default",
            "layout": "grid2",
            "kind": "niche",
            "market": "b2c",
            "format": "leaflet",
            "locales": ["en", "fr"],
            "stories": "region",
            "title_en": "Green and organic",
            "title_fr": "Vert et bio",
            "intro_en": "Soaps.",
        },
    )
    assert response.status_code == 302 and response.location.endswith(
        "/green-and-organic/selection"
    )
    with app.app_context():
        made = db.session.scalar(select(Catalogue).where(Catalogue.slug == "green-and-organic"))
        assert made.title == {"en": "Green and organic", "fr": "Vert et bio"}
        assert (made.layout, made.stories, made.code_prefix, made.currency) == (
            "grid2",
            "region",
            "GAO",
            "USD",
        )


def test_a_new_catalogue_needs_a_title_and_a_free_address(app: Flask, world: World) -> None:
    client = client_for(app, world)
    base = {
        "theme": "default",
        "layout": "grid4",
        "kind": "event",
        "market": "b2b",
        "format": "booklet",
        "locales": ["en"],
        "stories": "none",
    }
    response = _post(client, f"{_base(world)}/new", base)
    assert response.status_code == 400 and "Give the catalogue a title." in response.get_data(
        as_text=True
    )
    response = _post(
        client, f"{_base(world)}/new", {**base, "title_en": "Other", "slug": world.catalogue_slug}
    )
    assert response.status_code == 400
    assert "Another catalogue of this network has this web address." in response.get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Catalogue)) == 1


def test_rules_items_pools_and_prices_through_the_pages(app: Flask, world: World) -> None:
    client = client_for(app, world)
    path = _step(world, "selection")
    preview = _post(client, path, {"action": "preview", "categories": ["jewellery"]})
    assert preview.status_code == 200 and "will be added" in preview.get_data(as_text=True)
    assert _catalogue(app, world).items == []  # a preview changes nothing
    assert _post(client, path, {"action": "apply", "categories": ["jewellery"]}).status_code == 302
    items = sorted(_catalogue(app, world).items, key=lambda i: i.code)
    assert [i.code for i in items] == ["WG-001", "WG-002"]

    response = _post(client, path, {"action": "pin", "item_id": items[1].id})
    assert response.status_code == 302 and _catalogue(app, world).items[1].pinned

    pools = _step(world, "pooling")
    assert (
        _post(
            client,
            pools,
            {"action": "merge", "items": [items[0].id, items[1].id], "same_item": "y"},
        ).status_code
        == 302
    )
    page = client.get(pools).get_data(as_text=True)
    assert "Taller rosa" in page and "Taller carmen" in page and "<strong>40</strong>" in page

    prices = _step(world, "pricing")
    response = _post(
        client,
        prices,
        {
            "action": "pricing",
            "currency": "USD",
            "markup_percent": "10",
            "rounding_step": "1",
            "price_display": "range",
            "order_opens_on": "2027-01-01",
            "order_closes_on": "2027-02-01",
            "how_to_order_en": "Write to us.",
        },
    )
    assert response.status_code == 302
    catalogue = _catalogue(app, world)
    assert catalogue.markup_percent == Decimal(10) and catalogue.rounding_step == Decimal(1)
    assert catalogue.order_closes_on == date(2027, 2, 1)
    assert catalogue.how_to_order == {"en": "Write to us."}
    page = client.get(prices).get_data(as_text=True)
    assert "$11.00" in page and "$14.00" in page  # 10 × 1.1 → 11; 12 × 1.1 = 13.2 → 14


@pytest.mark.parametrize(
    ("change", "field_message"),
    [
        ({"markup_percent": "-5"}, "The markup cannot be below zero."),
        ({"currency": "XYZ"}, "is not an ISO 4217 currency code."),
        (
            {"order_opens_on": "2027-03-01", "order_closes_on": "2027-02-01"},
            "Orders cannot close before they open.",
        ),
        ({"rounding_step": "0"}, "Round to a positive amount"),
    ],
)
def test_bad_prices_show_an_error_and_change_nothing(
    app: Flask, world: World, change: dict, field_message: str
) -> None:
    client = client_for(app, world)
    before = _catalogue(app, world)
    data = {
        "action": "pricing",
        "currency": "EUR",
        "markup_percent": "30",
        "price_display": "range",
        "how_to_order_en": "Changed?",
        **change,
    }
    response = _post(client, _step(world, "pricing"), data)
    assert response.status_code == 400
    assert field_message in response.get_data(as_text=True)
    after = _catalogue(app, world)
    assert (after.currency, after.markup_percent, after.how_to_order) == (
        before.currency,
        before.markup_percent,
        before.how_to_order,
    )


def test_a_post_without_its_csrf_token_is_refused(app: Flask, world: World) -> None:
    client = client_for(app, world)
    response = client.post(_step(world, "selection"), data={"action": "apply"})
    assert response.status_code == 400
    assert _catalogue(app, world).items == []


def test_the_step_bar_numbers_each_step_once_and_marks_the_current_one(
    app: Flask, world: World
) -> None:
    client = client_for(app, world)
    client.post(
        "/language", data={"locale": "es", "next": "/", "csrf_token": csrf_from(client, "/")}
    )
    page = client.get(_step(world, "pooling")).get_data(as_text=True)
    bar = page[page.index('<ol class="steps-bar">') : page.index("</ol>")]
    labels = re.findall(r'class="step"[^>]*>([^<]*)<', bar)
    assert labels[:3] == ["Tema", "Productos", "Ofertas conjuntas"]
    assert not any(re.match(r"\s*\d", label) for label in labels)  # the list numbers them
    assert bar.count('aria-current="step"') == 1
    assert re.search(r'aria-current="step">Ofertas conjuntas<', bar)
