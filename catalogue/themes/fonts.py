"""Theme fonts: ``"<family>:<style>"`` specs resolved to TTF files shipped in Python packages.

Only fonts installed as dependencies are used (never the machine's own fonts), so a catalogue
looks the same on every server and every PDF embeds the same files.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from catalogue.themes.model import FontFace, Theme

_VI = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
# Every character a theme font must have for English, Spanish, French and Vietnamese texts.
COVERAGE_SAMPLE = unicodedata.normalize(
    "NFC",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    ".,;:!?'\"()[]/&%+-=*#@$"
    + _VI
    + _VI.upper()
    + "ñáéíóúüÑÁÉÍÓÚÜ¿¡"
    + "àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ«»"
    + "€–—“”‘’…",
)


@dataclass(frozen=True)
class Family:
    package: str  # the Python package holding the files
    folder: str  # folder inside the package
    file_prefix: str  # e.g. "SourceSansPro" for SourceSansPro-Bold.ttf
    registered_as: str  # ReportLab name prefix, e.g. "SourceSans" for "SourceSans-Bold"
    styles: dict[str, str]  # style in a spec -> file suffix


_ADOBE_STYLES = {
    "regular": "Regular",
    "italic": "It",
    "bold": "Bold",
    "bold-italic": "BoldIt",
    "semibold": "Semibold",
    "semibold-italic": "SemiboldIt",
    "light": "Light",
    "light-italic": "LightIt",
    "black": "Black",
    "black-italic": "BlackIt",
}

FAMILIES: dict[str, Family] = {
    "source-sans": Family(
        "font_source_sans_pro", "files", "SourceSansPro", "SourceSans", _ADOBE_STYLES
    ),
    "source-serif": Family(
        "font_source_serif_pro", "files", "SourceSerifPro", "SourceSerif", _ADOBE_STYLES
    ),
    "open-sans": Family(
        "ttf_opensans",
        "ttf",
        "OpenSans",
        "OpenSans",
        {
            "regular": "Regular",
            "italic": "Italic",
            "bold": "Bold",
            "bold-italic": "BoldItalic",
            "semibold": "SemiBold",
            "semibold-italic": "SemiBoldItalic",
            "light": "Light",
            "light-italic": "LightItalic",
            "extrabold": "ExtraBold",
            "extrabold-italic": "ExtraBoldItalic",
        },
    ),
    "amatic-sc": Family(
        "font_amatic_sc", "files", "AmaticSC", "AmaticSC", {"regular": "Regular", "bold": "Bold"}
    ),
}


class UnknownFont(ValueError):
    """A font spec naming a family or style that no installed font package provides."""


def _registered_name(family: Family, style: str) -> str:
    return f"{family.registered_as}-" + "".join(part.title() for part in style.split("-"))


def font_face(spec: str) -> FontFace:
    """``"source-sans:bold"`` -> the face ReportLab registers as ``SourceSans-Bold``.

    The style may be left out (``"open-sans"``) and then means ``regular``. Raises
    ``UnknownFont`` for an unknown family or style, or when the package's file is missing.
    """
    family_key, _, style = spec.strip().partition(":")
    style = style.strip() or "regular"
    family = FAMILIES.get(family_key.strip())
    if family is None:
        raise UnknownFont(f"unknown font family {family_key!r} (known: {', '.join(FAMILIES)})")
    suffix = family.styles.get(style)
    if suffix is None:
        raise UnknownFont(
            f"{family_key} has no style {style!r} (known: {', '.join(family.styles)})"
        )
    try:
        folder = resources.files(family.package) / family.folder
    except ModuleNotFoundError as exc:
        raise UnknownFont(f"font package {family.package} is not installed") from exc
    path = Path(str(folder / f"{family.file_prefix}-{suffix}.ttf"))
    if not path.is_file():
        raise UnknownFont(f"font file {path} is missing from {family.package}")
    return FontFace(name=_registered_name(family, style), path=path)


@cache
def _codepoints(path: Path) -> frozenset[int]:
    # Parsing a TTF takes a few milliseconds; themes are checked on every (cached) load.
    return frozenset(TTFontFile(str(path)).charToGlyph)


def _is_drawn(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp")


def missing_glyphs(face: FontFace, text: str) -> set[str]:
    """The characters of ``text`` that ``face`` has no glyph for (whitespace and control
    characters aside). Text is checked as given: normalise it to NFC first, as the renderers do,
    so that "ă" is one character rather than "a" plus a combining breve."""
    have = _codepoints(face.path)
    return {c for c in text if _is_drawn(c) and ord(c) not in have}


def _register(face: FontFace) -> None:
    try:
        pdfmetrics.getFont(face.name)
    except KeyError:
        pdfmetrics.registerFont(TTFont(face.name, str(face.path)))


def register_theme_fonts(theme: Theme) -> None:
    """Register the theme's faces with ReportLab (idempotent) and tie body, bold and italic into
    one family, so ``<b>`` and ``<i>`` in a Paragraph set in the body face use the theme's files.
    """
    fonts = theme.fonts
    for face in (fonts.body, fonts.bold, fonts.italic, fonts.heading):
        _register(face)
    # Same mapping as the PDF renderer's own registration, so whichever runs first, they agree.
    pdfmetrics.registerFontFamily(
        fonts.body.name,
        normal=fonts.body.name,
        bold=fonts.bold.name,
        italic=fonts.italic.name,
        boldItalic=fonts.bold.name,
    )
