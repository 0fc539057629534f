"""The catalogue builder's pages, for the facilitators and admins of a network.

A catalogue is built step by step: theme → selection → pooling → arrangement → prices → check,
then preview and publish (blueprint ``editions``). Each step is one URL; its handler lives in
``steps``. Views load, check permission, call a service and render or redirect.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from catalogue.catalogues import services, steps, themechoice
from catalogue.catalogues.access import managed_catalogue
from catalogue.catalogues.forms import LAYOUT_LABELS, settings_form_class
from catalogue.catalogues.loading import load_items
from catalogue.catalogues.models import Catalogue
from catalogue.core.forms import save_form
from catalogue.core.permissions import requires
from catalogue.extensions import db

bp = Blueprint("catalogues", __name__, url_prefix="/n/<network_slug>/manage/catalogues")

STEP_NAMES = "any(theme, selection, pooling, arrangement, pricing, check)"
# The step bar on every page of a catalogue, the editions blueprint's included.
bp.add_app_template_global(steps.step_bar, "catalogue_step_bar")


@bp.route("/")
@requires("catalogue.manage")
def index(network_slug: str) -> str:
    catalogues = db.session.scalars(
        select(Catalogue)
        .where(Catalogue.network_id == g.network.id)
        .order_by(Catalogue.created_at.desc(), Catalogue.id.desc())
    ).all()
    return render_template("catalogues/index.html", network=g.network, catalogues=catalogues)


@bp.route("/new", methods=["GET", "POST"])
@requires("catalogue.manage")
def new(network_slug: str) -> str | Response | tuple[str, int]:
    languages = tuple(current_app.config["LANGUAGES"])
    form = settings_form_class(languages, True)()
    themes = themechoice.available()
    steps.fill_settings_choices(form, themes)
    if not form.is_submitted():
        form.theme.data = themes[0].slug
        form.layout.data = themes[0].layouts[0]
        form.locales.data = [g.network.default_locale]
        form.kind.data, form.market.data, form.format.data = "theme", "b2b", "booklet"
        form.stories.data = "producer"
    done = save_form(
        form,
        lambda: services.create_catalogue(
            db.session, g.network, steps.settings_data(form, languages, new=True), current_user
        ),
    )
    if done.saved and done.result is not None:
        flash(_("Catalogue created. Now choose its products."), "success")
        return redirect(
            url_for(
                "catalogues.step",
                network_slug=network_slug,
                catalogue_slug=done.result.slug,
                step="selection",
            )
        )
    status = done.status
    page = render_template(
        "catalogues/theme.html",
        network=g.network,
        catalogue=None,
        form=form,
        themes=themes,
        languages=languages,
        layout_labels=LAYOUT_LABELS,
        bar=None,
    )
    return page, status


@bp.route(f"/<catalogue_slug>/<{STEP_NAMES}:step>", methods=["GET", "POST"])
@requires("catalogue.manage")
def step(network_slug: str, catalogue_slug: str, step: str) -> str | Response | tuple[str, int]:
    catalogue = managed_catalogue(catalogue_slug)
    # Every other step walks the items: load them a query per kind (the check loads them
    # itself, only when its report is not the one already worked out for the same data).
    if step not in ("theme", "check"):
        load_items(db.session, catalogue)
    return steps.HANDLERS[step](catalogue)
