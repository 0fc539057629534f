"""Reading one spreadsheet cell as its column's kind: whole numbers, amounts ("12.50" or
"12,50"), yes/no in the network's languages, month ranges, price tiers, lists."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from flask_babel import gettext as _

if TYPE_CHECKING:
    from catalogue.imports.columns import Column


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message says what to write."""


def read_cell(column: Column, value: Any) -> Any:
    """The cell's value as the record holds it, or None when empty. Raises CellError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime | date | time) and column.kind != "text":
        raise CellError(_("This cell holds a date. Format the column as text and type it again."))
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
    if isinstance(value, bool):
        raise CellError(_("Enter a whole number."))
    if isinstance(value, int):
        return value
    try:
        number = (
            Decimal(repr(value))
            if isinstance(value, float)
            else Decimal(_text(value).replace(" ", "").replace(",", "."))
        )
    except InvalidOperation:
        raise CellError(_("Enter a whole number.")) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(_("Enter a whole number."))
    return int(number)


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


_GROUPED = re.compile(r"^-?\d{1,3}(?:([.,])\d{3})+$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_decimal(value: Any) -> Decimal:
    """An amount from "12.50", "12,50", "1.234,50", "1,234.50" or "11 000". A lone comma with
    three digits after it ("12,500") could be either reading, so it is refused."""
    if isinstance(value, bool):
        raise CellError(_("Enter an amount such as 12.50."))
    if isinstance(value, Decimal | int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = _SPACES.sub("", _text(value))
        grouped = _GROUPED.match(text)
        if grouped and text.count(grouped.group(1)) > 1:
            text = text.replace(grouped.group(1), "")  # "1.234.567": thousands only
        elif re.fullmatch(r"-?\d+,\d{3}", text):
            raise CellError(
                _(
                    "Write %(a)s or %(b)s: “%(v)s” could mean either.",
                    a=text.replace(",", ""),
                    b=text.replace(",", ".").rstrip("0"),
                    v=text,
                )
            )
        elif "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_mark == "," else ","
            text = text.replace(thousands, "").replace(decimal_mark, ".")
        else:
            text = text.replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise CellError(_("Enter an amount such as 12.50.")) from None
    if not amount.is_finite():
        raise CellError(_("Enter an amount such as 12.50."))
    return amount


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


def parse_tiers(value: Any) -> list[dict[str, Any]]:
    """Volume prices from "50:11000; 100:10500"."""
    tiers = []
    for part in re.split(r"[;\n]", _text(value)):
        if not part.strip():
            continue
        quantity, sep, price = part.partition(":")
        try:
            if not sep:
                raise CellError("")
            tiers.append({"min_quantity": _int(quantity), "unit_price": parse_decimal(price)})
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
    "decimal": parse_decimal,
    "list": _list,
    "codes": _lower_list,
    "months": parse_months,
    "tiers": parse_tiers,
    "photos": _photos,
}
