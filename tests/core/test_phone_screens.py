"""Pages with tables, opened in a real browser (Chromium) 360 px wide: nothing scrolls sideways.

The browser talks to the Flask test client through Playwright's request routing, so no server,
thread or port is involved. Playwright comes with the dev extra; Chromium is Debian's
(``.ci/run`` installs it on CI, where its absence fails the test; elsewhere it skips).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from catalogue.auth.models import User
from catalogue.catalogues.models import Catalogue
from catalogue.editions import services as editions
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products import services as product_services
from catalogue.products.models import Product
from catalogue.readiness import services as readiness
from tests.conftest import login
from tests.editions.conftest import ready_catalogue
from tests.exports.conftest import debian_tool
from tests.factories import PASSWORD, World, build_world

sync_api = pytest.importorskip("playwright.sync_api")  # the dev extra installs it

ORIGIN = "http://catalogue.test"
PHONE = {"width": 360, "height": 740}
# Elements wider than the screen, outside any scrolling container (the page's own scroll).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
}"""


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium (never a downloaded one): missing fails on CI, skips elsewhere."""
    chromium = os.environ.get("CATALOGUE_TEST_CHROMIUM") or debian_tool("chromium", "chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def _serve(client: FlaskClient) -> Any:
    """A Playwright route handler answering every request from the Flask test client."""

    def handle(route: Any) -> None:
        request = route.request
        url = urlsplit(request.url)
        if f"{url.scheme}://{url.netloc}" != ORIGIN:
            route.abort()
            return
        response = client.open(
            url.path + (f"?{url.query}" if url.query else ""),
            method=request.method,
            data=request.post_data_buffer,
            headers={
                "Content-Type": request.headers.get("content-type", ""),
                "Accept-Language": request.headers.get("accept-language", ""),
            },
        )
        with response:
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            route.fulfill(status=response.status_code, headers=headers, body=response.get_data())

    return handle


def _publish(app: Flask, world: World) -> Catalogue:
    with app.test_request_context():
        catalogue = ready_catalogue(
            db.session,
            world,
            locales=["en", "es"],
            names=[
                {"en": "Hand-woven silk scarf with a very long name that wraps", "es": "Chal"},
                {"en": "Alpaca wool shawl", "es": "Chal de alpaca"},
            ],
        )
        user = db.session.scalar(select(User).where(User.email == world.emails["admin"]))
        editions.publish(db.session, catalogue, ("print", "screen"), user=user)
        db.session.commit()
        for slug in (world.producer_a, world.producer_b):
            producer = db.session.scalar(select(Producer).where(Producer.slug == slug))
            readiness.record_assessment(db.session, producer, [True, False] * 22, actor=None)
        db.session.commit()
        # A producer's change to an approved product, waiting for review (side-by-side table).
        rosa = db.session.scalar(select(User).where(User.email == world.emails["producer"]))
        product = db.session.get(Product, world.product_a)
        product_services.set_capacity(
            db.session, product, {"units_per_month": 45, "min_order": 3}, actor=rosa
        )
        db.session.commit()
        return catalogue


@pytest.mark.parametrize(
    "viewport,locale",
    [(PHONE, "es-ES"), (PHONE, "vi-VN"), ({"width": 1280, "height": 800}, "vi-VN")],
    ids=["phone-es", "phone-vi", "desktop-vi"],
)
def test_pages_with_tables_do_not_scroll_sideways_on_a_phone(
    app: Flask, world: World, browser: Any, tmp_path: Any, viewport: dict, locale: str
) -> None:
    old_exports, app.config["EXPORTS_DIR"] = app.config["EXPORTS_DIR"], str(tmp_path / "x")
    _publish(app, world)
    client = app.test_client()
    assert login(client, world.emails["admin"], PASSWORD).status_code == 302
    base = f"/n/{world.network}"
    builder = f"{base}/manage/catalogues/{world.catalogue_slug}"
    paths = [
        f"{base}/manage/producers",
        f"{base}/readiness",
        f"{base}/p/{world.producer_a}/readiness",
        f"{base}/review/",
        f"{base}/audit",
        f"{base}/users",
        f"{base}/manage/catalogues/",
        *(f"{builder}/{step}" for step in ("selection", "pooling", "arrangement", "pricing")),
        f"{builder}/check",
        f"{builder}/publish",
        f"{builder}/sharing",
        f"{builder}/editions/1",
        f"{base}/review/{world.product_a}",
        f"{base}/p/{world.producer_a}/products/{world.product_a}",
        f"{base}/p/{world.producer_a}/products/{world.product_a}/prices",
        f"{base}/p/{world.producer_a}/products/{world.product_a}/photos",
        f"{base}/",
        f"{base}/products/{world.product_a}",
        "/dashboard",
        # The published catalogue on the web.
        f"/c/{world.network}/{world.catalogue_slug}/",
        f"/c/{world.network}/{world.catalogue_slug}/items/WG-001",
        f"/c/{world.network}/{world.catalogue_slug}/producers/{world.producer_a}",
    ]
    context = browser.new_context(viewport=viewport, locale=locale)
    try:
        page = context.new_page()
        page.route("**/*", _serve(client))
        failures = {}
        for path in paths:
            response = page.goto(ORIGIN + path)
            assert response is not None and response.status == 200, path
            shots = os.environ.get("CATALOGUE_TEST_SCREENSHOTS")
            if shots:  # for a person to look at: CATALOGUE_TEST_SCREENSHOTS=/some/folder
                name = f"{locale}-{viewport['width']}-{path.strip('/').replace('/', '_')}.png"
                page.screenshot(path=os.path.join(shots, name), full_page=True)
            found = page.evaluate(OVERFLOW_JS)
            if found["scrollWidth"] > found["width"] or found["wide"]:
                failures[path] = found
        assert not failures, failures
    finally:
        context.close()
        app.config["EXPORTS_DIR"] = old_exports
