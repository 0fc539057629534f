"""What changed between two editions, for the print shop and the facilitator.

Everything a reader of the catalogue can see counts: items added and removed, prices, names and
descriptions, photos, who makes an item (a producer's public name, a pool's sources), the facts
printed with it (region, minimum order, units per case, lead time, capacity, materials,
colours, category), the producers' story pages, and the layout, sections and settings.
"""

from __future__ import annotations

from typing import Any

from catalogue.editions.schema import Item, Snapshot

# Item facts printed with the item, besides its name, description, price and photo.
DETAIL_FIELDS = (
    "region",
    "min_order",
    "case_multiple",
    "lead_time_days",
    "units_per_month",
    "materials",
    "colours",
    "category",
)
STORY_FIELDS = ("name", "region", "economy", "story")
CHANGE_KEYS = (
    "added",
    "removed",
    "price_changed",
    "text_changed",
    "photo_changed",
    "producer_changed",
    "details_changed",
    "stories_changed",
)


def _by_code(snapshot: Snapshot | None) -> dict[str, Item]:
    return {item["code"]: item for item in (snapshot or {}).get("items", [])}


def _price(item: Item) -> dict[str, Any]:
    price = item["price"]
    return {"min": price["min"], "max": price["max"], "tiers": price.get("tiers", [])}


def _stories_changed(previous: Snapshot | None, current: Snapshot) -> list[str]:
    """Public names of producers whose story page is new, gone or different (current name)."""
    if previous is None:
        return []
    before = {p["id"]: p for p in previous.get("producers", [])}
    after = {p["id"]: p for p in current.get("producers", [])}
    changed = []
    for producer_id in sorted(set(before) | set(after)):
        old, new = before.get(producer_id), after.get(producer_id)
        if old is None or new is None:
            changed.append((new or old or {}).get("name", ""))
        elif any(old.get(f) != new.get(f) for f in STORY_FIELDS):
            changed.append(new.get("name", ""))
    return changed


def change_summary(previous: Snapshot | None, current: Snapshot) -> dict[str, Any]:
    """Items added, removed, and whose price, text, photo, makers or printed facts changed, by
    item code; story pages that changed; whether layout or settings changed.

    Empty lists mean nothing changed for a buyer or a printer; the first edition has no
    previous one, so every item counts as added.
    """
    before, after = _by_code(previous), _by_code(current)
    added = sorted(code for code in after if code not in before)
    removed = sorted(code for code in before if code not in after)
    price_changed = []
    text_changed = []
    photo_changed = []
    producer_changed = []
    details_changed = []
    for code in sorted(set(before) & set(after)):
        old, new = before[code], after[code]
        if _price(old) != _price(new):
            price_changed.append({"code": code, "before": _price(old), "after": _price(new)})
        if (old["name"], old["description"]) != (new["name"], new["description"]):
            text_changed.append(code)
        if (old["photo"] or {}).get("sha256") != (new["photo"] or {}).get("sha256"):
            photo_changed.append(code)
        old_makers, new_makers = old.get("producer_names", []), new.get("producer_names", [])
        if old_makers != new_makers:
            producer_changed.append({"code": code, "before": old_makers, "after": new_makers})
        fields = [f for f in DETAIL_FIELDS if old.get(f) != new.get(f)]
        if fields:
            details_changed.append({"code": code, "fields": fields})
    layout_changed = previous is not None and (_layout_key(previous) != _layout_key(current))
    return {
        "previous_edition": previous["edition"] if previous else None,
        "added": added,
        "removed": removed,
        "price_changed": price_changed,
        "text_changed": text_changed,
        "photo_changed": photo_changed,
        "producer_changed": producer_changed,
        "details_changed": details_changed,
        "stories_changed": _stories_changed(previous, current),
        "layout_changed": layout_changed,
    }


def _layout_key(snapshot: Snapshot) -> Any:
    info = dict(snapshot["catalogue"])
    return info, [(s["key"], s["title"], s["codes"]) for s in snapshot["sections"]]


def is_empty(summary: dict[str, Any]) -> bool:
    """True when an edition is, for its readers, the same as the one before."""
    return (
        summary.get("previous_edition") is not None
        and not any(summary.get(k) for k in CHANGE_KEYS)
        and not summary.get("layout_changed")
    )
