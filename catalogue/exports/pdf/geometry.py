"""Where things go on a page, in points: the sheet and its boxes, the page areas, item frames.

The renderer and ``layout_problems`` both take every frame from here, so what the problem report
says about a photo's resolution or a text's length is what the PDF shows. All rectangles are in
trim coordinates: (0, 0) is the bottom-left corner of the trimmed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from catalogue.themes.model import LAYOUTS, Page, Theme

MM = 72 / 25.4
NAME_LINES = 2  # an item's name gets at most two lines in every layout
PHOTO_ASPECT = 4 / 3  # frames are landscape 4:3 where the cell allows it
# Print derivatives are made for a 180 mm slot at 300 ppi (catalogue.media.pipeline
# PRINT_LONG_EDGE = 2126 px): no photo frame is made larger, so a theme with narrow margins
# does not turn every one-per-page photo into a 297 ppi problem.
PHOTO_MAX = 180 * MM


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def take_top(self, height: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        """(band of ``height`` at the top, what is left below it after ``gap``)."""
        height = max(0.0, min(height, self.h))
        band = Rect(self.x, self.top - height, self.w, height)
        rest = Rect(self.x, self.y, self.w, max(0.0, self.h - height - gap))
        return band, rest

    def take_bottom(self, height: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        """(band of ``height`` at the bottom, what is left above it after ``gap``)."""
        height = max(0.0, min(height, self.h))
        band = Rect(self.x, self.y, self.w, height)
        rest = Rect(self.x, self.y + height + gap, self.w, max(0.0, self.h - height - gap))
        return band, rest

    def take_left(self, width: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        width = max(0.0, min(width, self.w))
        band = Rect(self.x, self.y, width, self.h)
        rest = Rect(self.x + width + gap, self.y, max(0.0, self.w - width - gap), self.h)
        return band, rest


@dataclass(frozen=True)
class Sheet:
    """The PDF page: the trim, plus bleed and slug all round for print (both 0 for screen)."""

    trim_w: float
    trim_h: float
    bleed: float
    slug: float

    @property
    def offset(self) -> float:
        """Distance from the sheet's corner to the trim's corner."""
        return self.bleed + self.slug

    @property
    def size(self) -> tuple[float, float]:
        return self.trim_w + 2 * self.offset, self.trim_h + 2 * self.offset

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        o = self.offset
        return (o, o, o + self.trim_w, o + self.trim_h)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        o, b = self.offset, self.bleed
        return (o - b, o - b, o + self.trim_w + b, o + self.trim_h + b)

    @property
    def bleed_rect(self) -> Rect:
        """The area backgrounds and full-bleed photos cover, in trim coordinates."""
        b = self.bleed
        return Rect(-b, -b, self.trim_w + 2 * b, self.trim_h + 2 * b)


def sheet_for(page: Page, variant: str) -> Sheet:
    """The PDF page of a theme's trim: with bleed and slug for print, the bare trim for screen."""
    if variant not in ("print", "screen"):
        raise ValueError(f"unknown variant {variant!r}: choose print or screen")
    w, h = page.width_mm * MM, page.height_mm * MM
    if variant == "screen":
        return Sheet(w, h, 0.0, 0.0)
    return Sheet(w, h, page.bleed_mm * MM, page.slug_mm * MM)


@dataclass(frozen=True)
class Areas:
    content: Rect  # inside the margins (never closer to the trim than the safe distance)
    head: Rect  # running head: the section title
    body: Rect  # the page's matter
    foot: Rect  # folio


def page_areas(theme: Theme) -> Areas:
    """Content, running head, body and foot of an inside page, never nearer the trim than safe."""
    p, f = theme.page, theme.fonts
    left, right, top, bottom = (
        max(m, p.safe_mm) * MM
        for m in (p.margin_left_mm, p.margin_right_mm, p.margin_top_mm, p.margin_bottom_mm)
    )
    content = Rect(left, bottom, p.width_mm * MM - left - right, p.height_mm * MM - top - bottom)
    head, rest = content.take_top(head_size(theme) * 1.4, 3 * MM)
    foot, body = rest.take_bottom(f.body_size_pt * 1.3, 2 * MM)
    return Areas(content, head, body, foot)


def head_size(theme: Theme) -> float:
    """Type size of running heads and section headings, from the theme's heading size."""
    return round(theme.fonts.heading_size_pt * 0.6, 2)


@dataclass(frozen=True)
class LayoutSpec:
    cols: int
    rows: int
    card: str  # "column": photo above the text; "row": photo left of the text
    photo_share: float  # column: most of the cell height; row: most of the cell width
    name_scale: float  # sizes as multiples of the theme's body size
    detail_scale: float
    description_scale: float
    aside: float  # row cards: share of the text width for code, price and the rest (0 = stacked)
    gap_mm: float


