"""Creating a catalogue and changing its settings: theme and texts, prices and order window.

Every function checks all of its input first, names each refused field in the user's language,
and changes nothing when it refuses. Callers commit. Selection, pooling and arrangement live in
``selection``, ``pooling`` and ``arrangement``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.catalogues import codes, pricing, themechoice
from catalogue.catalogues.history import item_event
from catalogue.catalogues.models import (
    Catalogue,
    CatalogueFormat,
    CatalogueItem,
    CatalogueKind,
    ExchangeRate,
    Market,
)
from catalogue.core.audit import record
from catalogue.core.models import Currency
from catalogue.core.numbers import typed_amount
from catalogue.core.validation import Collector, ValidationError
from catalogue.networks.models import Network
from catalogue.products.services import nfc

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STORIES = ("producer", "region", "none")
MAX_MARKUP = Decimal(1000)
MAX_AMOUNT = Decimal("1e11")
MAX_RATE = Decimal("1e9")


def slugify(text: str) -> str:
    """A URL name from a title: "Regalos de invierno 2027" → "regalos-de-invierno-2027"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def _texts(errors: Collector, field: str, value: Any, locales: list[str], limit: int) -> dict:
    texts = {loc: nfc(text) for loc, text in dict(value or {}).items() if loc in locales}
    for loc, text in texts.items():
        if len(text) > limit:
            errors.add(f"{field}_{loc}", _("Keep it under %(n)d characters.", n=limit))
    return {loc: text for loc, text in sorted(texts.items()) if text}


def _settings(
    session: Session, network: Network, data: Mapping[str, Any], catalogue: Catalogue | None
) -> dict[str, Any]:
    """The theme step's fields, checked; raises ValidationError naming each bad field."""
    errors = Collector()
    offered = list(current_app.config["LANGUAGES"])
    locales = [loc for loc in offered if loc in set(data.get("locales") or [])]
    if not locales:
        errors.add("locales", _("Choose at least one language."))
    clean: dict[str, Any] = {"locales": locales}
    clean["title"] = _texts(errors, "title", data.get("title"), locales, 200)
    clean["intro"] = _texts(errors, "intro", data.get("intro"), locales, 2000)
    if locales and not clean["title"]:
        errors.add(f"title_{locales[0]}", _("Give the catalogue a title."))
    for name, enum_cls in (
        ("kind", CatalogueKind),
        ("market", Market),
        ("format", CatalogueFormat),
    ):
        if data.get(name) not in {m.value for m in enum_cls}:
            errors.add(name, _("Choose one of the options."))
        clean[name] = data.get(name)
    theme = themechoice.choice(data.get("theme") or "")
    if theme is None:
        errors.add("theme", _("Choose one of the themes."))
    clean["theme"] = data.get("theme")
    layout = data.get("layout") or (theme.layouts[0] if theme else "")
    if theme is not None and layout not in theme.layouts:
        errors.add("layout", _("This theme does not offer that layout."))
    clean["layout"] = layout
    if data.get("stories", "producer") not in STORIES:
        errors.add("stories", _("Choose one of the options."))
    clean["stories"] = data.get("stories", "producer")
    if catalogue is None:
        slug = nfc(data.get("slug")).lower() or slugify(next(iter(clean["title"].values()), ""))
        if not SLUG.match(slug) or len(slug) > 80:
            errors.add("slug", _("Use small letters, digits and hyphens, such as winter-gifts."))
        elif session.scalar(
            select(Catalogue.id).where(Catalogue.network_id == network.id, Catalogue.slug == slug)
        ):
            errors.add("slug", _("Another catalogue of this network has this web address."))
        clean["slug"] = slug
    prefix = nfc(data.get("code_prefix")).upper()
    if not prefix:
        prefix = catalogue.code_prefix if catalogue and catalogue.code_prefix else ""
        prefix = prefix or codes.default_prefix(next(iter(clean["title"].values()), "catalogue"))
    if not codes.is_valid_prefix(prefix):
        errors.add("code_prefix", _("Use one to six capital letters or digits, such as WG."))
    elif catalogue is not None and catalogue.items and prefix != catalogue.code_prefix:
        errors.add("code_prefix", _("Items already have codes; the prefix can no longer change."))
    clean["code_prefix"] = prefix
    errors.raise_if_any()
    return clean


def _apply_settings(catalogue: Catalogue, clean: Mapping[str, Any]) -> None:
    catalogue.locales, catalogue.title, catalogue.intro = (
        clean["locales"],
        clean["title"],
        clean["intro"],
    )
    catalogue.kind = CatalogueKind(clean["kind"])
    catalogue.market = Market(clean["market"])
    catalogue.format = CatalogueFormat(clean["format"])
    catalogue.theme_slug, catalogue.layout = clean["theme"], clean["layout"]
    catalogue.stories, catalogue.code_prefix = clean["stories"], clean["code_prefix"]


def create_catalogue(
    session: Session, network: Network, data: Mapping[str, Any], actor: User
) -> Catalogue:
    """A new draft catalogue of ``network`` from the theme step's fields (``title`` and
    ``intro`` as {locale: text}); prices start in the network's currency with no markup."""
    clean = _settings(session, network, data, None)
    catalogue = Catalogue(
        network=network,
        slug=clean["slug"],
        currency=network.default_currency,
        created_by_id=actor.id,
        rules={},
        how_to_order={},
        next_code_number=1,
    )
    _apply_settings(catalogue, clean)
    session.add(catalogue)
    session.flush()
    record(session, "catalogue.create", catalogue, actor=actor, network_id=network.id)
    return catalogue


