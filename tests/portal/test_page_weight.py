"""The portal works over a weak phone connection: every page, with the CSS and JS it loads,
stays under 60 KB (photos aside)."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from tests.conftest import login
from tests.factories import PASSWORD, World, build_world

BUDGET = 60 * 1024
_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _weight(client, path: str) -> tuple[int, list[str]]:
    page = client.get(path)
    assert page.status_code == 200, path
    html = page.get_data()
    assets = _ASSET.findall(html.decode())
    total = len(html)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        total += len(response.get_data())
        response.close()
    return total, assets


def test_every_portal_page_fits_the_budget(app: Flask, world: World) -> None:
    client = app.test_client()
    login(client, world.emails["producer"], PASSWORD)
    base = f"/n/{world.network}/p/{world.producer_a}"
    product = f"{base}/products/{world.product_a}"
    pages = [
        f"/n/{world.network}/my/{world.producer_a}",
        "/dashboard",
        f"{base}/profile",
        f"{base}/products/new",
        product,
        f"{product}/details",
        f"{product}/capacity",
        f"{product}/prices",
        f"{product}/photos",
        f"{product}/costing",
        "/account/tokens/",
    ]
    for path in pages:
        total, assets = _weight(client, path)
        assert assets, path  # the stylesheet is counted
        assert total <= BUDGET, f"{path}: {total} bytes"


def test_pages_declare_a_phone_viewport(app: Flask, world: World) -> None:
    html = app.test_client().get("/login").get_data(as_text=True)
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
