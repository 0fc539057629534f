"""Template helpers: text in the reader's language, prices, sizes and times. (Photo helpers
are registered by ``catalogue.media.templating``.)"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.units import format_unit
from flask import Flask
from flask_babel import format_currency, format_date, format_datetime, get_locale
from flask_wtf.csrf import generate_csrf


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


# Sizes in the SI units people see on their phones and computers (1 MB = 1,000,000 bytes).
_SIZE_UNITS = (
    (1, "digital-byte"),
    (10**3, "digital-kilobyte"),
    (10**6, "digital-megabyte"),
    (10**9, "digital-gigabyte"),
)


def filesize(size: int | float | None) -> str:
    """A file size in the reader's language and units: "8.6 MB", "8,6 Mo", "340 kB"."""
    if size is None:
        return ""
    locale = get_locale() or "en"
    for factor, unit in _SIZE_UNITS:
        value = Decimal(max(0, size)) / factor
        step = Decimal("0.1") if factor > 1 and value < 10 else Decimal(1)
        rounded = value.quantize(step, rounding=ROUND_HALF_UP)
        if rounded < 1000 or factor == _SIZE_UNITS[-1][0]:
            pattern = "#,##0.#" if step < 1 else "#,##0"
            return format_unit(rounded, unit, length="short", format=pattern, locale=locale)
    raise AssertionError("unreachable")


def datetime_text(value: datetime | None) -> str:
    """A moment in the reader's language and the app's time zone (UTC unless set otherwise),
    to the minute, with the zone named: "5 dic 2026, 18:06 UTC"."""
    if value is None:
        return ""
    locale = get_locale()
    if locale is None:
        return format_datetime(value, "medium")
    date_pattern = locale.date_formats["medium"].pattern
    time_pattern = f"{locale.time_formats['short'].pattern} z"
    joined = str(locale.datetime_formats["medium"])
    return format_datetime(value, joined.replace("{1}", date_pattern).replace("{0}", time_pattern))


def date_text(value: str | date | None) -> str:
    """A date (or an ISO date string, as snapshots keep them) in the reader's language."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return ""
    return format_date(value, "long")


def init_templating(app: Flask) -> None:
    app.jinja_env.globals.update(
        localised=localised,
        money=money,
        money_range=money_range,
        product_name=product_name,
        csrf_token=generate_csrf,
        get_locale=get_locale,
        format_datetime=format_datetime,
        datetime_text=datetime_text,
        date_text=date_text,
        filesize=filesize,
    )
    app.jinja_env.filters.update(datetime=datetime_text, filesize=filesize)
