"""Step 5: prices: catalogue currency, markup, rounding, exchange rates, item prices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import abort, flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user

from catalogue.catalogues import pricing, services
from catalogue.catalogues.forms import (
    ItemPriceForm,
    pricing_form_class,
)
from catalogue.catalogues.models import Catalogue, CatalogueItem
from catalogue.catalogues.steps.common import (
    Page,
    item_of,
    paged_url_args,
    render_step,
    step_url,
)
from catalogue.core.forms import commit_or_flash, save_form
from catalogue.core.paging import page_number, page_of
from catalogue.extensions import db

# Items a page in the list of item prices (each row is a form).
ITEMS_PER_PAGE = 50


def _prices(
    catalogue: Catalogue, items: Sequence[CatalogueItem]
) -> list[tuple[CatalogueItem, Any, str]]:
    """Each of ``items`` with its price, or why it has none."""
    settings = pricing.settings_for(catalogue)
    rows = []
    for item in items:
        try:
            rows.append((item, pricing.item_price(item, settings), ""))
        except pricing.MissingRate as missing:
            rows.append(
                (item, None, _("No exchange rate for %(currency)s.", currency=missing.currency))
            )
        except pricing.MissingPrice:
            rows.append((item, None, _("No price given by the producer.")))
    return rows


def pricing_step(catalogue: Catalogue) -> Page:
    action = request.form.get("action") if request.method == "POST" else None
    if action == "item_price":
        form = ItemPriceForm()
        if not form.validate_on_submit():
            abort(400)
        item = item_of(catalogue, form.item_id.data)
        done = commit_or_flash(
            lambda: services.set_item_price(
                catalogue, item, form.unit_price.data, actor=current_user
            )
        )
        if done.saved:
            flash(_("Saved."), "success")
        return redirect(step_url(catalogue, "pricing", **paged_url_args()))
    languages = tuple(catalogue.locales)
    currencies = tuple(services.source_currencies(catalogue))
    form = pricing_form_class(languages, currencies)()
    if not form.is_submitted():
        form.currency.data = catalogue.currency
        form.markup_percent.data = f"{catalogue.markup_percent.normalize():f}"
        step = catalogue.rounding_step
        form.rounding_step.data = f"{step.normalize():f}" if step is not None else ""
        form.price_display.data = catalogue.price_display
        for name in ("order_opens_on", "order_closes_on"):
            value = getattr(catalogue, name)
            getattr(form, name).data = value.isoformat() if value else ""
        for lang in languages:
            getattr(form, f"how_to_order_{lang}").data = catalogue.how_to_order.get(lang, "")
        rates = {r.currency: r.rate for r in catalogue.exchange_rates}
        for code in currencies:
            rate = rates.get(code)
            getattr(form, f"rate_{code}").data = f"{rate.normalize():f}" if rate else ""

    def save() -> None:
        data = {name: field.data for name, field in form._fields.items()}
        data["how_to_order"] = {lang: data.pop(f"how_to_order_{lang}") for lang in languages}
        data["rates"] = {code: data.pop(f"rate_{code}") for code in currencies}
        services.set_pricing(db.session, catalogue, data, current_user)

    done = save_form(form, save)
    if done.saved:
        flash(_("Saved."), "success")
        return redirect(step_url(catalogue, "pricing"))
    page = page_of(
        sorted((i for i in catalogue.items if i.active and i.sources), key=lambda i: i.code),
        page_number(request.args),
        ITEMS_PER_PAGE,
    )
    return render_step(
        "catalogues/pricing.html",
        catalogue,
        "pricing",
        done.status,
        form=form,
        currencies=currencies,
        page=page,
        rows=_prices(catalogue, page.items),
        price_form=ItemPriceForm(),
    )
