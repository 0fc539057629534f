"""Catalogue prices: a producer's wholesale price, converted into the catalogue currency with the
facilitator's exchange rate, marked up, and rounded up to the rounding step.

The arithmetic is pure (``sell_price``, ``price_item``, ``round_up``) and works on small value
objects; ``settings_for``, ``source_price`` and ``item_price`` read them off the models. Rounding
is always up (``ROUND_CEILING``): a rounded price never pays a producer less than she asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING

from babel.numbers import get_currency_precision

if TYPE_CHECKING:
    from catalogue.catalogues.models import Catalogue, CatalogueItem
    from catalogue.products.models import Product

DISPLAYS = ("range", "tiers")
HUNDRED = Decimal(100)


class MissingRate(Exception):
    """A producer's price is in a currency the facilitator has given no exchange rate for."""

    def __init__(self, currency: str) -> None:
        self.currency = currency
        super().__init__(f"no exchange rate for {currency}")


class MissingPrice(Exception):
    """A product has no price range at all."""


@dataclass(frozen=True)
class PriceSettings:
    currency: str
    markup_percent: Decimal = Decimal(0)
    rounding_step: Decimal | None = None
    # One unit of the key currency is worth this many units of the catalogue currency.
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    minor_units: int = 2
    display: str = "range"


@dataclass(frozen=True)
class SourcePrice:
    """One producer's wholesale prices for a product, in her currency."""

    currency: str
    wholesale_min: Decimal
    wholesale_max: Decimal
    tiers: tuple[tuple[int, Decimal], ...] = ()  # (from quantity, unit price), ascending


@dataclass(frozen=True)
class ItemPrice:
    """An item's unit prices in the catalogue currency, as buyers see them."""

    low: Decimal
    high: Decimal
    tiers: tuple[tuple[int, Decimal], ...] = ()
    overridden: bool = False

    def display(self, wanted: str) -> str:
        """ "tiers" when asked for and there are tiers, "single" for one price, else "range"."""
        if self.overridden or (self.low == self.high and not (wanted == "tiers" and self.tiers)):
            return "single"
        return "tiers" if wanted == "tiers" and self.tiers else "range"


def round_up(amount: Decimal, step: Decimal | None, minor_units: int = 2) -> Decimal:
    """``amount`` rounded up to a multiple of ``step`` (to the currency's smallest unit without
    one), written with the currency's number of decimals."""
    smallest = Decimal(1).scaleb(-minor_units)
    quantum = step if step is not None and step > 0 else smallest
    multiple = (amount / quantum).to_integral_value(rounding=ROUND_CEILING) * quantum
    return multiple.quantize(smallest, rounding=ROUND_CEILING)


def rate_for(currency: str, settings: PriceSettings) -> Decimal:
    """The exchange rate from ``currency`` into the catalogue currency (1 for the same one)."""
    if currency == settings.currency:
        return Decimal(1)
    rate = settings.rates.get(currency)
    if rate is None:
        raise MissingRate(currency)
    return rate


def sell_price(amount: Decimal, currency: str, settings: PriceSettings) -> Decimal:
    """A producer's price in the catalogue currency: converted, marked up, rounded up."""
    marked_up = amount * rate_for(currency, settings) * (1 + settings.markup_percent / HUNDRED)
    return round_up(marked_up, settings.rounding_step, settings.minor_units)


def _price_at(source: SourcePrice, quantity: int) -> Decimal:
    """What the producer asks per unit for an order of ``quantity``: her tier for it, else her
    highest wholesale price (the safe side when she gave no tier that low)."""
    price = source.wholesale_max
    for from_quantity, unit_price in source.tiers:
        if from_quantity <= quantity:
            price = unit_price
    return price


def price_tiers(sources: Sequence[SourcePrice], settings: PriceSettings) -> tuple:
    """Quantity tiers of an item; for a pool each tier pays every producer at least her own
    price at that quantity (the highest of them). Tiers that lower nothing are dropped."""
    quantities = sorted({q for s in sources for q, _price in s.tiers})
    tiers: list[tuple[int, Decimal]] = []
    for quantity in quantities:
        price = max(sell_price(_price_at(s, quantity), s.currency, settings) for s in sources)
        if not tiers or price < tiers[-1][1]:
            tiers.append((quantity, price))
    return tuple(tiers)


def price_item(
    sources: Sequence[SourcePrice], settings: PriceSettings, override: Decimal | None = None
) -> ItemPrice:
    """An item's prices: the facilitator's own price when set, else the range over its sources
    (lowest of the lows, highest of the highs) with their quantity tiers."""
    if override is not None:
        price = round_up(override, None, settings.minor_units)
        return ItemPrice(price, price, (), overridden=True)
    if not sources:
        raise MissingPrice
    lows = [sell_price(s.wholesale_min, s.currency, settings) for s in sources]
    highs = [sell_price(s.wholesale_max, s.currency, settings) for s in sources]
    tiers = price_tiers(sources, settings)
    tier_prices = [p for _q, p in tiers]
    return ItemPrice(min([*lows, *tier_prices]), max([*highs, *tier_prices]), tiers)


def money_text(amount: Decimal, minor_units: int) -> str:
    """An amount as the snapshot stores it: plain digits with the currency's decimals."""
    return str(amount.quantize(Decimal(1).scaleb(-minor_units), rounding=ROUND_CEILING))


# --- reading the models -------------------------------------------------------------------


def settings_for(catalogue: Catalogue) -> PriceSettings:
    """The pricing settings of ``catalogue``, with its exchange rates."""
    return PriceSettings(
        currency=catalogue.currency,
        markup_percent=catalogue.markup_percent or Decimal(0),
        rounding_step=catalogue.rounding_step,
        rates={r.currency: r.rate for r in catalogue.exchange_rates},
        minor_units=get_currency_precision(catalogue.currency),
        display=catalogue.price_display,
    )


def source_price(product: Product, settings: PriceSettings) -> SourcePrice:
    """The product's price range to use: in the catalogue currency when she gave one, else the
    first one with an exchange rate. Raises ``MissingPrice`` or ``MissingRate``."""
    ranges = sorted(product.price_ranges, key=lambda p: p.currency)
    if not ranges:
        raise MissingPrice
    chosen = next((p for p in ranges if p.currency == settings.currency), None)
    chosen = chosen or next((p for p in ranges if p.currency in settings.rates), None)
    if chosen is None:
        raise MissingRate(ranges[0].currency)
    return SourcePrice(
        chosen.currency,
        chosen.wholesale_min,
        chosen.wholesale_max,
        tuple((t.min_quantity, t.unit_price) for t in chosen.tiers),
    )


def item_price(
    item: CatalogueItem, settings: PriceSettings, products: Sequence[Product] | None = None
) -> ItemPrice:
    """The prices of a catalogue item (of ``products``, default: all its sources)."""
    if item.unit_price is not None:
        return price_item((), settings, item.unit_price)
    chosen = products if products is not None else [s.product for s in item.sources]
    return price_item([source_price(p, settings) for p in chosen], settings)
