"""How many she can make of a product, and its prices (ranges per currency, quantity tiers)."""

from __future__ import annotations

from flask import flash, g, redirect, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from catalogue.core.forms import save_form
from catalogue.core.permissions import requires
from catalogue.extensions import db
from catalogue.products import costing
from catalogue.products import services as product_services
from catalogue.products.forms import CapacityForm, PriceForm, RemovePriceForm
from catalogue.products.portal.common import (
    Page,
    amount,
    bp,
    flash_saved,
    producer_of,
    product_of,
    product_url,
    render,
)
from catalogue.products.portal.pages import text_alias


@bp.route("/products/<int:product_id>/capacity", methods=["GET", "POST"])
@requires("producer.edit")
def capacity(network_slug: str, producer_slug: str, product_id: int) -> Page:
    """Units per month, lead time, minimum order, units per case and months available."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    form = CapacityForm()
    form.fill_months()
    cap = item.editing.capacity
    if request.method == "GET":
        form.units_per_month.data = str(cap.units_per_month) if cap else ""
        form.lead_time_days.data = str(cap.lead_time_days) if cap else "0"
        form.min_order.data = str(cap.min_order) if cap else "1"
        form.case_multiple.data = str(cap.case_multiple) if cap else "1"
        form.months.data = [str(m) for m in (cap.months if cap else range(1, 13))]

    def save() -> None:
        product_services.set_capacity(
            db.session,
            item,
            {
                "units_per_month": form.units_per_month.data,
                "lead_time_days": form.lead_time_days.data or 0,
                "min_order": form.min_order.data or 1,
                "case_multiple": form.case_multiple.data or 1,
                "months": list(form.months.data or []),
            },
            actor=current_user,
        )

    done = save_form(form, save, text_alias)
    if done.saved:
        flash_saved(item)
        return redirect(product_url(item))
    return render(
        "portal/capacity.html", done.status, producer=producer, product=item.editing, form=form
    )


def _parse_tiers(text: str) -> list[dict[str, str]]:
    tiers = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        quantity, _sep, price = line.partition(":")
        tiers.append({"min_quantity": quantity.strip(), "unit_price": price.strip()})
    return tiers


def _tier_alias(key: str) -> str:
    return "tiers" if key.startswith("tiers") else key


def _fill_price_form(form: PriceForm, version: object) -> None:
    form.currency.data = request.args.get("currency") or g.network.default_currency
    prices = getattr(version, "price_ranges", [])
    existing = next((p for p in prices if p.currency == form.currency.data), None)
    if existing:
        cur = existing.currency
        form.wholesale_min.data = amount(existing.wholesale_min, cur)
        form.wholesale_max.data = amount(existing.wholesale_max, cur)
        form.retail_min.data = amount(existing.retail_min, cur)
        form.retail_max.data = amount(existing.retail_max, cur)
        form.tiers.data = "\n".join(
            f"{t.min_quantity}: {amount(t.unit_price, cur)}" for t in existing.tiers
        )


@bp.route("/products/<int:product_id>/prices", methods=["GET", "POST"])
@requires("producer.edit")
def prices(network_slug: str, producer_slug: str, product_id: int) -> Page:
    """Her price ranges, one currency at a time; a warning when below what costing suggests."""
    producer = producer_of(producer_slug)
    item = product_of(producer, product_id)
    form = PriceForm()
    remove = RemovePriceForm(prefix="remove")
    if request.method == "GET":
        _fill_price_form(form, item.editing)
    if request.method == "POST" and "remove-currency" in request.form:
        if remove.validate_on_submit():
            product_services.remove_price_range(
                db.session, item, remove.currency.data or "", actor=current_user
            )
            db.session.commit()
            flash(_("Price removed."), "success")
            if item.draft is not None:
                flash_saved(item)
            return redirect(product_url(item, "portal.prices"))
        status = 400
    else:

        def save() -> None:
            product_services.set_price_range(
                db.session,
                item,
                form.currency.data or "",
                {
                    "wholesale_min": form.wholesale_min.data,
                    "wholesale_max": form.wholesale_max.data,
                    "retail_min": form.retail_min.data or None,
                    "retail_max": form.retail_max.data or None,
                    "tiers": _parse_tiers(form.tiers.data or ""),
                },
                actor=current_user,
                locale=str(get_locale()),
            )

        done = save_form(form, save, _tier_alias)
        if done.saved:
            flash_saved(item)
            return redirect(product_url(item))
        status = done.status
    version = item.editing
    warning = None
    if item.cost is not None:  # her costing stays with the product, not with a change
        computed = costing.costing_of(item.cost)
        low = [
            p
            for p in version.price_ranges
            if p.currency == item.cost.currency and costing.below_guideline(p, computed)
        ]
        if low:
            warning = computed
    return render(
        "portal/prices.html",
        status,
        producer=producer,
        product=version,
        form=form,
        remove=remove,
        warning=warning,
    )