def update_settings(
    session: Session, catalogue: Catalogue, data: Mapping[str, Any], actor: User
) -> None:
    """Change the theme step: theme, layout, texts, kind, market, format, languages."""
    clean = _settings(session, catalogue.network, data, catalogue)
    _apply_settings(catalogue, clean)
    record(session, "catalogue.settings", catalogue, actor=actor, network_id=catalogue.network_id)


def _amount(errors: Collector, field: str, raw: Any) -> Decimal | None:
    if raw in (None, ""):
        return None
    amount = typed_amount(raw)
    if amount is None or not amount.is_finite():
        errors.add(field, _("Enter a number such as 12.50."))
        return None
    if amount >= MAX_AMOUNT:
        errors.add(field, _("This amount is too large."))
        return None
    return amount


def _date(errors: Collector, field: str, raw: Any) -> date | None:
    if isinstance(raw, date) or raw in (None, ""):
        return raw or None
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        errors.add(field, _("Enter a date such as 2027-03-31."))
        return None


def set_pricing(
    session: Session, catalogue: Catalogue, data: Mapping[str, Any], actor: User
) -> None:
    """Set the catalogue's currency, markup %, rounding step, price display, order window,
    how-to-order texts ({locale: text}) and exchange rates ({currency: rate}; an empty rate
    removes it). Changing the currency clears the per-item prices, which were in the old one."""
    errors = Collector()
    currency = nfc(data.get("currency")).upper()
    if not currency or session.get(Currency, currency) is None:
        errors.add(
            "currency", _("“%(code)s” is not an ISO 4217 currency code.", code=currency or "—")
        )
    markup = _amount(errors, "markup_percent", data.get("markup_percent") or "0")
    if markup is not None and markup < 0:
        errors.add("markup_percent", _("The markup cannot be below zero."))
    elif markup is not None and markup > MAX_MARKUP:
        errors.add("markup_percent", _("Keep the markup under %(n)d %%.", n=int(MAX_MARKUP)))
    step = _amount(errors, "rounding_step", data.get("rounding_step"))
    if step is not None and (step <= 0 or step != step.quantize(Decimal("0.01"))):
        errors.add("rounding_step", _("Round to a positive amount such as 0.50 or 100."))
    display = data.get("price_display") or "range"
    if display not in pricing.DISPLAYS:
        errors.add("price_display", _("Choose one of the options."))
    opens = _date(errors, "order_opens_on", data.get("order_opens_on"))
    closes = _date(errors, "order_closes_on", data.get("order_closes_on"))
    if opens and closes and closes < opens:
        errors.add("order_closes_on", _("Orders cannot close before they open."))
    how = _texts(errors, "how_to_order", data.get("how_to_order"), catalogue.locales, 2000)
    rates: dict[str, Decimal | None] = {}
    for code, raw in dict(data.get("rates") or {}).items():
        code = nfc(code).upper()
        if session.get(Currency, code) is None:
            errors.add(f"rate_{code}", _("“%(code)s” is not an ISO 4217 currency code.", code=code))
            continue
        rate = _amount(errors, f"rate_{code}", raw)
        if rate is not None and (
            rate <= 0 or rate >= MAX_RATE or rate != rate.quantize(Decimal("1e-8"))
        ):
            errors.add(f"rate_{code}", _("A rate is a positive number, at most 8 decimals."))
        rates[code] = rate
    errors.raise_if_any()

    if currency != catalogue.currency:
        for item in catalogue.items:
            item.unit_price = None
    catalogue.currency, catalogue.markup_percent = currency, markup or Decimal(0)
    catalogue.rounding_step, catalogue.price_display = step, display
    catalogue.order_opens_on, catalogue.order_closes_on = opens, closes
    catalogue.how_to_order = how
    existing = {r.currency: r for r in catalogue.exchange_rates}
    for code, rate in rates.items():
        if rate is None or code == currency:
            if code in existing:
                catalogue.exchange_rates.remove(existing[code])
        elif code in existing:
            existing[code].rate = rate
        else:
            catalogue.exchange_rates.append(ExchangeRate(currency=code, rate=rate))
    record(session, "catalogue.pricing", catalogue, actor=actor, network_id=catalogue.network_id)


def set_item_price(
    catalogue: Catalogue, item: CatalogueItem | None, raw: Any, *, actor: User | None = None
) -> None:
    """The facilitator's own unit price for one item (catalogue currency); empty clears it."""
    if item is None or item.catalogue_id != catalogue.id:
        raise ValidationError.single("item_id", _("This item is not in the catalogue."))
    errors = Collector()
    amount = _amount(errors, "unit_price", raw)
    if amount is not None and amount < 0:
        errors.add("unit_price", _("A price cannot be below zero."))
    errors.raise_if_any()
    item.unit_price = amount
    item_event(
        "catalogue.item_price",
        catalogue,
        item,
        actor,
        price=None if amount is None else f"{amount:f}",
        currency=catalogue.currency,
    )


def source_currencies(catalogue: Catalogue) -> list[str]:
    """Currencies the items' producers price in, other than the catalogue's: each needs a rate
    unless the producer also gave a price in the catalogue currency."""
    needed = set()
    for item in catalogue.items:
        for source in item.sources:
            currencies = {p.currency for p in source.product.price_ranges}
            if currencies and catalogue.currency not in currencies:
                needed |= currencies
    given = {r.currency for r in catalogue.exchange_rates}
    return sorted((needed | given) - {catalogue.currency})
