"""The one private ReportLab call the PDFs depend on: ``PDFDocument.addForm``.

``PhotoSlots.draw`` (catalogue/exports/pdf/photos.py) registers each photo as a ready-made image
XObject through it, because ReportLab has no public call for that. pyproject.toml pins ReportLab
to the minor version this was checked against; this test is what to run before widening it.
"""

from __future__ import annotations

import inspect
import re
from io import BytesIO

import reportlab
from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas

from catalogue.exports.pdf.geometry import Rect
from catalogue.exports.pdf.photos import PhotoSlots
from tests.exports.conftest import photo_marker, qpdf_check

WHAT_TO_DO = (
    f"ReportLab {reportlab.Version} no longer behaves as catalogue/exports/pdf/photos.py "
    "expects of its private PDFDocument.addForm (PhotoSlots.draw registers every photo with it; "
    "published PDFs would lose their photos or fail to publish). Adapt PhotoSlots to this "
    "ReportLab, or go back to the version pinned in pyproject.toml (reportlab>=5.1,<5.2)."
)


def test_reportlab_add_form_still_takes_a_name_and_a_ready_made_object():
    parameters = list(inspect.signature(PDFDocument.addForm).parameters)
    assert parameters == ["self", "name", "form"], f"{WHAT_TO_DO} Signature now: {parameters}"


def test_a_photo_registered_with_add_form_is_written_once_verbatim_and_drawn_by_name(
    photos, store, tmp_path
):
    """What ``PhotoSlots`` relies on: the object given to ``addForm`` is written as one indirect
    object, exactly the bytes its ``format`` returns, and ``doForm`` draws it by that name from
    the page's resources; a photo drawn twice is still one object."""
    jpeg = store.path(photos[0]["screen_sha256"])
    canvas = Canvas(BytesIO(), pagesize=(300, 200), invariant=1, pageCompression=1)
    slots = PhotoSlots()
    for x in (10, 150):
        frame = Rect(x, 50, 120, 90)
        slots.draw(canvas, str(jpeg), frame, frame)
    canvas.showPage()
    data = canvas.getpdfdata()

    marker = photo_marker(0)
    objects = re.findall(rb"\n(\d+) 0 obj\n(.*?)endobj", data, re.DOTALL)
    holding = [number for number, body in objects if marker in body]
    assert len(holding) == 1, f"{WHAT_TO_DO} The photo is in {len(holding)} objects, not 1."
    assert data.count(marker) == 1, f"{WHAT_TO_DO} The photo's marker is written more than once."
    body = dict(objects)[holding[0]]
    assert re.fullmatch(
        rb"<< /Type /XObject /Subtype /Image .*/Filter /DCTDecode /Length %d >>\nstream\n"
        rb"%s\nendstream\n" % (len(marker), re.escape(marker)),
        body,
        re.DOTALL,
    ), f"{WHAT_TO_DO} The object is not written as PhotoSlots formatted it: {body[:200]!r}"

    out = tmp_path / "photo.pdf"
    slots.write(data, out)
    qpdf_check(out)
    page = PdfReader(out).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    assert list(xobjects) == ["/FormXob.photo1"], f"{WHAT_TO_DO} Resources: {list(xobjects)}"
    assert xobjects.raw_get("/FormXob.photo1").idnum == int(holding[0]), WHAT_TO_DO
    assert xobjects["/FormXob.photo1"].get_object()._data == jpeg.read_bytes(), WHAT_TO_DO
    drawn = page.get_contents().get_data().count(b"/FormXob.photo1 Do")
    assert drawn == 2, f"{WHAT_TO_DO} The photo is drawn {drawn} times, not 2."
