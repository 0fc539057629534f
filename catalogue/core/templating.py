"""Template helpers: text in the reader's language, prices, photos."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import Flask, url_for
from flask_babel import format_currency, format_datetime, get_locale
from flask_wtf.csrf import generate_csrf

from catalogue.media.models import DerivativeKind
from catalogue.media.quality_text import quality_message


def localised(field: dict[str, str] | None, fallback: str = "") -> str:
    """A ``{locale: text}`` value in the current locale, else English, else any language."""
    if not field:
        return fallback
    locale = str(get_locale())
    return field.get(locale) or field.get("en") or next(iter(field.values()), fallback)


def money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    return format_currency(amount, currency)


def money_range(low: Decimal | None, high: Decimal | None, currency: str) -> str:
    if low is None:
        return ""
    if high is None or low == high:
        return money(low, currency)
    return f"{money(low, currency)} – {money(high, currency)}"


def product_name(product: Any) -> str:
    text = product.text(str(get_locale()))
    return text.name if text else product.sku


def image_url(product: Any, kind: str = DerivativeKind.THUMB.value) -> str | None:
    """The public URL of the product's cover photo (a web-sized derivative), if it has one."""
    images = sorted(product.images, key=lambda i: (not i.is_cover, i.position))
    for image in images:
        if image.derivative(DerivativeKind(kind)) is not None:
            return url_for("media.image", image_id=image.id, kind=kind)
    return None


def init_templating(app: Flask) -> None:
    app.jinja_env.globals.update(
        localised=localised,
        money=money,
        money_range=money_range,
        product_name=product_name,
        image_url=image_url,
        csrf_token=generate_csrf,
        get_locale=get_locale,
        quality_message=quality_message,
        format_datetime=format_datetime,
    )
