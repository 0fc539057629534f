"""Adding users: every refusal names the field, and nothing is stored."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from catalogue.auth import services
from catalogue.auth.models import Membership, Role, User
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _users(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def test_existing_email_is_refused_in_any_letter_case(app: Flask, world: World) -> None:
    before = _users(app)
    with app.app_context():
        with pytest.raises(ValidationError) as caught:
            services.create_user(
                db.session, email=world.emails["buyer"].upper(), name="Dup", password=PASSWORD
            )
        assert set(caught.value.errors) == {"email"}
        assert "already exists" in caught.value.errors["email"]
        db.session.rollback()
    assert _users(app) == before


def test_every_bad_field_is_named_at_once(app: Flask) -> None:
    with app.app_context():
        with pytest.raises(ValidationError) as caught:
            services.create_user(
                db.session, email="not-an-email", name=" ", password="short", locale="xx"
            )
        assert set(caught.value.errors) == {"email", "name", "password", "locale"}


def test_facilitator_form_refuses_an_existing_email_and_names_the_field(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    before = _users(app)
    path = f"/n/{world.network}/users"
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "email": world.emails["buyer"],
            "name": "Again",
            "role": "buyer",
            "producer": "0",
            "print_shop": "0",
            "locale": "",
            "password": "a-long-enough-password",
        },
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="email-error"' in html
    assert "A user with this e-mail address already exists." in html
    assert _users(app) == before


def test_facilitator_adds_a_producer_account_for_her_producer(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    path = f"/n/{world.network}/users"
    with app.app_context():
        from catalogue.producers.models import Producer

        producer_id = db.session.scalar(select(Producer.id).where(Producer.slug == "rosa"))
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "email": "New.Person@Test.example",
            "name": "New Person",
            "role": "producer",
            "producer": str(producer_id),
            "print_shop": "0",
            "locale": "es",
            "password": "a-long-enough-password",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "new.person@test.example"))
        assert user is not None and user.locale == "es"
        assert [(m.role, m.producer_id) for m in user.memberships] == [(Role.PRODUCER, producer_id)]
    fresh = app.test_client()
    assert login(fresh, "new.person@test.example", "a-long-enough-password").status_code == 302


def test_producer_role_without_producer_is_refused_and_nothing_stored(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    login(client, world.emails["facilitator"], PASSWORD)
    path = f"/n/{world.network}/users"
    before = _users(app)
    with app.app_context():
        memberships = db.session.scalar(select(func.count()).select_from(Membership))
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "email": "lonely@test.example",
            "name": "L",
            "role": "producer",
            "producer": "0",
            "print_shop": "0",
            "locale": "",
            "password": "a-long-enough-password",
        },
    )
    assert response.status_code == 400
    assert "Choose the producer this user acts for." in response.get_data(as_text=True)
    assert _users(app) == before
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Membership)) == memberships


def test_users_create_command_refuses_an_existing_email(app: Flask, world: World) -> None:
    before = _users(app)
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create",
            "--email",
            world.emails["buyer"],
            "--name",
            "X",
            "--network",
            world.network,
            "--role",
            "buyer",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 2
    assert "email: A user with this e-mail address already exists." in result.output
    assert _users(app) == before


def test_users_create_command_creates_a_working_login(app: Flask, world: World) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create",
            "--email",
            "cli@test.example",
            "--name",
            "Cli",
            "--network",
            world.network,
            "--role",
            "facilitator",
            "--password",
            "cli-password-123",
        ]
    )
    assert result.exit_code == 0, result.output
    assert login(app.test_client(), "cli@test.example", "cli-password-123").status_code == 302
