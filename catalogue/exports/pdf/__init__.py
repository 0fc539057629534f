"""Catalogue PDFs made with ReportLab from an edition snapshot and a theme.

- :func:`render_pdf` - flyer, leaflet or booklet; "print" (bleed, slug, crop marks, Trim/BleedBox,
  CMYK, 300 ppi derivatives) or "screen" (trim size, RGB, linked items, screen derivatives).
- :func:`layout_problems` - texts cut short and photos below 300 ppi, from the same frames.
- :func:`impose_saddle_stitch` - 2-up printer's spreads of a print booklet.
- :class:`PhotoMarkerMissing` - raised when a photo cannot be copied into the file it belongs
  in; that file is then not written (never a placeholder instead of a photo).

Items sit in fixed frames drawn straight on the canvas (no document-wide reflow): an item is
never split across pages, and a text too long for its frame ends with an ellipsis.
"""

from catalogue.exports.pdf.impose import impose_saddle_stitch
from catalogue.exports.pdf.photos import PhotoMarkerMissing, SpliceError
from catalogue.exports.pdf.problems import LayoutProblem, layout_problems
from catalogue.exports.pdf.render import RenderResult, render_pdf

__all__ = [
    "LayoutProblem",
    "PhotoMarkerMissing",
    "RenderResult",
    "SpliceError",
    "impose_saddle_stitch",
    "layout_problems",
    "render_pdf",
]
