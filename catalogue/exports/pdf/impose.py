"""2-up imposition of a booklet for saddle stitching."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject


def spread_order(pages: int) -> list[tuple[int, int]]:
    """Printer's spreads of a ``pages``-page booklet as (left, right) page numbers: for 8 pages
    (8, 1), (2, 7), (6, 3), (4, 5) - front and back of the outer sheet, then the next one in."""
    if pages <= 0 or pages % 4:
        raise ValueError(f"a saddle-stitched booklet has a multiple of 4 pages, not {pages}")
    spreads = []
    low, high = 1, pages
    while low < high:
        spreads.append((high, low))
        spreads.append((low + 1, high - 1))
        low, high = low + 2, high - 2
    return spreads


def impose_saddle_stitch(booklet_pdf: Path | BinaryIO, out: Path | BinaryIO) -> int:
    """Write ``out``: the pages of ``booklet_pdf`` two by two on sheets twice the trim width,
    in printer's spread order, ready to print duplex (flip on the short edge), fold and
    staple. Returns the number of sheet sides written: half the booklet's pages.

    Each page is cut to its TrimBox (the whole page when it has none), so a print PDF's bleed,
    slug and crop marks stay out and the two halves meet exactly at the spine.
    """
    reader = PdfReader(booklet_pdf)
    pages = list(reader.pages)
    trim = pages[0].trimbox
    width, height = float(trim.width), float(trim.height)
    writer = PdfWriter()
    for left, right in spread_order(len(pages)):
        sheet = PageObject.create_blank_page(width=2 * width, height=height)
        for number, x in ((left, 0.0), (right, width)):
            page = pages[number - 1]
            box = page.trimbox
            page.cropbox = RectangleObject((box.left, box.bottom, box.right, box.top))
            move = Transformation().translate(x - float(box.left), -float(box.bottom))
            sheet.merge_transformed_page(page, move, expand=False)
        writer.add_page(sheet)
    title = (reader.metadata or {}).get("/Title")
    if title:
        writer.add_metadata({"/Title": f"{title} (2-up)"})
    if isinstance(out, Path):
        with out.open("wb") as fh:
            writer.write(fh)
    else:
        writer.write(out)
    return len(writer.pages)
