"""PNG previews of a PDF's pages, for the edition page and the publishing screen.

Pages are rendered one at a time and each page and bitmap is closed as soon as its PNG is
written; the document is opened again every :data:`REOPEN_EVERY` pages, so pdfium's caches (the
decoded photos above all) stay bounded and memory does not grow with the number of pages. A
PNG is written under a temporary name and moved into place, so a reader never sees half a file
and two processes making the same preview do not clash. PDFium is not thread-safe: every call
into it here holds one lock.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import pypdfium2 as pdfium

PREVIEW_WIDTH = 320  # pixels; shown at 160 CSS pixels, sharp on high-density screens
REOPEN_EVERY = 16  # pages rendered before the document is closed and opened again
_NAME = re.compile(r"^page-(\d{3,5})\.png$")
_PDFIUM = threading.Lock()


def preview_name(page_number: int) -> str:
    """The file name of page ``page_number``'s preview (counted from 1): ``page-001.png``."""
    return f"page-{page_number:03d}.png"


def page_number_of(name: str) -> int | None:
    """The page number a preview file name stands for (``page-007.png`` -> 7), else None."""
    match = _NAME.match(name)
    return int(match.group(1)) if match else None


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has."""
    with _PDFIUM:
        document = pdfium.PdfDocument(str(pdf))
        try:
            return len(document)
        finally:
            document.close()


def page_previews(
    pdf: Path,
    out_dir: Path,
    *,
    width_px: int = PREVIEW_WIDTH,
    first: int | None = None,
    pages: Iterable[int] | None = None,
) -> list[Path]:
    """Render each page (or the ``first`` n, or the page numbers ``pages``, counted from 1) of
    ``pdf`` as ``out_dir/page-001.png`` etc., ``width_px`` wide. A print PDF is shown as the
    finished page: cut to its TrimBox, without the bleed, slug and crop marks."""
    out_dir.mkdir(parents=True, exist_ok=True)
    total = page_count(pdf)
    if pages is None:
        wanted = list(range(1, (total if first is None else min(first, total)) + 1))
    else:
        wanted = sorted({n for n in pages if 1 <= n <= total})
    written: list[Path] = []
    for start in range(0, len(wanted), REOPEN_EVERY):
        with _PDFIUM:
            document = pdfium.PdfDocument(str(pdf))
            try:
                for number in wanted[start : start + REOPEN_EVERY]:
                    page = document[number - 1]
                    try:
                        written.append(_render(page, out_dir / preview_name(number), width_px))
                    finally:
                        page.close()
            finally:
                document.close()
    return written


def ensure_preview(
    pdf: Path, out_dir: Path, page_number: int, *, width_px: int = PREVIEW_WIDTH
) -> Path | None:
    """The preview of page ``page_number`` of ``pdf`` in ``out_dir``, rendered now if it is not
    there yet (and kept); None when the PDF has no such page or is missing."""
    path = out_dir / preview_name(page_number)
    if path.is_file():
        return path
    if not pdf.is_file() or page_number < 1:
        return None
    made = page_previews(pdf, out_dir, width_px=width_px, pages=[page_number])
    return made[0] if made else None


def _render(page: pdfium.PdfPage, path: Path, width_px: int) -> Path:
    # Crop amounts are measured inwards from the CropBox, in points.
    left, bottom, right, top = page.get_cropbox()
    t_left, t_bottom, t_right, t_top = page.get_trimbox()
    crop = (
        max(0.0, t_left - left),
        max(0.0, t_bottom - bottom),
        max(0.0, right - t_right),
        max(0.0, top - t_top),
    )
    shown = (right - left) - crop[0] - crop[2]
    bitmap = page.render(scale=width_px / shown, crop=crop, draw_annots=False)
    try:
        image = bitmap.to_pil()
        if image.width != width_px:  # rounding of the scaled size: one pixel at most
            image = image.resize((width_px, round(image.height * width_px / image.width)))
        partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            image.save(partial, format="PNG", optimize=False)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        image.close()
    finally:
        bitmap.close()
    return path
