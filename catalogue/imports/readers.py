"""A facilitator's spreadsheet (CSV or XLSX, one row per product; see ``columns``) into import
records, with every problem found while reading it by row and column. The sample network's TOML
is read by ``sample``."""

from __future__ import annotations

import csv
import difflib
import io
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from flask_babel import gettext as _

from catalogue.imports.cells import CellError, read_cell
from catalogue.imports.columns import Column, columns, header_name
from catalogue.imports.records import (
    FILE_ROW,
    HEADER_ROW,
    ImportBatch,
    PriceRecord,
    Problem,
    ProducerRecord,
    ProductRecord,
)
from catalogue.imports.zipphotos import bomb_check

MAX_ROWS = 5000
MAX_EMPTY_RUN = 1000
MAX_XLSX_EXPANDED = 200 * 1024 * 1024
PRICE_AMOUNTS = ("wholesale_min", "wholesale_max", "retail_min", "retail_max")
Row = tuple[int, list[Any]]


class UnreadableFile(ValueError):
    """The file is not a spreadsheet this import reads; the message says what to do."""


def spreadsheet_kind(data: bytes, filename: str = "") -> str:
    """ "xlsx" or "csv", from the content (the name only helps to explain a refusal)."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile(
            _("This is an old Excel file (.xls). Save it as .xlsx or CSV and upload it again.")
        )
    elif b"\x00" not in data[:4096]:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            if filename.lower().endswith((".csv", ".txt")):
                raise UnreadableFile(
                    _("This CSV file is not in UTF-8. Save it again choosing UTF-8.")
                ) from None
        else:
            return "csv"
    raise UnreadableFile(_("This file is neither a CSV nor an Excel (.xlsx) spreadsheet."))


def _csv_rows(data: bytes) -> tuple[list[Any], Iterator[Row]]:
    text = data.decode("utf-8-sig")
    first_line = text.split("\n", 1)[0]
    # The delimiter the header line uses most: spreadsheets in Spanish or French save with ";".
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header, rows = _filled_rows(reader)
    except csv.Error as exc:
        raise UnreadableFile(_("This CSV file could not be read.")) from exc
    return header, iter(rows)


def _xlsx_rows(data: bytes) -> tuple[list[Any], Iterator[Row]]:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        refused = bomb_check(archive, max_total=MAX_XLSX_EXPANDED)
    if refused:
        raise UnreadableFile(_("This Excel file is too large once expanded."))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise UnreadableFile(_("This Excel file could not be read.")) from exc
        try:
            header, rows = _filled_rows(book.worksheets[0].iter_rows(values_only=True))
        except Exception as exc:
            raise UnreadableFile(_("This Excel file could not be read.")) from exc
        finally:
            book.close()
    return header, iter(rows)


def _filled_rows(cells_by_row: Iterator[Any]) -> tuple[list[Any], list[Row]]:
    """The header and the rows with something in them, numbered. Reading stops after
    ``MAX_ROWS`` + 1 filled rows, or a long run of empty ones: a sheet formatted down to row
    1,048,576 holds that many empty rows."""
    header = list(next(cells_by_row, ()))
    rows: list[Row] = []
    empty_run = 0
    for n, cells in enumerate(cells_by_row, start=2):
        if all(_blank(c) for c in cells):
            empty_run += 1
            if empty_run > MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        rows.append((n, list(cells)))
        if len(rows) > MAX_ROWS:
            break
    return header, rows


def read_spreadsheet(
    data: bytes,
    filename: str,
    *,
    locales: Iterable[str],
    default_currency: str | None,
    amount_locale: str | None = None,
) -> ImportBatch:
    """The records of a CSV or XLSX file (first sheet, header in row 1), with every problem
    found while reading it by row and column. Amounts typed as text are read in
    ``amount_locale`` (the network's language), as the portal reads them."""
    try:
        kind = spreadsheet_kind(data, filename)
        header, rows = _xlsx_rows(data) if kind == "xlsx" else _csv_rows(data)
    except UnreadableFile as exc:
        return ImportBatch(problems=[Problem(FILE_ROW, "", str(exc))])
    return records_from_rows(
        header,
        rows,
        locales=list(locales),
        default_currency=default_currency,
        amount_locale=amount_locale,
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Builder:
    """Groups rows into producer and product records, reporting conflicts between rows."""

    def __init__(self, batch: ImportBatch, default_currency: str | None) -> None:
        self.batch = batch
        self.default_currency = default_currency
        self.producers: dict[str, ProducerRecord] = {}
        self.products: dict[tuple[str, str], ProductRecord] = {}

    def problem(self, row: int, column: str, message: str, subject: str = "") -> None:
        self.batch.problems.append(Problem(row, column, message, subject))

    def _merge(
        self,
        target: dict[str, Any],
        key: str,
        value: Any,
        rows: dict[str, int],
        column: str,
        row: int,
        subject: str,
    ) -> None:
        if key not in target:
            target[key] = value
            rows[column] = row
        elif target[key] != value:
            self.problem(
                row,
                column,
                _("Row %(row)d gives a different value for the same item.", row=rows[column]),
                subject,
            )

    def add_row(self, row: int, values: dict[str, tuple[Column, Any]]) -> None:
        slug_cell = values.pop("producer_slug", None)
        if slug_cell is None:
            self.problem(row, "producer_slug", _("Enter the producer's short name (slug)."))
            return
        slug = slug_cell[1]
        producer = self.producers.get(slug)
        if producer is None:
            producer = self.producers[slug] = ProducerRecord(slug, row)
            self.batch.producers.append(producer)
        for name, (column, value) in values.items():
            if column.target == "producer" and column.locale:
                story = producer.values.setdefault("story", {})
                self._merge(story, column.locale, value, producer.rows, name, row, slug)
            elif column.target == "producer":
                self._merge(producer.values, column.field, value, producer.rows, name, row, slug)
            elif column.target == "contact":
                self._merge(producer.contact, column.field, value, producer.rows, name, row, slug)
        product_cells = {
            n: cv for n, cv in values.items() if cv[0].target not in ("producer", "contact")
        }
        sku_cell = product_cells.pop("sku", None)
        if sku_cell is None:
            if product_cells:
                self.problem(row, "sku", _("Enter the product code."), slug)
            return
        self._add_product(row, slug, sku_cell[1], product_cells)

    def _add_product(
        self, row: int, slug: str, sku: str, cells: dict[str, tuple[Column, Any]]
    ) -> None:
        product = self.products.get((slug, sku))
        if product is None:
            product = self.products[slug, sku] = ProductRecord(slug, sku, row)
            self.batch.products.append(product)
        price_cells = {n: v for n, (c, v) in cells.items() if c.target == "price"}
        for name, (column, value) in cells.items():
            if column.target == "product":
                self._merge(product.values, column.field, value, product.rows, name, row, sku)
            elif column.target == "text":
                text = product.texts.setdefault(column.locale or "", {})
                self._merge(text, column.field, value, product.rows, name, row, sku)
            elif column.target == "capacity":
                self._merge(product.capacity, column.field, value, product.rows, name, row, sku)
            elif column.target == "photos":
                product.photos += [p for p in value if p not in product.photos]
                product.rows.setdefault(name, row)
        if price_cells:
            currency = price_cells.get("currency") or self.default_currency
            earlier = next((p for p in product.prices if p.currency == currency), None)
            if earlier is not None:
                self.problem(
                    row,
                    "currency",
                    _(
                        "Row %(row)d already gives this product's prices in %(currency)s.",
                        row=earlier.row,
                        currency=currency or "?",
                    ),
                    sku,
                )
                return
            product.prices.append(
                PriceRecord(
                    row,
                    currency,
                    {k: price_cells[k] for k in PRICE_AMOUNTS if k in price_cells},
                    price_cells.get("tiers"),
                )
            )


def records_from_rows(
    header: list[Any],
    rows: Iterable[Row],
    *,
    locales: list[str],
    default_currency: str | None,
    amount_locale: str | None = None,
) -> ImportBatch:
    """Records from a header and numbered rows of cells (as a spreadsheet gives them)."""
    batch = ImportBatch()
    known = {c.name: c for c in columns(locales)}
    used: list[tuple[int, Column]] = []
    seen: set[str] = set()
    for index, raw in enumerate(header):
        name = header_name(raw)
        if not name:
            continue
        if name in seen:
            batch.problems.append(Problem(HEADER_ROW, name, _("This column appears twice.")))
            continue
        seen.add(name)
        if name in known:
            used.append((index, known[name]))
            continue
        close = difflib.get_close_matches(name, list(known), n=1)
        message = (
            _("Unknown column. Did you mean “%(name)s”?", name=close[0])
            if close
            else _("Unknown column. The list of columns is on the import page.")
        )
        batch.problems.append(Problem(HEADER_ROW, name, message))
    if "producer_slug" not in seen:
        batch.problems.append(Problem(HEADER_ROW, "producer_slug", _("This column is required.")))
        return batch
    if "sku" not in seen and any(c.target not in ("producer", "contact") for _i, c in used):
        batch.problems.append(
            Problem(HEADER_ROW, "sku", _("This column is required for products."))
        )
        return batch
    builder = _Builder(batch, default_currency)
    filled = 0
    for row, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        filled += 1
        if filled > MAX_ROWS:
            batch.problems.append(
                Problem(row, "", _("Import at most %(n)d rows at a time.", n=MAX_ROWS))
            )
            break
        values: dict[str, tuple[Column, Any]] = {}
        for index, column in used:
            try:
                cell = cells[index] if index < len(cells) else None
                value = read_cell(column, cell, amount_locale)
            except CellError as exc:
                batch.problems.append(Problem(row, column.name, str(exc)))
                continue
            if value is not None:
                values[column.name] = (column, value)
        builder.add_row(row, values)
    if not batch.producers and not batch.problems:
        batch.problems.append(Problem(FILE_ROW, "", _("The spreadsheet has no rows to import.")))
    return batch
