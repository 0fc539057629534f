"""PNG previews of a PDF's pages, for the edition page and the publishing screen."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def page_previews(
    pdf: Path, out_dir: Path, *, width_px: int = 320, first: int | None = None
) -> list[Path]:
    """Render each page (or the ``first`` n) of ``pdf`` as ``out_dir/page-001.png`` etc.,
    ``width_px`` wide. A print PDF is shown as the finished page: cut to its TrimBox, without
    the bleed, slug and crop marks."""
    out_dir.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(str(pdf))
    written: list[Path] = []
    try:
        count = len(document) if first is None else min(first, len(document))
        for index in range(count):
            page = document[index]
            try:
                written.append(_render(page, out_dir / f"page-{index + 1:03d}.png", width_px))
            finally:
                page.close()
    finally:
        document.close()
    return written


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
    bitmap = page.render(scale=width_px / shown, crop=crop)
    try:
        image = bitmap.to_pil()
        if image.width != width_px:  # rounding of the scaled size: one pixel at most
            image = image.resize((width_px, round(image.height * width_px / image.width)))
        image.save(path, format="PNG", optimize=False)
    finally:
        bitmap.close()
    return path
