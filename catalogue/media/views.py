"""Public photos: only web-sized derivatives of public products, never the print originals."""

from __future__ import annotations

from flask import Blueprint, abort, send_file
from werkzeug.wrappers import Response

from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.media.models import DerivativeKind, ProductImage
from catalogue.media.storage import get_storage

bp = Blueprint("media", __name__, url_prefix="/media")

PUBLIC_KINDS = {DerivativeKind.THUMB.value, DerivativeKind.WEB.value}


@bp.route("/images/<int:image_id>/<kind>.jpg")
@requires("media.view")
def image(image_id: int, kind: str) -> Response:
    if kind not in PUBLIC_KINDS:
        abort(404)
    img = db.session.get(ProductImage, image_id)
    if img is None or not img.product.is_public:
        abort(404)
    derivative = img.derivative(DerivativeKind(kind))
    path = get_storage().local_path(derivative.sha256) if derivative else None
    if path is None or not path.exists():
        abort(404)
    response = send_file(path, mimetype="image/jpeg", etag=derivative.sha256, max_age=86400)
    return response