SPECS: dict[str, LayoutSpec] = {
    "grid1": LayoutSpec(1, 1, "column", 0.6, 1.7, 1.0, 1.05, 0.0, 6),
    "grid2": LayoutSpec(1, 2, "row", 0.5, 1.35, 0.95, 1.0, 0.0, 6),
    "grid4": LayoutSpec(2, 2, "column", 0.55, 1.2, 0.9, 0.95, 0.0, 6),
    "grid6": LayoutSpec(2, 3, "column", 0.5, 1.05, 0.85, 0.9, 0.0, 5),
    "list": LayoutSpec(1, 12, "row", 0.18, 1.0, 0.85, 0.85, 0.36, 2.5),
}
assert all(SPECS[k].cols * SPECS[k].rows == n for k, n in LAYOUTS.items())


@dataclass(frozen=True)
class TypeSizes:
    name: float
    name_leading: float
    detail: float
    detail_leading: float
    description: float
    description_leading: float


@dataclass(frozen=True)
class ItemFrame:
    """One item's fixed place on a page; nothing of an item ever goes outside it."""

    box: Rect
    photo: Rect
    name: Rect  # NAME_LINES lines
    details: tuple[Rect, ...]  # single lines: code and price, terms, producers (as many as fit)
    description: Rect
    description_lines: int
    sizes: TypeSizes


def type_sizes(theme: Theme, layout: str) -> TypeSizes:
    """Type sizes and leadings of an item's texts in ``layout``, scaled from the body size."""
    spec, body = SPECS[layout], theme.fonts.body_size_pt
    name, detail, desc = (
        round(body * s, 2) for s in (spec.name_scale, spec.detail_scale, spec.description_scale)
    )
    return TypeSizes(name, name * 1.2, detail, detail * 1.3, desc, desc * 1.3)


def item_frames(area: Rect, layout: str, theme: Theme) -> tuple[ItemFrame, ...]:
    """The frames of one page of ``layout`` inside ``area``, row by row from the top left."""
    return _frames(area, layout, type_sizes(theme, layout))


@cache
def _frames(area: Rect, layout: str, sizes: TypeSizes) -> tuple[ItemFrame, ...]:
    spec = SPECS[layout]
    gap = spec.gap_mm * MM
    cell_w = (area.w - gap * (spec.cols - 1)) / spec.cols
    cell_h = (area.h - gap * (spec.rows - 1)) / spec.rows
    frames = []
    for row in range(spec.rows):
        for col in range(spec.cols):
            x = area.x + col * (cell_w + gap)
            y = area.top - (row + 1) * cell_h - row * gap
            frames.append(_frame(Rect(x, y, cell_w, cell_h), spec, sizes))
    return tuple(frames)


def _frame(cell: Rect, spec: LayoutSpec, sizes: TypeSizes) -> ItemFrame:
    inner = 2.5 * MM
    if spec.card == "column":
        photo_w = min(cell.w, PHOTO_MAX)
        photo_h = min(photo_w / PHOTO_ASPECT, cell.h * spec.photo_share, PHOTO_MAX)
        photo, text = cell.take_top(photo_h, inner)
        photo = Rect(photo.x + (cell.w - photo_w) / 2, photo.y, photo_w, photo.h)
    else:
        photo_w = min(cell.h * PHOTO_ASPECT, cell.w * spec.photo_share, PHOTO_MAX)
        photo, text = cell.take_left(photo_w, inner)
        photo_h = min(photo.h, PHOTO_MAX)
        photo = Rect(photo.x, photo.top - photo_h, photo.w, photo_h)
    name_h = NAME_LINES * sizes.name_leading
    if spec.aside:  # name and description on the left, the terms in a column on the right
        main, aside = text.take_left(text.w * (1 - spec.aside), inner)
        name, description = main.take_top(name_h, 0.5 * MM)
        details, _ = _lines(aside, sizes.detail_leading)
    else:
        name, rest = text.take_top(name_h, 1 * MM)
        details, rest = _lines(rest, sizes.detail_leading)
        description = rest.take_bottom(rest.h - 1 * MM)[0] if details else rest
    lines = int((description.h + 0.01) // sizes.description_leading)
    return ItemFrame(cell, photo, name, details, description, lines, sizes)


def _lines(rect: Rect, leading: float, most: int = 3) -> tuple[tuple[Rect, ...], Rect]:
    lines = []
    while len(lines) < most and rect.h + 0.01 >= leading:
        line, rect = rect.take_top(leading)
        lines.append(line)
    return tuple(lines), rect


def photo_ppi(frame: Rect, width_px: int, height_px: int) -> float:
    """Pixels per inch of a photo cover-cropped into ``frame``: the photo is scaled to cover the
    frame, so the dimension that fills it exactly is the one that limits the resolution."""
    if frame.w <= 0 or frame.h <= 0 or width_px <= 0 or height_px <= 0:
        return 0.0
    return min(width_px / (frame.w / 72), height_px / (frame.h / 72))
