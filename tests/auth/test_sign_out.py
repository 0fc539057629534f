"""Signing out, changing a password or deactivating a user ends sign-ins on the server.

Each sign-in is a row of its own; the session and remember-me cookies name it, so copies of them
taken before it ended are refused afterwards. The cookies are copied out of one test client's jar
and put into a fresh client, as a thief would replay them in another browser.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from catalogue.auth import services
from catalogue.auth.models import LoginSession, User
from catalogue.core.validation import ValidationError
from catalogue.extensions import db
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world

SESSION_COOKIE = "session"
REMEMBER_COOKIE = "remember_token"
NEW_PASSWORD = "a-brand-new-passphrase"


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _signed_in(app: Flask, email: str, *, remember: bool = False) -> FlaskClient:
    client = app.test_client()
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf_from(client, "/login")}
    if remember:
        data["remember"] = "y"
    assert client.post("/login", data=data).status_code == 302
    assert _opens_dashboard(client)
    return client


def _cookie(client: FlaskClient, name: str) -> str:
    cookie = client.get_cookie(name)
    assert cookie is not None, f"no {name} cookie"
    return cookie.value


def _browser_with(app: Flask, **cookies: str) -> FlaskClient:
    """A fresh client holding only the given cookies."""
    client = app.test_client()
    for name, value in cookies.items():
        client.set_cookie(name, value)
    return client


def _sign_out(client: FlaskClient) -> None:
    token = csrf_from(client, "/dashboard")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302


def _opens_dashboard(client: FlaskClient) -> bool:
    response = client.get("/dashboard")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def _user(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    assert user is not None
    return user


def test_a_session_cookie_copied_before_sign_out_no_longer_opens_the_dashboard(
    app: Flask, world: World
) -> None:
    client = _signed_in(app, world.emails["buyer"])
    copied = _cookie(client, SESSION_COOKIE)
    assert _opens_dashboard(_browser_with(app, session=copied))  # the copy works until sign-out
    _sign_out(client)
    assert not _opens_dashboard(client)
    assert not _opens_dashboard(_browser_with(app, session=copied))


def test_a_remember_cookie_is_refused_after_sign_out(app: Flask, world: World) -> None:
    client = _signed_in(app, world.emails["buyer"], remember=True)
    copied = _cookie(client, REMEMBER_COOKIE)
    assert _opens_dashboard(_browser_with(app, remember_token=copied))
    _sign_out(client)
    assert not _opens_dashboard(_browser_with(app, remember_token=copied))


def test_a_remember_cookie_keeps_a_browser_signed_in_across_requests(
    app: Flask, world: World
) -> None:
    remembered = _cookie(_signed_in(app, world.emails["buyer"], remember=True), REMEMBER_COOKIE)
    browser = _browser_with(app, remember_token=remembered)  # the session cookie has expired
    assert _opens_dashboard(browser)
    assert _opens_dashboard(browser)  # strong session protection keeps the restored session
    assert _opens_dashboard(browser)


def test_the_remember_cookie_differs_at_every_sign_in(app: Flask, world: World) -> None:
    email = world.emails["buyer"]
    first = _signed_in(app, email, remember=True)
    values = [_cookie(first, REMEMBER_COOKIE)]
    values.append(_cookie(_signed_in(app, email, remember=True), REMEMBER_COOKIE))
    _sign_out(first)
    data = {"email": email, "password": PASSWORD, "remember": "y"}
    first.post("/login", data={**data, "csrf_token": csrf_from(first, "/login")})
    values.append(_cookie(first, REMEMBER_COOKIE))
    assert len(set(values)) == 3
    assert all(str(PASSWORD) not in value for value in values)


def test_signing_out_in_one_browser_leaves_the_others_signed_in(app: Flask, world: World) -> None:
    laptop = _signed_in(app, world.emails["producer"])
    phone = _signed_in(app, world.emails["producer"], remember=True)
    _sign_out(laptop)
    assert not _opens_dashboard(laptop)
    assert _opens_dashboard(phone)
    assert _opens_dashboard(_browser_with(app, remember_token=_cookie(phone, REMEMBER_COOKIE)))


def test_a_session_that_names_only_the_user_id_is_refused(app: Flask, world: World) -> None:
    """Sessions signed before sign-ins had a row of their own carry a bare user id."""
    client = _signed_in(app, world.emails["buyer"])
    with app.app_context():
        user_id = _user(world.emails["buyer"]).id
    with client.session_transaction() as sess:
        sess["_user_id"] = str(user_id)
    assert not _opens_dashboard(client)


def test_a_password_change_ends_every_other_session(app: Flask, world: World) -> None:
    email = world.emails["facilitator"]
    laptop = _signed_in(app, email)
    phone = _signed_in(app, email, remember=True)
    copies = {
        SESSION_COOKIE: _cookie(laptop, SESSION_COOKIE),
        REMEMBER_COOKIE: _cookie(phone, REMEMBER_COOKIE),
    }
    with app.app_context():
        user = _user(email)
        services.change_password(db.session, user, NEW_PASSWORD, actor=user)
        db.session.commit()
    assert not _opens_dashboard(laptop)
    assert not _opens_dashboard(phone)
    assert not _opens_dashboard(_browser_with(app, session=copies[SESSION_COOKIE]))
    assert not _opens_dashboard(_browser_with(app, remember_token=copies[REMEMBER_COOKIE]))
    assert login(app.test_client(), email, PASSWORD).status_code == 200  # the old one is refused
    again = app.test_client()
    assert login(again, email, NEW_PASSWORD).status_code == 302
    assert _opens_dashboard(again)


def test_a_too_short_password_is_refused_and_nothing_ends(app: Flask, world: World) -> None:
    email = world.emails["buyer"]
    client = _signed_in(app, email)
    with app.app_context():
        user = _user(email)
        with pytest.raises(ValidationError) as caught:
            services.change_password(db.session, user, "short", actor=user)
        assert set(caught.value.errors) == {"password"}
        db.session.rollback()
    assert _opens_dashboard(client)


def test_deactivating_a_user_ends_her_sessions_and_her_sign_ins(app: Flask, world: World) -> None:
    email = world.emails["producer_b"]
    client = _signed_in(app, email, remember=True)
    remembered = _cookie(client, REMEMBER_COOKIE)
    with app.app_context():
        admin = _user(world.emails["admin"])
        services.deactivate_user(db.session, _user(email), actor=admin)
        db.session.commit()
        rows = db.session.scalars(
            select(LoginSession).where(LoginSession.user_id == _user(email).id)
        ).all()
        assert rows and all(row.revoked_at is not None for row in rows)
    assert not _opens_dashboard(client)
    assert not _opens_dashboard(_browser_with(app, remember_token=remembered))
    assert login(app.test_client(), email, PASSWORD).status_code == 200


def test_only_a_digest_of_the_sign_in_token_is_stored(app: Flask, world: World) -> None:
    client = _signed_in(app, world.emails["buyer"])
    with client.session_transaction() as sess:
        identity = sess["_user_id"]
    user_id, _, token = identity.partition(":")
    with app.app_context():
        row = db.session.scalar(select(LoginSession).where(LoginSession.user_id == int(user_id)))
        assert row is not None and row.revoked_at is None
        assert token and token not in row.token_sha256
