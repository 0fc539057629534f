"""The published edition a buyer browses, and its snapshot as the pages show it.

A catalogue's web pages show its latest published edition: the frozen snapshot, so the web
matches what was printed. A snapshot never changes once published, so its parsed form is kept in
memory by edition id. Texts come in the reader's language when the edition has it, else in the
edition's first language that has the text (the page then says so).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask import abort
from flask_babel import get_locale
from sqlalchemy import select

from catalogue.catalogues.models import Catalogue
from catalogue.editions.models import Edition, EditionStatus
from catalogue.extensions import db
from catalogue.networks.models import Network

_KEPT = 8
# By edition id and snapshot digest: what a published edition shows never changes.
_snapshots: OrderedDict[tuple[int, str], Shown] = OrderedDict()
_lock = threading.Lock()


@dataclass
class Shown:
    """An edition's snapshot, indexed for the pages."""

    edition_id: int
    number: int
    snapshot: dict[str, Any]
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # by code
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)  # by key
    producers: dict[str, dict[str, Any]] = field(default_factory=dict)  # by slug
    photo_keys: set[str] = field(default_factory=set)  # web and screen copies it shows
    originals: set[str] = field(default_factory=set)  # the photos those were made from

    @property
    def info(self) -> dict[str, Any]:
        return self.snapshot["catalogue"]

    @property
    def locales(self) -> list[str]:
        return list(self.info.get("locales") or [])

    @property
    def wholesale(self) -> bool:
        return self.info.get("market") == "b2b"

    def text(self, texts: dict[str, str] | None) -> str:
        """``texts`` in the reader's language, else in the edition's first that has it."""
        if not texts:
            return ""
        for code in (str(get_locale()), *self.locales):
            if texts.get(code):
                return texts[code]
        return next((t for t in texts.values() if t), "")

    def in_reader_language(self) -> bool:
        return str(get_locale()) in self.locales

    def content_locale(self) -> str:
        """The language the catalogue's texts are shown in (for the page's ``lang``)."""
        reader = str(get_locale())
        return reader if reader in self.locales or not self.locales else self.locales[0]

    def section_items(self, key: str) -> list[dict[str, Any]]:
        section = self.sections.get(key)
        if section is None:
            return []
        return [self.items[c] for c in section["codes"] if c in self.items]


def _index(edition: Edition) -> Shown:
    snapshot = edition.snapshot
    shown = Shown(edition.id, edition.number, snapshot)
    shown.items = {item["code"]: item for item in snapshot.get("items", [])}
    shown.sections = {s["key"]: s for s in snapshot.get("sections", [])}
    shown.producers = {p["slug"]: p for p in snapshot.get("producers", []) if p.get("slug")}
    for item in shown.items.values():
        photo = item.get("photo")
        if photo:
            shown.photo_keys.update((photo["web_sha256"], photo["screen_sha256"]))
            shown.originals.add(photo["sha256"])
    return shown


def published(network_slug: str, catalogue_slug: str) -> tuple[Catalogue, Shown]:
    """The catalogue and its latest published edition; 404 when there is none."""
    row = db.session.execute(
        select(Catalogue, Edition.id, Edition.snapshot_sha256)
        .join(Network, Network.id == Catalogue.network_id)
        .join(Edition, Edition.catalogue_id == Catalogue.id)
        .where(
            Network.slug == network_slug,
            Catalogue.slug == catalogue_slug,
            Edition.status == EditionStatus.PUBLISHED,
        )
        .order_by(Edition.number.desc())
        .limit(1)
    ).first()
    if row is None:
        abort(404)
    catalogue, edition_id, sha = row
    key = (edition_id, sha)
    with _lock:
        shown = _snapshots.get(key)
        if shown is not None:
            _snapshots.move_to_end(key)
            return catalogue, shown
    edition = db.session.get(Edition, edition_id)
    assert edition is not None
    shown = _index(edition)
    with _lock:
        _snapshots[key] = shown
        while len(_snapshots) > _KEPT:
            _snapshots.popitem(last=False)
    return catalogue, shown


def price_lines(price: dict[str, Any]) -> list[tuple[int | None, Decimal, Decimal]]:
    """The price as lines to show: ``(from quantity or None, low, high)``."""
    if price.get("display") == "tiers" and price.get("tiers"):
        return [
            (tier["min_quantity"], Decimal(tier["unit_price"]), Decimal(tier["unit_price"]))
            for tier in price["tiers"]
        ]
    return [(None, Decimal(price["min"]), Decimal(price["max"]))]
