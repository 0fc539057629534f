"""Shared set-up for the catalogue builder's tests: the test world, its catalogue, more products."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.catalogues.models import Catalogue
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products import services as product_services
from catalogue.products.models import Product, ProductStatus
from tests.conftest import login
from tests.factories import PASSWORD, World, build_world, make_product


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


@pytest.fixture
def session(app: Flask, world: World) -> Iterator[Session]:
    """The app's session inside a request context (services build fix-it links with url_for)."""
    with app.test_request_context():
        yield db.session


def catalogue_of(session: Session, world: World) -> Catalogue:
    return session.scalar(select(Catalogue).where(Catalogue.slug == world.catalogue_slug))


def producer(session: Session, slug: str) -> Producer:
    return session.scalar(select(Producer).where(Producer.slug == slug))


def product(
    session: Session,
    owner: Producer,
    sku: str,
    *,
    name: str = "Thing",
    category: str = "jewellery",
    tags: tuple[str, ...] = (),
    status: ProductStatus = ProductStatus.APPROVED,
    units: int = 20,
    prices: tuple[str, str, str] = ("USD", "10", "12"),
    description: str = "Hand made.",
) -> Product:
    """An approved (by default) product with text, capacity and a price range."""
    item = make_product(session, owner, sku, name=name, status=status)
    product_services.upsert_product(
        session,
        owner,
        sku,
        {"category": category, "tags": list(tags)},
        actor=None,
        status=status.value,
    )
    product_services.set_text(item, "en", {"name": name, "description": description})
    product_services.set_capacity(session, item, {"units_per_month": units}, actor=None)
    item.price_ranges.clear()
    session.flush()
    currency, low, high = prices
    product_services.set_price_range(
        session, item, currency, {"wholesale_min": low, "wholesale_max": high}, actor=None
    )
    session.flush()
    return item


def client_for(app: Flask, world: World, role: str = "facilitator") -> FlaskClient:
    client = app.test_client()
    assert login(client, world.emails[role], PASSWORD).status_code == 302
    return client


def money(text: str) -> Decimal:
    return Decimal(text)
