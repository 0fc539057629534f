"""What one rendering needs, worked out once: sheet, areas, layout, words, colours, styles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from catalogue.editions.schema import CatalogueInfo, Snapshot
from catalogue.exports.pdf.fonts import register_fonts
from catalogue.exports.pdf.geometry import (
    Areas,
    Sheet,
    head_size,
    page_areas,
    sheet_for,
    type_sizes,
)
from catalogue.exports.pdf.labels import Words
from catalogue.exports.pdf.text import pick
from catalogue.themes.model import COLOUR_ROLES, LAYOUTS, Fonts, Theme

# Registration colour for crop marks: on every plate, so the marks show on each separation.
REGISTRATION = CMYKColor(1, 1, 1, 1)


@dataclass
class Rendering:
    """What one rendering of a snapshot (one language, print or screen) needs, worked out once."""

    snapshot: Snapshot
    theme: Theme
    locale: str
    variant: str  # "print" | "screen"
    sheet: Sheet = field(init=False)
    areas: Areas = field(init=False)
    words: Words = field(init=False)

    def __post_init__(self) -> None:
        missing = [r for r in COLOUR_ROLES if r not in self.theme.colours]
        if missing:
            raise ValueError(f"theme {self.theme.slug!r} has no colour for {', '.join(missing)}")
        register_fonts(self.theme.fonts)
        self.sheet = sheet_for(self.theme.page, self.variant)
        self.areas = page_areas(self.theme)
        self.words = Words(self.locale, self.info["currency"])
        self._styles: dict[tuple[str, str], ParagraphStyle] = {}

    @property
    def info(self) -> CatalogueInfo:
        return self.snapshot["catalogue"]

    @property
    def print(self) -> bool:
        return self.variant == "print"

    @cached_property
    def layout(self) -> str:
        """The catalogue's item layout; the theme's default when the snapshot names none we know."""
        chosen = self.info.get("layout")
        return chosen if chosen in LAYOUTS else self.theme.default_layout

    def text(self, texts: dict[str, str] | None) -> str:
        """A snapshot text in this rendering's locale, else the catalogue's first that has one."""
        return pick(texts, self.locale, self.info.get("locales") or ())

    def colour(self, role: str) -> Color:
        """The theme colour of ``role``: CMYK for print, RGB for screen."""
        c = self.theme.colours[role]
        return CMYKColor(*c.cmyk) if self.print else HexColor(c.rgb)

    @property
    def fonts(self) -> Fonts:
        return self.theme.fonts

    def style(self, kind: str, colour: str = "text") -> ParagraphStyle:
        """Paragraph styles by use: item_name, item_description, heading, title, body, small."""
        key = (kind, colour)
        if key not in self._styles:
            self._styles[key] = self._make_style(kind, colour)
        return self._styles[key]

    def _make_style(self, kind: str, colour: str) -> ParagraphStyle:
        f = self.fonts
        sizes = type_sizes(self.theme, self.layout)
        font, size, leading, align = {
            "item_name": (f.bold.name, sizes.name, sizes.name_leading, TA_LEFT),
            "item_description": (
                f.body.name,
                sizes.description,
                sizes.description_leading,
                TA_LEFT,
            ),
            "title": (f.heading.name, f.heading_size_pt * 1.6, f.heading_size_pt * 1.8, TA_LEFT),
            "heading": (f.heading.name, f.heading_size_pt, f.heading_size_pt * 1.2, TA_LEFT),
            "subheading": (
                f.bold.name,
                head_size(self.theme),
                head_size(self.theme) * 1.25,
                TA_LEFT,
            ),
            "body": (f.body.name, f.body_size_pt, f.body_size_pt * 1.35, TA_LEFT),
            "centred": (f.body.name, f.body_size_pt, f.body_size_pt * 1.35, TA_CENTER),
        }[kind]
        return ParagraphStyle(
            f"{kind}-{colour}",
            fontName=font,
            fontSize=size,
            leading=leading,
            alignment=align,
            textColor=self.colour(colour),
        )
