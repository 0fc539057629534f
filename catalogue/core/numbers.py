"""Numbers as people type them: one reader of amounts and whole numbers for the portal, the
API, the importer and the CLI.

Amounts are read with Babel's locale data, in the language of whoever typed them: "12.500" is
twelve thousand five hundred in Spanish, "1 234,56" (space, no-break space or narrow no-break
space) is read in French, "12,50" is twelve and a half in both. What nobody means — an exponent
("1e3"), an underscore ("1_000"), a mark in the wrong place ("12.50" in Spanish) — is refused with
a message that says what to write. Machine input (JSON) has no language: ``locale=None`` reads
the plain form "1234.56" only.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal
from flask_babel import gettext as _

# Counts, sizes and ids fit PostgreSQL's INTEGER, the narrowest column that stores them.
MAX_INT = 2**31 - 1
# Money columns are NUMERIC(14, 2).
MAX_AMOUNT = Decimal("1e12")

_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
_SPACES = "\u0020\u00a0\u202f\u2009"


class NumberError(ValueError):
    """A number that cannot be read; the message (in the user's language) says what to write."""


def _digits(text: str) -> str:
    """Any script's decimal digits (Arabic-Indic, Devanagari…) as ASCII digits."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def parse_whole(value: Any) -> int:
    """A whole number from an int, an integral float or text of digits (any script, an optional
    minus sign). Refuses booleans, fractions, exponents, underscores and separators."""
    if isinstance(value, bool):
        raise NumberError(_("Enter a whole number."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer() and abs(value) <= MAX_INT:
            return int(value)
        raise NumberError(_("Enter a whole number."))
    if isinstance(value, Decimal):
        if value.is_finite() and value == value.to_integral_value():
            return int(value)
        raise NumberError(_("Enter a whole number."))
    text = _digits(unicodedata.normalize("NFKC", str(value)).strip())
    if not re.fullmatch(r"-?\d{1,30}", text):
        raise NumberError(_("Enter a whole number."))
    return int(text)


def parse_amount(value: Any, locale: str | None) -> Decimal:
    """An amount as typed in ``locale`` (None: the plain machine form). Raises NumberError."""
    if isinstance(value, bool):
        raise NumberError(_("Enter an amount such as %(example)s.", example=_example(locale)))
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value)) if value == value else Decimal("NaN")
    elif isinstance(value, Decimal):
        amount = value
    else:
        amount = _parse_text(str(value), locale)
    if not amount.is_finite():
        raise NumberError(_("Enter an amount such as %(example)s.", example=_example(locale)))
    if abs(amount) >= MAX_AMOUNT:
        raise NumberError(_("This amount is too large."))
    return amount


def _parse_text(raw: str, locale: str | None) -> Decimal:
    text = _digits(unicodedata.normalize("NFC", raw).strip())
    example = _example(locale)
    if not text or re.search(r"[eE_+]", text) or not re.fullmatch(rf"-?[\d.,'{_SPACES}]+", text):
        raise NumberError(_("Enter an amount such as %(example)s.", example=example))
    if locale is None:
        if not _PLAIN.fullmatch(text):
            raise NumberError(_("Enter an amount such as %(example)s.", example=example))
        return Decimal(text)
    group = get_group_symbol(locale=locale)
    if group in _SPACES or group.isspace():
        # People type an ordinary space where the language's group mark is a no-break one.
        text = re.sub(f"[{_SPACES}]", group, text)
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError as exc:
        if exc.suggestions:
            raise NumberError(
                _("Did you mean %(suggestion)s?", suggestion=" / ".join(exc.suggestions))
            ) from None
        raise NumberError(_("Enter an amount such as %(example)s.", example=example)) from None
    except (InvalidOperation, ValueError):
        raise NumberError(_("Enter an amount such as %(example)s.", example=example)) from None


def _example(locale: str | None) -> str:
    if locale is None:
        return "12.50"
    return f"12{get_decimal_symbol(locale=locale)}50"


def decimal_places(amount: Decimal) -> int:
    """How many decimals ``amount`` was written with ("18.000" has three)."""
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def minor_units_message(currency: str, places: int) -> str:
    """The refusal for an amount finer than ``currency``'s smallest unit."""
    if places == 0:
        return _("%(currency)s amounts are whole numbers.", currency=currency)
    return _("%(currency)s amounts have at most %(n)d decimals.", currency=currency, n=places)


def typed_amount(value: Any) -> Decimal | None:
    """An amount typed on a page, read in the page's language; None when it cannot be read."""
    from flask_babel import get_locale

    try:
        return parse_amount(value, str(get_locale() or "en"))
    except NumberError:
        return None
