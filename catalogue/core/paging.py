"""Long lists in pages: ``?page=N`` in the URL, a fixed number of rows per page, two queries
(the count and the page) whatever the length of the list.

Page 1 is the list's own URL; a page number that is not a whole number counts as page 1, one past
the last page answers 404 (a list that shrank does not show an empty page under an old link).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import abort
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

T = TypeVar("T")

# Enough for any list people page through; beyond it a number is not a page anyone linked to.
MAX_PAGE = 100_000


def page_number(args: Mapping[str, Any]) -> int:
    """The page a query string asks for (``?page=N``): 1 unless N is a whole number ≥ 1."""
    raw = str(args.get("page") or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(MAX_PAGE)):
        return 1
    return min(max(int(raw), 1), MAX_PAGE)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its rows, its number (from 1), the page size and the list's length."""

    items: Sequence[T]
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages the list has (at least 1, an empty list being one empty page)."""
        return max(1, -(-self.total // self.size))

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None

    @property
    def first_index(self) -> int:
        """The position in the whole list (from 0) of this page's first row."""
        return (self.number - 1) * self.size


def paginate(session: Session, query: Select[Any], number: int, size: int) -> Page[Any]:
    """Page ``number`` of the rows of ``query`` (an ORM ``select`` with its order and loader
    options), ``size`` rows a page; 404 past the last page."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    page: Page[Any] = Page([], number, size, total)
    if number > page.pages:
        abort(404)
    rows = session.scalars(query.limit(size).offset(page.first_index)).all()
    return Page(rows, number, size, total)


def page_of(rows: Sequence[T], number: int, size: int) -> Page[T]:
    """Page ``number`` of a list already in memory; 404 past the last page."""
    page: Page[T] = Page([], number, size, len(rows))
    if number > page.pages:
        abort(404)
    return Page(rows[page.first_index : page.first_index + size], number, size, len(rows))
