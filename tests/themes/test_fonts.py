"""Font specs resolve to the packaged TTFs; glyph checks read the real cmap; ReportLab uses them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from catalogue.themes import load_theme
from catalogue.themes.fonts import (
    COVERAGE_SAMPLE,
    FAMILIES,
    UnknownFont,
    font_face,
    missing_glyphs,
    register_theme_fonts,
)
from tests.themes.conftest import SHIPPED


def test_a_spec_names_a_packaged_file_and_a_reportlab_name() -> None:
    face = font_face("source-sans:bold")
    assert face.name == "SourceSans-Bold"
    assert face.path.name == "SourceSansPro-Bold.ttf"
    assert face.path.parent.parent.name == "font_source_sans_pro"
    assert font_face("open-sans:bold-italic").path.name == "OpenSans-BoldItalic.ttf"
    assert font_face("source-serif:italic").name == "SourceSerif-Italic"
    assert font_face("amatic-sc:bold").path.name == "AmaticSC-Bold.ttf"


def test_a_spec_without_a_style_means_regular() -> None:
    assert font_face("open-sans") == font_face("open-sans:regular")


def test_every_style_of_every_family_has_its_file() -> None:
    for family, spec in FAMILIES.items():
        for style in spec.styles:
            assert font_face(f"{family}:{style}").path.is_file()


@pytest.mark.parametrize(
    ("spec", "says"),
    [("comic-sans:bold", "unknown font family 'comic-sans'"), ("amatic-sc:italic", "no style")],
)
def test_an_unknown_family_or_style_is_refused_with_the_choices(spec: str, says: str) -> None:
    with pytest.raises(UnknownFont, match=says) as caught:
        font_face(spec)
    assert "known:" in str(caught.value)


def test_missing_glyphs_reads_the_font_and_ignores_spaces_and_control_characters() -> None:
    face = font_face("source-sans:regular")
    assert missing_glyphs(face, "Khăn lụa\ttơ tằm\n\u00a0\u200b") == set()
    assert missing_glyphs(face, "漢字 ok") == {"漢", "字"}


def test_source_serif_italics_lack_vietnamese_letters_so_they_cannot_be_theme_fonts() -> None:
    italic = font_face("source-serif:italic")
    assert {"ơ", "ư", "ạ", "ỹ"} <= missing_glyphs(italic, COVERAGE_SAMPLE)
    assert missing_glyphs(font_face("source-serif:regular"), COVERAGE_SAMPLE) == set()


def test_registering_is_idempotent_and_b_and_i_use_the_themes_own_files() -> None:
    theme = load_theme(SHIPPED, "indigenous-artisans")
    register_theme_fonts(theme)
    register_theme_fonts(theme)
    assert theme.fonts.heading.name in pdfmetrics.getRegisteredFontNames()

    out = io.BytesIO()
    style = ParagraphStyle("body", fontName=theme.fonts.body.name)
    SimpleDocTemplate(out).build([Paragraph("Khăn <b>lụa</b> <i>tơ tằm</i>", style)])
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    fonts = {
        f.get_object()["/BaseFont"].split("+")[-1] for f in page["/Resources"]["/Font"].values()
    }
    # The PDF names fonts by their PostScript names: bold is Source Serif's, italic Source Sans's.
    assert {"SourceSerifPro-Regular", "SourceSerifPro-Bold", "SourceSansPro-It"} <= fonts
    assert "Khăn lụa tơ tằm" in page.extract_text()
