"""Photos on pages: only web-sized derivatives, never the print originals. Those of a public
product are for anyone (and cacheable); those of any other product only for the people who may
see it — its producer and her network's facilitators (privately cached)."""

from __future__ import annotations

from flask import Blueprint, abort, send_file
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.loading import load
from catalogue.core.permissions import requires
from catalogue.media.models import DerivativeKind, ProductImage
from catalogue.media.storage import get_storage
from catalogue.products.models import Product

bp = Blueprint("media", __name__, url_prefix="/media")

PUBLIC_KINDS = {DerivativeKind.THUMB.value, DerivativeKind.WEB.value}


@bp.route("/images/<int:image_id>/<kind>.jpg")
@requires("media.view")
def image(image_id: int, kind: str) -> Response:
    if kind not in PUBLIC_KINDS:
        abort(404)
    img = load(ProductImage, image_id, lambda i: _may_see(i.product))
    derivative = img.derivative(DerivativeKind(kind))
    path = get_storage().local_path(derivative.sha256) if derivative else None
    if path is None or not path.exists():
        abort(404)
    response = send_file(path, mimetype="image/jpeg", etag=derivative.sha256, max_age=86400)
    if not img.product.is_public:
        response.cache_control.public = False
        response.cache_control.private = True
    return response


def _may_see(product: Product) -> bool:
    return product.is_public or product.can_edit(current_user) or product.can_review(current_user)
