"""Declared input: each field's type, range and length is written once, as a pydantic model, and
that declaration checks the portal's forms, the API's bodies, the importer's rows and the CLI,
and describes the API in its OpenAPI document.

Why pydantic: it is well kept, validates Python values and JSON alike, reports every refused
field with its path in one pass, and writes JSON Schema (the OpenAPI 3.1 dialect) from the same
declarations. Its messages are English, so :func:`validate` turns each error into a sentence in
the user's language, keyed by the field's dotted path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from flask_babel import gettext as _
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic import ValidationError as PydanticError
from pydantic_core import PydanticCustomError

from catalogue.core.numbers import MAX_INT, NumberError, parse_amount, parse_whole
from catalogue.core.validation import ValidationError

M = TypeVar("M", bound=BaseModel)

# Control characters (C0, DEL, C1) have no place in names and stories; line breaks and tabs are
# kept in text that may span lines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def refuse(message: str) -> PydanticCustomError:
    """An error for a field, with a message already in the user's language."""
    return PydanticCustomError("catalogue", "{message}", {"message": message})


def _clean(value: Any, pattern: re.Pattern[str]) -> Any:
    if not isinstance(value, str):
        return value  # pydantic refuses it as "not text"
    if pattern.search(value):
        raise refuse(_("Remove the control characters from this text."))
    return unicodedata.normalize("NFC", value.strip())


def _one_line(value: Any) -> Any:
    return _clean(value, _CONTROL_ONE_LINE)


def _multiline(value: Any) -> Any:
    return _clean(value, CONTROL_CHARACTERS)


def _blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _whole(value: Any) -> Any:
    try:
        return parse_whole(value)
    except NumberError as exc:
        raise refuse(str(exc)) from None


def _amount(value: Any, info: ValidationInfo) -> Any:
    locale = (info.context or {}).get("locale")
    try:
        return parse_amount(value, locale)
    except NumberError as exc:
        raise refuse(str(exc)) from None


def Line(max_length: int, min_length: int = 0, *, required: Any = None) -> Any:
    """One line of text (NFC, stripped, no control characters), at most ``max_length`` long;
    ``required`` is the field's own refusal (a lazy string) when it is left blank."""

    def check(value: Any) -> Any:
        value = _one_line(value)
        if required is not None and isinstance(value, str) and not value:
            raise refuse(str(required))
        return value

    return Annotated[
        str,
        Field(max_length=max_length, min_length=max(min_length, 1 if required else 0)),
        BeforeValidator(check),
    ]


def Prose(max_length: int) -> Any:
    """Text that may span lines (NFC, stripped, no control characters but line breaks)."""
    return Annotated[str, Field(max_length=max_length), BeforeValidator(_multiline)]


def Whole(ge: int = 0, le: int = MAX_INT, *, below: Any = None, beyond: Any = None) -> Any:
    """A whole number in ``[ge, le]`` (bounded to what every backend stores); ``below`` and
    ``beyond`` are the field's own refusals (lazy strings) when it is out of range."""

    def check(value: Any) -> int:
        number = _whole(value)
        if number < ge and below is not None:
            raise refuse(str(below))
        if number > le and beyond is not None:
            raise refuse(str(beyond))
        return number

    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(check)]


def MaybeWhole(ge: int = 0, le: int = MAX_INT, **messages: Any) -> Any:
    """A whole number in ``[ge, le]``, or nothing (None, or blank in a form)."""
    return Annotated[Whole(ge, le, **messages) | None, BeforeValidator(_blank)]


# An amount of money: a JSON number or a string; in forms and imports, as typed in the user's
# (or the network's) language. Range and currency precision are checked by the services.
Amount = Annotated[
    Decimal,
    WithJsonSchema(
        {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": 'e.g. "12.50"'}
    ),
    BeforeValidator(_amount),
]
MaybeAmount = Annotated[Amount | None, BeforeValidator(_blank)]


class Input(BaseModel):
    """Base of declared inputs: unknown fields are refused, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True)


def _message(error: Mapping[str, Any]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "catalogue":
        return str(ctx.get("message") or error["msg"])
    if kind == "missing":
        return _("This is required.")
    if kind in {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}:
        return _("Enter a whole number.")
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return _("This cannot be below zero.")
    if kind == "greater_than_equal":
        return _("Enter %(n)s or more.", n=ctx.get("ge"))
    if kind == "greater_than":
        return _("Enter more than %(n)s.", n=ctx.get("gt"))
    if kind == "less_than_equal":
        return _("Enter %(n)s or less.", n=ctx.get("le"))
    if kind == "string_too_long":
        return _("Keep it under %(n)d characters.", n=int(ctx.get("max_length", 0)))
    if kind == "string_too_short":
        return _("This is required.")
    if kind == "string_type":
        return _("Enter text.")
    if kind in {"bool_type", "bool_parsing"}:
        return _("Answer yes or no (true or false).")
    if kind in {"list_type", "tuple_type", "set_type"}:
        return _("Send a list.")
    if kind == "too_long":
        return _("Send at most %(n)s items.", n=ctx.get("max_length"))
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Send an object.")
    if kind == "extra_forbidden":
        return _("This field is not known.")
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.", choices=ctx.get("expected", ""))
    if kind in {"decimal_type", "decimal_parsing", "decimal_max_digits"}:
        return _("Enter an amount such as 12.50.")
    return _("This value is not valid.")


def errors_of(exc: PydanticError, prefix: str = "") -> dict[str, str]:
    """A pydantic error as field path → message in the user's language."""
    found: dict[str, str] = {}
    for error in exc.errors():
        path = ".".join(str(part) for part in error["loc"] if part != "__root__")
        key = f"{prefix}.{path}" if prefix and path else (prefix or path or "body")
        found.setdefault(key, _message(error))
    return found


def validate(
    model: type[M],
    data: Any,
    *,
    locale: str | None = None,
    prefix: str = "",
    alias: Callable[[str], str] | None = None,
) -> M:
    """``data`` checked against ``model``'s declaration; raises our ``ValidationError`` naming
    every refused field (after ``prefix`` and ``alias``). ``locale`` says how amounts were typed
    (None for JSON)."""
    try:
        return model.model_validate(data, context={"locale": locale})
    except PydanticError as exc:
        errors = errors_of(exc, prefix)
        if alias is not None:
            errors = {alias(k): v for k, v in errors.items()}
        raise ValidationError(errors) from None


def max_length(model: type[BaseModel], field: str) -> int | None:
    """The declared length limit of ``model.field`` (for a form's ``maxlength``)."""
    for meta in model.model_fields[field].metadata:
        limit = getattr(meta, "max_length", None)
        if limit is not None:
            return int(limit)
    return None
