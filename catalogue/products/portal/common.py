"""What the producer portal's pages share: the blueprint, loading her and her product (404 for
anyone else), rendering, and the message after a save."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_precision
from flask import Blueprint, current_app, flash, g, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from catalogue.core.loading import load
from catalogue.producers.access import network_producer
from catalogue.producers.models import Producer
from catalogue.products.models import Product, ProductStatus

bp = Blueprint("portal", __name__, url_prefix="/n/<network_slug>/p/<producer_slug>")

Page = str | Response | tuple[str, int]


def languages() -> tuple[str, ...]:
    """The languages the portal offers texts in."""
    return tuple(current_app.config["LANGUAGES"])


def producer_of(producer_slug: str) -> Producer:
    """The producer ``producer_slug`` of this network, if the user may edit her (else 404)."""
    return network_producer(producer_slug, allowed=lambda p: p.can_edit(current_user))


def product_of(producer: Producer, product_id: int) -> Product:
    """Her product ``product_id`` (else 404): the live product, also when the id is that of
    its pending change. Pages show and edit ``.editing``; services take it from here."""
    return load(Product, product_id, lambda p: p.producer_id == producer.id).live


def render(template: str, status: int, **context: Any) -> tuple[str, int]:
    """``template`` rendered with ``context``, answered with ``status``."""
    return render_template(template, **context), status


def product_url(product: Product, endpoint: str = "portal.product") -> str:
    """The portal page ``endpoint`` of ``product`` (always under the live product's id)."""
    return url_for(
        endpoint,
        network_slug=g.network.slug,
        producer_slug=product.producer.slug,
        product_id=product.live.id,
    )


def flash_saved(product: Product) -> None:
    """Tell her what became of her save: live at once, or waiting for review while buyers
    still see the approved version."""
    if product.live.draft is not None and product.live.draft.status == ProductStatus.SUBMITTED:
        flash(
            _(
                "Your change is waiting for your facilitator's review; "
                "buyers still see the approved version."
            ),
            "success",
        )
    elif product.live.draft is not None:
        flash(_("Saved. Send your change for review when it is ready."), "success")
    else:
        flash(_("Saved."), "success")


def amount(value: Decimal | None, currency: str) -> str:
    """An amount for an input field: plain digits, only the decimals the currency uses."""
    if value is None:
        return ""
    places = get_currency_precision(currency)
    return f"{value.quantize(Decimal(1).scaleb(-places))}"
