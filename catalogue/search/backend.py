"""The interface every search backend offers (Whoosh is the default; another can replace it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from catalogue.search.documents import Document, Query, Results

Progress = Callable[[int], None]


@runtime_checkable
class Backend(Protocol):
    """A search index. ``index`` and ``remove`` replace or drop documents by id; a backend may
    assume that only one writer calls them at a time (``search.writer`` sees to it)."""

    def index(self, docs: Iterable[Document]) -> int:
        """Add or replace ``docs``; returns how many were written."""
        ...

    def remove(self, ids: Iterable[str]) -> None:
        """Drop the documents with these ids (unknown ids are ignored)."""
        ...

    def query(self, query: Query) -> Results:
        """Hits of one page, the total, facet counts over every match, and a suggestion when
        the text finds nothing."""
        ...

    def suggest(self, text: str, locale: str) -> str | None:
        """``text`` with its misspelt words corrected ("did you mean"), or None."""
        ...

    def reindex(self, docs: Iterable[Document], progress: Progress | None = None) -> int:
        """Replace the whole index by ``docs``; ``progress(n)`` after each batch of n."""
        ...

    def clear(self) -> None:
        """Empty the index."""
        ...
