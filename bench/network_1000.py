"""A network of 1,000 products (and one of 30) made through the real import, for the benchmarks.

``build(root)`` makes a fresh instance folder under ``root`` (SQLite database, media, exports,
search index), creates the schema, then for each network:

- the network row and a facilitator (as ``catalogue demo`` does from its TOML);
- a CSV of producers and products (10 products per producer, texts, capacity, prices) and a zip
  of photos, applied by ``catalogue.imports.services.import_spreadsheet`` - the code behind the
  import page and ``catalogue import`` - in batches of 500 rows (a zip may hold 500 MB);
- booklet catalogues holding every product, built through the builder's services
  (``create_catalogue``, ``apply_rules``, ``set_pricing``), as ``catalogue.demo.catalogues``
  builds the sample ones.

The photos are the 1,000 distinct print-size JPEGs of ``bench_catalogue_pdf`` (2126 x 1594,
quality 92, cached under ``bench/results/cache/``): each product has a photo as large as the
print copy needs, so publishing does what it does for a real network.

``python -m bench.network_1000 DIR`` builds one and prints the environment to serve it with.
"""

from __future__ import annotations

import csv
import io
import sys
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from flask import Flask

from bench.bench_catalogue_pdf import CACHE as PHOTO_CACHE
from bench.bench_catalogue_pdf import _photos as print_photos

PASSWORD = "bench-only-password-2026"
SECRET_KEY = "bench-secret-key-not-for-production"
PER_PRODUCER = 10
BATCH = 500
CATEGORIES = ("jewellery", "textiles", "ceramics", "food", "beauty", "homeware", "baskets")
REGIONS = ("Elqui", "Limarí", "Choapa", "Huasco", "Copiapó")


@dataclass
class Network:
    slug: str
    products: int
    facilitator: str
    catalogues: list[str]
    product_id: int = 0  # a public product page
    producer: str = ""


@dataclass
class Built:
    root: Path
    config: dict[str, str]
    networks: dict[int, Network] = field(default_factory=dict)
    import_seconds: dict[int, float] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        """``CATALOGUE_*`` variables for a process (gunicorn, ``catalogue publish``) on it."""
        return {f"CATALOGUE_{k}": v for k, v in self.config.items()}

    def app(self, **overrides: object) -> Flask:
        from catalogue import create_app

        return create_app({**self.config, **overrides})


def _config(root: Path) -> dict[str, str]:
    instance = root / "instance"
    instance.mkdir(parents=True, exist_ok=True)
    return {
        "INSTANCE_PATH": str(instance),
        "DATABASE_URL": f"sqlite:///{instance / 'catalogue.sqlite3'}",
        "SECRET_KEY": SECRET_KEY,
        "MEDIA_DIR": str(root / "media"),
        "EXPORTS_DIR": str(root / "exports"),
        "SEARCH_INDEX_DIR": str(root / "search-index"),
        "JOB_RUNNER": "inline",
    }


def _rows(slug: str, first: int, count: int, photo_names: list[str]) -> bytes:
    """CSV rows for products ``first`` .. ``first + count - 1`` of network ``slug``."""
    out = io.StringIO()
    columns = [
        "producer_slug",
        "producer_name",
        "region",
        "economy",
        "consent_public_profile",
        "story_en",
        "sku",
        "category",
        "status",
        "colours",
        "materials",
        "name_en",
        "description_en",
        "units_per_month",
        "lead_time_days",
        "min_order",
        "case_multiple",
        "wholesale_min",
        "wholesale_max",
        "retail_min",
        "retail_max",
        "photos",
    ]
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for n in range(first, first + count):
        p = n // PER_PRODUCER
        category = CATEGORIES[n % len(CATEGORIES)]
        writer.writerow(
            {
                "producer_slug": f"{slug}-p{p:03d}",
                "producer_name": f"Taller {p:03d}",
                "region": REGIONS[p % len(REGIONS)],
                "economy": "CL",
                "consent_public_profile": "yes",
                "story_en": "She learnt the craft from her mother and now teaches it. " * 3,
                "sku": f"{slug.upper()}-{n:04d}",
                "category": category,
                "status": "approved",
                "colours": "red, blue",
                "materials": "wool, silver",
                "name_en": f"{category.capitalize()} piece {n}",
                "description_en": f"Made by hand in small batches from local materials; item {n}.",
                "units_per_month": 20 + n % 150,
                "lead_time_days": 14 + n % 3 * 7,
                "min_order": 2 + n % 5,
                "case_multiple": 1 + n % 3,
                "wholesale_min": f"{10 + n % 20}.00",
                "wholesale_max": f"{14 + n % 20}.50",
                "retail_min": f"{25 + n % 20}.00",
                "retail_max": f"{30 + n % 20}.00",
                "photos": photo_names[n - first],
            }
        )
    return out.getvalue().encode()


