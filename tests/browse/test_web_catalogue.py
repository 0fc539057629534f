"""Buyers browse a published catalogue on the web: every link of the screen PDF opens the item's
page, pages show the frozen edition in the reader's language, wholesale prices only to the
network's people, web-sized photos only, and never a producer's contact details."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy import select

from catalogue.auth.models import User
from catalogue.catalogues.models import Market
from catalogue.core.models import AuditEvent
from catalogue.editions import services as editions
from catalogue.editions.models import Edition
from catalogue.extensions import db
from tests.conftest import csrf_from, login
from tests.editions.conftest import ready_catalogue
from tests.factories import PASSWORD, World, build_world

NAMES = [
    {"en": "Hand-woven silk scarf", "es": "Bufanda de seda tejida"},
    {"en": "Alpaca shawl", "es": "Chal de alpaca"},
]
# What tests.factories.make_producer stores as her private contact details.
CONTACTS = ("Owner of rosa", "rosa-private@example.org", "+56 9 5550 9999", "Secret street")


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


def _publish(app: Flask, world: World, market: Market) -> Edition:
    with app.test_request_context():
        catalogue = ready_catalogue(db.session, world, locales=["en", "es"], names=NAMES)
        catalogue.market = market
        user = db.session.scalar(select(User).where(User.email == world.emails["facilitator"]))
        published = editions.publish(db.session, catalogue, ("print", "screen"), user=user)
        db.session.commit()
        return published


@pytest.fixture
def edition(app: Flask, world: World) -> Edition:
    """A retail catalogue's first edition: public pages."""
    return _publish(app, world, Market.B2C)


@pytest.fixture
def private_edition(app: Flask, world: World) -> Edition:
    """A wholesale catalogue's first edition: private pages."""
    return _publish(app, world, Market.B2B)


def _base(world: World) -> str:
    return f"/c/{world.network}/{world.catalogue_slug}"


def _reader(app: Flask, locale: str | None = None) -> FlaskClient:
    client = app.test_client()
    if locale:
        token = csrf_from(client, "/")
        client.post("/language", data={"locale": locale, "next": "/", "csrf_token": token})
    return client


def _screen_links(app: Flask, edition: Edition) -> list[str]:
    folder = Path(app.config["EXPORTS_DIR"])
    pdfs = [p for p in folder.rglob("screen*.pdf") if f"/{edition.number}/" in p.as_posix()]
    assert pdfs, "no screen PDF was written"
    links = []
    for pdf in pdfs:
        for page in PdfReader(pdf).pages:
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                if annot["/Subtype"] == "/Link":
                    links.append(annot["/A"]["/URI"])
    return links


def test_every_link_of_the_screen_pdf_opens_its_items_page(
    app: Flask, world: World, edition: Edition
) -> None:
    links = _screen_links(app, edition)
    assert len(links) >= len(edition.snapshot["items"]) >= 2
    reader = _reader(app)
    for link in links:
        assert link.startswith(app.config["PUBLIC_BASE_URL"])
        page = reader.get(urlsplit(link).path)
        assert page.status_code == 200, link
        code = urlsplit(link).path.rsplit("/", 1)[1]
        assert code in page.get_data(as_text=True)


def test_the_pages_show_the_edition_in_the_readers_language(
    app: Flask, world: World, edition: Edition
) -> None:
    base = _base(world)
    english = _reader(app).get(f"{base}/").get_data(as_text=True)
    assert "Textiles (en)" in english and "Hand-woven silk scarf" in english
    spanish = _reader(app, "es").get(f"{base}/").get_data(as_text=True)
    assert "Textiles (es)" in spanish and "Bufanda de seda tejida" in spanish
    assert "not written in your language" not in spanish
    # French is not one of the edition's languages: its own texts, and a note saying so.
    french = _reader(app, "fr").get(f"{base}/").get_data(as_text=True)
    assert "Textiles (en)" in french
    assert 'role="status"' in french
    for item in edition.snapshot["items"]:
        page = _reader(app, "es").get(f"{base}/items/{item['code']}")
        assert page.status_code == 200
        assert item["name"]["es"] in page.get_data(as_text=True)


def test_the_web_shows_the_frozen_edition_not_later_edits(
    app: Flask, world: World, edition: Edition
) -> None:
    from catalogue.products import services as product_services
    from catalogue.products.models import Product

    item = edition.snapshot["items"][0]
    with app.app_context():
        product = db.session.get(Product, item["sources"][0]["product_id"])
        assert product is not None
        product_services.set_text(product, "en", {"name": "Renamed later", "description": "x"})
        db.session.commit()
    page = _reader(app).get(f"{_base(world)}/items/{item['code']}").get_data(as_text=True)
    assert item["name"]["en"] in page and "Renamed later" not in page


