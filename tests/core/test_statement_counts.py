"""Pages load with a fixed number of SQL statements, whatever the size of the network.

Two networks, one ten times the other, are built once for this module in a database of their
own (rows inserted in bulk: building 300 products through the services would take minutes). Each
page is requested in both and the statements it executes are counted with an SQLAlchemy
``before_cursor_execute`` listener: the counts may differ by at most 2 (issue 8: "SQL statements
per page the same at 30 and 1,000 products (± 2)"). Lists that grow with the network are paged or
grouped, so the network page's HTML stays within a budget too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from catalogue.auth.models import Role
from catalogue.catalogues.models import CatalogueItem, ItemSource
from catalogue.core import migrate
from catalogue.extensions import db
from catalogue.media.models import DerivativeKind, ImageDerivative, ImageStatus, ProductImage
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products.models import (
    Capacity,
    PriceRange,
    PriceTier,
    Product,
    ProductCost,
    ProductStatus,
    ProductText,
)
from tests.conftest import Databases, build_app, login
from tests.factories import PASSWORD, make_catalogue, make_network, make_user

SMALL, LARGE = 30, 300
PRODUCTS_PER_PRODUCER = 10
# The public network page on a phone: paged, so it weighs the same at any size.
NETWORK_PAGE_BUDGET = 60 * 1024
CATEGORIES = ("jewellery", "textiles", "ceramics", "food")
DERIVATIVES = {
    DerivativeKind.THUMB: (400, 300),
    DerivativeKind.WEB: (1600, 1200),
    DerivativeKind.SCREEN: (1200, 900),
    DerivativeKind.PRINT: (2400, 1800),
}


@dataclass
class Sized:
    """One network built at one size, and what its pages need."""

    network: str
    producer: str
    product_id: int
    catalogue: str
    products: int
    facilitator: str = ""
    submitted: list[int] = field(default_factory=list)


def _sha(*parts: object) -> str:
    return hashlib.sha256("-".join(map(str, parts)).encode()).hexdigest()


def _product(producer: Producer, number: int, status: ProductStatus) -> Product:
    """A product with texts in two languages, capacity, prices with a tier, a cost and a photo
    with every derivative (rows only: no page here reads the files)."""
    sku = f"{producer.slug.upper()}-{number:04d}"
    product = Product(
        producer=producer,
        sku=sku,
        category=CATEGORIES[number % len(CATEGORIES)],
        colours=["red"],
        materials=["silver"],
        status=status,
    )
    product.texts = [
        ProductText(locale="en", name=f"Thing {sku}", description="Hand made.", story="A story."),
        ProductText(locale="es", name=f"Cosa {sku}", description="Hecho a mano."),
    ]
    product.capacity = Capacity(units_per_month=10 + number % 7, min_order=2)
    price = PriceRange(
        currency="USD",
        wholesale_min=Decimal(10 + number % 9),
        wholesale_max=Decimal(14 + number % 9),
        retail_min=Decimal(25),
        retail_max=Decimal(30),
    )
    price.tiers = [PriceTier(min_quantity=10, unit_price=Decimal(9))]
    product.price_ranges = [price]
    product.cost = ProductCost(
        currency="USD", materials=Decimal(3), hours=Decimal(1), hourly_rate=Decimal(2)
    )
    image = ProductImage(
        sha256=_sha(sku, "original"),
        mime="image/jpeg",
        width=2400,
        height=1800,
        byte_size=1000,
        is_cover=True,
        status=ImageStatus.READY,
        alt_text={"en": "A thing"},
    )
    image.derivatives = [
        ImageDerivative(kind=kind, sha256=_sha(sku, kind), width=w, height=h, byte_size=100)
        for kind, (w, h) in DERIVATIVES.items()
    ]
    product.images = [image]
    return product


def _pending_change(live: Product) -> Product:
    """A producer's edit of an approved product, waiting for review."""
    draft = _product(live.producer, 9000 + live.id, ProductStatus.SUBMITTED)
    draft.sku = live.sku
    draft.draft_of_id = live.id
    draft.texts[0].name = f"{live.texts[0].name} (new)"
    return draft


