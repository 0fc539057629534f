"""Inside pages of a booklet (contents, items, stories, index, notes) and flyer/leaflet sides."""

from __future__ import annotations

from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.covers import draw_back, draw_cover, draw_order_band, draw_title_band
from catalogue.exports.pdf.geometry import MM, Rect, head_size
from catalogue.exports.pdf.items import draw_item, set_item
from catalogue.exports.pdf.painter import Painter
from catalogue.exports.pdf.plan import PlannedPage, index_columns, index_leading
from catalogue.exports.pdf.text import fit_text

STORY_ITEMS = 6  # "In this catalogue": at most this many of her items are named


def draw_page(
    painter: Painter, rendering: Rendering, page: PlannedPage, number: int, base_url: str
) -> None:
    """Draw planned page ``number`` (from 1): covers, contents, stories, index, item pages."""
    if page.kind == "cover":
        return draw_cover(painter, rendering)
    if page.kind == "back":
        return draw_back(painter, rendering)
    painter.begin_page()
    if page.kind in ("flyer", "front", "reverse"):
        if page.title_block is not None:
            draw_title_band(painter, rendering, page.title_block)
        if page.order_block is not None:
            draw_order_band(painter, rendering, page.order_block)
    else:
        _running_head(painter, rendering, page.title, number)
        if page.kind == "contents":
            _contents(painter, rendering, page)
        elif page.kind == "stories":
            _stories(painter, rendering, page)
        elif page.kind == "index":
            _index(painter, rendering, page)
        elif page.kind == "notes":
            _notes(painter, rendering)
    for placement in page.placements:
        draw_item(painter, rendering, set_item(rendering, placement), base_url)
    painter.end_page()
    return None


def _running_head(painter: Painter, rendering: Rendering, title: str, number: int) -> None:
    areas, fonts = rendering.areas, rendering.fonts
    size = head_size(rendering.theme)
    painter.line(areas.head, title, fonts.heading.name, size, "accent")
    painter.rule(areas.head.x, areas.head.right, areas.head.y, "accent", 0.75)
    # Folio on the outer edge: right on odd (recto) pages, left on even ones.
    outer, inner = ("right", "left") if number % 2 else ("left", "right")
    small = fonts.body_size_pt * 0.85
    painter.line(areas.foot, str(number), fonts.bold.name, small, "muted", align=outer)
    catalogue = rendering.text(rendering.info["title"])
    half = Rect(areas.foot.x, areas.foot.y, areas.foot.w * 0.6, areas.foot.h)
    if inner == "right":
        half = Rect(areas.foot.right - half.w, half.y, half.w, half.h)
    painter.line(half, catalogue, fonts.body.name, small, "muted", align=inner)


def _contents(painter: Painter, rendering: Rendering, page: PlannedPage) -> None:
    body, fonts = rendering.areas.body, rendering.fonts
    style = rendering.style("body")
    intro_room = int(body.h * 0.4 // style.leading)
    intro = fit_text(rendering.text(rendering.info["intro"]), style, body.w, intro_room)
    painter.paragraph(intro, body)
    rest = body.take_top(intro.height, 8 * MM)[1]
    size = fonts.body_size_pt * 1.15
    for title, number in page.contents:
        if rest.h < size * 1.8:
            break
        line, rest = rest.take_top(size * 1.8)
        painter.line(line.take_left(line.w - 15 * MM)[0], title, fonts.body.name, size)
        painter.line(line, str(number), fonts.bold.name, size, "accent", align="right")


def _stories(painter: Painter, rendering: Rendering, page: PlannedPage) -> None:
    body, fonts = rendering.areas.body, rendering.fonts
    share = body.h / max(1, len(page.stories))
    small = head_size(rendering.theme)
    style = rendering.style("body")
    by_code = {i["code"]: i for i in rendering.snapshot["items"]}
    for n, producer in enumerate(page.stories):
        rect = Rect(body.x, body.top - (n + 1) * share, body.w, share - 4 * MM)
        line, rect = rect.take_top(small * 1.4)
        painter.line(line, producer["name"], fonts.bold.name, small, "accent")
        line, rect = rect.take_top(style.leading, 2 * MM)
        painter.line(line, producer["region"], fonts.italic.name, fonts.body_size_pt, "muted")
        codes = [c for c in producer["codes"] if c in by_code][:STORY_ITEMS]
        listing = style.leading * (len(codes) + 1) + 4 * MM if codes else 0.0
        room = int((rect.h - listing + 0.01) // style.leading)
        story = fit_text(rendering.text(producer["story"]), style, rect.w, room)
        painter.paragraph(story, rect)
        items = rect.take_top(story.height, 4 * MM)[1]
        if codes:
            line, items = items.take_top(style.leading)
            painter.line(
                line, rendering.words("her_items"), fonts.bold.name, fonts.body_size_pt, "muted"
            )
        for code in codes:
            if items.h + 0.01 < style.leading:
                break
            line, items = items.take_top(style.leading)
            name = rendering.text(by_code[code]["name"])
            painter.line(line, f"{code}  {name}", fonts.body.name, fonts.body_size_pt)


def _index(painter: Painter, rendering: Rendering, page: PlannedPage) -> None:
    body, fonts = rendering.areas.body, rendering.fonts
    columns = index_columns(rendering)
    gap = 8 * MM
    width = (body.w - gap * (columns - 1)) / columns
    leading = index_leading(rendering)
    per_column = max(1, int(body.h // leading))
    size = fonts.body_size_pt * 0.9
    for n, row in enumerate(page.index_rows):
        col, line_no = divmod(n, per_column)
        line = Rect(
            body.x + col * (width + gap), body.top - (line_no + 1) * leading, width, leading
        )
        code_w = painter.line(line, row.code, fonts.bold.name, size, "accent")
        rest = line.take_left(max(code_w, 14 * MM) + 2 * MM)[1]
        name = rest.take_left(rest.w - 10 * MM)[0]
        painter.line(name, row.name, fonts.body.name, size)
        painter.line(rest, str(row.page), fonts.body.name, size, "muted", align="right")


def _notes(painter: Painter, rendering: Rendering) -> None:
    body = rendering.areas.body
    y = body.top - 9 * MM
    while y > body.y:
        painter.rule(body.x, body.right, y, "muted", 0.3)
        y -= 9 * MM
