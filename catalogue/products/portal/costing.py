"""The costing helper: what one item costs her to make, and the prices that suggests."""

from __future__ import annotations

from flask import g, request

from catalogue.core.forms import save_form
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.products import costing
from catalogue.products.forms import CostingForm
from catalogue.products.portal.common import Page, amount, bp, producer_of, product_of, render


@bp.route("/products/<int:product_id>/costing", methods=["GET", "POST"])
@requires("producer.edit")
def costing_page(network_slug: str, producer_slug: str, product_id: int) -> Page:
    """Materials, hours, hourly pay and other costs; her costing is private and not reviewed,
    so it stays with the product (never with a pending change)."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    form = CostingForm()
    cost = item.cost
    if request.method == "GET":
        form.currency.data = cost.currency if cost else g.network.default_currency
        if cost:
            form.materials.data = amount(cost.materials, cost.currency)
            form.hours.data = str(cost.hours.normalize())
            form.hourly_rate.data = amount(cost.hourly_rate, cost.currency)
            form.overhead_percent.data = str(cost.overhead_percent)
    done = save_form(form, lambda: costing.save_costing(db.session, item, form.data))
    # What is stored: the new costing once saved, else the one from before (nothing changed).
    result = done.result if done.saved else costing.costing_of(cost) if cost else None
    below = []
    if result is not None and item.cost is not None:
        below = [
            p
            for p in item.editing.price_ranges
            if p.currency == item.cost.currency and costing.below_guideline(p, result)
        ]
    return render(
        "portal/costing.html",
        done.status,
        producer=producer,
        product=item.editing,
        form=form,
        result=result,
        below=below,
    )
