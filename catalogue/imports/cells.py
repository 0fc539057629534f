"""Reading one spreadsheet cell as its column's kind: whole numbers, amounts ("12.50" or
"12,50"), yes/no in the network's languages, month ranges, price tiers, lists."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from flask_babel import gettext as _

from catalogue.core.numbers import NumberError, parse_amount, parse_whole

if TYPE_CHECKING:
    from catalogue.imports.columns import Column


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message says what to write."""


def read_cell(column: Column, value: Any, locale: str | None = None) -> Any:
    """The cell's value as the record holds it, or None when empty; amounts typed as text are
    read in ``locale`` (the network's language). Raises CellError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime | date | time) and column.kind != "text":
        raise CellError(_("This cell holds a date. Format the column as text and type it again."))
    if column.kind == "decimal":
        return parse_decimal(value, locale)
    if column.kind == "tiers":
        return parse_tiers(value, locale)
    return _READERS[column.kind](value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _code(value: Any) -> str:
    return _text(value).upper()


def _choice(value: Any) -> str:
    return _text(value).lower()


def _int(value: Any) -> int:
    try:
        return parse_whole(value if not isinstance(value, str) else _text(value))
    except NumberError as exc:
        raise CellError(str(exc)) from None


_TRUE = {"yes", "y", "true", "1", "sí", "si", "oui", "có", "co"}
_FALSE = {"no", "n", "false", "0", "non", "không", "khong"}


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(_("Write yes or no."))


def parse_decimal(value: Any, locale: str | None = None) -> Decimal:
    """An amount: a number cell as it is, text as typed in ``locale`` ("18.000" is eighteen
    thousand in Spanish; "12,50" twelve and a half), read by the same parser as the portal's.
    Without a locale, text is read in the plain form "12.50"."""
    if isinstance(value, float) and value == value:  # a number cell (not NaN)
        value = Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    try:
        return parse_amount(value if not isinstance(value, str) else _text(value), locale)
    except NumberError as exc:
        raise CellError(str(exc)) from None


def _list(value: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", _text(value)) if part.strip()]


def _lower_list(value: Any) -> list[str]:
    return [part.lower() for part in _list(value)]


def parse_months(value: Any) -> list[int]:
    """Months from "1-12", "3,4,5", "3-5,10" or "11-2" (November to February)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(_int(value))
    months: list[int] = []
    try:
        for part in re.split(r"[,;\s]+", _text(value)):
            if not part:
                continue
            first, _sep, last = part.partition("-")
            start, end = int(first), int(last or first)
            if not (1 <= start <= 12 and 1 <= end <= 12):
                raise ValueError(part)
            span = (
                range(start, end + 1) if start <= end else [*range(start, 13), *range(1, end + 1)]
            )
            months += [m for m in span if m not in months]
    except ValueError:
        raise CellError(
            _("Write months as numbers from 1 to 12, such as 1-12, 3,4,5 or 3-5,10.")
        ) from None
    return sorted(months)


def parse_tiers(value: Any, locale: str | None = None) -> list[dict[str, Any]]:
    """Volume prices from "50:11000; 100:10500" (amounts as typed in ``locale``)."""
    tiers = []
    for part in re.split(r"[;\n]", _text(value)):
        if not part.strip():
            continue
        quantity, sep, price = part.partition(":")
        try:
            if not sep:
                raise CellError("")
            unit_price = parse_decimal(price.strip(), locale)
            tiers.append({"min_quantity": _int(quantity), "unit_price": unit_price})
        except CellError:
            raise CellError(
                _(
                    "Write tiers as quantity:price pairs separated by “;”, "
                    "such as 50:11000; 100:10500."
                )
            ) from None
    return tiers


def _photos(value: Any) -> list[str]:
    names = [part.strip() for part in re.split(r"[;\n]", _text(value)) if part.strip()]
    return list(dict.fromkeys(names))


_READERS = {
    "text": _text,
    "slug": _text,
    "code": _code,
    "choice": _choice,
    "int": _int,
    "bool": _bool,
    "list": _list,
    "codes": _lower_list,
    "months": parse_months,
    "photos": _photos,
}
