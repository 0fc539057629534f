"""Producers' public profiles, her own page, and the facilitator's producer table."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from catalogue.core.forms import Form, commit_or_flash
from catalogue.core.page_cache import public_page
from catalogue.core.paging import page_number, paginate
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers import services
from catalogue.producers.access import network_producer
from catalogue.producers.models import Producer, ProducerContact, SupportKind, SupportStatus
from catalogue.products import listing
from catalogue.products.models import Product

bp = Blueprint("producers", __name__, url_prefix="/n/<network_slug>")


PRODUCTS_PER_PAGE = 24


@bp.route("/producers/<producer_slug>")
@public_page
@requires("producer.view")
def show(network_slug: str, producer_slug: str) -> str:
    """Her public profile and her products, a page at a time (``?page=N``)."""
    producer = network_producer(producer_slug, allowed=lambda p: p.is_public)
    page = paginate(
        db.session,
        select(Product)
        .where(Product.producer_id == producer.id, *listing.public())
        .order_by(Product.id)
        .options(*listing.card_options()),
        page_number(request.args),
        PRODUCTS_PER_PAGE,
    )
    return render_template("producers/show.html", producer=producer, page=page)


@bp.route("/my/<producer_slug>")
@requires("producer.own")
def mine(network_slug: str, producer_slug: str) -> str:
    producer = network_producer(
        producer_slug, allowed=lambda p: p.id in current_user.producer_ids()
    )
    contact = db.session.get(ProducerContact, producer.id)
    return render_template("producers/mine.html", producer=producer, contact=contact)


PRODUCERS_PER_PAGE = 100


@bp.route("/manage/producers")
@requires("producer.manage")
def manage(network_slug: str) -> str:
    """Every producer of the network with her private contact and her number of products,
    a page at a time (``?page=N``): four queries whatever the size of the network."""
    page = paginate(
        db.session,
        select(Producer)
        .where(Producer.network_id == g.network.id)
        .order_by(Producer.display_name, Producer.id),
        page_number(request.args),
        PRODUCERS_PER_PAGE,
    )
    ids = [p.id for p in page.items]
    contacts = {
        c.producer_id: c
        for c in db.session.scalars(
            select(ProducerContact).where(ProducerContact.producer_id.in_(ids))
        )
    }
    counts = dict(
        db.session.execute(
            select(Product.producer_id, func.count())
            .where(Product.producer_id.in_(ids), Product.draft_of_id.is_(None))
            .group_by(Product.producer_id)
        ).all()
    )
    return render_template(
        "producers/manage.html",
        network=g.network,
        page=page,
        producers=page.items,
        contacts=contacts,
        counts=counts,
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
