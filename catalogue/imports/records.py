"""What an import reads, whatever the file: producer and product records, and the problems found.

Readers (spreadsheet, sample TOML) turn files into these plain records; ``services.run`` checks and
applies them. A record holds only the values its file gave: a value that is absent (a missing
column, an empty cell) leaves what is stored unchanged, and a new row gets the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

FILE_ROW = 0  # a problem with a whole file (not a spreadsheet row)
HEADER_ROW = 1  # a problem with a column as a whole


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (spreadsheet row, header = 1; column) and what, in plain words."""

    row: int
    column: str
    message: str
    subject: str = ""  # the producer slug or SKU the row is about, when known

    def where(self) -> str:
        """ "row 4, column sku", "column photos" or "file", as the CLI prints it."""
        if self.row == FILE_ROW:
            return f"column {self.column}" if self.column else "file"
        return f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"


@dataclass
class ProducerRecord:
    """A producer, found by ``slug`` in the network. ``values`` uses the Producer's field names
    (``story`` is a dict by locale); ``contact`` the private ProducerContact's."""

    slug: str
    row: int
    values: dict[str, Any] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # column -> the row that gave it

    def row_of(self, column: str) -> int:
        return self.rows.get(column, self.row)


@dataclass
class PriceRecord:
    """A price range in one currency (None: the network's default currency)."""

    row: int
    currency: str | None = None
    values: dict[str, Decimal | None] = field(default_factory=dict)  # wholesale_min, … retail_max
    tiers: list[dict[str, Any]] | None = None  # [{min_quantity, unit_price}]; None: unchanged


@dataclass
class ProductRecord:
    """A product, found by ``sku`` among its producer's products."""

    producer_slug: str
    sku: str
    row: int
    values: dict[str, Any] = field(default_factory=dict)  # as ``upsert_product`` takes them
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # locale -> name/description/…
    capacity: dict[str, Any] = field(default_factory=dict)  # as ``set_capacity`` takes them
    prices: list[PriceRecord] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)  # names in the photo source, in order
    rows: dict[str, int] = field(default_factory=dict)

    def row_of(self, column: str) -> int:
        return self.rows.get(column, self.row)


@dataclass
class ImportBatch:
    """Everything read from one file, with the problems found while reading it."""

    producers: list[ProducerRecord] = field(default_factory=list)
    products: list[ProductRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
