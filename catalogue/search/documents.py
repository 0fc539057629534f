"""What goes into the search index and what comes out: plain dataclasses, built by domain code.

The search package knows no domain model: a domain turns its rows into :class:`Document` values
(``products.indexing`` does it for products) and reads :class:`Results` back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Filters a query may carry and facets it may ask counts for (Document attributes).
FILTERS = ("kind", "category", "region", "colour", "price_band", "lead_band")
FACETS = ("category", "region", "colour", "price_band", "lead_band")
SORTS = ("relevance", "name", "price")


@dataclass
class Document:
    """One searchable thing: a product now, an item of a published edition later.

    ``id`` is unique across kinds ("product:12"). Texts are per locale; a locale missing from
    ``names`` simply has no text in that language."""

    id: str
    kind: str
    network: str
    scope: str = ""
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    producers: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    region: str = ""
    category: str = ""
    colours: list[str] = field(default_factory=list)
    price: float | None = None
    price_band: str = ""
    lead_time_days: int | None = None
    lead_band: str = ""
    url: str = ""
    thumbnail_url: str | None = None


@dataclass
class Query:
    """A search: free text, filters (value: exact match), facets wanted, sort and page."""

    text: str = ""
    network: str | None = None
    scope: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    facets: tuple[str, ...] = FACETS
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    locale: str = "en"


@dataclass
class Hit:
    """One result: ``snippet`` is HTML - the text escaped, with only ``<mark>`` added."""

    id: str
    kind: str
    score: float
    title: str
    snippet: str
    url: str
    thumbnail_url: str | None
    price: float | None = None


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
