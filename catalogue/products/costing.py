"""The costing helper: what an item costs to make, and the prices that cover it.

Rule of thumb from the facilitator model: a selling (wholesale) price at least double the cost;
retail commonly double the wholesale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from catalogue.products.models import PriceRange

WHOLESALE_FACTOR = Decimal(2)
RETAIL_FACTOR = Decimal(2)


@dataclass(frozen=True)
class Costing:
    materials: Decimal
    labour: Decimal
    overhead: Decimal
    cost: Decimal
    suggested_wholesale: Decimal
    suggested_retail: Decimal


def _round(amount: Decimal, minor_units: int) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units), rounding=ROUND_HALF_UP)


def cost_per_item(
    materials: Decimal,
    hours: Decimal,
    hourly_rate: Decimal,
    overhead_percent: Decimal = Decimal(0),
    minor_units: int = 2,
) -> Costing:
    """Cost of one item = materials + hours × rate, plus overhead as a share of both."""
    labour = hours * hourly_rate
    overhead = (materials + labour) * overhead_percent / Decimal(100)
    cost = materials + labour + overhead
    wholesale = cost * WHOLESALE_FACTOR
    return Costing(
        materials=_round(materials, minor_units),
        labour=_round(labour, minor_units),
        overhead=_round(overhead, minor_units),
        cost=_round(cost, minor_units),
        suggested_wholesale=_round(wholesale, minor_units),
        suggested_retail=_round(wholesale * RETAIL_FACTOR, minor_units),
    )


def below_guideline(price_range: PriceRange, costing: Costing) -> bool:
    """True when the lowest wholesale price is under twice the cost (the warning case)."""
    return price_range.wholesale_min < costing.suggested_wholesale


def save_costing(session: Any, product: Any, data: Mapping[str, Any]) -> Costing:
    """Validate and keep the costing inputs of ``product``; return the computed costing."""
    from flask_babel import gettext as _

    from catalogue.core.models import Currency
    from catalogue.core.numbers import typed_amount
    from catalogue.core.validation import Collector
    from catalogue.products.models import ProductCost

    errors = Collector()
    code = (data.get("currency") or "").strip().upper()
    currency = session.get(Currency, code)
    if currency is None:
        errors.add("currency", _("“%(code)s” is not an ISO 4217 currency code.", code=code))
    values = {}
    for field in ("materials", "hours", "hourly_rate", "overhead_percent"):
        raw = data.get(field)
        if field == "overhead_percent" and raw in (None, ""):
            raw = "0"
        amount = typed_amount(raw) if raw not in (None, "") else None
        if amount is None or not amount.is_finite():
            errors.add(field, _("Enter an amount such as 12.50."))
        elif amount < 0:
            errors.add(field, _("This cannot be below zero."))
        elif amount >= Decimal("1e12"):
            errors.add(field, _("This amount is too large."))
        values[field] = amount
    errors.raise_if_any()
    cost = product.cost or ProductCost(
        product=product, currency=code, materials=0, hours=0, hourly_rate=0
    )
    cost.currency = code
    for field, amount in values.items():
        setattr(cost, field, amount)
    session.add(cost)
    return costing_of(cost, currency.minor_units)


def costing_of(cost: Any, minor_units: int = 2) -> Costing:
    """The computed costing for stored inputs."""
    return cost_per_item(
        cost.materials, cost.hours, cost.hourly_rate, cost.overhead_percent, minor_units
    )
