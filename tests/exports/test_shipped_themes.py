"""Every theme pack in themes/ renders every format, in print and on screen, without problems."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from catalogue.config import PROJECT_ROOT
from catalogue.exports.pdf import layout_problems, render_pdf
from catalogue.exports.pdf.geometry import MM
from catalogue.themes import list_themes
from catalogue.themes.model import TRIM_SIZES
from tests.exports.conftest import pdffonts, pdfinfo_boxes, qpdf_check

THEMES = {t.slug: t for t in list_themes(PROJECT_ROOT / "themes")}
NAME_VI = "Khăn lụa tơ tằm"


def test_the_shipped_themes_are_all_here():
    assert {
        "default",
        "winter-games",
        "indigenous-artisans",
        "green-organic",
        "regional-identity",
    } <= set(THEMES)


@pytest.mark.parametrize("slug", sorted(THEMES))
@pytest.mark.parametrize("fmt", ["flyer", "leaflet", "booklet"])
def test_every_shipped_theme_renders_every_format_in_print(
    snapshot_factory, store, tmp_path, slug, fmt
):
    theme = THEMES[slug]
    snapshot = snapshot_factory(9, locales=("vi", "en"), fmt=fmt, layout=theme.default_layout)
    snapshot["items"][0]["name"]["vi"] = NAME_VI
    out = tmp_path / "print.pdf"
    result = render_pdf(snapshot, theme, out, locale="vi", variant="print", photo_path=store.path)
    qpdf_check(out)

    reader = PdfReader(out)
    assert len(reader.pages) == result.pages == {"flyer": 1, "leaflet": 2}.get(fmt, result.pages)
    if fmt == "booklet":
        assert result.pages % 4 == 0
        assert len(result.item_pages) == 9
    page = reader.pages[result.item_pages["WG-001"] - 1]
    assert NAME_VI in " ".join(page.extract_text().split())
    trim_w, trim_h = TRIM_SIZES[theme.page.trim]
    for boxes in pdfinfo_boxes(out):
        x0, y0, x1, y1 = boxes["TrimBox"]
        assert (x1 - x0, y1 - y0) == pytest.approx((trim_w * MM, trim_h * MM), abs=0.05)
        assert x0 - boxes["BleedBox"][0] == pytest.approx(theme.page.bleed_mm * MM, abs=0.01)
    assert all(f["emb"] == "yes" for f in pdffonts(out))
    assert layout_problems(snapshot, theme, locale="vi") == []


@pytest.mark.parametrize("slug", sorted(THEMES))
def test_every_shipped_theme_renders_a_screen_booklet_in_each_of_its_layouts(
    snapshot_factory, store, tmp_path, slug
):
    theme = THEMES[slug]
    for layout in theme.layouts:
        snapshot = snapshot_factory(7, layout=layout, stories="region")
        out = tmp_path / f"{layout}.pdf"
        result = render_pdf(
            snapshot, theme, out, locale="en", variant="screen", photo_path=store.path
        )
        qpdf_check(out)
        assert result.pages % 4 == 0
        assert set(result.item_pages) == {i["code"] for i in snapshot["items"]}
        assert layout_problems(snapshot, theme, locale="en") == [], layout