def _zip(path: Path, photos: list[dict], names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for photo, name in zip(photos, names, strict=True):
            archive.write(PHOTO_CACHE / photo["print_sha256"], name)
    return path


def _network(app: Flask, slug: str) -> tuple[int, str]:
    """The network row and its facilitator (what ``catalogue demo`` takes from its TOML)."""
    from catalogue.auth import services as auth_services
    from catalogue.auth.models import Role
    from catalogue.extensions import db
    from catalogue.networks.models import Network as NetworkRow

    with app.test_request_context():
        session = db.session
        network = NetworkRow(
            slug=slug,
            name=f"Bench network {slug}",
            country="CL",
            city="La Serena",
            default_currency="USD",
            default_locale="en",
            locales=["en"],
            description={"en": "Small producers selling together through themed catalogues."},
        )
        session.add(network)
        session.flush()
        email = f"facilitator@{slug}.example"
        user = auth_services.create_user(
            session, email=email, name="Bench Facilitator", password=PASSWORD, locale="en"
        )
        auth_services.add_membership(session, user, network, Role.FACILITATOR)
        session.commit()
        return network.id, email


def _import(app: Flask, network_id: int, csv_data: bytes, name: str, photos: Path) -> None:
    from catalogue.extensions import db
    from catalogue.imports.services import import_spreadsheet
    from catalogue.networks.models import Network as NetworkRow

    with app.test_request_context():
        network = db.session.get(NetworkRow, network_id)
        result = import_spreadsheet(db.session, network, csv_data, name, photos, dry_run=False)
        if not result.ok:
            raise RuntimeError(f"import refused: {result.problems[:5]}")
        db.session.commit()


def _catalogues(
    app: Flask, network_id: int, email: str, slugs: list[str], retail: tuple[str, ...] = ()
) -> tuple[int, str]:
    """Booklets of every product (wholesale; those named in ``retail`` retail, so public on the
    web); returns a product id and a producer slug for the pages."""
    from sqlalchemy import select

    from catalogue.auth.models import User
    from catalogue.catalogues import selection, services
    from catalogue.extensions import db
    from catalogue.networks.models import Network as NetworkRow
    from catalogue.producers.models import Producer
    from catalogue.products.models import Product

    today = date.today()
    with app.test_request_context():
        session = db.session
        network = session.get(NetworkRow, network_id)
        actor = session.scalar(select(User).where(User.email == email))
        for slug in slugs:
            catalogue = services.create_catalogue(
                session,
                network,
                {
                    "slug": slug,
                    "theme": "default",
                    "kind": "theme",
                    "market": "b2c" if slug in retail else "b2b",
                    "format": "booklet",
                    "layout": "grid4",
                    "stories": "producer",
                    "code_prefix": "BK",
                    "locales": ["en"],
                    "title": {"en": "Made by hand, a thousand ways"},
                    "intro": {"en": "Every product of the network, by category."},
                },
                actor,
            )
            selection.apply_rules(session, catalogue, {"categories": list(CATEGORIES)})
            services.set_pricing(
                session,
                catalogue,
                {
                    "currency": "USD",
                    "markup_percent": "20",
                    "rounding_step": "0.50",
                    "price_display": "range",
                    "order_opens_on": today.isoformat(),
                    "order_closes_on": (today + timedelta(days=60)).isoformat(),
                    "how_to_order": {"en": "Order by item code with the order form."},
                },
                actor,
            )
            session.commit()
        product = session.scalar(
            select(Product)
            .join(Producer)
            .where(Producer.network_id == network_id)
            .order_by(Product.id)
            .limit(1)
        )
        assert product is not None
        return product.id, product.producer.slug


def build(root: Path, sizes: tuple[int, ...] = (30, 1000), *, retail: bool = False) -> Built:
    """Fresh instance under ``root`` with a network of each size (slug ``net<size>``); with
    ``retail``, the largest network also has a retail booklet ``retail`` (public on the web)."""
    from catalogue.core import migrate

    built = Built(root, _config(root))
    app = built.app()
    migrate.upgrade(app)
    photos = print_photos()
    work = root / "import"
    work.mkdir(exist_ok=True)
    for size in sizes:
        slug = f"net{size}"
        network_id, email = _network(app, slug)
        started = time.perf_counter()
        for first in range(0, size, BATCH):
            count = min(BATCH, size - first)
            names = [f"{slug}-{n:04d}.jpg" for n in range(first, first + count)]
            archive = _zip(work / f"{slug}-{first}.zip", photos[first : first + count], names)
            _import(app, network_id, _rows(slug, first, count, names), f"{slug}.csv", archive)
            archive.unlink()
        built.import_seconds[size] = time.perf_counter() - started
        slugs = ["booklet", "booklet-b"] if size >= 1000 else ["booklet"]
        extra = ("retail",) if retail and size == max(sizes) else ()
        product_id, producer = _catalogues(app, network_id, email, [*slugs, *extra], extra)
        built.networks[size] = Network(slug, size, email, slugs, product_id, producer)
    with app.app_context():
        from catalogue.extensions import db

        db.engine.dispose()
    return built


if __name__ == "__main__":
    target = Path(sys.argv[1]) if sys.argv[1:] else Path("bench/results/network-1000")
    made = build(target.resolve())
    for size, seconds in made.import_seconds.items():
        print(f"net{size}: imported in {seconds:.1f} s")
    for key, value in made.env().items():
        print(f"export {key}={value}")
