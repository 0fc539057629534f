"""Producers' public profiles, her own page, and the facilitator's producer table."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from catalogue.core.forms import Form, commit_or_flash
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers import services
from catalogue.producers.access import network_producer
from catalogue.producers.models import Producer, ProducerContact, SupportKind, SupportStatus
from catalogue.products.models import Product, ProductStatus

bp = Blueprint("producers", __name__, url_prefix="/n/<network_slug>")


@bp.route("/producers/<producer_slug>")
@requires("producer.view")
def show(network_slug: str, producer_slug: str) -> str:
    producer = network_producer(producer_slug, allowed=lambda p: p.is_public)
    products = [p for p in producer.products if p.status == ProductStatus.APPROVED]
    return render_template("producers/show.html", producer=producer, products=products)


@bp.route("/my/<producer_slug>")
@requires("producer.own")
def mine(network_slug: str, producer_slug: str) -> str:
    producer = network_producer(
        producer_slug, allowed=lambda p: p.id in current_user.producer_ids()
    )
    contact = db.session.get(ProducerContact, producer.id)
    return render_template("producers/mine.html", producer=producer, contact=contact)


@bp.route("/manage/producers")
@requires("producer.manage")
def manage(network_slug: str) -> str:
    producers = db.session.scalars(
        select(Producer)
        .where(Producer.network_id == g.network.id)
        .options(selectinload(Producer.products))
        .order_by(Producer.display_name)
    ).all()
    contacts = {
        c.producer_id: c
        for c in db.session.scalars(
            select(ProducerContact).where(
                ProducerContact.producer_id.in_([p.id for p in producers])
            )
        )
    }
    return render_template(
        "producers/manage.html", network=g.network, producers=producers, contacts=contacts
    )


@bp.route("/manage/producers/<producer_slug>")
@requires("producer.manage")
def detail(network_slug: str, producer_slug: str) -> str:
    producer = network_producer(producer_slug)
    contact = db.session.get(ProducerContact, producer.id)
    products = db.session.scalars(
        select(Product)
        .where(Product.producer_id == producer.id, Product.draft_of_id.is_(None))
        .order_by(Product.sku)
    ).all()
    return render_template(
        "producers/detail.html", producer=producer, products=products, contact=contact
    )


SUPPORT_LABELS = {
    SupportKind.PACKAGING: _l("Packaging"),
    SupportKind.DESIGN: _l("Design"),
    SupportKind.PROTOTYPES: _l("Prototypes and samples"),
    SupportKind.PHOTOGRAPHY: _l("Photography"),
    SupportKind.COSTING: _l("Costing and prices"),
    SupportKind.TRANSLATION: _l("Translation"),
    SupportKind.SHIPPING: _l("Shipping"),
    SupportKind.MATERIALS: _l("Materials"),
    SupportKind.EXHIBITIONS: _l("Fairs and exhibitions"),
    SupportKind.TRAINING: _l("Training"),
}
STATUS_LABELS = {
    SupportStatus.NOT_NEEDED: _l("Not needed"),
    SupportStatus.REQUESTED: _l("Needed"),
    SupportStatus.IN_PROGRESS: _l("Being given"),
    SupportStatus.DONE: _l("Done"),
}


@bp.route("/manage/producers/<producer_slug>/support", methods=["GET", "POST"])
@requires("support.manage")
def support(network_slug: str, producer_slug: str) -> str | Response | tuple[str, int]:
    producer = network_producer(producer_slug)
    form = Form()  # CSRF; the rows are read from the request below
    status = 200
    if form.validate_on_submit():
        needs = {
            kind.value: (
                request.form.get(f"status-{kind.value}", ""),
                request.form.get(f"note-{kind.value}", ""),
            )
            for kind in SupportKind
            if f"status-{kind.value}" in request.form
        }
        done = commit_or_flash(
            lambda: services.set_support_needs(db.session, producer, needs, current_user)
        )
        status = done.status
        if done.saved:
            flash(_("Saved."), "success")
            return redirect(
                url_for("producers.support", network_slug=network_slug, producer_slug=producer.slug)
            )
    elif form.is_submitted():
        status = 400
    current = {n.kind: n for n in producer.support_needs}
    return render_template(
        "producers/support.html",
        producer=producer,
        form=form,
        current=current,
        kinds=SUPPORT_LABELS,
        statuses=STATUS_LABELS,
    ), status
