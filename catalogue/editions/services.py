"""Publishing: freeze a catalogue into a numbered edition and write its files.

``publish`` does the work (in a job, or directly from the CLI); ``start_publish`` and
``start_preview`` are what the builder's buttons call: they check, then enqueue.

Publishing reads, then renders, then writes: the snapshot is taken in a read transaction, the
files are rendered with no transaction open (so SQLite's write lock is never held while pages are
drawn), and the edition is written in short write transactions - the site keeps serving pages
meanwhile, and the edition is visible as soon as it is published.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.catalogues.models import Catalogue, CatalogueStatus
from catalogue.core.audit import label_of, record
from catalogue.core.types import utcnow
from catalogue.core.validation import ValidationError
from catalogue.editions.changes import change_summary
from catalogue.editions.models import Edition, EditionItem, EditionItemSource, EditionStatus
from catalogue.editions.render import Progress, parse_formats, render_edition, snapshot_sha256
from catalogue.editions.schema import Snapshot
from catalogue.extensions import db
from catalogue.jobs.models import Job
from catalogue.jobs.queue import enqueue
from catalogue.media.storage import get_storage

DRAFT = "draft"


def catalogue_dir(catalogue: Catalogue) -> Path:
    """``exports/<network>.<catalogue>/``: one folder per catalogue, editions inside."""
    root = Path(current_app.config["EXPORTS_DIR"])
    return root / f"{catalogue.network.slug}.{catalogue.slug}"


def edition_dir(catalogue: Catalogue, number: int | str) -> Path:
    """The folder of edition ``number`` (or ``draft``) of ``catalogue`` under the exports folder."""
    return catalogue_dir(catalogue) / str(number)


def latest_edition(session: Session, catalogue: Catalogue) -> Edition | None:
    """The catalogue's newest published edition, if any."""
    return session.scalar(
        select(Edition)
        .where(Edition.catalogue_id == catalogue.id, Edition.status == EditionStatus.PUBLISHED)
        .order_by(Edition.number.desc())
        .limit(1)
    )


def _check_publishable(session: Session, catalogue: Catalogue) -> None:
    from catalogue.catalogues.completeness import check

    report = check(session, catalogue)
    if not report.can_publish:
        errors = {
            ".".join(filter(None, (p.code or "catalogue", p.kind, p.locale))): str(p.message)
            for p in report.errors
        }
        raise ValidationError(errors or {"catalogue": str(_l("The catalogue is not complete."))})


class _PhotoFiles:
    """Local paths of stored photos; fetched into a temporary folder when storage is remote."""

    def __init__(self) -> None:
        self.storage = get_storage()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def __call__(self, key: str) -> Path:
        local = self.storage.local_path(key)
        if local is not None:
            return local
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="catalogue-photos-")
        path = Path(self._tmp.name) / f"{key}.jpg"
        if not path.exists():
            path.write_bytes(self.storage.get(key))
        return path

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()


def render(
    snapshot: Snapshot,
    out_dir: Path,
    formats: tuple[str, ...],
    *,
    progress: Progress | None = None,
    extra: dict[str, Any] | None = None,
    reuse: Path | None = None,
) -> dict[str, Any]:
    """Render ``snapshot`` with its theme into ``out_dir``; returns the manifest. ``reuse``: the
    previous edition's folder, whose files are linked where they would come out the same."""
    from catalogue.themes import get_theme

    photos = _PhotoFiles()
    try:
        return render_edition(
            snapshot,
            out_dir,
            formats,
            theme=get_theme(snapshot["catalogue"]["theme"]),
            photo_path=photos,
            base_url=str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/"),
            progress=progress,
            extra=extra,
            reuse=reuse,
        )
    finally:
        photos.close()


def _next_number(session: Session, catalogue: Catalogue) -> int:
    return (
        session.scalar(select(func.max(Edition.number)).where(Edition.catalogue_id == catalogue.id))
        or 0
    ) + 1


