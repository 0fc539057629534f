"""Which page shows what: the whole document is planned before anything is drawn, so the contents
page and the index know every page number, and ``layout_problems`` sees the very frames the
renderer fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.editions.schema import Item, ProducerStory
from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.geometry import MM, ItemFrame, Rect, head_size, item_frames

# Page kinds, in booklet order. A flyer is one "flyer" page; a leaflet is "front" and "reverse".
BOOKLET_KINDS = ("cover", "contents", "items", "stories", "index", "notes", "back")


@dataclass(frozen=True)
class Placement:
    item: Item
    frame: ItemFrame


@dataclass(frozen=True)
class IndexRow:
    code: str
    name: str
    page: int


@dataclass(frozen=True)
class PlannedPage:
    kind: str
    title: str = ""  # running head: section title, "Index", a region...
    placements: tuple[Placement, ...] = ()
    index_rows: tuple[IndexRow, ...] = ()
    contents: tuple[tuple[str, int], ...] = ()  # (entry, page number)
    stories: tuple[ProducerStory, ...] = ()
    title_block: Rect | None = None  # flyer and leaflet front: title and intro
    order_block: Rect | None = None  # flyer and leaflet reverse: how to order


@dataclass
class Plan:
    pages: list[PlannedPage] = field(default_factory=list)
    item_pages: dict[str, int] = field(default_factory=dict)  # item code -> page number

    def placements(self) -> list[Placement]:
        return [p for page in self.pages for p in page.placements]


def ordered_items(rendering: Rendering) -> list[tuple[str, list[Item]]]:
    """Items grouped by section, in the snapshot's order; items no section lists come last."""
    by_code = {item["code"]: item for item in rendering.snapshot["items"]}
    groups: list[tuple[str, list[Item]]] = []
    placed: set[str] = set()
    for section in rendering.snapshot["sections"]:
        items = [by_code[c] for c in section["codes"] if c in by_code and c not in placed]
        placed.update(i["code"] for i in items)
        if items:
            groups.append((rendering.text(section["title"]), items))
    rest = [i for i in rendering.snapshot["items"] if i["code"] not in placed]
    if rest:
        groups.append((rendering.text(rendering.info["title"]), rest))
    return groups


def plan_document(rendering: Rendering) -> Plan:
    """Every page of the document and what goes on it, for the catalogue's format."""
    fmt = rendering.info["format"]
    if fmt == "flyer":
        return _plan_sheets(rendering, sides=1)
    if fmt == "leaflet":
        return _plan_sheets(rendering, sides=2)
    if fmt == "booklet":
        return _plan_booklet(rendering)
    raise ValueError(f"unknown catalogue format {fmt!r}: choose flyer, leaflet or booklet")


def _blocks(rendering: Rendering) -> tuple[Rect, Rect]:
    """(title and intro band, how-to-order band) at the top and bottom of a flyer's content."""
    f = rendering.fonts
    content = rendering.areas.content
    title = f.heading_size_pt * 1.6 * 1.15 + 4 * f.body_size_pt * 1.35 + 3 * MM
    order = head_size(rendering.theme) * 1.4 + 5 * f.body_size_pt * 1.35 + 3 * MM
    title_block, _ = content.take_top(title)
    order_block, _ = content.take_bottom(order)
    return title_block, order_block


def _plan_sheets(rendering: Rendering, sides: int) -> Plan:
    title_block, order_block = _blocks(rendering)
    content = rendering.areas.content
    gap = 5 * MM
    top = content.top - title_block.h - gap
    bottom = content.y + order_block.h + gap
    items = [i for _, group in ordered_items(rendering) for i in group]
    plan = Plan()
    for side in range(sides):
        first, last = side == 0, side == sides - 1
        y0 = bottom if last else content.y
        y1 = top if first else content.top
        area = Rect(content.x, y0, content.w, y1 - y0)
        frames = item_frames(area, rendering.layout, rendering.theme)
        chunk, items = items[: len(frames)], items[len(frames) :]
        kind = "flyer" if sides == 1 else ("front" if first else "reverse")
        plan.pages.append(
            PlannedPage(
                kind,
                placements=tuple(Placement(i, f) for i, f in zip(chunk, frames, strict=False)),
                title_block=title_block if first else None,
                order_block=order_block if last else None,
            )
        )
        plan.item_pages.update({i["code"]: side + 1 for i in chunk})
    return plan


def _plan_booklet(rendering: Rendering) -> Plan:
    plan = Plan()
    pages = plan.pages
    pages.append(PlannedPage("cover"))
    pages.append(PlannedPage("contents"))  # filled in below, once page numbers are known
    contents: list[tuple[str, int]] = []
    frames = item_frames(rendering.areas.body, rendering.layout, rendering.theme)
    for title, items in ordered_items(rendering):
        contents.append((title, len(pages) + 1))
        for start in range(0, len(items), len(frames)):
            chunk = items[start : start + len(frames)]
            pages.append(
                PlannedPage(
                    "items",
                    title,
                    tuple(Placement(i, f) for i, f in zip(chunk, frames, strict=False)),
                )
            )
            plan.item_pages.update({i["code"]: len(pages) for i in chunk})
    story_pages = _story_pages(rendering)
    if story_pages:
        contents.append((rendering.words("stories"), len(pages) + 1))
        pages.extend(story_pages)
    rows = [
        IndexRow(i["code"], rendering.text(i["name"]), plan.item_pages[i["code"]])
        for i in sorted(rendering.snapshot["items"], key=lambda i: i["code"])
        if i["code"] in plan.item_pages
    ]
    if rows:
        contents.append((rendering.words("index"), len(pages) + 1))
        per_page = index_rows_per_page(rendering)
        for start in range(0, len(rows), per_page):
            chunk = tuple(rows[start : start + per_page])
            pages.append(PlannedPage("index", rendering.words("index"), index_rows=chunk))
    # A saddle-stitched booklet is folded sheets: four pages each. Pad before the back cover.
    pages.extend(
        PlannedPage("notes", rendering.words("notes")) for _ in range(-(len(pages) + 1) % 4)
    )
    pages.append(PlannedPage("back"))
    pages[1] = PlannedPage("contents", rendering.words("contents"), contents=tuple(contents))
    return plan


def _story_pages(rendering: Rendering) -> list[PlannedPage]:
    producers = rendering.snapshot.get("producers") or []
    mode = rendering.info.get("stories", "none")
    if mode == "producer":
        heading = rendering.words("stories")
        return [PlannedPage("stories", heading, stories=(p,)) for p in producers]
    if mode == "region":
        regions: dict[str, list[ProducerStory]] = {}
        for p in producers:
            regions.setdefault(p["region"], []).append(p)
        return [PlannedPage("stories", r, stories=tuple(ps)) for r, ps in regions.items()]
    return []


def index_columns(rendering: Rendering) -> int:
    """Columns of the item index: two when the body is wide enough."""
    return 2 if rendering.areas.body.w >= 120 * MM else 1


def index_leading(rendering: Rendering) -> float:
    """Line spacing of the item index."""
    return rendering.fonts.body_size_pt * 0.9 * 1.4


def index_rows_per_page(rendering: Rendering) -> int:
    """Index entries that fit on one page."""
    return max(1, int(rendering.areas.body.h // index_leading(rendering))) * index_columns(
        rendering
    )
