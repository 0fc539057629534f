"""Builders for test objects, through the same services the app uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

from flask import Flask
from PIL import Image
from sqlalchemy.orm import Session

from catalogue.auth import services as auth_services
from catalogue.auth.models import Role, User
from catalogue.catalogues.models import Catalogue
from catalogue.extensions import db
from catalogue.media.derivatives import Encoded, public_derivatives
from catalogue.media.models import DerivativeKind, ImageDerivative, ImageStatus, ProductImage
from catalogue.media.storage import get_storage
from catalogue.networks.models import Network
from catalogue.printshop.models import PrintShop
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products import services as product_services
from catalogue.products.models import Product, ProductStatus

PASSWORD = "correct-horse-battery"


def make_network(session: Session, slug: str = "testnet", currency: str = "USD") -> Network:
    network = Network(
        slug=slug,
        name=f"Network {slug}",
        country="CL",
        default_currency=currency,
        default_locale="en",
        locales=["en", "es"],
        description={"en": "A test network."},
    )
    session.add(network)
    session.flush()
    return network


def make_producer(
    session: Session, network: Network, slug: str, *, public: bool = True
) -> Producer:
    producer = Producer(
        network_id=network.id,
        slug=slug,
        display_name=f"Taller {slug}",
        region="Elqui",
        economy="CL",
        story={"en": f"The story of {slug}."},
        consent_public_profile=public,
    )
    session.add(producer)
    session.flush()
    session.add(
        ProducerContact(
            producer_id=producer.id,
            owner_names=f"Owner of {slug}",
            email=f"{slug}-private@example.org",
            phone="+56 9 5550 9999",
            address=f"Secret street 1, {slug}",
        )
    )
    session.flush()
    return producer


def make_product(
    session: Session,
    producer: Producer,
    sku: str,
    *,
    name: str = "Silver ring",
    status: ProductStatus = ProductStatus.APPROVED,
) -> Product:
    product, _new = product_services.upsert_product(
        session, producer, sku, {"category": "jewellery"}, actor=None, status=status.value
    )
    product_services.set_text(product, "en", {"name": name, "description": "Hand made."})
    product_services.set_capacity(
        session, product, {"units_per_month": 20, "min_order": 2}, actor=None
    )
    product_services.set_price_range(
        session, product, "USD", {"wholesale_min": "10", "wholesale_max": "12"}, actor=None
    )
    session.flush()
    return product


def add_photo(session: Session, product: Product) -> ProductImage:
    """A ready 1200 x 900 cover photo with its public (web and thumbnail) derivatives."""
    buffer = BytesIO()
    Image.new("RGB", (1200, 900), (180, 120, 60)).save(buffer, "JPEG")
    data = buffer.getvalue()
    return store_photo(session, product, data, (1200, 900), public_derivatives(data))


def second_photo(session: Session, product: Product) -> ProductImage:
    """Another ready photo (a different picture) for a product that has one."""
    buffer = BytesIO()
    Image.new("RGB", (1000, 800), (40, 90, 160)).save(buffer, "JPEG")
    data = buffer.getvalue()
    return store_photo(session, product, data, (1000, 800), public_derivatives(data))


def store_photo(
    session: Session,
    product: Product,
    data: bytes,
    size: tuple[int, int],
    derivatives: dict[DerivativeKind, Encoded],
) -> ProductImage:
    """``data`` stored as the product's ready cover photo, with ``derivatives``."""
    storage = get_storage()
    image = ProductImage(
        product=product,
        sha256=storage.put(data),
        mime="image/jpeg",
        width=size[0],
        height=size[1],
        byte_size=len(data),
        is_cover=True,
        status=ImageStatus.READY,
    )
    for kind, enc in derivatives.items():
        image.derivatives.append(
            ImageDerivative(
                kind=kind,
                sha256=storage.put(enc.data),
                width=enc.width,
                height=enc.height,
                byte_size=len(enc.data),
            )
        )
    session.add(image)
    session.flush()
    return image


def make_user(
    session: Session,
    network: Network,
    role: Role,
    email: str,
    *,
    producer: Producer | None = None,
    print_shop: PrintShop | None = None,
) -> User:
    user = auth_services.create_user(
        session, email=email, name=email.split("@")[0], password=PASSWORD
    )
    auth_services.add_membership(
        session, user, network, role, producer=producer, print_shop=print_shop
    )
    return user


def make_catalogue(
    session: Session, network: Network, actor: User, slug: str = "winter-gifts", **settings: object
) -> Catalogue:
    """A draft catalogue (no items yet) made through the builder's own service."""
    from catalogue.catalogues import services as catalogue_services
    from catalogue.catalogues.themechoice import available

    theme = available()[0]
    data = {
        "slug": slug,
        "title": {"en": "Winter gifts", "es": "Regalos de invierno"},
        "intro": {"en": "Warm things.", "es": "Cosas cálidas."},
        "locales": ["en", "es"],
        "kind": "event",
        "market": "b2b",
        "format": "booklet",
        "theme": theme.slug,
        "layout": theme.layouts[0],
        "stories": "producer",
        "code_prefix": "WG",
        **settings,
    }
    catalogue = catalogue_services.create_catalogue(session, network, data, actor)
    session.flush()
    return catalogue


@dataclass
class World:
    """One network with a user per role, two producers (A and B) and their products."""

    network: str
    producer_a: str
    producer_b: str
    product_a: int
    product_b: int
    image_a: int
    producer_a_id: int = 0
    producer_b_id: int = 0
    emails: dict[str, str] = field(default_factory=dict)
    catalogue_slug: str = ""


def build_world(app: Flask) -> World:
    with app.app_context():
        session = db.session
        network = make_network(session)
        a = make_producer(session, network, "rosa")
        b = make_producer(session, network, "carmen")
        product_a = make_product(session, a, "A-1")
        product_b = make_product(session, b, "B-1", name="Alpaca scarf")
        image = add_photo(session, product_a)
        shop = PrintShop(network_id=network.id, slug="imprenta", name="Imprenta")
        session.add(shop)
        session.flush()
        emails = {
            "admin": "admin@test.example",
            "facilitator": "facilitator@test.example",
            "producer": "rosa@test.example",
            "producer_b": "carmen@test.example",
            "buyer": "buyer@test.example",
            "print_shop": "print@test.example",
        }
        make_user(session, network, Role.ADMIN, emails["admin"])
        facilitator = make_user(session, network, Role.FACILITATOR, emails["facilitator"])
        catalogue = make_catalogue(session, network, facilitator)
        make_user(session, network, Role.PRODUCER, emails["producer"], producer=a)
        make_user(session, network, Role.PRODUCER, emails["producer_b"], producer=b)
        make_user(session, network, Role.BUYER, emails["buyer"])
        make_user(session, network, Role.PRINT_SHOP, emails["print_shop"], print_shop=shop)
        session.commit()
        return World(
            network.slug,
            a.slug,
            b.slug,
            product_a.id,
            product_b.id,
            image.id,
            producer_a_id=a.id,
            producer_b_id=b.id,
            emails=emails,
            catalogue_slug=catalogue.slug,
        )
