"""One item in its frame: photo, name, code and price, terms, producers, description.

:func:`set_item` fits the texts and measures the photo; :func:`draw_item` puts the result on the
page. ``layout_problems`` calls :func:`set_item` only, so its verdicts are the renderer's.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.geometry import NAME_LINES, photo_ppi
from catalogue.exports.pdf.painter import Painter
from catalogue.exports.pdf.plan import Placement
from catalogue.exports.pdf.text import Fitted, fit_text, nfc

PRINT_PPI = 300  # what a photo needs to print sharp


@dataclass(frozen=True)
class SetItem:
    placement: Placement
    name: Fitted
    description: Fitted
    price: str
    terms: str
    producers: str
    ppi: float | None  # of the print derivative in this frame; None without a photo


def set_item(rendering: Rendering, placement: Placement) -> SetItem:
    """An item's texts fitted to the frames of its place (cut with an ellipsis if too long)."""
    item, frame = placement.item, placement.frame
    name = fit_text(
        rendering.text(item["name"]), rendering.style("item_name"), frame.name.w, NAME_LINES
    )
    description = fit_text(
        rendering.text(item["description"]),
        rendering.style("item_description"),
        frame.description.w,
        frame.description_lines,
    )
    words = rendering.words
    terms = []
    if item["min_order"] > 1:
        terms.append(words("min_order", n=item["min_order"]))
    if item["lead_time_days"]:
        terms.append(words("lead_time", n=item["lead_time_days"]))
    if item["units_per_month"]:
        terms.append(words("capacity", n=item["units_per_month"]))
    names = ", ".join(nfc(n) for n in item["producer_names"])
    photo = item["photo"]
    ppi = None
    if photo is not None:
        ppi = photo_ppi(frame.photo, photo["print_width"], photo["print_height"])
    return SetItem(
        placement,
        name,
        description,
        price=words.price(item["price"]),
        terms=" · ".join(terms),
        producers=words("made_by", names=names) if names else "",
        ppi=ppi,
    )


def draw_item(painter: Painter, rendering: Rendering, item: SetItem, base_url: str) -> None:
    """Photo, name, code, price, ordering facts and description of a set item (linked on screen)."""
    frame = item.placement.frame
    fonts = rendering.fonts
    size = frame.sizes.detail
    painter.photo(item.placement.item["photo"], frame.photo)
    painter.paragraph(item.name, frame.name)
    lines = iter(frame.details)
    first = next(lines, None)
    if first is not None:
        code = nfc(item.placement.item["code"])
        used = painter.line(first, code, fonts.bold.name, size, "accent")
        rest = first.take_left(used + 3)[1]
        painter.line(rest, item.price, fonts.bold.name, size, "text", align="right")
    others = [(item.terms, fonts.body.name), (item.producers, fonts.italic.name)]
    for line, (text, font) in zip(lines, [o for o in others if o[0]], strict=False):
        painter.line(line, text, font, size, "muted")
    painter.paragraph(item.description, frame.description)
    url = item.placement.item.get("url") or ""
    if rendering.variant == "screen" and (base_url or url):
        painter.link(item_url(base_url, url), frame.box)


def item_url(base_url: str, path: str) -> str:
    """``base_url + path``, without a doubled slash where they meet."""
    if base_url.endswith("/") and path.startswith("/"):
        return base_url + path[1:]
    return base_url + path
