"""The facilitator's review queue: approve a submitted product or ask for changes. A change to
an approved product waits here as its pending change; the approved version stays live until
she approves it."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Load, contains_eager, selectinload
from werkzeug.wrappers import Response

from catalogue.core.forms import save_form
from catalogue.core.loading import load
from catalogue.core.paging import page_number, paginate
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.producers.models import Producer
from catalogue.products import costing, revisions, workflow
from catalogue.products.forms import ReviewForm
from catalogue.products.models import PriceRange, Product, ProductStatus

bp = Blueprint("review", __name__, url_prefix="/n/<network_slug>/review")


QUEUE_PAGE_SIZE = 50


def _compared_options(path: Any) -> list[Any]:
    """Loader options under ``path`` for what the queue shows and compares of a product
    (``revisions.parts_of``): texts, tags, capacity, prices and tiers, photos."""
    return [
        path.selectinload(Product.texts),
        path.selectinload(Product.tags),
        path.selectinload(Product.capacity),
        path.selectinload(Product.price_ranges).selectinload(PriceRange.tiers),
        path.selectinload(Product.images),
    ]


@bp.route("/")
@requires("product.review")
def queue(network_slug: str) -> str:
    """Products, and changes to approved products, waiting for review (oldest first), a page
    at a time (``?page=N``); a change is compared with its live product without a query per
    row."""
    page = paginate(
        db.session,
        select(Product)
        .join(Product.producer)
        .where(Producer.network_id == g.network.id, Product.status == ProductStatus.SUBMITTED)
        .order_by(Product.updated_at, Product.id)
        .options(
            contains_eager(Product.producer),
            *_compared_options(Load(Product)),
            *_compared_options(selectinload(Product.draft_of)),
        ),
        page_number(request.args),
        QUEUE_PAGE_SIZE,
    )
    products = page.items
    changes = {p.id: revisions.changed_parts(p) for p in products if p.draft_of_id is not None}
    return render_template(
        "review/queue.html", network=g.network, page=page, products=products, changes=changes
    )


@bp.route("/<int:product_id>", methods=["GET", "POST"])
@requires("product.review")
def decide(network_slug: str, product_id: int) -> str | Response | tuple[str, int]:
    """Approve or ask for changes: to the product, or to the change waiting for review."""
    product = load(Product, product_id, lambda p: p.producer.network_id == g.network.id).editing
    live = product.live
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
    cost = live.cost  # her costing stays with the product
    computed = costing.costing_of(cost) if cost else None
    return render_template(
        "review/decide.html",
        network=g.network,
        product=product,
        live=live,
        changed=revisions.changed_parts(product),
        form=form,
        costing=computed,
        cost=cost,
        below=[
            p
            for p in product.price_ranges
            if computed
            and cost
            and p.currency == cost.currency
            and costing.below_guideline(p, computed)
        ],
    ), done.status
