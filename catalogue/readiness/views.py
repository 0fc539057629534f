"""The readiness checklist: producers fill it in; facilitators see everyone's results."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers.access import network_producer
from catalogue.readiness import questions, scoring, services
from catalogue.readiness.forms import FILTER_LABELS, AdviceFilterForm, checklist_form

bp = Blueprint("readiness", __name__, url_prefix="/n/<network_slug>")


@bp.context_processor
def _checklist_words() -> dict[str, object]:
    locale = str(get_locale())
    return {
        "sections": scoring.SECTIONS,
        "section_maxima": scoring.SECTION_MAXIMA,
        "section_title": lambda section: questions.section_title(section, locale),
        "advice_text": lambda code: questions.advice_text(code, locale),
        "filter_labels": FILTER_LABELS,
    }


@bp.route("/p/<producer_slug>/readiness", methods=["GET", "POST"])
@requires("readiness.take")
def checklist(network_slug: str, producer_slug: str) -> str | Response | tuple[str, int]:
    producer = network_producer(producer_slug, allowed=lambda p: p.can_edit(current_user))
    past = services.history(db.session, producer)
    latest = past[0] if past else None
    form = checklist_form(
        str(get_locale()),
        previous=latest.answers if latest and request.method == "GET" else None,
    )
    if form.validate_on_submit():
        services.record_assessment(db.session, producer, form.answers(), current_user)
        db.session.commit()
        flash(_("The answers are saved. Here is what they say."), "success")
        return redirect(
            url_for(
                ".checklist",
                network_slug=network_slug,
                producer_slug=producer.slug,
                _anchor="result",
            )
        )
    page = render_template(
        "readiness/checklist.html",
        network=g.network,
        producer=producer,
        form=form,
        latest=latest,
        result=services.result_of(latest) if latest else None,
        history=[(a, services.result_of(a)) for a in past],
    )
    return (page, 400) if form.is_submitted() else page


@bp.route("/readiness")
@requires("readiness.overview")
def overview(network_slug: str) -> str | tuple[str, int]:
    form = AdviceFilterForm(formdata=request.args)
    valid = form.validate()
    rows = services.overview(db.session, g.network, (form.advice.data or None) if valid else None)
    page = render_template("readiness/overview.html", network=g.network, form=form, rows=rows)
    return page if valid else (page, 400)
