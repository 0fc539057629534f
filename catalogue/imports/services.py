"""Bulk import: check a batch of producer and product records (a dry run that stores nothing) and
apply it, through one code path. Callers commit."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.core.audit import record
from catalogue.extensions import db
from catalogue.imports.apply import Importer, Progress
from catalogue.imports.photos import PhotoInfo, PhotoSource, PreparedPhoto, PreparedPhotos
from catalogue.imports.readers import read_spreadsheet
from catalogue.imports.records import ImportBatch, Problem
from catalogue.imports.zipphotos import ZipPhotos
from catalogue.media.models import ProductImage
from catalogue.networks.models import Network
from catalogue.producers.models import Producer
from catalogue.products.models import Product

COUNTED = ("producers", "products", "photos")
# Prepared photos are held in memory until stored: at most this much is prepared ahead.
PREPARE_AHEAD_BYTES = 256 * 1024 * 1024


@dataclass
class ImportResult:
    """What a run found and did: problems by row and column, and how many records it created or
    updated (in a dry run: would create or update)."""

    dry_run: bool
    problems: list[Problem] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        """Flat counts for the audit trail: producers_created, producers_updated, …"""
        result = {f"{k}_created": self.created[k] for k in COUNTED}
        result.update({f"{k}_updated": self.updated[k] for k in COUNTED if k != "photos"})
        return result

    def summary(self) -> list[str]:
        """One sentence per kind of record, in the user's language."""
        c, u = self.created, self.updated
        if self.dry_run:
            return [
                _(
                    "Producers: %(new)d to create, %(old)d to update.",
                    new=c["producers"],
                    old=u["producers"],
                ),
                _(
                    "Products: %(new)d to create, %(old)d to update.",
                    new=c["products"],
                    old=u["products"],
                ),
                _("Photos: %(new)d to add.", new=c["photos"]),
            ]
        return [
            _(
                "Producers: %(new)d created, %(old)d updated.",
                new=c["producers"],
                old=u["producers"],
            ),
            _("Products: %(new)d created, %(old)d updated.", new=c["products"], old=u["products"]),
            _("Photos: %(new)d added.", new=c["photos"]),
        ]


def run(
    session: Session,
    network: Network,
    batch: ImportBatch,
    photos: PhotoSource | None,
    *,
    dry_run: bool,
    actor: Any = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check ``batch`` by applying it inside a savepoint, which is kept only when this is not a
    dry run and nothing was refused. Every problem is reported, not just the first; when there
    is any, nothing is changed. Not committed: the caller commits."""
    result = ImportResult(dry_run=dry_run, problems=list(batch.problems))
    if photos is not None:
        result.problems += photos.problems()
    importer = Importer(
        session,
        network,
        photos,
        dry_run=dry_run or bool(result.problems),
        actor=actor,
        progress=progress,
    )
    savepoint = session.begin_nested()
    try:
        importer.run(batch.producers, batch.products)
    except BaseException:
        savepoint.rollback()
        raise
    # A cell that could not be read is reported once, not again by the service it was meant for.
    unreadable = {(p.row, p.column) for p in result.problems if p.row}
    result.problems += [p for p in importer.problems if (p.row, p.column) not in unreadable]
    result.created, result.updated = importer.created, importer.updated
    if dry_run or result.problems:
        savepoint.rollback()
    else:
        savepoint.commit()
    result.problems.sort(key=lambda p: p.row)
    return result


def prepare_first(
    session: Session, network: Network, batch: ImportBatch, source: PhotoSource
) -> PhotoSource:
    """Check and prepare (clean, copies, quality report) the photos ``batch`` names and the
    network does not hold yet (up to ``PREPARE_AHEAD_BYTES``), with no transaction open: in the
    import's write transaction they are then only stored. Ends the session's open transaction
    (it must hold no change yet); a photo still needed there (another product's, say) is
    prepared there, as before."""
    names = list(dict.fromkeys(name for rec in batch.products for name in rec.photos))
    if not names or source.problems():
        return source
    with db.reading(session):  # also ends what is open: a page's request holds the lock
        held = session.execute(
            select(ProductImage.sha256, ProductImage.source_key)
            .join(Product, Product.id == ProductImage.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .where(Producer.network_id == network.id)
        ).all()
    shas = {sha for sha, _key in held}
    keys = {key for _sha, key in held if key}
    wanted = []
    for name in names:
        info = source.inspect(name)
        if isinstance(info, PhotoInfo) and not (info.sha256 in shas or info.key in keys):
            wanted.append(name)
    ready: dict[str, PreparedPhoto | str] = {}
    size = 0
    for name, photo in source.prepare(wanted):
        ready[name] = photo
        if isinstance(photo, PreparedPhoto):
            size += len(photo.data) + sum(len(d.data) for d in photo.derivatives.values())
        if size > PREPARE_AHEAD_BYTES:
            break  # the rest are prepared while they are stored, as before: memory stays bounded
    return PreparedPhotos(source, ready)


def open_photos(source: str | os.PathLike[str] | bytes | IO[bytes] | None) -> PhotoSource | None:
    """The photo source for an uploaded zip (None when there is none)."""
    return None if source is None else ZipPhotos(source)


def import_spreadsheet(
    session: Session,
    network: Network,
    data: bytes,
    filename: str,
    photos: str | os.PathLike[str] | bytes | IO[bytes] | None = None,
    *,
    dry_run: bool,
    actor: Any = None,
) -> ImportResult:
    """Read a CSV or XLSX file (and a zip of photos) and run it. When applied, an ``import.apply``
    audit event records the counts. Not committed: the caller commits."""
    batch = read_spreadsheet(
        data,
        filename,
        locales=current_app.config["LANGUAGES"],
        default_currency=network.default_currency,
        amount_locale=network.default_locale,
    )
    source = open_photos(photos)
    try:
        if source is not None and not dry_run and not batch.problems:
            source = prepare_first(session, network, batch, source)
        result = run(session, network, batch, source, dry_run=dry_run, actor=actor)
    finally:
        if source is not None:
            source.close()
    if not dry_run and result.ok:
        record(
            session,
            "import.apply",
            network,
            actor=actor,
            network_id=network.id,
            file=filename[:200],
            **result.counts(),
        )
    return result
