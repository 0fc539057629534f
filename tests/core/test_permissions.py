"""The permission registry covers every route, and every role gets exactly what it allows."""

from __future__ import annotations

import pytest
from flask import Flask

from catalogue.core.permissions import ACTIONS, ANONYMOUS, action_for_endpoint
from tests.conftest import login
from tests.factories import PASSWORD, World, build_world

ROLES = [ANONYMOUS, "admin", "facilitator", "producer", "buyer", "print_shop"]


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _url_args(world: World) -> dict[str, object]:
    return {
        "network_slug": world.network,
        "producer_slug": world.producer_a,
        "product_id": world.product_a,
        "image_id": world.image_a,
        "kind": "thumb",
        "filename": "style.css",
        "producer_id": world.producer_a_id,
        "currency": "USD",
        "job_id": "00000000-0000-0000-0000-000000000000",
        "catalogue_slug": world.catalogue_slug,
        "step": "theme",
        "number": 1,
        "section_key": "textiles",
        "code": "WG-001",
        "key": "0" * 64,
    }


def test_every_route_is_covered_by_the_registry(app: Flask) -> None:
    uncovered = [
        f"{rule.rule} ({rule.endpoint})"
        for rule in app.url_map.iter_rules()
        if action_for_endpoint(app, rule.endpoint) is None
    ]
    assert uncovered == []


def test_every_action_has_roles_and_a_sentence() -> None:
    for action in ACTIONS.values():
        assert action.roles, action.name
        assert action.sentence.endswith("."), action.name


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_the_routes_its_actions_allow(
    app: Flask, world: World, role: str
) -> None:
    client = app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False  # POST routes are reached without their forms here
    try:
        if role != ANONYMOUS:
            assert login(client, world.emails[role], PASSWORD).status_code == 302
        args = _url_args(world)
        problems = []
        for rule in app.url_map.iter_rules():
            action = action_for_endpoint(app, rule.endpoint)
            values = {name: args[name] for name in rule.arguments}
            url = rule.build(values)[1]
            methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
            method = "GET" if "GET" in methods else methods[0]
            if rule.endpoint == "auth.logout":
                continue  # would end this session; covered in the auth tests
            response = client.open(url, method=method)
            response.close()
            allowed = role in action.roles
            refused_to_login = (response.status_code == 302 and "/login" in response.location) or (
                response.status_code == 401 and url.startswith("/api/")
            )
            if response.status_code >= 500:
                problems.append(f"{method} {url}: {response.status_code}")
            elif allowed and (response.status_code in (401, 403) or refused_to_login):
                problems.append(f"{method} {url}: {role} allowed but got {response.status_code}")
            elif not allowed and role == ANONYMOUS and not refused_to_login:
                problems.append(f"{method} {url}: anonymous not sent to login")
            elif not allowed and role != ANONYMOUS and response.status_code != 403:
                problems.append(f"{method} {url}: {role} refused expected, {response.status_code}")
        assert problems == []
    finally:
        app.config["WTF_CSRF_ENABLED"] = True


def test_a_producer_cannot_open_another_producers_private_page(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["producer"], PASSWORD)
    own = client.get(f"/n/{world.network}/my/{world.producer_a}")
    other = client.get(f"/n/{world.network}/my/{world.producer_b}")
    assert own.status_code == 200
    assert "rosa-private@example.org" in own.get_data(as_text=True)
    assert other.status_code == 404
    assert "carmen-private@example.org" not in other.get_data(as_text=True)


def test_roles_do_not_carry_over_to_another_network(app: Flask, world: World) -> None:
    from catalogue.extensions import db
    from tests.factories import make_network

    with app.app_context():
        make_network(db.session, slug="othernet")
        db.session.commit()
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    assert client.get(f"/n/{world.network}/manage/producers").status_code == 200
    assert client.get("/n/othernet/manage/producers").status_code == 403


@pytest.mark.parametrize("granter", ["admin", "facilitator"])
@pytest.mark.parametrize("granted", ["admin", "facilitator", "producer", "buyer", "print_shop"])
def test_granting_each_role_is_allowed_exactly_as_the_registry_says(
    app: Flask, world: World, granter: str, granted: str
) -> None:
    from sqlalchemy import select

    from catalogue.auth.models import Membership, User
    from catalogue.extensions import db
    from catalogue.printshop.models import PrintShop
    from catalogue.producers.models import Producer
    from tests.conftest import csrf_from

    client = app.test_client()
    login(client, world.emails[granter], PASSWORD)
    path = f"/n/{world.network}/users"
    with app.app_context():
        producer_id = db.session.scalar(select(Producer.id).where(Producer.slug == "carmen"))
        shop_id = db.session.scalar(select(PrintShop.id))
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "email": "granted@test.example",
            "name": "Granted",
            "role": granted,
            "producer": str(producer_id) if granted == "producer" else "0",
            "print_shop": str(shop_id) if granted == "print_shop" else "0",
            "locale": "",
            "password": "a-long-enough-password",
        },
    )
    may = granter in ACTIONS["user.grant_admin"].roles if granted == "admin" else True
    assert response.status_code == (302 if may else 400)
    with app.app_context():
        roles = db.session.scalars(
            select(Membership.role).join(User).where(User.email == "granted@test.example")
        ).all()
        assert [r.value for r in roles] == ([granted] if may else [])


def test_the_service_refuses_a_facilitator_making_an_admin_whatever_the_page_offers(
    app: Flask, world: World
) -> None:
    from sqlalchemy import select

    from catalogue.auth import services
    from catalogue.auth.models import Role, User
    from catalogue.core.validation import ValidationError
    from catalogue.extensions import db
    from catalogue.networks.models import Network

    with app.app_context():
        network = db.session.scalar(select(Network))
        facilitator = db.session.scalar(
            select(User).where(User.email == world.emails["facilitator"])
        )
        buyer = db.session.scalar(select(User).where(User.email == world.emails["buyer"]))
        with pytest.raises(ValidationError) as caught:
            services.add_membership(db.session, buyer, network, Role.ADMIN, actor=facilitator)
        assert "role" in caught.value.errors
        db.session.rollback()