def _signed_in(app: Flask, world: World, role: str) -> FlaskClient:
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def _sharing_post(client: FlaskClient, path: str, data: dict[str, str]) -> str:
    token = csrf_from(client, path)
    name = "invite-csrf_token" if data.get("what") == "invite" else "csrf_token"
    name = "link-csrf_token" if data.get("what") == "link" else name
    answer = client.post(path, data={name: token, **data}, follow_redirects=True)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    return answer.get_data(as_text=True)


def test_a_wholesale_catalogue_opens_only_for_its_people_and_share_links(
    app: Flask, world: World, private_edition: Edition
) -> None:
    base = _base(world)
    item = private_edition.snapshot["items"][0]
    price = item["price"]["min"]
    photo = item["photo"]
    closed = [
        f"{base}/",
        f"{base}/items/{item['code']}",
        f"{base}/theme.css",
        f"{base}/photos/screen/{photo['screen_sha256']}.jpg",
    ]
    buyer = _signed_in(app, world, "buyer")
    for client in (_reader(app), buyer, _signed_in(app, world, "producer")):
        for path in closed:
            assert client.get(path).status_code == 404, path
    assert f"{base}/" not in _reader(app).get("/sitemap.xml").get_data(as_text=True)
    assert world.catalogue_slug not in buyer.get("/dashboard").get_data(as_text=True)

    facilitator = _signed_in(app, world, "facilitator")
    page = facilitator.get(f"{base}/items/{item['code']}").get_data(as_text=True)
    assert "wholesale, per unit" in page and price in page.replace(",", "")

    # Invited, the buyer opens it, sees its prices and finds it on her dashboard.
    sharing = f"/n/{world.network}/manage/catalogues/{world.catalogue_slug}/sharing"
    buyer_id = re.search(
        r'<option value="(\d+)">buyer &lt;buyer@', facilitator.get(sharing).get_data(as_text=True)
    ).group(1)
    _sharing_post(facilitator, sharing, {"what": "invite", "invite-buyer": buyer_id})
    page = buyer.get(f"{base}/items/{item['code']}").get_data(as_text=True)
    assert "wholesale, per unit" in page and price in page.replace(",", "")
    assert f'href="{base}/"' in buyer.get("/dashboard").get_data(as_text=True)

    # A share link opens it without signing in, page after page, until it is revoked.
    shown = _sharing_post(facilitator, sharing, {"what": "link", "link-label": "Fair in Lyon"})
    link = re.search(r"(https?://\S+\?share=[\w-]+)", shown).group(1)
    visitor = _reader(app)
    assert visitor.get(urlsplit(link).path + "?" + urlsplit(link).query).status_code == 200
    assert visitor.get(f"{base}/items/{item['code']}").status_code == 200
    assert _reader(app).get(f"{base}/items/{item['code']}").status_code == 404  # not kept
    assert _reader(app).get(f"{base}/?share=not-the-token").status_code == 404
    link_id = re.search(
        r'name="action" value="revoke"><input type="hidden" name="row_id" value="(\d+)"',
        facilitator.get(sharing).get_data(as_text=True),
    ).group(1)
    _sharing_post(facilitator, sharing, {"what": "row", "action": "revoke", "row_id": link_id})
    assert visitor.get(f"{base}/items/{item['code']}").status_code == 404
    assert _reader(app).get(urlsplit(link).path + "?" + urlsplit(link).query).status_code == 404

    # Taken back, the invitation no longer opens it.
    _sharing_post(facilitator, sharing, {"what": "row", "action": "uninvite", "row_id": buyer_id})
    assert buyer.get(f"{base}/").status_code == 404
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"catalogue.invite", "catalogue.uninvite", "catalogue.share_link"} <= actions
    assert "catalogue.share_revoke" in actions


