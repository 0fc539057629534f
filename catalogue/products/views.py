"""The public product page."""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template
from flask_babel import get_locale

from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.products.models import Product

bp = Blueprint("products", __name__, url_prefix="/n/<network_slug>")


@bp.route("/products/<int:product_id>")
@requires("product.view")
def show(network_slug: str, product_id: int) -> str:
    product = db.session.get(Product, product_id)
    if product is None or product.producer.network_id != g.network.id or not product.is_public:
        abort(404)
    text = product.text(str(get_locale()))
    return render_template("products/show.html", product=product, text=text)
