"""Template helpers for photos: the URL of a product's cover copy and the quality report in
words. Registered at start-up, so the base layer needs to know nothing of media."""

from __future__ import annotations

from typing import Any

from flask import Flask, url_for

from catalogue.media.models import DerivativeKind
from catalogue.media.quality_text import quality_message


def image_url(product: Any, kind: str = DerivativeKind.THUMB.value) -> str | None:
    """The URL of the product's cover photo (a web-sized derivative), if it has one."""
    images = sorted(product.images, key=lambda i: (not i.is_cover, i.position))
    for image in images:
        if image.derivative(DerivativeKind(kind)) is not None:
            return url_for("media.image", image_id=image.id, kind=kind)
    return None


def init_media_templating(app: Flask) -> None:
    """Make the photo helpers available to every template."""
    app.jinja_env.globals.update(image_url=image_url, quality_message=quality_message)
