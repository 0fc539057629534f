"""Drawing on the ReportLab canvas in trim coordinates: pages with their boxes, bleed and crop
marks, colour by theme role, cover-cropped photos embedded by path, one-line text, links.

Boxes (print): MediaBox is the whole sheet (trim + bleed + slug) and the CropBox is set equal to
it, so a viewer shows the crop marks a print shop checks; TrimBox is the finished page and
BleedBox lies exactly ``bleed_mm`` outside it. Screen pages are the trim and carry no boxes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from catalogue.editions.schema import Photo
from catalogue.exports.pdf.context import REGISTRATION, Rendering
from catalogue.exports.pdf.geometry import MM, Rect
from catalogue.exports.pdf.photos import PhotoSlots
from catalogue.exports.pdf.text import Fitted, clip_line, nfc

MARK_WIDTH = 0.25  # pt, hairline crop marks
MARK_GAP = 0.5 * MM  # between the bleed edge and the start of a mark
MARK_LENGTH = 5 * MM


class Painter:
    def __init__(
        self, canvas: Canvas, rendering: Rendering, photo_path: Callable[[str], Path]
    ) -> None:
        self.c = canvas
        self.rendering = rendering
        self._photo_path = photo_path
        self._paths: dict[str, str] = {}  # storage key -> file, resolved once
        self.photos = PhotoSlots()
        sheet = rendering.sheet
        canvas.setPageSize(sheet.size)
        if rendering.print:
            canvas.setCropBox((0, 0, *sheet.size))
            canvas.setBleedBox(sheet.bleed_box)
            canvas.setTrimBox(sheet.trim_box)

    @property
    def images(self) -> int:
        return len(self._paths)

    # Pages -------------------------------------------------------------------------------------

    def begin_page(self, background: str = "paper") -> None:
        """Start drawing a page: origin at the trim's corner, background over the whole bleed."""
        self.c.saveState()
        self.c.translate(self.rendering.sheet.offset, self.rendering.sheet.offset)
        self.fill(self.rendering.sheet.bleed_rect, background)

    def end_page(self) -> None:
        self.c.restoreState()
        if self.rendering.print:
            self._crop_marks()
        self.c.showPage()

    def _crop_marks(self) -> None:
        """Marks on the trim lines, in the slug only: they start beyond the bleed."""
        sheet = self.rendering.sheet
        start = sheet.bleed + MARK_GAP
        length = min(MARK_LENGTH, sheet.slug - MARK_GAP - 0.5 * MM)
        if length <= 0:
            return
        x0, y0, x1, y1 = sheet.trim_box
        lines = []
        for x, dx in ((x0, -1), (x1, 1)):
            for y, dy in ((y0, -1), (y1, 1)):
                lines.append((x + dx * start, y, x + dx * (start + length), y))
                lines.append((x, y + dy * start, x, y + dy * (start + length)))
        self.c.setStrokeColor(REGISTRATION)
        self.c.setLineWidth(MARK_WIDTH)
        self.c.lines(lines)

    # Shapes and text ---------------------------------------------------------------------------

    def fill(self, rect: Rect, role: str) -> None:
        self.c.setFillColor(self.rendering.colour(role))
        self.c.rect(rect.x, rect.y, rect.w, rect.h, stroke=0, fill=1)

    def frame(self, rect: Rect, role: str, width: float = 0.5) -> None:
        self.c.setStrokeColor(self.rendering.colour(role))
        self.c.setLineWidth(width)
        self.c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=0)

    def rule(self, x0: float, x1: float, y: float, role: str, width: float = 0.5) -> None:
        self.c.setStrokeColor(self.rendering.colour(role))
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)

    def line(
        self,
        rect: Rect,
        text: str,
        font: str,
        size: float,
        role: str = "text",
        align: str = "left",
    ) -> float:
        """One line of plain text in ``rect`` (cut with an ellipsis if too long); its width."""
        text = " ".join(nfc(text).split())
        width = stringWidth(text, font, size)
        if width > rect.w:
            text = clip_line(text, font, size, rect.w)
            width = stringWidth(text, font, size)
        if not text:
            return 0.0
        self.c.setFillColor(self.rendering.colour(role))
        self.c.setFont(font, size)
        baseline = rect.top - size
        if align == "right":
            self.c.drawRightString(rect.right, baseline, text)
        elif align == "centre":
            self.c.drawCentredString(rect.x + rect.w / 2, baseline, text)
        else:
            self.c.drawString(rect.x, baseline, text)
        return width

    def paragraph(self, fitted: Fitted, rect: Rect) -> None:
        """A fitted Paragraph hung from the top of ``rect``."""
        if fitted.paragraph is not None:
            fitted.paragraph.drawOn(self.c, rect.x, rect.top - fitted.height)

    # Photos and links --------------------------------------------------------------------------

    def photo(self, photo: Photo | None, rect: Rect, placeholder: str | None = "muted") -> bool:
        """``photo`` scaled to cover ``rect`` (aspect kept, centred, the overflow clipped).

        A JPEG's bytes go into the PDF as they are (DCTDecode), copied from the file only when
        the document is written (see ``photos``); a file drawn again is embedded once.
        """
        if photo is None or rect.w <= 0 or rect.h <= 0:
            if placeholder:
                self.frame(rect, placeholder)
            return False
        key = photo["print_sha256"] if self.rendering.print else photo["screen_sha256"]
        path = self._paths.get(key)
        if path is None:
            path = self._paths[key] = os.fspath(self._photo_path(key))
        # Every derivative keeps the original's aspect, so the print size gives the crop.
        pw, ph = photo.get("print_width") or rect.w, photo.get("print_height") or rect.h
        scale = max(rect.w / pw, rect.h / ph)
        w, h = pw * scale, ph * scale
        box = Rect(rect.x + (rect.w - w) / 2, rect.y + (rect.h - h) / 2, w, h)
        self.photos.draw(self.c, path, rect, box)
        return True

    def link(self, url: str, rect: Rect) -> None:
        self.c.linkURL(url, (rect.x, rect.y, rect.right, rect.top), relative=1, thickness=0)
