"""``render_pdf``: one snapshot, one theme, one language, one variant -> one PDF file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from catalogue.editions.schema import Snapshot
from catalogue.exports.pdf.context import Rendering
from catalogue.exports.pdf.impose import impose_saddle_stitch
from catalogue.exports.pdf.pages import draw_page
from catalogue.exports.pdf.painter import Painter
from catalogue.exports.pdf.plan import plan_document
from catalogue.themes.model import Theme

# Binary streams, not ASCII85: A85-encoding every JPEG made a 200-item catalogue take 14.5 s
# instead of 0.3 s and the file 25 % larger. Read when streams are written, so set it for the
# process (nothing else here writes PDFs that would want it).
rl_config.useA85 = 0


@dataclass(frozen=True)
class RenderResult:
    pages: int
    images: int  # distinct photos embedded
    bytes: int
    item_pages: dict[str, int]  # item code -> page number (items that found a place)
    imposed_sides: int = 0  # sheet sides of the 2-up imposition, when one was asked for


def render_pdf(
    snapshot: Snapshot,
    theme: Theme,
    out: Path,
    *,
    locale: str,
    variant: str,
    photo_path: Callable[[str], Path],
    base_url: str = "",
    progress: Callable[[int, int], None] | None = None,
    imposed: Path | None = None,
) -> RenderResult:
    """Write the catalogue of ``snapshot`` as a PDF at ``out``.

    ``variant`` "print": sheet = trim + bleed + slug, Trim/BleedBox on every page, crop marks,
    CMYK colours, print derivatives. "screen": page = trim, RGB, screen derivatives, each item a
    link to ``base_url + item["url"]``. ``photo_path(key)`` gives the local file of a storage
    key. The same inputs always give the same bytes. ``progress(done, total)`` after each page.

    ``imposed`` (a print booklet): also write there its 2-up saddle-stitch imposition
    (:func:`impose_saddle_stitch`), made from the document before the photos are copied in, so
    that neither file ever holds the photos in memory.

    Raises :class:`~catalogue.exports.pdf.photos.PhotoMarkerMissing` (and writes neither file)
    when a photo cannot be copied into its place: a file is never written with a placeholder.
    """
    rendering = Rendering(snapshot, theme, locale, variant)
    plan = plan_document(rendering)
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(
        str(out),
        pagesize=rendering.sheet.size,
        invariant=1,
        pageCompression=1,
        initialFontName=theme.fonts.body.name,
        lang=locale,
    )
    canvas.setTitle(rendering.text(snapshot["catalogue"]["title"]))
    canvas.setAuthor(snapshot["catalogue"].get("network_name") or "")
    # No edition number in the file (it is in the folder, the manifest and the download name):
    # an unchanged catalogue gives byte-identical files, which a new edition links to.
    canvas.setCreator("catalogue")
    canvas.setProducer("catalogue (ReportLab)")
    painter = Painter(canvas, rendering, photo_path)
    total = len(plan.pages)
    # Sections, stories and index in the viewer's outline, as on the contents page.
    outline = {number: title for title, number in plan.pages[1].contents} if total > 1 else {}
    for number, page in enumerate(plan.pages, start=1):
        if number in outline:
            canvas.bookmarkPage(f"p{number}")
            canvas.addOutlineEntry(outline[number], f"p{number}", level=0)
        draw_page(painter, rendering, page, number, base_url)
        if progress:
            progress(number, total)
    data = canvas.getpdfdata()
    size = painter.photos.write(data, out)
    sides = 0
    if imposed is not None:
        try:
            spreads = BytesIO()
            sides = impose_saddle_stitch(BytesIO(data), spreads)
            del data
            painter.photos.write(spreads.getvalue(), imposed)
        except BaseException:
            out.unlink(missing_ok=True)  # the pair is written whole or not at all
            raise
    return RenderResult(
        pages=total,
        images=painter.images,
        bytes=size,
        item_pages=dict(plan.item_pages),
        imposed_sides=sides,
    )
