"""Public pages are kept in memory for visitors who are not signed in, and never shown stale.

A kept page is answered with one SQL statement (the content version); any change
to data pages show, made through the services like every change, is on the very next request;
each visitor gets her own CSRF token in the kept page; signed-in users, flashes and other
languages get pages of their own. Real HTTP through the test client, a real database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event

from catalogue.core import content_version
from catalogue.core.page_cache import cache_of
from catalogue.extensions import db
from catalogue.products import services as product_services
from catalogue.products.models import Product, ProductStatus
from tests.conftest import login
from tests.factories import PASSWORD, World, build_world

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@contextmanager
def counted(app: Flask) -> Iterator[list[str]]:
    """The SQL statements run inside the block (not the test's savepoints)."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _product_page(world: World) -> str:
    return f"/n/{world.network}/products/{world.product_a}"


def _rename(app: Flask, world: World, name: str) -> None:
    with app.app_context():
        product = db.session.get(Product, world.product_a)
        assert product is not None
        product_services.set_text(product, "en", {"name": name, "description": "Hand made."})
        db.session.commit()


def test_a_kept_page_costs_one_statement_and_a_change_shows_at_the_next_request(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    path = _product_page(world)
    with counted(app) as made:
        first = client.get(path)
    assert first.status_code == 200 and "Silver ring" in first.get_data(as_text=True)
    with counted(app) as kept:
        second = client.get(path)
    assert second.status_code == 200
    assert second.get_data(as_text=True) == first.get_data(as_text=True)
    assert len(kept) == 1 < len(made), (kept, made)

    _rename(app, world, "Copper ring")
    third = client.get(path).get_data(as_text=True)
    assert "Copper ring" in third and "Silver ring" not in third


def test_every_public_page_follows_a_change_at_once(app: Flask, world: World) -> None:
    client = app.test_client()
    pages = [
        f"/n/{world.network}/",
        f"/n/{world.network}/producers/{world.producer_a}",
        _product_page(world),
    ]
    for path in pages:
        assert "Silver ring" in client.get(path).get_data(as_text=True), path
    _rename(app, world, "Copper ring")
    for path in pages:
        page = client.get(path).get_data(as_text=True)
        assert "Copper ring" in page and "Silver ring" not in page, path
    # Withdrawn from the public: the kept page is not served any more.
    with app.app_context():
        product = db.session.get(Product, world.product_a)
        assert product is not None
        product.status = ProductStatus.DRAFT
        db.session.commit()
    assert client.get(_product_page(world)).status_code == 404


def test_a_change_that_is_rolled_back_leaves_the_version_as_it_was(
    app: Flask, world: World
) -> None:
    with app.app_context():
        before = content_version.current(db.session)
        product = db.session.get(Product, world.product_a)
        assert product is not None
        product.sku = "A-2"
        db.session.flush()
        db.session.rollback()
        assert content_version.current(db.session) == before
        product = db.session.get(Product, world.product_a)
        product.sku = "A-3"
        db.session.commit()
        assert content_version.current(db.session) not in ("", before)


def test_each_visitor_gets_her_own_working_csrf_token_in_a_kept_page(
    app: Flask, world: World
) -> None:
    path = _product_page(world)
    first, second = app.test_client(), app.test_client()
    tokens = []
    for client in (first, second, first):
        match = _CSRF.search(client.get(path).get_data(as_text=True))
        assert match
        tokens.append(match.group(1))
    assert len(cache_of(app)) >= 1
    assert cache_of(app).placeholder not in "".join(tokens)
    assert tokens[0] != tokens[1]  # a kept page never hands one visitor's token to another
    for client, token in ((first, tokens[2]), (second, tokens[1])):
        answer = client.post("/language", data={"csrf_token": token, "locale": "es", "next": path})
        assert answer.status_code == 302, answer.get_data(as_text=True)[:300]
        assert answer.headers["Location"].endswith(path)
        assert "Cambiar" in client.get(path).get_data(as_text=True)  # the Spanish page


def test_signed_in_users_get_their_own_page_never_a_kept_one(app: Flask, world: World) -> None:
    path = _product_page(world)
    visitor = app.test_client()
    assert "Sign out" not in visitor.get(path).get_data(as_text=True)
    facilitator = app.test_client()
    assert login(facilitator, world.emails["facilitator"], PASSWORD).status_code == 302
    assert "Sign out" in facilitator.get(path).get_data(as_text=True)
    assert "Sign out" not in visitor.get(path).get_data(as_text=True)


def test_a_message_to_show_is_never_kept_or_served_from_memory(app: Flask, world: World) -> None:
    path = _product_page(world)
    client = app.test_client()
    client.get(path)  # kept
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "A message only for this visitor")]
    page = client.get(path).get_data(as_text=True)
    assert "A message only for this visitor" in page
    assert "A message only for this visitor" not in app.test_client().get(path).get_data(
        as_text=True
    )


def test_the_cache_can_be_turned_off(app: Flask, world: World) -> None:
    cache = cache_of(app)
    size, cache.size = cache.size, 0
    try:
        client = app.test_client()
        client.get(_product_page(world))
        with counted(app) as statements:
            assert client.get(_product_page(world)).status_code == 200
        assert len(statements) > 1
        assert len(cache) == 0
    finally:
        cache.size = size
