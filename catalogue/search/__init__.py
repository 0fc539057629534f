"""Search behind a small interface: documents in, results out, a backend that can be replaced
(Whoosh by default), and an index that follows the database through an outbox written in the
same transaction as the data and applied after commit by one writer."""

from catalogue.search.backend import Backend
from catalogue.search.documents import FACETS, FILTERS, SORTS, Document, Hit, Query, Results
from catalogue.search.outbox import watch
from catalogue.search.setup import Search, get_search, init_search
from catalogue.search.writer import Source, register_source

__all__ = [
    "FACETS",
    "FILTERS",
    "SORTS",
    "Backend",
    "Document",
    "Hit",
    "Query",
    "Results",
    "Search",
    "Source",
    "get_search",
    "init_search",
    "register_source",
    "watch",
]
