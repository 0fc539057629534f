"""The public product page."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask_babel import get_locale
from sqlalchemy.orm import joinedload, selectinload

from catalogue.core.loading import load
from catalogue.core.page_cache import public_page
from catalogue.core.permissions import requires
from catalogue.media.models import ProductImage
from catalogue.products.models import Product

bp = Blueprint("products", __name__, url_prefix="/n/<network_slug>")

# What the page shows, loaded with the product or a query per kind of row.
PAGE_OPTIONS = (
    joinedload(Product.producer),
    joinedload(Product.capacity),
    selectinload(Product.texts),
    selectinload(Product.price_ranges),
    selectinload(Product.images).selectinload(ProductImage.derivatives),
)


@bp.route("/products/<int:product_id>")
@public_page
@requires("product.view")
def show(network_slug: str, product_id: int) -> str:
    product = load(
        Product,
        product_id,
        lambda p: p.producer.network_id == g.network.id and p.is_public,
        options=PAGE_OPTIONS,
    )
    text = product.text(str(get_locale()))
    return render_template("products/show.html", product=product, text=text)
