"""The outside of a document: booklet front and back covers, the title and how-to-order bands of
flyers and leaflets. Colour and photos reach into the bleed; text stays inside the margins.
"""

from __future__ import annotations

from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.geometry import MM, Rect, head_size
from catalogue.exports.pdf.painter import Painter
from catalogue.exports.pdf.text import fit_text


def _lines_in(height: float, leading: float) -> int:
    return max(0, int((height + 0.01) // leading))


def draw_cover(painter: Painter, rendering: Rendering) -> None:
    """The front cover in the theme's cover style: background into the bleed, title, photo."""
    theme, sheet = rendering.theme, rendering.sheet
    painter.begin_page("cover_background")
    content, bleed = rendering.areas.content, sheet.bleed_rect
    photo = next((i["photo"] for i in rendering.snapshot["items"] if i["photo"]), None)
    style = theme.cover.style if photo else "colour-block"
    if style == "photo-full-bleed":
        painter.photo(photo, bleed, placeholder=None)
        band_top = sheet.trim_h * 0.36
        painter.fill(Rect(bleed.x, bleed.y, bleed.w, band_top - bleed.y), "cover_background")
        text = Rect(content.x, content.y, content.w, band_top - content.y - 6 * MM)
    elif style == "photo-band":
        band = Rect(bleed.x, sheet.trim_h * 0.18, bleed.w, sheet.trim_h * 0.42)
        painter.photo(photo, band, placeholder=None)
        text = Rect(content.x, band.top + 6 * MM, content.w, content.top - band.top - 6 * MM)
    else:
        text = content.take_top(content.h * 0.6)[0]
    _cover_text(painter, rendering, text)
    painter.end_page()


def _cover_text(painter: Painter, rendering: Rendering, rect: Rect) -> None:
    """Network, title and order window stacked from the top of ``rect``."""
    cover, fonts, words, info = (
        rendering.theme.cover,
        rendering.fonts,
        rendering.words,
        rendering.info,
    )
    small = head_size(rendering.theme)
    if cover.show_network and info.get("network_name"):
        line, rect = rect.take_top(small * 1.4, 2 * MM)
        painter.line(line, info["network_name"], fonts.bold.name, small, "cover_text")
    title_style = rendering.style("title", "cover_text")
    room = _lines_in(rect.h - 3 * small * 1.4, title_style.leading)
    title = fit_text(rendering.text(info["title"]), title_style, rect.w, min(3, room))
    painter.paragraph(title, rect)
    rect = rect.take_top(title.height, 4 * MM)[1]
    # The edition number stays out of the pages and the file (it is in the manifest):
    # publishing again without changes must give the same pages.
    lines = [words.order_window(info.get("order_opens_on"), info.get("order_closes_on"))]
    for text in filter(None, lines):
        line, rect = rect.take_top(small * 1.4)
        painter.line(line, text, fonts.body.name, small, "cover_text")


def draw_back(painter: Painter, rendering: Rendering) -> None:
    """The back cover: how to order, the order window and the network's name."""
    painter.begin_page("cover_background")
    content, fonts, info = rendering.areas.content, rendering.fonts, rendering.info
    heading = rendering.style("heading", "cover_text")
    top, rest = content.take_top(heading.leading, 4 * MM)
    painter.line(
        top, rendering.words("how_to_order"), fonts.heading.name, heading.fontSize, "cover_text"
    )
    small = head_size(rendering.theme)
    foot, rest = rest.take_bottom(small * 1.4 * 2, 6 * MM)
    body = rendering.style("body", "cover_text")
    room = _lines_in(rest.h, body.leading)
    painter.paragraph(fit_text(rendering.text(info["how_to_order"]), body, rest.w, room), rest)
    window = rendering.words.order_window(info.get("order_opens_on"), info.get("order_closes_on"))
    upper, lower = foot.take_top(small * 1.4)
    painter.line(upper, window, fonts.bold.name, small, "cover_text")
    painter.line(lower, info.get("network_name") or "", fonts.body.name, small, "cover_text")
    painter.end_page()


def draw_title_band(painter: Painter, rendering: Rendering, block: Rect) -> None:
    """Flyer and leaflet front: an accent band to the top of the bleed with title and intro."""
    sheet = rendering.sheet
    band_y = block.y - 3 * MM
    painter.fill(
        Rect(sheet.bleed_rect.x, band_y, sheet.bleed_rect.w, sheet.trim_h + sheet.bleed - band_y),
        "accent",
    )
    title_style = rendering.style("title", "accent_text")
    title = fit_text(rendering.text(rendering.info["title"]), title_style, block.w, 1)
    painter.paragraph(title, block)
    rest = block.take_top(title_style.leading, 1 * MM)[1]
    body = rendering.style("body", "accent_text")
    intro = fit_text(
        rendering.text(rendering.info["intro"]), body, rest.w, _lines_in(rest.h, body.leading)
    )
    painter.paragraph(intro, rest)


def draw_order_band(painter: Painter, rendering: Rendering, block: Rect) -> None:
    """Flyer and leaflet reverse: how to order and the order window, under a rule."""
    fonts, info = rendering.fonts, rendering.info
    small = head_size(rendering.theme)
    painter.rule(block.x, block.right, block.top, "accent", 1.0)
    heading, rest = block.take_top(small * 1.4, 1 * MM)
    heading = Rect(heading.x, heading.y - 1.5 * MM, heading.w, heading.h)
    painter.line(heading, rendering.words("how_to_order"), fonts.bold.name, small, "accent")
    window = rendering.words.order_window(info.get("order_opens_on"), info.get("order_closes_on"))
    body = rendering.style("body")
    if window:
        last, rest = rest.take_bottom(body.leading)
        painter.line(last, window, fonts.bold.name, fonts.body_size_pt)
    room = _lines_in(rest.h - 1.5 * MM, body.leading)
    text = fit_text(rendering.text(info["how_to_order"]), body, rest.w, room)
    painter.paragraph(text, rest.take_bottom(rest.h - 1.5 * MM)[0])
