"""The screen PDF: trim-sized pages without marks, screen derivatives, every item a link."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from catalogue.exports.pdf import render_pdf
from tests.exports.conftest import MM, pdfinfo_boxes, qpdf_check

A4 = (210 * MM, 297 * MM)


@pytest.fixture
def screen_pdf(snapshot_factory, theme, store, tmp_path):
    snapshot = snapshot_factory(9)
    out = tmp_path / "screen.pdf"
    result = render_pdf(
        snapshot,
        theme,
        out,
        locale="en",
        variant="screen",
        photo_path=store.path,
        base_url="https://shop.example.org",
    )
    qpdf_check(out)
    return snapshot, out, result


def test_screen_pages_are_the_trim_without_bleed_or_slug(screen_pdf):
    _, pdf, _ = screen_pdf
    for boxes in pdfinfo_boxes(pdf):
        assert boxes["MediaBox"] == pytest.approx((0, 0, *A4), abs=0.01)
        assert boxes["TrimBox"] == boxes["MediaBox"] == boxes["BleedBox"] == boxes["CropBox"]


def test_every_item_links_to_its_web_page(screen_pdf):
    snapshot, pdf, result = screen_pdf
    links: dict[str, int] = {}
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot["/Subtype"] == "/Link":
                links[annot["/A"]["/URI"]] = number
    expected = {
        f"https://shop.example.org/c/andes/winter/items/{i['code']}": result.item_pages[i["code"]]
        for i in snapshot["items"]
    }
    assert links == expected


def test_screen_pdf_uses_the_screen_derivatives_in_rgb(screen_pdf, photos, store):
    _, pdf, result = screen_pdf
    reader = PdfReader(pdf)
    sizes = set()
    data = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            image = ref.get_object()
            sizes.add((image["/Width"], image["/Height"]))
            data.add(image._data)
        stream = page.get_contents().get_data().decode("latin-1")
        assert not re.search(r"\b[kK]\b", stream), "no CMYK colour on screen"
    assert sizes == {(1063, 797)}
    assert data == {store.path(p["screen_sha256"]).read_bytes() for p in photos}
    assert result.images == len(photos)


def test_screen_pdf_is_much_smaller_than_print(screen_pdf, theme, store, tmp_path):
    snapshot, pdf, _ = screen_pdf
    printed = tmp_path / "print.pdf"
    render_pdf(snapshot, theme, printed, locale="en", variant="print", photo_path=store.path)
    qpdf_check(printed)
    assert pdf.stat().st_size < printed.stat().st_size / 2


def test_screen_pdf_has_an_outline_of_its_sections(screen_pdf):
    _, pdf, _ = screen_pdf
    titles = [entry.title for entry in PdfReader(pdf).outline]
    assert titles == ["Scarves and shawls", "Bags", "The producers", "Index of items"]
