"""Photos are copied into the PDF as it is written, in place of markers: a marker that cannot be
found fails the render, and no file is left with a placeholder where a photo should be."""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from catalogue.exports.pdf import PhotoMarkerMissing, SpliceError, render_pdf
from catalogue.exports.pdf.geometry import Rect
from catalogue.exports.pdf.photos import PhotoSlots
from tests.exports.conftest import lose_a_photo_marker, photo_marker, qpdf_check


def _document(paths: list[Path]) -> tuple[PhotoSlots, bytes]:
    """A one-page PDF drawing each photo (the first one twice), with its markers in."""
    canvas = Canvas(BytesIO(), pagesize=(400, 300), invariant=1, pageCompression=1)
    slots = PhotoSlots()
    for n, path in enumerate([*paths, paths[0]]):
        frame = Rect(10 + 120 * n, 100, 100, 75)
        slots.draw(canvas, str(path), frame, frame)
    canvas.showPage()
    return slots, canvas.getpdfdata()


@pytest.fixture
def jpegs(photos: list[dict], store) -> list[Path]:
    return [store.path(p["screen_sha256"]) for p in photos[:2]]


def test_an_intact_document_gets_every_photo_in_place(jpegs, tmp_path):
    slots, data = _document(jpegs)
    out = tmp_path / "intact.pdf"
    assert slots.write(data, out) == out.stat().st_size
    qpdf_check(out)
    assert photo_marker(0) not in out.read_bytes()
    xobjects = PdfReader(out).pages[0]["/Resources"]["/XObject"]
    assert sorted(x.get_object()._data for x in xobjects.values()) == sorted(
        p.read_bytes() for p in jpegs
    )


DAMAGE = {
    # The marker is still there, one letter changed: a valid PDF with a placeholder image.
    "marker changed": lambda data: data.replace(
        photo_marker(1), photo_marker(1).replace(b"photo:", b"phot0:")
    ),
    # The stream was re-encoded (say, compressed) by whatever wrote the document.
    "marker gone": lambda data: data.replace(photo_marker(1), b""),
    # A writer that ends the stream keyword with CR LF: the marker is not at the stream's start.
    "marker moved": lambda data: data.replace(
        b"\nstream\n" + photo_marker(1), b"\nstream\r\n" + photo_marker(1)
    ),
    # A marker of a photo this document never drew.
    "marker of another document": lambda data: data.replace(photo_marker(1), photo_marker(7)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_photo_whose_marker_is_not_found_fails_and_no_file_is_written(jpegs, tmp_path, damage):
    slots, data = _document(jpegs)
    damaged = DAMAGE[damage](data)
    assert damaged != data
    out = tmp_path / "damaged.pdf"
    with pytest.raises(PhotoMarkerMissing) as refused:
        slots.write(damaged, out)
    assert not out.exists(), "a file with a placeholder instead of a photo was written"
    assert isinstance(refused.value, SpliceError)
    assert "placeholder" in str(refused.value)
    if damage != "marker of another document":
        assert f"photo 2 ({jpegs[1]})" in str(refused.value)


def test_a_photo_file_that_changes_while_it_is_copied_leaves_no_file(jpegs, tmp_path):
    moving = tmp_path / "moving.jpg"
    shutil.copyfile(jpegs[1], moving)
    slots, data = _document([jpegs[0], moving])
    with moving.open("ab") as fh:
        fh.write(b"\xff" * 10)
    out = tmp_path / "half.pdf"
    with pytest.raises(SpliceError, match="changed while"):
        slots.write(data, out)
    assert not out.exists(), "a half-written file was left behind"


def test_render_pdf_writes_neither_the_booklet_nor_its_imposition_when_a_photo_is_lost(
    snapshot_factory, theme, store, tmp_path, monkeypatch
):
    lose_a_photo_marker(monkeypatch)
    booklet, imposed = tmp_path / "print.pdf", tmp_path / "imposed.pdf"
    with pytest.raises(PhotoMarkerMissing, match="photo 1 "):
        render_pdf(
            snapshot_factory(5),
            theme,
            booklet,
            locale="en",
            variant="print",
            photo_path=store.path,
            imposed=imposed,
        )
    assert not booklet.exists() and not imposed.exists()


def test_a_photo_lost_in_the_imposition_takes_the_booklet_down_with_it(
    snapshot_factory, theme, store, tmp_path, monkeypatch
):
    """The 2-up file is pypdf's rewrite of the document: its markers are checked the same way,
    and the booklet written just before it is removed, so the pair is whole or absent."""
    written = PdfWriter.write

    def write_losing_a_photo(self: PdfWriter, stream: BytesIO) -> tuple[bool, BytesIO]:
        result = written(self, stream)
        data = stream.getvalue().replace(photo_marker(0), b"")
        stream.seek(0)
        stream.truncate()
        stream.write(data)
        return result

    monkeypatch.setattr(PdfWriter, "write", write_losing_a_photo)
    booklet, imposed = tmp_path / "print.pdf", tmp_path / "imposed.pdf"
    with pytest.raises(PhotoMarkerMissing, match="photo 1 "):
        render_pdf(
            snapshot_factory(5),
            theme,
            booklet,
            locale="en",
            variant="print",
            photo_path=store.path,
            imposed=imposed,
        )
    assert not booklet.exists() and not imposed.exists()
