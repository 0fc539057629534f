"""Theme fonts registered with ReportLab, once per process.

``catalogue.themes.fonts.register_theme_fonts`` does the same for the web side; the renderer keeps
its own few lines so it only depends on the ``Theme`` object it is given.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from catalogue.themes.model import FontFace, Fonts


def _register(face: FontFace) -> None:
    try:
        known = pdfmetrics.getFont(face.name)
    except KeyError:
        known = None
    if known is not None:
        # Re-registering a name with another file would silently change every PDF made since.
        path = getattr(getattr(known, "face", None), "filename", None)
        if path is not None and str(path) != str(face.path):
            raise ValueError(f"font {face.name!r} is already registered from {path}")
        return
    pdfmetrics.registerFont(TTFont(face.name, str(face.path)))


def register_fonts(fonts: Fonts) -> None:
    """Register the theme's faces (idempotent) and tie body/bold/italic into one family, so
    ``<b>`` and ``<i>`` in a Paragraph pick the theme's own files (all embedded as subsets)."""
    for face in (fonts.body, fonts.bold, fonts.italic, fonts.heading):
        _register(face)
    pdfmetrics.registerFontFamily(
        fonts.body.name,
        normal=fonts.body.name,
        bold=fonts.bold.name,
        italic=fonts.italic.name,
        boldItalic=fonts.bold.name,
    )
