"""The builder's last two steps: page previews, and publishing editions with progress."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from catalogue.catalogues.access import managed_catalogue
from catalogue.catalogues.models import Catalogue
from catalogue.core.forms import Form
from catalogue.core.loading import load_by
from catalogue.core.permissions import requires
from catalogue.core.validation import ValidationError
from catalogue.editions import services
from catalogue.editions.changes import is_empty
from catalogue.editions.models import Edition, EditionStatus
from catalogue.editions.render import FORMATS
from catalogue.extensions import db
from catalogue.jobs.models import Job

bp = Blueprint(
    "editions", __name__, url_prefix="/n/<network_slug>/manage/catalogues/<catalogue_slug>"
)

FORMAT_LABELS = {
    "print": _l("Print PDF (bleed, crop marks, 300 ppi)"),
    "screen": _l("Screen PDF (light, for e-mail, linked to the web pages)"),
    "imposed": _l("2-up saddle-stitch imposition (booklets)"),
}


class PublishForm(Form):
    formats = SelectMultipleField(
        _l("Formats"),
        choices=[SelectChoice(f, FORMAT_LABELS[f]) for f in FORMATS],
        default=["print", "screen"],
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
    )


class PreviewForm(Form):
    pass


def _manifest(folder: Path) -> dict[str, Any] | None:
    path = folder / "manifest.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text())


def _job(job_id: str | None) -> Job | None:
    if not job_id:
        return None
    job = db.session.get(Job, job_id)
    if job is None or job.created_by_id != current_user.id:
        return None
    return job


@bp.route("/preview", methods=["GET", "POST"])
@requires("catalogue.publish")
def preview(network_slug: str, catalogue_slug: str) -> str | Response:
    catalogue = managed_catalogue(catalogue_slug)
    form = PreviewForm()
    if form.validate_on_submit():
        job = services.start_preview(db.session, catalogue, current_user)
        db.session.commit()
        return redirect(
            url_for(
                ".preview", network_slug=network_slug, catalogue_slug=catalogue_slug, job=job.id
            )
        )
    manifest = _manifest(services.edition_dir(catalogue, services.DRAFT))
    return render_template(
        "editions/preview.html",
        catalogue=catalogue,
        form=form,
        manifest=manifest,
        job=_job(request.args.get("job")),
    )


@bp.route("/publish", methods=["GET", "POST"])
@requires("catalogue.publish")
def publish(network_slug: str, catalogue_slug: str) -> str | Response:
    from catalogue.catalogues.completeness import check

    catalogue = managed_catalogue(catalogue_slug)
    form = PublishForm()
    if form.validate_on_submit():
        try:
            job = services.start_publish(
                db.session, catalogue, ",".join(form.formats.data or []), current_user
            )
        except (ValidationError, ValueError) as exc:
            db.session.rollback()
            messages = exc.errors.values() if isinstance(exc, ValidationError) else [str(exc)]
            for message in messages:
                flash(str(message), "error")
        else:
            db.session.commit()
            return redirect(
                url_for(
                    ".publish", network_slug=network_slug, catalogue_slug=catalogue_slug, job=job.id
                )
            )
    editions = db.session.scalars(
        select(Edition).where(Edition.catalogue_id == catalogue.id).order_by(Edition.number.desc())
    ).all()
    return render_template(
        "editions/publish.html",
        catalogue=catalogue,
        form=form,
        report=check(db.session, catalogue),
        editions=editions,
        job=_job(request.args.get("job")),
        is_empty=is_empty,
    )


@bp.route("/editions/<int:number>")
@requires("catalogue.publish")
def detail(network_slug: str, catalogue_slug: str, number: int) -> str:
    catalogue = managed_catalogue(catalogue_slug)
    edition = load_by(Edition, Edition.catalogue_id == catalogue.id, Edition.number == number)
    return render_template(
        "editions/detail.html",
        catalogue=catalogue,
        edition=edition,
        manifest=edition.manifest if edition.status == EditionStatus.PUBLISHED else None,
        summary=edition.change_summary,
        is_empty=is_empty,
    )


@bp.route("/editions/<int:number>/files/<path:filename>")
@requires("catalogue.publish")
def edition_file(network_slug: str, catalogue_slug: str, number: int, filename: str) -> Response:
    catalogue = managed_catalogue(catalogue_slug)
    return _send(
        services.edition_dir(catalogue, number),
        filename,
        download_name(catalogue, number, filename),
    )


@bp.route("/preview/files/<path:filename>")
@requires("catalogue.publish")
def draft_file(network_slug: str, catalogue_slug: str, filename: str) -> Response:
    catalogue = managed_catalogue(catalogue_slug)
    return _send(
        services.edition_dir(catalogue, services.DRAFT),
        filename,
        download_name(catalogue, None, filename),
    )


def download_name(catalogue: Catalogue, number: int | None, filename: str) -> str:
    """What a downloaded file is called on the reader's computer (the URL stays the file's own
    name): ``<network>-<catalogue>-edition-<n>-print-es.pdf``, ``…-preview-print.pdf``."""
    stem, dot, ext = PurePosixPath(filename).name.partition(".")
    parts = [stem, *ext.split(".")[:-1]] if dot else [stem]
    last = ext.rsplit(".", 1)[-1] if dot else ""
    which = f"edition-{number}" if number is not None else "preview"
    name = "-".join([catalogue.network.slug, catalogue.slug, which, *parts])
    return f"{name}.{last}" if last else name


def _send(folder: Path, filename: str, name: str) -> Response:
    if not folder.is_dir():
        abort(404)
    _make_missing_preview(folder, filename)
    # send_from_directory refuses paths that leave the folder. Documents are saved under their
    # descriptive name; page images open in the browser (and keep the name when saved).
    attach = not filename.lower().endswith(".png")
    return send_from_directory(
        folder, filename, max_age=0, download_name=name, as_attachment=attach
    )


def _make_missing_preview(folder: Path, filename: str) -> None:
    """Page previews past the first few are made on first request (then kept on disk): only a
    page the manifest lists, from the PDF it names."""
    from catalogue.exports.previews import ensure_preview, page_number_of

    parts = PurePosixPath(filename).parts
    if len(parts) != 2 or parts[0] != "previews" or (folder / filename).is_file():
        return
    number = page_number_of(parts[1])
    manifest = _manifest(folder)
    if number is None or not manifest or filename not in (manifest.get("previews") or []):
        return
    source = manifest.get("preview_source")
    if source and PurePosixPath(source).name == source:
        ensure_preview(folder / source, folder / "previews", number)