def publish(
    session: Session,
    catalogue: Catalogue,
    formats: str | tuple[str, ...] = ("print", "screen"),
    *,
    user: Any = None,
    progress: Callable[[int, str], None] | None = None,
) -> Edition:
    """Freeze ``catalogue`` as its next edition and write ``exports/.../<number>/``.

    Refused (``ValidationError``) while the completeness check has errors. Three steps: read
    (check and snapshot, no lock taken); commit the edition as ``building`` in a short write
    transaction, so its number is taken; render with no transaction open; then commit it as
    ``published`` (or ``failed``) in another short write transaction. Committed here: anything
    the caller left pending is committed before the snapshot is taken. When nothing that goes
    into the files changed since the previous edition, its files are hard-linked, not redrawn.
    """
    from catalogue.editions.snapshot import build_snapshot

    wanted = parse_formats(formats)
    with db.reading(session):
        _check_publishable(session, catalogue)
        previous = latest_edition(session, catalogue)
        number = _next_number(session, catalogue)
        snapshot = build_snapshot(session, catalogue, edition_number=number)
        summary = change_summary(previous.snapshot if previous else None, snapshot)
        reuse = edition_dir(catalogue, previous.number) if previous else None
    with db.writing(session):
        # Another publish may have taken the number meanwhile: the snapshot's content does not
        # depend on it, only its label does.
        taken = _next_number(session, catalogue)
        if taken != number:
            number = snapshot["edition"] = taken
        edition = Edition(
            catalogue=catalogue,
            number=number,
            status=EditionStatus.BUILDING,
            snapshot=snapshot,
            snapshot_sha256=snapshot_sha256(snapshot),
            published_by_id=getattr(user, "id", None),
        )
        session.add(edition)
        out_dir = edition_dir(catalogue, number)

    def _progress(step: str, done: int, total: int) -> None:
        if progress:
            progress(5 + 90 * done // max(total, 1), step)

    try:
        manifest = render(
            snapshot,
            out_dir,
            wanted,
            progress=_progress,
            extra={"change_summary": summary},
            reuse=reuse,
        )
    except Exception:
        with db.writing(session):
            edition.status = EditionStatus.FAILED
        raise
    with db.writing(session):
        _freeze_items(edition, snapshot)
        edition.manifest = manifest
        edition.change_summary = summary
        edition.status = EditionStatus.PUBLISHED
        edition.published_at = utcnow()
        catalogue.status = CatalogueStatus.PUBLISHED
        record(
            session,
            "edition.publish",
            edition,
            actor=user,
            network_id=catalogue.network_id,
            label=label_of(catalogue),
            number=number,
            formats=list(wanted),
        )
    if progress:
        progress(100, "published")
    return edition


def _freeze_items(edition: Edition, snapshot: Snapshot) -> None:
    """The rows orders will refer to: code, name, price, minimums, lead time, sources."""
    currency = snapshot["catalogue"]["currency"]
    for item in snapshot["items"]:
        row = EditionItem(
            code=item["code"],
            position=item["position"],
            name=item["name"],
            currency=currency,
            # The list price is the top of the range: a producer is never quoted below it.
            unit_price=Decimal(item["price"]["max"]),
            min_order=max(1, item["min_order"]),
            case_multiple=max(1, item["case_multiple"]),
            lead_time_days=item["lead_time_days"],
        )
        row.sources = [
            EditionItemSource(product_id=s["product_id"], producer_id=s["producer_id"])
            for s in item.get("sources", [])
        ]
        edition.items.append(row)


def preview(
    session: Session, catalogue: Catalogue, *, progress: Callable[[int, str], None] | None = None
) -> dict[str, Any]:
    """Render the catalogue as it stands into ``<catalogue>/draft/`` with page previews (read,
    then rendered with no transaction open)."""
    from catalogue.editions.snapshot import build_snapshot

    with db.reading(session):
        snapshot = build_snapshot(session, catalogue, edition_number=0)
        out_dir = edition_dir(catalogue, DRAFT)

    def _progress(step: str, done: int, total: int) -> None:
        if progress:
            progress(5 + 90 * done // max(total, 1), step)

    return render(snapshot, out_dir, ("print",), progress=_progress, reuse=out_dir)


def start_publish(session: Session, catalogue: Catalogue, formats: str, user: Any) -> Job:
    """Check, then queue the publishing job (it runs after the caller commits)."""
    wanted = parse_formats(formats)
    _check_publishable(session, catalogue)
    return enqueue(
        session,
        "editions.publish",
        {"catalogue_id": catalogue.id, "formats": ",".join(wanted)},
        actor=user,
    )


def start_preview(session: Session, catalogue: Catalogue, user: Any) -> Job:
    """Queue a draft rendering with page previews (see :func:`preview`); its job."""
    return enqueue(session, "editions.preview", {"catalogue_id": catalogue.id}, actor=user)
