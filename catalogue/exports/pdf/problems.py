"""``layout_problems``: what would not come out well, item by item, before anything is printed."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.editions.schema import Snapshot
from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.items import PRINT_PPI, set_item
from catalogue.exports.pdf.plan import plan_document
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
    fewer than 300 ppi at the size its frame gives it. Uses the renderer's own frames and text
    fitting, so it reports exactly what the PDF shows."""
    rendering = Rendering(snapshot, theme, locale, "print")
    problems: list[LayoutProblem] = []
    for placement in plan_document(rendering).placements():
        s = set_item(rendering, placement)
        code = placement.item["code"]
        for name, fitted in (("name", s.name), ("description", s.description)):
            if fitted.overflows:
                detail = {"lines": fitted.needed, "fits": fitted.room}
                problems.append(LayoutProblem(code, name, "overflow", detail))
        if s.ppi is not None and round(s.ppi) < PRINT_PPI:
            detail = {"ppi": round(s.ppi), "needed": PRINT_PPI}
            problems.append(LayoutProblem(code, "photo", "low_ppi", detail))
    return problems
