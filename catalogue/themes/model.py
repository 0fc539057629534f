"""What a theme pack is, once loaded and validated: page geometry, colours, fonts, layouts.

``themes/<slug>/theme.toml`` is read into these frozen objects by ``catalogue.themes.loader``;
anything a theme leaves out comes from ``themes/default/theme.toml``. Renderers (print and screen
PDF, web pages) only ever see these objects, never the TOML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Trim sizes in millimetres (width, height), portrait.
TRIM_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "LETTER": (215.9, 279.4),
    "A5": (148.0, 210.0),
    "DL": (99.0, 210.0),
}
# Item layouts a theme may offer: items per page in a grid, or a compact list.
LAYOUTS: dict[str, int] = {"grid1": 1, "grid2": 2, "grid4": 4, "grid6": 6, "list": 12}
COLOUR_ROLES = ("paper", "text", "muted", "accent", "accent_text", "cover_background", "cover_text")
COVER_STYLES = ("photo-full-bleed", "colour-block", "photo-band")


@dataclass(frozen=True)
class Colour:
    """A theme colour: CMYK (0-1 each) for print, and its RGB equivalent for screens."""

    cmyk: tuple[float, float, float, float]
    rgb: str  # "#rrggbb"


@dataclass(frozen=True)
class Page:
    """Page geometry in millimetres; the print PDF page is trim + 2 x (bleed + slug)."""

    trim: str  # a key of TRIM_SIZES
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_right_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    safe_mm: float  # no text closer than this to the trim edge
    bleed_mm: float = 3.0
    slug_mm: float = 9.0  # room outside the bleed for crop marks


@dataclass(frozen=True)
class FontFace:
    """One font file, registered with ReportLab under ``name``."""

    name: str
    path: Path


@dataclass(frozen=True)
class Fonts:
    body: FontFace
    bold: FontFace
    italic: FontFace
    heading: FontFace
    body_size_pt: float = 9.5
    heading_size_pt: float = 20.0


@dataclass(frozen=True)
class Cover:
    style: str  # one of COVER_STYLES
    show_network: bool = True


@dataclass(frozen=True)
class Theme:
    slug: str
    name: dict[str, str]  # by locale
    description: dict[str, str]
    page: Page
    colours: dict[str, Colour]  # every role of COLOUR_ROLES
    fonts: Fonts
    cover: Cover
    layouts: tuple[str, ...]  # keys of LAYOUTS, the first is the default
    source: Path  # the theme folder
    templates_dir: Path | None = None  # web templates overriding the default theme's
    static_dir: Path | None = None
    extends: tuple[str, ...] = field(default=())  # the chain, e.g. ("default",)

    @property
    def default_layout(self) -> str:
        return self.layouts[0]
