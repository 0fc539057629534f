"""Bulk import for facilitators: upload, dry run, confirm."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.imports import staging
from catalogue.imports.columns import columns
from catalogue.imports.forms import ConfirmForm, UploadForm
from catalogue.imports.services import ImportResult, import_spreadsheet
from catalogue.networks.models import Network

bp = Blueprint("imports", __name__, url_prefix="/n/<network_slug>/import")


def _run(network: Network, staged: staging.Staged, *, dry_run: bool) -> ImportResult:
    return import_spreadsheet(
        db.session,
        network,
        staged.table.read_bytes(),
        staged.filename,
        staged.photos,
        dry_run=dry_run,
        actor=current_user,
    )


def _report(network: Network, result: ImportResult, filename: str, token: str | None) -> str:
    confirm = ConfirmForm(formdata=None, token=token) if token else None
    return render_template(
        "imports/report.html", network=network, result=result, filename=filename, confirm=confirm
    )


@bp.route("", methods=["GET", "POST"])
@requires("import.run")
def upload(network_slug: str) -> str | tuple[str, int]:
    network = g.network
    form = UploadForm()
    if form.validate_on_submit():
        table, photos = form.table.data, form.photos.data
        staged = staging.stage(
            current_app.instance_path,
            table=table.stream,
            filename=table.filename or "",
            photos=photos.stream if photos else None,
            network_slug=network.slug,
            user_id=current_user.id,
        )
        result = _run(network, staged, dry_run=True)
        if not result.ok:
            staging.discard(staged)
        return _report(network, result, staged.filename, staged.token if result.ok else None)
    page = render_template(
        "imports/upload.html",
        network=network,
        form=form,
        columns=columns(network.locales or [network.default_locale]),
    )
    return (page, 400) if form.is_submitted() else page


@bp.route("/confirm", methods=["POST"])
@requires("import.run")
def confirm(network_slug: str) -> Response | tuple[str, int]:
    network = g.network
    form = ConfirmForm()
    try:
        if not form.validate_on_submit():
            raise staging.UnknownImport()
        staged = staging.find(
            current_app.instance_path,
            form.token.data or "",
            network_slug=network.slug,
            user_id=current_user.id,
        )
    except staging.UnknownImport:
        message = _("This import is unknown or has expired. Please upload the files again.")
        return render_template("error.html", code=400, message=message), 400
    result = _run(network, staged, dry_run=False)
    staging.discard(staged)
    if not result.ok:  # the data changed since the dry run
        db.session.rollback()
        return _report(network, result, staged.filename, None), 409
    db.session.commit()
    flash(" ".join(result.summary()), "success")
    return redirect(url_for("producers.manage", network_slug=network.slug))
