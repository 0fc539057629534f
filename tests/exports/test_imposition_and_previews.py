"""Saddle-stitch imposition of a print booklet, and PNG page previews."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from catalogue.exports.pdf import impose_saddle_stitch, render_pdf
from catalogue.exports.pdf.impose import spread_order
from catalogue.exports.previews import page_previews
from tests.exports.conftest import (
    MM,
    PhotoStore,
    check_cross_references,
    make_snapshot,
    qpdf_check,
)


def test_spreads_are_in_printers_order():
    assert spread_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert spread_order(4) == [(4, 1), (2, 3)]
    with pytest.raises(ValueError):
        spread_order(6)


@pytest.mark.parametrize("n_items", [3, 21])
def test_imposed_booklet_has_half_the_pages_on_sheets_twice_the_trim_width(
    snapshot_factory, theme, store, tmp_path, n_items
):
    booklet = tmp_path / "print.pdf"
    result = render_pdf(
        snapshot_factory(n_items),
        theme,
        booklet,
        locale="en",
        variant="print",
        photo_path=store.path,
    )
    imposed = tmp_path / "imposed.pdf"
    sides = impose_saddle_stitch(booklet, imposed)
    qpdf_check(booklet, imposed)
    reader = PdfReader(imposed)
    assert sides == len(reader.pages) == result.pages // 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(2 * 210 * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(297 * MM, abs=0.01)
    if result.pages == 8:  # cover, contents, 2 item pages, 2 story pages, index, back
        half = 210 * MM
        assert _halves(reader.pages[0], half) == ("How to order", "Andes Weavers")
        assert _halves(reader.pages[1], half) == ("Contents", "Index of items")


@pytest.mark.parametrize("n_items", [3, 21])
def test_the_imposition_made_with_the_booklet_equals_the_one_made_from_its_file(
    snapshot_factory, theme, store, tmp_path, n_items
):
    """render_pdf(imposed=...) imposes the document before its photos are copied in (so no
    file is ever held in memory with its photos); the result is the same 2-up file."""
    snapshot = snapshot_factory(n_items)
    booklet, imposed = tmp_path / "print.pdf", tmp_path / "imposed.pdf"
    result = render_pdf(
        snapshot,
        theme,
        booklet,
        locale="en",
        variant="print",
        photo_path=store.path,
        imposed=imposed,
    )
    from_file = tmp_path / "from-file.pdf"
    assert result.imposed_sides == impose_saddle_stitch(booklet, from_file) == result.pages // 2
    assert check_cross_references(imposed) > 10
    qpdf_check(booklet, imposed, from_file)
    together, apart = PdfReader(imposed, strict=True), PdfReader(from_file)
    assert len(together.pages) == len(apart.pages)
    for a, b in zip(together.pages, apart.pages, strict=True):
        assert a.mediabox == b.mediabox
        assert a.extract_text() == b.extract_text()
        assert _photos(a) == _photos(b)
    photo_bytes = {store.path(p["print_sha256"]).read_bytes() for p in _snapshot_photos(snapshot)}
    assert set().union(*(_photos(p) for p in together.pages)) == photo_bytes


def _snapshot_photos(snapshot: dict) -> list[dict]:
    return [i["photo"] for i in snapshot["items"] if i["photo"]]


def _photos(page) -> set[bytes]:
    """The JPEG bytes of the images a sheet side draws (through its merged pages' XObjects)."""
    found = set()
    for xobject in (page["/Resources"].get("/XObject") or {}).values():
        obj = xobject.get_object()
        if obj.get("/Subtype") == "/Image":
            found.add(obj._data)
        elif obj.get("/Subtype") == "/Form":
            found |= _photos(obj)
    return found


def _halves(page, half: float) -> tuple[str, str]:
    """The first words of the left and of the right half of a sheet side."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    left = max((r for r in runs if r[0] < half), key=lambda r: r[1])
    right = max((r for r in runs if r[0] >= half), key=lambda r: r[1])
    return left[2], right[2]


def test_previews_are_pngs_of_the_requested_width_cut_to_the_trim(
    snapshot_factory, theme, store, tmp_path
):
    pdf = tmp_path / "print.pdf"
    render_pdf(snapshot_factory(5), theme, pdf, locale="en", variant="print", photo_path=store.path)
    qpdf_check(pdf)
    pngs = page_previews(pdf, tmp_path / "previews")
    assert len(pngs) == len(PdfReader(pdf).pages)
    assert [p.name for p in pngs[:2]] == ["page-001.png", "page-002.png"]
    for png in pngs:
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.width == 320
            assert image.height == pytest.approx(320 * 297 / 210, abs=1)


def test_previews_of_the_first_pages_only(snapshot_factory, theme, store, tmp_path):
    pdf = tmp_path / "screen.pdf"
    render_pdf(
        snapshot_factory(5), theme, pdf, locale="en", variant="screen", photo_path=store.path
    )
    qpdf_check(pdf)
    pngs = page_previews(pdf, tmp_path / "previews", width_px=200, first=2)
    assert len(pngs) == 2
    with Image.open(pngs[0]) as image:
        assert image.width == 200


_PEAK = """
import sys
from pathlib import Path
from catalogue.exports.previews import page_previews

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024
    raise SystemExit("no VmHWM")

before = peak_mb()
made = page_previews(Path(sys.argv[1]), Path(sys.argv[2]))
print(len(made), before, peak_mb())
"""


def _preview_peak(pdf: Path, out: Path) -> tuple[int, int]:
    """(pages made, peak memory in MB added by making them), in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(pdf), str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    made, before, after = (int(v) for v in done.stdout.split())
    return made, after - before


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
def test_making_previews_page_by_page_keeps_memory_flat_as_pages_grow(theme, tmp_path):
    """A booklet with three times the pages (every photo different) needs no more memory."""
    store = PhotoStore(tmp_path / "media")
    photos = [store.photo(seed, (1200, 900)) for seed in range(360)]
    pdfs = {}
    for items in (120, 360):
        pdfs[items] = tmp_path / f"print-{items}.pdf"
        render_pdf(
            make_snapshot(items, photos[:items]),
            theme,
            pdfs[items],
            locale="en",
            variant="print",
            photo_path=store.path,
        )
    small_pages, small_peak = _preview_peak(pdfs[120], tmp_path / "small")
    large_pages, large_peak = _preview_peak(pdfs[360], tmp_path / "large")
    assert large_pages >= 2.4 * small_pages >= 2.4 * 35
    assert large_peak <= small_peak + 20  # MB: does not grow with the pages
    assert large_peak <= 120  # MB: a fixed budget, whatever the booklet's length
