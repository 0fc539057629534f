"""A catalogue ready to publish: approved products with real photos (every derivative)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.catalogues import selection
from catalogue.catalogues import services as catalogue_services
from catalogue.catalogues.models import Catalogue
from catalogue.editions import services as editions
from catalogue.extensions import db
from catalogue.media.models import ProductImage
from catalogue.media.pipeline import make_derivatives
from catalogue.producers.models import Producer
from catalogue.products import services as product_services
from catalogue.products.models import Product
from tests.exports.conftest import qpdf_check
from tests.factories import World, build_world, store_photo


def photo_bytes(seed: int, size: tuple[int, int] = (2400, 1800)) -> bytes:
    """A JPEG with some structure (bands and a disc), different for every seed."""
    image = Image.new("RGB", size, (40 + seed * 37 % 200, 90, 140 + seed * 11 % 100))
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 160):
        draw.rectangle((x, 0, x + 60, size[1]), fill=(200, 150 + seed % 100, 90))
    draw.ellipse((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(250, 240, 220))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def add_photo(session: Session, product: Product, seed: int, size=(2400, 1800)) -> ProductImage:
    """A ready photo with all four derivatives, made by the real pipeline."""
    data = photo_bytes(seed, size)
    return store_photo(session, product, data, size, make_derivatives(data))


def add_product(
    session: Session,
    producer: Producer,
    sku: str,
    names: dict[str, str],
    *,
    seed: int,
    photo: bool = True,
    price: tuple[str, str] = ("10", "12"),
) -> Product:
    product, _new = product_services.upsert_product(
        session, producer, sku, {"category": "textiles"}, actor=None, status="approved"
    )
    for locale, name in names.items():
        product_services.set_text(product, locale, {"name": name, "description": "Hand woven."})
    product_services.set_capacity(
        session, product, {"units_per_month": 30, "min_order": 2}, actor=None
    )
    product_services.set_price_range(
        session, product, "USD", {"wholesale_min": price[0], "wholesale_max": price[1]}, actor=None
    )
    session.flush()
    if photo:
        add_photo(session, product, seed)
    return product


@dataclass
class Ready:
    world: World
    catalogue_id: int
    facilitator_id: int


def ready_catalogue(
    session: Session, world: World, *, locales: list[str], names: list[dict[str, str]]
) -> Catalogue:
    """The world's catalogue, narrowed to textiles, with the given products, priced in USD."""
    a = session.scalar(select(Producer).where(Producer.slug == world.producer_a))
    for index, text in enumerate(names):
        add_product(session, a, f"TX-{index:03d}", text, seed=index)
    catalogue = session.scalar(select(Catalogue).where(Catalogue.slug == world.catalogue_slug))
    actor = session.scalar(select(User).where(User.email == world.emails["facilitator"]))
    title = {loc: f"Textiles ({loc})" for loc in locales}
    catalogue_services.update_settings(
        session,
        catalogue,
        {
            "title": title,
            "intro": {loc: "Woven by hand." for loc in locales},
            "locales": locales,
            "kind": "theme",
            "market": "b2b",
            "format": "booklet",
            "theme": "default",
            "layout": "grid4",
            "stories": "producer",
        },
        actor,
    )
    selection.apply_rules(session, catalogue, {"categories": ["textiles"]})
    catalogue_services.set_pricing(
        session,
        catalogue,
        {
            "currency": "USD",
            "markup_percent": "20",
            "rounding_step": "0.50",
            "price_display": "range",
            "how_to_order": {loc: "Order by item code." for loc in locales},
        },
        actor,
    )
    session.flush()
    return catalogue


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.fixture
def session(app: Flask, world: World) -> Iterator[Session]:
    with app.test_request_context():
        yield db.session


def folder(catalogue: Catalogue, number: int | str) -> Path:
    return editions.edition_dir(catalogue, number)


def check_published_files(out: Path) -> dict:
    """``qpdf --check`` every PDF an edition folder's manifest lists (print, print.<lang>,
    screen, imposed), and that there is no other; the manifest."""
    manifest = json.loads((out / "manifest.json").read_text())
    listed = sorted(f["name"] for f in manifest["files"])
    assert sorted(p.name for p in out.glob("*.pdf")) == listed
    qpdf_check(*(out / name for name in listed))
    return manifest


@pytest.fixture(autouse=True)
def _own_exports(app: Flask, tmp_path: Path) -> Iterator[Path]:
    """Each test publishes into its own exports folder (the database is rolled back, files not)."""
    old = app.config["EXPORTS_DIR"]
    app.config["EXPORTS_DIR"] = str(tmp_path / "exports")
    yield tmp_path / "exports"
    app.config["EXPORTS_DIR"] = old
