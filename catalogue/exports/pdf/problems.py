"""``layout_problems``: what would not come out well, item by item, before anything is printed."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.editions.schema import Snapshot
from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.geometry import NAME_LINES, photo_ppi
from catalogue.exports.pdf.items import PRINT_PPI
from catalogue.exports.pdf.plan import plan_document
from catalogue.exports.pdf.text import lines_needed
from catalogue.themes.model import Theme


@dataclass(frozen=True)
class LayoutProblem:
    code: str  # item code
    field: str  # "name" | "description" | "photo"
    kind: str  # "overflow" | "low_ppi"
    detail: dict = field(
        default_factory=dict
    )  # {"lines": 9, "fits": 6} / {"ppi": 212, "needed": 300}


def layout_problems(snapshot: Snapshot, theme: Theme, *, locale: str) -> list[LayoutProblem]:
    """Problems of the print PDF of ``snapshot`` in ``locale``, in page order: a name or
    description longer than its frame (the PDF cuts it with an ellipsis), a print photo with
    fewer than 300 ppi at the size its frame gives it. Uses the renderer's own frames and line
    breaking (``items.set_item`` fits the same texts in the same frames), so it reports exactly
    what the PDF shows; a text already measured is not set again (``text.lines_needed``)."""
    rendering = Rendering(snapshot, theme, locale, "print")
    problems: list[LayoutProblem] = []
    name_style = rendering.style("item_name")
    description_style = rendering.style("item_description")
    for placement in plan_document(rendering).placements():
        item, frame = placement.item, placement.frame
        code = item["code"]
        texts = (
            ("name", item["name"], name_style, frame.name.w, NAME_LINES),
            (
                "description",
                item["description"],
                description_style,
                frame.description.w,
                frame.description_lines,
            ),
        )
        for name, text, style, width, room in texts:
            needed = lines_needed(rendering.text(text), style, width)
            if needed > room:
                detail = {"lines": needed, "fits": room}
                problems.append(LayoutProblem(code, name, "overflow", detail))
        photo = item["photo"]
        if photo is not None:
            ppi = photo_ppi(frame.photo, photo["print_width"], photo["print_height"])
            if round(ppi) < PRINT_PPI:
                detail = {"ppi": round(ppi), "needed": PRINT_PPI}
                problems.append(LayoutProblem(code, "photo", "low_ppi", detail))
    return problems