def build_network(app: Flask, slug: str, size: int) -> Sized:
    """A network of ``size`` approved products (a tenth more waiting for review, a tenth of
    the approved ones with a pending change) and a catalogue holding every approved one, a few
    of them pooled."""
    with app.test_request_context():
        session = db.session
        network = make_network(session, slug)
        producers = []
        for p in range(size // PRODUCTS_PER_PRODUCER):
            producer = Producer(
                network_id=network.id,
                slug=f"{slug}-p{p:03d}",
                display_name=f"Taller {p:03d}",
                region=("Elqui", "Limarí", "Choapa")[p % 3],
                economy="CL",
                story={"en": "Our story."},
                consent_public_profile=True,
            )
            producer.contact = ProducerContact(owner_names=f"Owner {p}", phone="+56 9 5550 0000")
            producers.append(producer)
        session.add_all(producers)
        approved = [
            _product(producers[n % len(producers)], n, ProductStatus.APPROVED) for n in range(size)
        ]
        submitted = [
            _product(producers[n % len(producers)], size + n, ProductStatus.SUBMITTED)
            for n in range(size // 10)
        ]
        session.add_all(approved + submitted)
        session.flush()
        session.add_all([_pending_change(live) for live in approved[::10]])
        facilitator = make_user(session, network, Role.FACILITATOR, f"facilitator@{slug}.example")
        catalogue = make_catalogue(session, network, facilitator, slug=f"{slug}-gifts")
        items = []
        number = 0
        pooled = {id(a): b for a, b in zip(approved[1:20:4], approved[2:20:4], strict=True)}
        pooled_away = {id(b) for b in pooled.values()}
        for product in approved:
            if id(product) in pooled_away:
                continue
            number += 1
            item = CatalogueItem(
                catalogue_id=catalogue.id,
                code=f"WG-{number:03d}",
                position=number,
                added_by_rule=True,
            )
            item.sources = [ItemSource(product_id=product.id, position=0)]
            if id(product) in pooled:
                item.sources.append(ItemSource(product_id=pooled[id(product)].id, position=1))
            items.append(item)
        catalogue.next_code_number = number + 1
        session.add_all(items)
        session.commit()
        return Sized(
            network=slug,
            producer=producers[0].slug,
            product_id=approved[0].id,
            catalogue=catalogue.slug,
            products=size,
            facilitator=facilitator.email,
            submitted=[p.id for p in submitted],
        )


@pytest.fixture(scope="module")
def counted_app(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app on a database of its own, holding a small and a large network. The page cache is
    off: what is counted is the page being made (a kept page is counted in test_page_cache)."""
    app = build_app(
        databases.new(), Path(tmp_path_factory.mktemp("statement-counts")), PAGE_CACHE_SIZE=0
    )
    migrate.upgrade(app)
    app.config["NETWORKS"] = {
        "small": build_network(app, "small", SMALL),
        "large": build_network(app, "large", LARGE),
    }
    yield app


class Counter:
    """The SQL statements executed on the app's engine while it is active."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.statements.append(statement)


def statements(app: Flask, client: FlaskClient, path: str) -> tuple[int, bytes, list[str]]:
    """How many statements ``GET path`` executes, and the page."""
    counter = Counter()
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        response = client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    assert response.status_code == 200, (path, response.status_code)
    return len(counter.statements), response.get_data(), counter.statements


def _client(app: Flask, sized: Sized | None = None) -> FlaskClient:
    client = app.test_client()
    if sized is not None:
        assert login(client, sized.facilitator, PASSWORD).status_code == 302
    return client


PUBLIC_PAGES = {
    "network page": "/n/{s.network}/",
    "product page": "/n/{s.network}/products/{s.product_id}",
    "producer page": "/n/{s.network}/producers/{s.producer}",
    "home page": "/",
}
FACILITATOR_PAGES = {
    "check step": "/n/{s.network}/manage/catalogues/{s.catalogue}/check",
    "arrangement step": "/n/{s.network}/manage/catalogues/{s.catalogue}/arrangement",
    "pricing step": "/n/{s.network}/manage/catalogues/{s.catalogue}/pricing",
    "selection step": "/n/{s.network}/manage/catalogues/{s.catalogue}/selection",
    "pooling step": "/n/{s.network}/manage/catalogues/{s.catalogue}/pooling",
    "publish page": "/n/{s.network}/manage/catalogues/{s.catalogue}/publish",
    "review queue": "/n/{s.network}/review/",
    "producers table": "/n/{s.network}/manage/producers",
    "dashboard": "/dashboard",
}


def _counts(app: Flask, pages: dict[str, str], signed_in: bool) -> dict[str, tuple[int, int]]:
    sizes = app.config["NETWORKS"]
    found: dict[str, list[int]] = {name: [] for name in pages}
    for key in ("small", "large"):
        sized = sizes[key]
        client = _client(app, sized if signed_in else None)
        for name, path in pages.items():
            url = path.format(s=sized)
            statements(app, client, url)  # warm: first-request caches (themes, fonts)
            found[name].append(statements(app, client, url)[0])
    return {name: (small, large) for name, (small, large) in found.items()}


def test_public_pages_execute_as_many_statements_at_any_size(counted_app: Flask) -> None:
    counts = _counts(counted_app, PUBLIC_PAGES, signed_in=False)
    grown = {name: c for name, c in counts.items() if abs(c[1] - c[0]) > 2}
    assert not grown, f"statements at {SMALL} and {LARGE} products: {grown} (all: {counts})"


def test_builder_and_facilitator_pages_execute_as_many_statements_at_any_size(
    counted_app: Flask,
) -> None:
    counts = _counts(counted_app, FACILITATOR_PAGES, signed_in=True)
    grown = {name: c for name, c in counts.items() if abs(c[1] - c[0]) > 2}
    assert not grown, f"statements at {SMALL} and {LARGE} products: {grown} (all: {counts})"


def _pages(app: Flask, client: FlaskClient, first: str) -> list[str]:
    """Every page of a paged list, following its "next page" links from ``first``."""
    pages, url = [], first
    while url:
        _count, html, _statements = statements(app, client, url)
        page = html.decode()
        pages.append(page)
        found = re.search(r'<a rel="next" href="([^"]+)"', page)
        url = found.group(1).replace("&amp;", "&") if found else ""
        assert len(pages) < 100, "the next-page links go round in circles"
    return pages


def test_the_network_page_lists_every_producer_once_a_page_at_a_time(counted_app: Flask) -> None:
    large = counted_app.config["NETWORKS"]["large"]
    client = _client(counted_app)
    pages = _pages(counted_app, client, f"/n/{large.network}/")
    assert len(pages) > 1
    for page in pages:
        assert len(page.encode()) <= NETWORK_PAGE_BUDGET
        assert "(new)" not in page  # pending changes are never public
    producers = [name for page in pages for name in re.findall(r">(Taller \d+)</a>", page)]
    assert len(producers) == len(set(producers)) == LARGE // PRODUCTS_PER_PRODUCER
    assert f"See all {PRODUCTS_PER_PRODUCER} products" in pages[0]  # her own page has them all
    assert client.get(f"/n/{large.network}/?page={len(pages) + 1}").status_code == 404
    assert client.get(f"/n/{large.network}/?page=two").status_code == 200  # page 1


def test_page_links_speak_the_readers_language(counted_app: Flask) -> None:
    large = counted_app.config["NETWORKS"]["large"]
    for lang, words in {"es": "Página siguiente", "fr": "Page suivante", "vi": "Trang sau"}.items():
        client = _client(counted_app)
        page = client.get(f"/n/{large.network}/", headers={"Accept-Language": lang})
        assert words in page.get_data(as_text=True), lang


def test_a_producers_products_are_paged_on_her_own_page(counted_app: Flask) -> None:
    large = counted_app.config["NETWORKS"]["large"]
    client = _client(counted_app)
    pages = _pages(counted_app, client, f"/n/{large.network}/producers/{large.producer}")
    names = [name for page in pages for name in re.findall(r'class="name">([^<]+)<', page)]
    assert len(names) == len(set(names)) == PRODUCTS_PER_PRODUCER
    assert not any("(new)" in name for name in names)


def test_the_arrangement_is_paged_and_a_move_comes_back_to_its_page(counted_app: Flask) -> None:
    large = counted_app.config["NETWORKS"]["large"]
    client = _client(counted_app, large)
    base = f"/n/{large.network}/manage/catalogues/{large.catalogue}/arrangement"
    pages = _pages(counted_app, client, base)
    codes = [code for page in pages for code in re.findall(r"<tr><td>(WG-\d+)", page)]
    assert len(pages) > 1 and len(codes) == len(set(codes))
    second = pages[1]
    item_id = re.search(r'name="item_id" value="(\d+)"', second).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', second).group(1)
    moved = client.post(
        f"{base}?page=2", data={"csrf_token": token, "action": "down", "item_id": item_id}
    )
    assert moved.status_code == 302 and moved.location.endswith("?page=2")


def test_the_selection_is_paged_and_a_button_comes_back_to_its_page(counted_app: Flask) -> None:
    large = counted_app.config["NETWORKS"]["large"]
    client = _client(counted_app, large)
    base = f"/n/{large.network}/manage/catalogues/{large.catalogue}/selection"
    pages = _pages(counted_app, client, base)
    # Each item once, on one page (the rows of the items table; the matches above show codes too).
    codes = [code for page in pages for code in re.findall(r"<tr>\s+<td>(WG-\d+)", page)]
    assert len(pages) > 1 and len(codes) == len(set(codes)) > 50
    # The products the rules match: counted in all, listed only the first few.
    first = pages[0]
    assert "matching products." in first
    assert all(len(page.encode()) <= 4 * NETWORK_PAGE_BUDGET for page in pages)
    second = pages[1]
    item_id = re.search(r'name="item_id" value="(\d+)"', second).group(1)
    token = re.search(r'name="csrf_token" value="([^"]+)"', second).group(1)
    pinned = client.post(
        f"{base}?page=2", data={"csrf_token": token, "action": "pin", "item_id": item_id}
    )
    assert pinned.status_code == 302 and pinned.location.endswith("?page=2")
    assert "pinned" in client.get(pinned.location).get_data(as_text=True)
