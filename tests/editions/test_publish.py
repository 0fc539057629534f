"""Publishing freezes a numbered edition and writes its files; re-publishing reports changes."""

from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from catalogue.core.validation import ValidationError
from catalogue.editions import services as editions
from catalogue.editions.models import Edition, EditionItem, EditionStatus
from catalogue.exports.pdf import PhotoMarkerMissing
from catalogue.products import services as product_services
from catalogue.products.models import Product
from tests.editions.conftest import check_published_files, folder, ready_catalogue
from tests.exports.conftest import lose_a_photo_marker

NAMES = [
    {"en": "Hand-woven silk scarf", "es": "Bufanda de seda tejida a mano"},
    {"en": "Alpaca wool shawl", "es": "Chal de lana de alpaca"},
    {"en": "Cotton table runner", "es": "Camino de mesa de algodón"},
]


def _images(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


def _page_contents(path) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(path).pages]


def test_publish_writes_the_pdfs_and_a_manifest_and_freezes_the_items(session, world) -> None:
    catalogue = ready_catalogue(session, world, locales=["en", "es"], names=NAMES)
    edition = editions.publish(session, catalogue, "print,screen,imposed")
    session.flush()

    out = folder(catalogue, 1)
    manifest = json.loads((out / "manifest.json").read_text())
    assert check_published_files(out) == manifest
    assert edition.number == 1 and edition.status == EditionStatus.PUBLISHED
    assert manifest["item_count"] == 3 and manifest["edition"] == 1
    names = {f["name"] for f in manifest["files"]}
    assert {"print.pdf", "screen.pdf", "print.es.pdf", "screen.es.pdf", "imposed.pdf"} <= names
    for entry in manifest["files"]:
        data = (out / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["bytes"]
        assert len(PdfReader(out / entry["name"]).pages) == entry["pages"]
    booklet = PdfReader(out / "print.pdf")
    assert len(booklet.pages) == manifest["page_count"] and manifest["page_count"] % 4 == 0
    assert all("/TrimBox" in page and "/BleedBox" in page for page in booklet.pages)
    assert _images(PdfReader(out / "print.pdf")) >= 3
    assert manifest["previews"] and (out / manifest["previews"][0]).is_file()
    # What orders will refer to: codes and prices frozen with the edition.
    rows = session.scalars(select(EditionItem).where(EditionItem.edition_id == edition.id)).all()
    assert sorted(r.code for r in rows) == sorted(i["code"] for i in edition.snapshot["items"])
    assert all(r.sources for r in rows)
    assert manifest["change_summary"]["previous_edition"] is None


def test_publishing_again_without_changes_gives_the_same_pages_and_no_changes(
    session, world
) -> None:
    catalogue = ready_catalogue(session, world, locales=["en"], names=NAMES)
    first = editions.publish(session, catalogue, "print,screen")
    second = editions.publish(session, catalogue, "print,screen")
    assert (first.number, second.number) == (1, 2)
    check_published_files(folder(catalogue, 1))
    check_published_files(folder(catalogue, 2))
    assert second.snapshot_sha256 == first.snapshot_sha256
    summary = second.change_summary
    assert summary["previous_edition"] == 1
    assert not any(summary[k] for k in ("added", "removed", "price_changed", "text_changed"))
    for name in ("print.pdf", "screen.pdf"):
        assert _page_contents(folder(catalogue, 1) / name) == _page_contents(
            folder(catalogue, 2) / name
        )

    product = session.scalar(select(Product).where(Product.sku == "TX-001"))
    product_services.set_price_range(
        session, product, "USD", {"wholesale_min": "20", "wholesale_max": "25"}, actor=None
    )
    session.flush()
    session.expire_all()
    third = editions.publish(session, catalogue, "print")
    check_published_files(folder(catalogue, 3))
    changed = third.change_summary["price_changed"]
    code = next(i["code"] for i in third.snapshot["items"] if i["name"]["en"] == NAMES[1]["en"])
    assert [c["code"] for c in changed] == [code]
    assert changed[0]["before"] != changed[0]["after"]


def test_a_product_without_a_photo_blocks_publishing_and_says_why(session, world) -> None:
    catalogue = ready_catalogue(session, world, locales=["en"], names=NAMES[:1])
    from catalogue.producers.models import Producer
    from tests.editions.conftest import add_product

    a = session.scalar(select(Producer).where(Producer.slug == world.producer_a))
    add_product(session, a, "TX-NOPHOTO", {"en": "Undyed wool blanket"}, seed=9, photo=False)
    from catalogue.catalogues import selection

    selection.apply_rules(session, catalogue, catalogue.rules)
    session.flush()
    with pytest.raises(ValidationError) as refused:
        editions.publish(session, catalogue, "print")
    assert any("photo" in message.lower() for message in refused.value.errors.values())
    assert session.scalar(select(func.count()).select_from(Edition)) == 0
    assert not folder(catalogue, 1).exists()


HOSTILE = 'Tom & Jerry <3 <font color="red">x</font> <img src="/etc/x.png"/>'


def test_user_text_is_printed_literally_and_never_interpreted(session, world) -> None:
    catalogue = ready_catalogue(session, world, locales=["en"], names=[{"en": HOSTILE}])
    editions.publish(session, catalogue, "print")
    check_published_files(folder(catalogue, 1))
    reader = PdfReader(folder(catalogue, 1) / "print.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert HOSTILE in text
    assert _images(reader) == 1  # the product's photo, and nothing from <img>


@pytest.mark.parametrize(
    ("locale", "name"),
    [
        ("vi", "Khăn lụa tơ tằm"),
        ("es", "Bolsa tejida a mano en telar de cintura"),
        ("fr", "Écharpe tissée à la main, laine d'alpaga"),
    ],
)
def test_an_edition_in_each_language_carries_the_exact_nfc_names(
    session, world, locale, name
) -> None:
    decomposed = unicodedata.normalize("NFD", name)
    catalogue = ready_catalogue(session, world, locales=[locale], names=[{locale: decomposed}])
    editions.publish(session, catalogue, "print,screen")
    check_published_files(folder(catalogue, 1))
    for pdf in ("print.pdf", "screen.pdf"):
        reader = PdfReader(folder(catalogue, 1) / pdf)
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert unicodedata.normalize("NFC", name) in text


def test_a_photo_lost_on_its_way_into_the_pdf_fails_the_publish_and_ships_nothing(
    session, world, monkeypatch
) -> None:
    """Had the photo's marker not been found, the file used to be written anyway, with a
    placeholder where the photo goes. Now the publish fails and leaves no file behind."""
    catalogue = ready_catalogue(session, world, locales=["en", "es"], names=NAMES)
    lose_a_photo_marker(monkeypatch)
    with pytest.raises(PhotoMarkerMissing, match="placeholder"):
        editions.publish(session, catalogue, "print,screen,imposed")
    edition = session.scalar(select(Edition))
    assert edition.number == 1 and edition.status == EditionStatus.FAILED
    assert not edition.items
    shipped = sorted(p.name for p in editions.catalogue_dir(catalogue).rglob("*") if p.is_file())
    assert shipped == [], "a failed publish left files behind"
