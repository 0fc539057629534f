"""The portal's photo actions and number fields, as a producer uses them on her phone: removing
a photo works, her own photos show before approval, an oversized number is a message, not a
server error. (Issue #7, defects 1, 3 and 9.)"""

from __future__ import annotations

import pytest
from flask import Flask

from catalogue.extensions import db
from catalogue.media.models import ProductImage
from catalogue.products.models import Product, ProductStatus
from tests.conftest import csrf_from, login
from tests.factories import PASSWORD, World, build_world, second_photo


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _client(app: Flask, world: World, role: str = "producer"):
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def test_removing_a_photo_in_the_portal_removes_it_and_the_next_becomes_the_cover(
    app: Flask, world: World
) -> None:
    with app.app_context():
        second_sha = second_photo(db.session, db.session.get(Product, world.product_a)).sha256
        db.session.commit()
    client = _client(app, world)
    page = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/photos"
    response = client.post(
        f"{page}/{world.image_a}",
        data={"csrf_token": csrf_from(client, page), "action": "remove"},
    )
    assert response.status_code == 302
    with app.app_context():
        # The product is approved: the removal is her pending change; buyers keep both photos.
        product = db.session.get(Product, world.product_a)
        assert [(i.sha256, i.is_cover) for i in product.editing.images] == [(second_sha, True)]
        assert db.session.get(ProductImage, world.image_a) is not None
    assert client.get(page).status_code == 200


@pytest.mark.parametrize("typed", ["9223372036854775808", "1e20", "99999999999999999999"])
def test_an_oversized_number_in_a_form_is_a_message_and_the_page_still_shows(
    app: Flask, world: World, typed: str
) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/capacity"
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "units_per_month": typed,
            "lead_time_days": "0",
            "min_order": "1",
            "case_multiple": "1",
        },
    )
    assert response.status_code == 400
    assert 'id="units_per_month-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Product, world.product_a).capacity.units_per_month == 20
    # The same session goes on working: nothing was left half-done.
    assert client.get(path).status_code == 200


def test_a_twenty_digit_tier_quantity_is_a_message(app: Flask, world: World) -> None:
    client = _client(app, world)
    path = f"/n/{world.network}/p/{world.producer_a}/products/{world.product_a}/prices"
    response = client.post(
        path,
        data={
            "csrf_token": csrf_from(client, path),
            "currency": "USD",
            "wholesale_min": "10",
            "wholesale_max": "12",
            "tiers": "12345678901234567890: 9",
        },
    )
    assert response.status_code == 400
    assert client.get(path).status_code == 200


def test_a_producer_sees_her_own_photos_before_approval_and_others_do_not(
    app: Flask, world: World
) -> None:
    with app.app_context():
        db.session.get(Product, world.product_a).status = ProductStatus.SUBMITTED
        db.session.commit()
    url = f"/media/images/{world.image_a}/thumb.jpg"
    own = _client(app, world).get(url)
    own.close()
    assert own.status_code == 200 and own.mimetype == "image/jpeg"
    assert "private" in own.headers["Cache-Control"]
    assert _status(_client(app, world, "facilitator"), url) == 200  # on her review page
    assert _status(_client(app, world, "producer_b"), url) == 404
    assert _status(_client(app, world, "buyer"), url) == 404
    assert _status(app.test_client(), url) == 404
    assert _status(_client(app, world), f"/media/images/{world.image_a}/print.jpg") == 404


def _status(client, url: str) -> int:
    response = client.get(url)
    response.close()
    return response.status_code


def test_an_approved_products_photos_are_public_and_cacheable(app: Flask, world: World) -> None:
    response = app.test_client().get(f"/media/images/{world.image_a}/web.jpg")
    response.close()
    assert response.status_code == 200
    assert "public" in response.headers["Cache-Control"]


@pytest.mark.parametrize("text", ["Taller\x00Rosa", "Rosa\x1b[31m", "Ro\x07sa"])
def test_control_characters_in_any_form_are_refused_and_nothing_is_stored(
    app: Flask, world: World, text: str
) -> None:
    client = _client(app, world, "facilitator")
    path = f"/n/{world.network}/manage/producers/{world.producer_a}/support"
    token = csrf_from(client, path)
    users = f"/n/{world.network}/users"
    response = client.post(
        users,
        data={
            "csrf_token": csrf_from(client, users),
            "email": "new@test.example",
            "name": text,
            "role": "buyer",
            "producer": "0",
            "print_shop": "0",
            "locale": "",
            "password": "a-long-enough-password",
        },
    )
    assert token
    assert response.status_code == 400
    assert "control characters" in response.get_data(as_text=True)
    with app.app_context():
        from sqlalchemy import select

        from catalogue.auth.models import User

        assert db.session.scalar(select(User).where(User.email == "new@test.example")) is None
