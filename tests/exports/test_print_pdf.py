"""The print PDF: sheet size and boxes, bleed, crop marks, CMYK, embedded fonts and photos, page
counts, determinism."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from catalogue.exports.pdf import render_pdf
from tests.exports.conftest import (
    MM,
    check_cross_references,
    pdffonts,
    pdfinfo_boxes,
    qpdf_check,
)

BLEED = 3 * MM  # 8.504 pt
SLUG = 9 * MM
A4 = (210 * MM, 297 * MM)


def render(snapshot: dict, theme, store, tmp_path: Path, name: str = "print.pdf", **kw) -> Path:
    out = tmp_path / name
    render_pdf(snapshot, theme, out, locale="en", variant="print", photo_path=store.path, **kw)
    qpdf_check(out)
    return out


def test_every_print_page_has_a_trim_box_and_a_bleed_box_3mm_outside_it(
    snapshot_factory, theme, store, tmp_path
):
    pdf = render(snapshot_factory(9), theme, store, tmp_path)
    pages = pdfinfo_boxes(pdf)
    assert len(pages) == len(PdfReader(pdf).pages) >= 8
    sheet_w, sheet_h = A4[0] + 2 * (BLEED + SLUG), A4[1] + 2 * (BLEED + SLUG)
    for boxes in pages:
        media, crop, bleed, trim = (
            boxes[k] for k in ("MediaBox", "CropBox", "BleedBox", "TrimBox")
        )
        assert media == pytest.approx((0, 0, sheet_w, sheet_h), abs=0.01)
        assert crop == media  # CropBox = MediaBox: the marks in the slug stay visible
        assert trim == pytest.approx(
            (BLEED + SLUG, BLEED + SLUG, sheet_w - BLEED - SLUG, sheet_h - BLEED - SLUG), abs=0.01
        )
        assert trim[2] - trim[0] == pytest.approx(A4[0], abs=0.01)
        outside = (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
        assert outside == pytest.approx((8.504,) * 4, abs=0.01)


def test_every_font_is_embedded_as_a_subset(snapshot_factory, theme, store, tmp_path):
    pdf = render(snapshot_factory(5), theme, store, tmp_path)
    fonts = pdffonts(pdf)
    assert fonts, "the PDF has text"
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts
    assert {f["name"].split("+")[1] for f in fonts} >= {
        "SourceSansPro-Regular",
        "SourceSansPro-Bold",
    }


@pytest.mark.parametrize("layout", ["grid1", "grid4", "list"])
@pytest.mark.parametrize("n_items", [0, 1, 5, 14, 37])
def test_a_booklet_always_has_a_multiple_of_four_pages(
    snapshot_factory, theme, store, tmp_path, layout, n_items
):
    snapshot = snapshot_factory(n_items, layout=layout)
    result = render_pdf(
        snapshot, theme, tmp_path / "b.pdf", locale="en", variant="print", photo_path=store.path
    )
    qpdf_check(tmp_path / "b.pdf")
    assert result.pages % 4 == 0
    assert len(PdfReader(tmp_path / "b.pdf").pages) == result.pages
    assert set(result.item_pages) == {i["code"] for i in snapshot["items"]}


def test_each_item_is_whole_on_the_page_the_index_gives(snapshot_factory, theme, store, tmp_path):
    snapshot = snapshot_factory(11)
    out = tmp_path / "b.pdf"
    result = render_pdf(snapshot, theme, out, locale="en", variant="print", photo_path=store.path)
    qpdf_check(out)
    reader = PdfReader(out)
    for item in snapshot["items"]:
        page_text = reader.pages[result.item_pages[item["code"]] - 1].extract_text()
        assert item["code"] in page_text
        assert item["name"]["en"] in page_text
        assert item["description"]["en"] in page_text
    last = reader.pages[-1].extract_text()
    assert "How to order" in last and "orders@example.org" in last


def test_print_colours_are_cmyk(snapshot_factory, theme, store, tmp_path):
    pdf = render(snapshot_factory(6), theme, store, tmp_path)
    for page in PdfReader(pdf).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        assert not re.search(r"\b(rg|RG|sc|SC|scn|SCN)\b", stream)
        assert re.search(r"\bk\b", stream)


def test_photos_are_embedded_once_each_as_the_jpeg_bytes_of_the_print_derivative(
    snapshot_factory, photos, theme, store, tmp_path
):
    pdf = render(snapshot_factory(12), theme, store, tmp_path)
    images = _image_xobjects(PdfReader(pdf))
    expected = {store.path(p["print_sha256"]).read_bytes() for p in photos}
    assert len(images) == len(photos)
    for image in images.values():
        assert image["/Filter"] in ("/DCTDecode", ["/DCTDecode"])
        assert (image["/Width"], image["/Height"]) == (2126, 1594)
    assert {img._data for img in images.values()} == expected


@pytest.mark.parametrize("variant", ["print", "screen"])
def test_every_cross_reference_points_at_its_object_after_the_photos_are_copied_in(
    snapshot_factory, theme, store, tmp_path, variant
):
    """Photos are streamed into the file after ReportLab wrote it: offsets must still hold."""
    out = tmp_path / f"{variant}.pdf"
    render_pdf(snapshot_factory(9), theme, out, locale="en", variant=variant, photo_path=store.path)
    assert check_cross_references(out) > 10
    qpdf_check(out)
    for image in _image_xobjects(PdfReader(out, strict=True)).values():
        assert len(image._data) == image.get("/Length", len(image._data)) > 10_000


def test_crop_marks_lie_in_the_slug_outside_the_bleed(snapshot_factory, theme, store, tmp_path):
    pdf = render(snapshot_factory(2, fmt="flyer"), theme, store, tmp_path)
    page = PdfReader(pdf).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    marks = stream[stream.rindex("1 1 1 1 K") :]  # registration colour, drawn last
    segments = re.findall(r"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l", marks)
    assert len(segments) == 8
    bx0, by0, bx1, by1 = (float(v) for v in page.bleedbox)
    mx1, my1 = float(page.mediabox.right), float(page.mediabox.top)
    for segment in segments:
        x0, y0, x1, y1 = (float(v) for v in segment)
        for x, y in ((x0, y0), (x1, y1)):
            assert 0 <= x <= mx1 and 0 <= y <= my1
            assert not (bx0 <= x <= bx1 and by0 <= y <= by1), "a mark reaches into the bleed"


def test_the_cover_background_and_photo_reach_into_the_bleed_but_not_the_slug(
    snapshot_factory, theme, store, tmp_path
):
    pdf = render(snapshot_factory(3), theme, store, tmp_path)
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        scale = 2
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    width, height = image.size
    in_bleed = int((SLUG + BLEED / 2) * scale)  # halfway through the bleed, measured from the edge
    in_slug = int(SLUG / 2 * scale)
    white = (255, 255, 255)
    for x, y in ((in_bleed, in_bleed), (width - in_bleed, in_bleed), (in_bleed, height - in_bleed)):
        assert image.getpixel((x, y)) != white, (x, y)
    assert image.getpixel((in_slug, height // 2)) == white


def test_the_same_snapshot_and_theme_give_the_same_bytes(snapshot_factory, theme, store, tmp_path):
    snapshot = snapshot_factory(10)
    first = render(snapshot, theme, store, tmp_path, "one.pdf")
    second = render(snapshot, theme, store, tmp_path, "two.pdf")
    assert first.read_bytes() == second.read_bytes()
    assert PdfReader(first).metadata.title == "Winter textiles"


def test_image_streams_are_binary_not_ascii85(snapshot_factory, theme, store, tmp_path):
    pdf = render(snapshot_factory(3), theme, store, tmp_path)
    assert b"/ASCII85Decode" not in pdf.read_bytes()


def test_progress_is_reported_page_by_page(snapshot_factory, theme, store, tmp_path):
    calls: list[tuple[int, int]] = []
    result = render(
        snapshot_factory(9), theme, store, tmp_path, progress=lambda d, t: calls.append((d, t))
    )
    pages = len(PdfReader(result).pages)
    assert calls == [(n, pages) for n in range(1, pages + 1)]


def _image_xobjects(reader: PdfReader) -> dict:
    found = {}
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image":
                found[ref.idnum] = obj
    return found
