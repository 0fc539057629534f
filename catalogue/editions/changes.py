"""What changed between two editions, for the print shop and the facilitator."""

from __future__ import annotations

from typing import Any

from catalogue.editions.schema import Item, Snapshot


def _by_code(snapshot: Snapshot | None) -> dict[str, Item]:
    return {item["code"]: item for item in (snapshot or {}).get("items", [])}


def _price(item: Item) -> dict[str, Any]:
    price = item["price"]
    return {"min": price["min"], "max": price["max"], "tiers": price.get("tiers", [])}


def change_summary(previous: Snapshot | None, current: Snapshot) -> dict[str, Any]:
    """Items added, removed, and whose price or text changed, by item code.

    Empty lists mean nothing changed for a buyer or a printer; the first edition has no
    previous one, so every item counts as added.
    """
    before, after = _by_code(previous), _by_code(current)
    added = sorted(code for code in after if code not in before)
    removed = sorted(code for code in before if code not in after)
    price_changed = []
    text_changed = []
    photo_changed = []
    for code in sorted(set(before) & set(after)):
        old, new = before[code], after[code]
        if _price(old) != _price(new):
            price_changed.append({"code": code, "before": _price(old), "after": _price(new)})
        if (old["name"], old["description"]) != (new["name"], new["description"]):
            text_changed.append(code)
        if (old["photo"] or {}).get("sha256") != (new["photo"] or {}).get("sha256"):
            photo_changed.append(code)
    layout_changed = previous is not None and (_layout_key(previous) != _layout_key(current))
    return {
        "previous_edition": previous["edition"] if previous else None,
        "added": added,
        "removed": removed,
        "price_changed": price_changed,
        "text_changed": text_changed,
        "photo_changed": photo_changed,
        "layout_changed": layout_changed,
    }


def _layout_key(snapshot: Snapshot) -> Any:
    info = dict(snapshot["catalogue"])
    return info, [(s["key"], s["codes"]) for s in snapshot["sections"]]


def is_empty(summary: dict[str, Any]) -> bool:
    """True when an edition is, for its readers, the same as the one before."""
    keys = ("added", "removed", "price_changed", "text_changed", "photo_changed")
    return (
        summary.get("previous_edition") is not None
        and not any(summary.get(k) for k in keys)
        and not summary.get("layout_changed")
    )
