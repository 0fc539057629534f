"""Signing in: hashed passwords, a fresh session, safe redirects, throttling, CSRF, cookies."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from catalogue.auth.models import User
from catalogue.extensions import db
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def test_passwords_are_stored_as_scrypt_hashes(app: Flask, world: World) -> None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == world.emails["buyer"]))
        assert user.password_hash.startswith("scrypt:")
        assert PASSWORD not in user.password_hash


def test_each_role_can_sign_in_and_see_its_dashboard(app: Flask, world: World) -> None:
    for role, email in world.emails.items():
        client = app.test_client()
        response = login(client, email, PASSWORD)
        assert response.status_code == 302, role
        assert response.location.endswith("/dashboard")
        page = client.get("/dashboard")
        assert page.status_code == 200
        assert "Welcome" in page.get_data(as_text=True)


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    response = login(client, world.emails["buyer"], "not-the-password")
    assert response.status_code == 200
    assert "The e-mail address or the password is not right." in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_signing_in_starts_a_new_session(app: Flask, world: World) -> None:
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    login(client, world.emails["buyer"], PASSWORD)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess.get("_user_id")


@pytest.mark.parametrize(
    "target,expected",
    [
        ("/n/testnet/", "/n/testnet/"),
        ("https://evil.example/", "/dashboard"),
        ("//evil.example/", "/dashboard"),
        ("/\\evil.example", "/dashboard"),
    ],
)
def test_next_is_followed_only_within_the_site(
    app: Flask, world: World, target: str, expected: str
) -> None:
    client = app.test_client()
    token = csrf_from(client, "/login")
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": world.emails["buyer"], "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.location == expected


def test_repeated_failures_get_429_even_with_the_right_password(app: Flask, world: World) -> None:
    client = app.test_client()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert login(client, world.emails["buyer"], "wrong-password").status_code == 200
    blocked = login(client, world.emails["buyer"], PASSWORD)
    assert blocked.status_code == 429
    assert "Too many failed sign-ins" in blocked.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_failures_from_one_address_block_other_accounts_too(app: Flask, world: World) -> None:
    client = app.test_client()
    for i in range(app.config["LOGIN_MAX_FAILURES"]):
        login(client, f"nobody{i}@test.example", "wrong-password")
    assert login(client, world.emails["admin"], PASSWORD).status_code == 429


def test_a_form_without_csrf_token_is_refused(app: Flask, world: World) -> None:
    client = app.test_client()
    response = client.post("/login", data={"email": world.emails["buyer"], "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/dashboard").status_code == 302


def test_sign_out_needs_a_post_with_csrf(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["buyer"], PASSWORD)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400
    token = csrf_from(client, "/dashboard")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_session_cookie_is_httponly_and_samesite_lax(app: Flask, world: World) -> None:
    client = app.test_client()
    response = login(client, world.emails["buyer"], PASSWORD)
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http here; HTTPS=true adds it (next test)


def test_https_setting_makes_cookies_secure(databases, tmp_path) -> None:
    from tests.conftest import build_app

    app = build_app(databases.new(), tmp_path, HTTPS=True)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["PREFERRED_URL_SCHEME"] == "https"


def test_pages_carry_csp_and_nosniff(client) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_choosing_a_language_changes_the_interface(client) -> None:
    token = csrf_from(client, "/")
    client.post("/language", data={"locale": "es", "next": "/", "csrf_token": token})
    assert '<html lang="es">' in client.get("/").get_data(as_text=True)