def test_a_public_product_page_shows_no_wholesale_price(app: Flask, world: World) -> None:
    page = _reader(app).get(f"/n/{world.network}/products/{world.product_a}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Wholesale" not in text and "$" not in text


def test_no_page_shows_a_producers_contact_details(
    app: Flask, world: World, edition: Edition
) -> None:
    base = _base(world)
    snapshot = edition.snapshot
    paths = [f"{base}/", f"{base}/theme.css"]
    paths += [f"{base}/sections/{s['key']}" for s in snapshot["sections"]]
    paths += [f"{base}/items/{i['code']}" for i in snapshot["items"]]
    paths += [f"{base}/producers/{p['slug']}" for p in snapshot["producers"]]
    buyer = app.test_client()
    assert login(buyer, world.emails["buyer"], PASSWORD).status_code == 302
    for client in (_reader(app), buyer):
        for path in paths:
            answer = client.get(path)
            assert answer.status_code == 200, path
            text = answer.get_data(as_text=True)
            for secret in CONTACTS:
                assert secret not in text, (path, secret)


def test_photos_are_web_sized_copies_of_the_edition_only(
    app: Flask, world: World, edition: Edition
) -> None:
    base = _base(world)
    reader = _reader(app)
    page = reader.get(f"{base}/items/{edition.snapshot['items'][0]['code']}")
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', page.get_data(as_text=True))
    urls = {u.split(" ")[0] for s in sources for u in s.split(", ") if "/photos/" in u}
    assert any("/photos/screen/" in u for u in urls) and any("/photos/web/" in u for u in urls)
    for url in urls:
        answer = reader.get(url)
        assert answer.status_code == 200 and answer.mimetype == "image/jpeg", url
        answer.close()
    photo = edition.snapshot["items"][0]["photo"]
    assert reader.get(f"{base}/photos/web/{photo['print_sha256']}.jpg").status_code == 404
    assert reader.get(f"{base}/photos/print/{photo['print_sha256']}.jpg").status_code == 404
    assert reader.get(f"{base}/photos/web/{'0' * 64}.jpg").status_code == 404
    assert reader.get(f"{base}/photos/web/..%2Fsecret.jpg").status_code == 404


def test_what_does_not_exist_answers_404(app: Flask, world: World, edition: Edition) -> None:
    base = _base(world)
    reader = _reader(app)
    assert reader.get(f"{base}/items/WG-999").status_code == 404
    assert reader.get(f"{base}/sections/nothing-here").status_code == 404
    assert reader.get(f"{base}/producers/nobody").status_code == 404
    assert reader.get(f"/c/{world.network}/not-a-catalogue/").status_code == 404
    assert reader.get(f"/c/not-a-network/{world.catalogue_slug}/").status_code == 404


def test_a_catalogue_never_published_has_no_pages(app: Flask, world: World) -> None:
    assert _reader(app).get(f"{_base(world)}/").status_code == 404


def test_link_previews_and_search_engines_find_the_published_pages_only(
    app: Flask, world: World, edition: Edition
) -> None:
    base, public = _base(world), app.config["PUBLIC_BASE_URL"].rstrip("/")
    reader = _reader(app)
    item = edition.snapshot["items"][0]
    page = reader.get(f"{base}/items/{item['code']}").get_data(as_text=True)
    assert f'<link rel="canonical" href="{public}{base}/items/{item["code"]}">' in page
    image = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert image.startswith(f"{public}{base}/photos/screen/")
    assert item["photo"]["print_sha256"] not in image
    answer = reader.get(image.removeprefix(public))
    assert answer.status_code == 200 and answer.mimetype == "image/jpeg"
    answer.close()
    assert re.search(r'<meta name="description" content="[^"]+">', page)
    assert re.search(r'<meta property="og:title" content="[^"]+">', page)

    sitemap = reader.get("/sitemap.xml")
    assert sitemap.status_code == 200 and sitemap.mimetype == "application/xml"
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.get_data(as_text=True))
    expected = {f"{public}{base}/"} | {
        f"{public}{base}/items/{i['code']}" for i in edition.snapshot["items"]
    }
    assert expected <= set(locations)
    assert all(loc.startswith(f"{public}/c/") for loc in locations)
    for loc in locations:
        assert reader.get(loc.removeprefix(public)).status_code == 200, loc

    robots = reader.get("/robots.txt").get_data(as_text=True)
    assert "Disallow: /api/" in robots and f"Sitemap: {public}/sitemap.xml" in robots
    icon = reader.get("/favicon.ico")
    assert icon.status_code == 200 and icon.data[:4] == b"\x00\x00\x01\x00"


def test_the_sitemap_leaves_out_catalogues_never_published(app: Flask, world: World) -> None:
    sitemap = _reader(app).get("/sitemap.xml").get_data(as_text=True)
    assert "<loc>" not in sitemap and world.catalogue_slug not in sitemap


def test_pages_of_a_frozen_edition_carry_validators(
    app: Flask, world: World, edition: Edition
) -> None:
    reader = _reader(app)
    path = f"{_base(world)}/items/{edition.snapshot['items'][0]['code']}"
    first = reader.get(path)
    assert first.status_code == 200 and first.headers.get("ETag")
    assert "private" in first.headers["Cache-Control"]
    assert "max-age=" in first.headers["Cache-Control"]
    again = reader.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = reader.get(path, headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200
