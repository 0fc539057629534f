"""The sample network: what it contains, that importing it twice duplicates nothing, that every
printed demo login works, and that private details never reach public pages."""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from io import BytesIO
from pathlib import Path

from flask import Flask
from PIL import Image
from sqlalchemy import func, select

from catalogue.config import PROJECT_ROOT
from catalogue.demo.loader import load_sample_network, network_files
from catalogue.extensions import db
from catalogue.media.models import DerivativeKind, ProductImage
from catalogue.media.storage import get_storage
from catalogue.models import Base
from catalogue.producers.models import Producer, ProducerContact
from catalogue.products.models import Product, ProductStatus
from tests.conftest import build_app, login

SAMPLE_DIR = PROJECT_ROOT / "producers"
SMALL = (320, 240)


def _networks() -> list[dict]:
    return [tomllib.loads(path.read_text()) for path in network_files(SAMPLE_DIR)]


def _products(networks: list[dict]) -> list[dict]:
    return [p for n in networks for producer in n["producers"] for p in producer["products"]]


def test_sample_network_is_large_varied_and_marked_as_sample() -> None:
    networks = _networks()
    assert len(networks) >= 3
    assert all(n["sample"] is True for n in networks)
    assert "sample" in (SAMPLE_DIR / "README.md").read_text().lower()
    assert sum(len(n["producers"]) for n in networks) >= 30
    products = _products(networks)
    assert len(products) >= 120
    capacities = [p["capacity"]["units_per_month"] for p in products]
    assert min(capacities) >= 5 and max(capacities) <= 500
    assert min(capacities) <= 10 and max(capacities) >= 400  # the whole range is used
    currencies = {price["currency"] for p in products for price in p["prices"]}
    assert {"CLP", "CAD", "VND", "USD"} <= currencies
    assert all(len(p["text"]) >= 2 for p in products)


def test_vietnamese_texts_keep_their_diacritics_in_nfc() -> None:
    texts = [
        t["name"]
        for n in _networks()
        if n["network"]["default_locale"] == "vi"
        for producer in n["producers"]
        for p in producer["products"]
        for locale, t in p["text"].items()
        if locale == "vi"
    ]
    assert texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert any("ụ" in t or "ằ" in t or "ộ" in t for t in texts)


def _row_counts(session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table))
        for name, table in Base.metadata.tables.items()
    }


def test_importing_twice_creates_no_duplicates(app: Flask) -> None:
    with app.app_context():
        first = load_sample_network(db.session, SAMPLE_DIR, photo_size=SMALL)
        db.session.commit()
        after_first = _row_counts(db.session)
        second = load_sample_network(db.session, SAMPLE_DIR, photo_size=SMALL)
        db.session.commit()
        after_second = _row_counts(db.session)
    assert after_first == after_second
    assert sum(second.created.values()) == 0
    assert first.created["products"] >= 120 and first.created["producers"] >= 30
    assert first.created["photos"] == after_first["product_images"] > 0
    assert second.updated["products"] == first.created["products"]


def test_private_details_never_reach_public_pages(app: Flask) -> None:
    with app.app_context():
        load_sample_network(db.session, SAMPLE_DIR, photo_size=SMALL)
        db.session.commit()
        network = "elqui"
        producers = db.session.scalars(
            select(Producer).join(Producer.network).where(Producer.network.has(slug=network))
        ).all()
        contacts = db.session.scalars(
            select(ProducerContact).where(
                ProducerContact.producer_id.in_([p.id for p in producers])
            )
        ).all()
        secrets = [s for c in contacts for s in (c.email, c.phone, c.owner_names, c.address) if s]
        public = [p for p in producers if p.consent_public_profile]
        hidden = [p for p in producers if not p.consent_public_profile]
        product_ids = [
            pr.id for p in public for pr in p.products if pr.status == ProductStatus.APPROVED
        ]
        hidden_slugs = [p.slug for p in hidden]
        public_slugs = [p.slug for p in public]
    assert secrets and hidden_slugs and product_ids
    client = app.test_client()
    pages = ["/", f"/n/{network}/"]
    pages += [f"/n/{network}/producers/{slug}" for slug in public_slugs]
    pages += [f"/n/{network}/products/{pid}" for pid in product_ids]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        leaked = [s for s in secrets if s in html]
        assert leaked == [], path
    for slug in hidden_slugs:
        assert client.get(f"/n/{network}/producers/{slug}").status_code == 404


