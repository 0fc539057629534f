"""Loading the object a URL names: one helper for every view and endpoint, and a URL converter
that keeps ids within what the database stores.

An object that does not exist, whose id is out of range, or that the user may not see answers
404 — never 403, which would confirm that someone else's object exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from flask import abort
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from werkzeug.routing import IntegerConverter

from catalogue.core.numbers import MAX_INT
from catalogue.extensions import db

T = TypeVar("T")


def _at_most(limit: int) -> str:
    """A regular expression for the decimal numbers 0 … ``limit`` (no leading zeros needed)."""
    digits = str(limit)
    options = [rf"\d{{1,{len(digits) - 1}}}"]
    for i, d in enumerate(digits):
        if d != "0":
            rest = len(digits) - i - 1
            options.append(digits[:i] + f"[0-{int(d) - 1}]" + (rf"\d{{{rest}}}" if rest else ""))
    options.append(digits)
    return "(?:" + "|".join(options) + ")"


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` for ids: an id beyond what INTEGER columns hold matches no route (404).
    The bound is in the pattern itself: a value refused only after matching would make
    werkzeug answer 405 on a path that other methods share."""

    regex = _at_most(MAX_INT)

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_INT)
        super().__init__(map, *args, **kwargs)


def parse_id(raw: Any) -> int | None:
    """An id typed in a form or a query string, or None when it is not one."""
    text = str(raw or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 0 < value <= MAX_INT else None


def load(
    model: type[T],
    ident: Any,
    allowed: Callable[[T], bool] | None = None,
    *,
    options: Sequence[Any] = (),
) -> T:
    """The ``model`` row with primary key ``ident``, or 404 (also when ``allowed`` refuses);
    ``options`` are loader options for what the caller will read of it."""
    if sa_inspect(model).primary_key[0].type.python_type is int:
        key = parse_id(ident) if not isinstance(ident, int) else ident
        key = key if key is not None and 0 < key <= MAX_INT else None
    else:
        key = str(ident)[:100] if ident else None  # text keys (job ids)
    obj = db.session.get(model, key, options=options) if key is not None else None
    if obj is None or (allowed is not None and not allowed(obj)):
        abort(404)
    return obj


def load_by(model: type[T], *criteria: Any, allowed: Callable[[T], bool] | None = None) -> T:
    """The one ``model`` row matching ``criteria``, or 404 (also when ``allowed`` refuses)."""
    obj = db.session.scalar(select(model).where(*criteria))
    if obj is None or (allowed is not None and not allowed(obj)):
        abort(404)
    return obj
