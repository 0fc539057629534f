"""Publishing scales: few small previews at publish, the rest on first request; an unchanged
republish links the previous edition's files instead of drawing them again."""

from __future__ import annotations

import json
import time

from PIL import Image
from sqlalchemy import select

from catalogue.editions import services as editions
from catalogue.editions.render import PREVIEWS_AT_ONCE
from catalogue.extensions import db
from catalogue.products import services as product_services
from catalogue.products.models import Product
from tests.conftest import login
from tests.editions.conftest import check_published_files, folder, ready_catalogue
from tests.factories import PASSWORD

NAMES = [{"en": f"Hand-woven scarf {n}", "es": f"Bufanda tejida {n}"} for n in range(14)]


def test_a_long_booklet_gets_its_first_previews_at_publish_and_the_rest_on_first_request(
    app, world
) -> None:
    with app.test_request_context():
        catalogue = ready_catalogue(
            db.session, world, locales=["en"], names=[{"en": n["en"]} for n in NAMES]
        )
        editions.publish(db.session, catalogue, "print,screen")
        db.session.commit()
        out = folder(catalogue, 1)
        base = f"/n/{world.network}/manage/catalogues/{catalogue.slug}"
    manifest = check_published_files(out)
    pages = manifest["page_count"]
    assert pages > PREVIEWS_AT_ONCE
    assert manifest["previews"] == [f"previews/page-{n:03d}.png" for n in range(1, pages + 1)]
    made = sorted(p.name for p in (out / "previews").glob("*.png"))
    assert made == [f"page-{n:03d}.png" for n in range(1, PREVIEWS_AT_ONCE + 1)]

    client = app.test_client()
    assert login(client, world.emails["facilitator"], PASSWORD).status_code == 302
    page = client.get(f"{base}/editions/1").get_data(as_text=True)
    assert all(name in page for name in manifest["previews"])  # every page is shown
    last = manifest["previews"][-1]
    assert not (out / last).exists()
    answer = client.get(f"{base}/editions/1/files/{last}")
    body = answer.get_data()
    answer.close()
    assert answer.status_code == 200 and answer.mimetype == "image/png"
    assert (out / last).is_file() and (out / last).read_bytes() == body
    assert (
        client.get(f"{base}/editions/1/files/previews/page-{pages + 1:03d}.png").status_code == 404
    )
    assert not list((out / "previews").glob(".*"))  # no temporary file left behind
    for png in (out / "previews").glob("*.png"):
        with Image.open(png) as image:
            assert image.format == "PNG" and image.width == 320
        assert png.stat().st_size < 80_000  # a thumbnail, not a page


def test_an_unchanged_republish_links_the_previous_files_and_a_changed_one_draws_them_again(
    session, world
) -> None:
    catalogue = ready_catalogue(session, world, locales=["en", "es"], names=NAMES[:3])
    editions.publish(session, catalogue, "print,screen,imposed")
    first = check_published_files(folder(catalogue, 1))

    started = time.perf_counter()
    editions.publish(session, catalogue, "print,screen,imposed")
    elapsed = time.perf_counter() - started
    second = check_published_files(folder(catalogue, 2))
    assert elapsed < 2.5
    assert second["files"] == first["files"] and second["edition"] == 2
    assert json.loads((folder(catalogue, 2) / "manifest.json").read_text()) == second
    for entry in first["files"]:
        old, new = (folder(catalogue, n) / entry["name"] for n in (1, 2))
        assert new.stat().st_ino == old.stat().st_ino and new.stat().st_nlink >= 2
    for png in (folder(catalogue, 2) / "previews").glob("*.png"):
        assert png.stat().st_ino == (folder(catalogue, 1) / "previews" / png.name).stat().st_ino

    # Only a Spanish name changes: drawn again, the English files come out the same and are
    # linked to the previous edition's; the Spanish ones are new.
    product = session.scalar(select(Product).where(Product.sku == "TX-001"))
    product_services.set_text(product, "es", {"name": "Chal tejido", "description": "Tejido."})
    session.flush()
    session.expire_all()
    editions.publish(session, catalogue, "print,screen,imposed")
    check_published_files(folder(catalogue, 3))
    for entry in second["files"]:
        old, new = (folder(catalogue, n) / entry["name"] for n in (2, 3))
        assert (new.stat().st_ino == old.stat().st_ino) == (entry["locale"] == "en")

    product = session.scalar(select(Product).where(Product.sku == "TX-001"))
    product_services.set_price_range(
        session, product, "USD", {"wholesale_min": "20", "wholesale_max": "25"}, actor=None
    )
    session.flush()
    session.expire_all()
    editions.publish(session, catalogue, "print,screen,imposed")
    fourth = check_published_files(folder(catalogue, 4))
    for entry in fourth["files"]:
        new = folder(catalogue, 4) / entry["name"]
        assert new.stat().st_ino != (folder(catalogue, 3) / entry["name"]).stat().st_ino
        assert new.stat().st_nlink == 1
    assert {f["sha256"] for f in fourth["files"]}.isdisjoint(f["sha256"] for f in second["files"])