def test_public_photos_are_web_sized_copies_never_the_original(app: Flask, tmp_path: Path) -> None:
    folder = tmp_path / "net"
    folder.mkdir()
    text = (SAMPLE_DIR / "elqui" / "network.toml").read_text()
    data = tomllib.loads(text)
    producer = next(p for p in data["producers"] if p.get("consent_public_profile"))
    product = next(p for p in producer["products"] if p["status"] == "approved")
    single = folder / "one"
    single.mkdir()
    # One network with one producer and one product: exercised at the real 2400 px size.
    data["producers"] = [
        {**producer, "products": [{**product, "photo": {**product["photo"], "count": 1}}]}
    ]
    data["users"] = []
    (single / "network.toml").write_text(_to_toml(data))
    with app.app_context():
        load_sample_network(db.session, folder)
        db.session.commit()
        image = db.session.scalar(select(ProductImage))
        original = get_storage().local_path(image.sha256)
        with Image.open(original) as im:
            assert max(im.size) >= 2400
        web = image.derivative(DerivativeKind.WEB)
        assert max(web.width, web.height) <= 1600
        image_id, product_id = image.id, image.product_id
        original_bytes = original.read_bytes()
    client = app.test_client()
    page = client.get(f"/n/{data['network']['slug']}/products/{product_id}").get_data(as_text=True)
    assert f"/media/images/{image_id}/web.jpg" in page
    served = client.get(f"/media/images/{image_id}/web.jpg")
    body = served.data
    served.close()
    assert served.status_code == 200 and body != original_bytes
    with Image.open(BytesIO(body)) as im:
        assert max(im.size) <= 1600
        assert not im.getexif()
    for kind in ("print", "original", "screen"):
        assert client.get(f"/media/images/{image_id}/{kind}.jpg").status_code == 404


def _to_toml(data: object, prefix: str = "") -> str:
    """A tiny TOML writer for the test above (tomllib only reads)."""
    import json

    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)

    return "\n".join(f"{json.dumps(k)} = {value(v)}" for k, v in data.items()) + "\n"


def test_demo_command_prints_one_working_login_per_role(databases, tmp_path: Path) -> None:
    app = build_app(databases.new(), tmp_path, DEMO_PHOTO_LONG_EDGE=320)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    # One published catalogue per sample network, with its print and screen PDFs.
    published = re.findall(r"^  (\S+/\S+): edition 1, (\d+) pages", result.output, re.M)
    assert len(published) == len(_networks()), result.output
    for name, pages in published:
        folder = tmp_path / "exports" / name.replace("/", ".") / "1"
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["page_count"] == int(pages) and int(pages) % 4 == 0
        assert {"print.pdf", "screen.pdf", "imposed.pdf"} <= {f["name"] for f in manifest["files"]}
    password = re.search(r"password for all: (\S+)\)", result.output).group(1)
    logins = dict(
        re.findall(
            r"^\s+(admin|facilitator|producer|buyer|print_shop)\s+(\S+@\S+)$", result.output, re.M
        )
    )
    assert set(logins) == {"admin", "facilitator", "producer", "buyer", "print_shop"}
    phones = [p["phone"] for n in _networks() for p in n["producers"] if p.get("phone")]
    for role, email in logins.items():
        client = app.test_client()
        assert login(client, email, password).status_code == 302, role
        dashboard = client.get("/dashboard")
        assert dashboard.status_code == 200, role
        # Facilitators and producers are led from the dashboard to their own pages.
        link = re.search(
            r'href="(/n/[^"]+/(?:manage/producers|my/[^"]+))"', dashboard.get_data(as_text=True)
        )
        if role in ("facilitator", "admin", "producer"):
            assert link, role
            page = client.get(link.group(1))
            assert page.status_code == 200, role
            html = page.get_data(as_text=True)
            assert any(phone in html for phone in phones), role  # private details shown
    with app.app_context():
        products = db.session.scalar(select(func.count()).select_from(Product))
    again = runner.invoke(args=["demo", "--no-serve"])
    assert again.exit_code == 0, again.output
    assert "Created: nothing new" in again.output
    assert "Sample catalogues: nothing new." in again.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Product)) == products


def test_bad_sample_data_is_reported_by_field_and_nothing_is_imported(
    databases, tmp_path: Path
) -> None:
    folder = tmp_path / "bad" / "net"
    folder.mkdir(parents=True)
    data = tomllib.loads((SAMPLE_DIR / "elqui" / "network.toml").read_text())
    producer = data["producers"][0]
    product = producer["products"][0]
    product["capacity"] = {**product["capacity"], "units_per_month": -4}
    product["prices"] = [{**product["prices"][0], "currency": "XXQ"}]
    data["producers"] = [{**producer, "products": [product]}]
    data["users"] = []
    (folder / "network.toml").write_text(_to_toml(data))
    app = build_app(databases.new(), tmp_path, SAMPLE_NETWORK_DIR=str(tmp_path / "bad"))
    result = app.test_cli_runner().invoke(args=["demo", "--no-serve"])
    assert result.exit_code == 2
    assert f"{product['sku']}.units_per_month: Units per month cannot be below zero." in (
        result.output
    )
    assert "Nothing was imported." in result.output
    with app.app_context():
        from catalogue.networks.models import Network

        assert db.session.scalar(select(func.count()).select_from(Network)) == 0
        assert db.session.scalar(select(func.count()).select_from(Product)) == 0
