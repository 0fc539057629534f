"""The facilitator's review queue: approve a submitted product or ask for changes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from catalogue.core.forms import save_form
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products import costing, workflow
from catalogue.products.forms import ReviewForm
from catalogue.products.models import Product, ProductStatus

bp = Blueprint("review", __name__, url_prefix="/n/<network_slug>/review")


@bp.route("/")
@requires("product.review")
def queue(network_slug: str) -> str:
    products = db.session.scalars(
        select(Product)
        .join(Product.producer)
        .where(Producer.network_id == g.network.id, Product.status == ProductStatus.SUBMITTED)
        .order_by(Product.updated_at)
    ).all()
    return render_template("review/queue.html", network=g.network, products=products)


@bp.route("/<int:product_id>", methods=["GET", "POST"])
@requires("product.review")
def decide(network_slug: str, product_id: int) -> str | Response | tuple[str, int]:
    product = db.session.get(Product, product_id)
    if product is None or product.producer.network_id != g.network.id:
        abort(404)
    form = ReviewForm()

    def decide() -> None:
        if form.decision.data == "approve":
            workflow.approve(db.session, product, current_user)
        else:
            workflow.request_changes(db.session, product, current_user, form.note.data or "")

    done = save_form(form, decide)
    if done.saved:
        flash(_("Decision saved."), "success")
        return redirect(url_for("review.queue", network_slug=network_slug))
    status = done.status
    computed = costing.costing_of(product.cost) if product.cost else None
    return render_template(
        "review/decide.html",
        network=g.network,
        product=product,
        form=form,
        costing=computed,
        below=[
            p
            for p in product.price_ranges
            if computed
            and product.cost
            and p.currency == product.cost.currency
            and costing.below_guideline(p, computed)
        ],
    ), status
