"""layout_problems: photos below 300 ppi and texts longer than their frame, as printed."""

from __future__ import annotations

from pypdf import PdfReader

from catalogue.exports.pdf import LayoutProblem, layout_problems, render_pdf
from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.geometry import item_frames
from tests.exports.conftest import qpdf_check

LONG = "Hand woven on a backstrap loom by three women who share the work. " * 30


def test_a_600_by_450_photo_is_too_small_for_a_whole_page_slot(snapshot_factory, theme, store):
    snapshot = snapshot_factory(2, layout="grid1")
    snapshot["items"][0]["photo"] = store.photo(seed=9, print_size=(600, 450))
    problems = layout_problems(snapshot, theme, locale="en")
    assert [(p.code, p.field, p.kind) for p in problems] == [("WG-001", "photo", "low_ppi")]
    detail = problems[0].detail
    assert detail["needed"] == 300
    # grid1 on A4 with 15 mm margins: a 180 mm wide 4:3 frame -> 600 px / 7.09 in
    assert detail["ppi"] == 85


def test_print_derivatives_are_sharp_enough_in_every_layout(snapshot_factory, theme):
    for layout in ("grid1", "grid2", "grid4", "grid6", "list"):
        snapshot = snapshot_factory(13, layout=layout)
        assert layout_problems(snapshot, theme, locale="en") == [], layout


def test_an_over_long_description_is_reported_and_cut_with_an_ellipsis(
    snapshot_factory, theme, store, tmp_path
):
    snapshot = snapshot_factory(4, layout="grid4")
    snapshot["items"][2]["description"]["en"] = LONG
    problems = layout_problems(snapshot, theme, locale="en")
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.code, problem.field, problem.kind) == ("WG-003", "description", "overflow")
    rendering = Rendering(snapshot, theme, "en", "print")
    room = item_frames(rendering.areas.body, "grid4", theme)[0].description_lines
    assert problem.detail["fits"] == room < problem.detail["lines"]

    out = tmp_path / "cut.pdf"
    result = render_pdf(snapshot, theme, out, locale="en", variant="print", photo_path=store.path)
    qpdf_check(out)
    text = PdfReader(out).pages[result.item_pages["WG-003"] - 1].extract_text()
    assert "…" in text
    assert LONG.strip() not in " ".join(text.split())
    assert "Hand woven on a backstrap loom by three women" in text


def test_a_name_longer_than_two_lines_is_reported(snapshot_factory, theme):
    snapshot = snapshot_factory(6, layout="grid6")
    snapshot["items"][0]["name"]["en"] = "Very long product name that keeps going " * 6
    problems = layout_problems(snapshot, theme, locale="en")
    assert problems == [LayoutProblem("WG-001", "name", "overflow", problems[0].detail)]
    assert problems[0].detail["fits"] == 2 and problems[0].detail["lines"] > 2


def test_problems_are_judged_in_the_requested_language(snapshot_factory, theme):
    snapshot = snapshot_factory(1, locales=("en", "fr"), layout="grid4")
    snapshot["items"][0]["description"]["fr"] = LONG
    assert layout_problems(snapshot, theme, locale="en") == []
    assert [p.field for p in layout_problems(snapshot, theme, locale="fr")] == ["description"]


def test_no_photo_frame_is_larger_than_the_print_derivative_is_made_for():
    from catalogue.exports.pdf.geometry import PHOTO_MAX
    from catalogue.exports.pdf.items import PRINT_PPI
    from catalogue.media.pipeline import PRINT_LONG_EDGE

    assert PHOTO_MAX / 72 * PRINT_PPI <= PRINT_LONG_EDGE


def test_lines_needed_is_what_fitting_the_text_finds_in_every_style_and_width(
    snapshot_factory, theme
):
    from reportlab.lib.styles import ParagraphStyle

    from catalogue.exports.pdf.text import fit_text, lines_needed

    rendering = Rendering(snapshot_factory(1), theme, "vi", "print")
    texts = ["", "Khăn lụa tơ tằm", LONG[:200], LONG, "Ấm trà gốm Bát Tràng " * 12]
    for kind in ("item_name", "item_description", "body"):
        style = rendering.style(kind)
        for width in (80.0, 150.5, 260.0):
            for text in texts:
                expected = fit_text(text, style, width, 3).needed
                assert lines_needed(text, style, width) == expected, (kind, width, text[:20])
                assert lines_needed(text, style, width) == expected  # remembered: the same
    # Another style with the same name but larger type is measured, not taken from the memory.
    body = rendering.style("body")
    larger = ParagraphStyle(
        body.name, parent=body, fontSize=body.fontSize * 2, leading=body.leading * 2
    )
    assert lines_needed(LONG, larger, 150.5) == fit_text(LONG, larger, 150.5, 3).needed
    assert lines_needed(LONG, larger, 150.5) > lines_needed(LONG, body, 150.5)
