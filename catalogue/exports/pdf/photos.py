"""Photos that join the PDF only as it is written to disk, so memory stays flat.

ReportLab keeps every image's bytes in memory until ``save`` and then builds the whole file as
one ``bytes`` object: a 1,000-photo catalogue held its ~300 MB of JPEGs two or three times over.
Here each photo becomes an image XObject whose stream is a short marker; ReportLab writes the
document with the markers (a few MB, and a valid PDF: the 2-up imposition is made from it with
pypdf), and :meth:`PhotoSlots.write` copies it to the output, streaming each JPEG file in place
of its marker and moving the stream's ``/Length``, the cross-reference table and ``startxref``
by what each photo added. The JPEG bytes go in as they are (DCTDecode), as ``drawImage`` with a
path would put them; a file drawn again is the same object.

A document in which any photo's marker cannot be found in its image stream is refused
(:class:`PhotoMarkerMissing`) before a byte of it is written: a published file never carries a
placeholder where a photo should be.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfutils
from reportlab.pdfbase.pdfdoc import PDFObject
from reportlab.pdfgen.canvas import Canvas

from catalogue.exports.pdf.geometry import Rect

_MARKER = b"\x00\xffcatalogue-photo:%08d\xff\x00"
_MARKER_RE = re.compile(rb"\x00\xffcatalogue-photo:(\d{8})\xff\x00")
_LENGTH_RE = re.compile(rb"/Length (\d+)")
_TAIL_RE = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf]) ")
_COLOUR_SPACES = {1: b"DeviceGray", 3: b"DeviceRGB", 4: b"DeviceCMYK"}


class SpliceError(RuntimeError):
    """The document ReportLab wrote is not laid out as the splicing expects."""


class PhotoMarkerMissing(SpliceError):
    """A photo's marker is not where its image stream should be, so the file would show a
    placeholder instead of the photo: nothing is written and the publish fails."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "the photos cannot be copied into the PDF, so it was not written (it would have "
            "shipped placeholders instead): " + "; ".join(problems)
        )


class _DeferredJPEG(PDFObject):
    """A DCT image XObject that carries a marker where its stream data will go."""

    def __init__(self, path: str, marker: bytes) -> None:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below, the error reworded first
        except FileNotFoundError:
            raise FileNotFoundError(f"photo file {path} is missing") from None
        with fh:
            width, height, components = pdfutils.readJPEGInfo(fh)[:3]
            self.size = fh.seek(0, 2)
        if components not in _COLOUR_SPACES:
            raise ValueError(f"{path}: a JPEG with {components} colour components")
        # Adobe CMYK JPEGs are stored inverted.
        decode = b"/Decode [1 0 1 0 1 0 1 0] " if components == 4 else b""
        self.head = (
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
            b"/BitsPerComponent 8 /Filter /DCTDecode %s/Length %d >>\nstream\n"
            % (width, height, _COLOUR_SPACES[components], decode, len(marker))
        )
        self.marker = marker

    def format(self, document: object) -> bytes:
        return self.head + self.marker + b"\nendstream"


class PhotoSlots:
    """The photos of one document: register them while drawing, splice them in when writing."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}  # file path -> form name
        self._files: list[tuple[str, int]] = []  # by marker number: file and its size

    def __len__(self) -> int:
        return len(self._files)

    def draw(self, canvas: Canvas, path: str, clip: Rect, box: Rect) -> None:
        """Draw the JPEG at ``path`` scaled into ``box``, clipped to ``clip``; embedded once."""
        name = self._names.get(path)
        if name is None:
            name = self._names[path] = f"photo{len(self._files) + 1}"
            image = _DeferredJPEG(path, _MARKER % len(self._files))
            self._files.append((path, image.size))
            # What Canvas.drawImage does for a new file, minus reading it: ReportLab has no
            # public call that registers a ready-made image XObject.
            canvas._doc.addForm(name, image)
        canvas.addLiteral(
            f"q {fp_str(clip.x, clip.y, clip.w, clip.h)} re W n "
            f"q {fp_str(box.w, 0, 0, box.h, box.x, box.y)} cm"
        )
        canvas.doForm(name)
        canvas.addLiteral("Q Q")

    def write(self, data: bytes, out: Path) -> int:
        """Write ``data`` to ``out`` with the photos in; the file's size. ``data`` is a document
        carrying this object's markers: ``Canvas.getpdfdata()``, or pypdf's imposition of it.

        Every photo drawn must have its marker as the data of an image stream, and no marker
        may be anywhere else; otherwise :class:`PhotoMarkerMissing` is raised and ``out`` is
        not written. If copying fails half way, ``out`` is removed.

        The photos are copied on two threads (half each, every one to its place in the file):
        the copying is all system calls, and writing half a gigabyte is the largest cost of a
        1,000-photo booklet after its layout."""
        tail = _TAIL_RE.search(data)
        if tail is None:
            raise SpliceError("no startxref at the end of the document")
        xref_at = int(tail.group(1))
        view = memoryview(data)
        pieces: list[tuple[int, bytes | memoryview]] = []  # where each goes in ``out``
        photos: list[tuple[str, int, int]] = []  # file, size, where it goes in ``out``
        shifts: list[int] = []  # positions in ``data`` after which offsets move...
        moved: list[int] = []  # ...by this much in all
        spliced: set[int] = set()  # marker numbers found in an image stream
        astray: list[str] = []  # markers found anywhere else, which would stay in the file
        at = done = total = 0
        for match in _MARKER_RE.finditer(data):
            start, end = match.span()
            number = int(match.group(1))
            if number >= len(self._files):
                astray.append(f"marker {number} belongs to no photo of this document")
                continue
            if start >= xref_at or data[start - 8 : start] != b"\nstream\n":
                astray.append(
                    f"photo {number + 1} ({self._files[number][0]}): marker at byte "
                    f"{start} is not the data of an image stream"
                )
                continue
            spliced.add(number)
            source, size = self._files[number]
            length = _stream_length(data, start)
            if int(length.group(1)) != end - start:
                raise SpliceError(f"photo {match.group(1)!r}: unexpected /Length")
            written = b"%d" % size
            for piece in (view[done : length.start(1)], written, view[length.end(1) : start]):
                pieces.append((at, piece))
                at += len(piece)
            photos.append((source, size, at))
            at += size
            done = end
            total += len(written) - len(length.group(1)) + size - (end - start)
            shifts.append(start)
            moved.append(total)
        missing = [
            f"photo {n + 1} ({path}): its marker is not in the document"
            for n, (path, _size) in enumerate(self._files)
            if n not in spliced
        ]
        if missing or astray:
            raise PhotoMarkerMissing(missing + astray)
        for piece in (
            view[done:xref_at],
            _moved_xref(data[xref_at : tail.start()], shifts, moved),
            b"startxref\n%d\n%%%%EOF\n" % (xref_at + total),
        ):
            pieces.append((at, piece))
            at += len(piece)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            if hasattr(os, "posix_fallocate"):
                with contextlib.suppress(OSError):  # a filesystem without it: grow as we go
                    os.posix_fallocate(fd, 0, at)
            with ThreadPoolExecutor(1, thread_name_prefix="pdf-photos") as helper:
                other_half = helper.submit(_copy_photos, fd, photos[1::2])
                _copy_photos(fd, photos[0::2])
                for offset, piece in pieces:
                    _write_at(fd, piece, offset)
                other_half.result()
        except BaseException:
            os.close(fd)
            out.unlink(missing_ok=True)  # never leave a file with holes where photos go
            raise
        os.close(fd)
        return out.stat().st_size


def _copy_photos(fd: int, photos: list[tuple[str, int, int]]) -> None:
    for source, size, at in photos:
        with open(source, "rb") as fh:
            data = fh.read()
        if len(data) != size:
            raise SpliceError(f"{source} changed while the document was made")
        _write_at(fd, data, at)


def _write_at(fd: int, data: bytes | memoryview, at: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, at)
        view, at = view[written:], at + written


def _stream_length(data: bytes, stream_at: int) -> re.Match[bytes]:
    """The ``/Length`` of the stream dictionary just before ``stream_at``."""
    found = list(_LENGTH_RE.finditer(data, max(0, stream_at - 1024), stream_at))
    if not found:
        raise SpliceError("a photo stream without /Length")
    return found[-1]


def _moved_xref(xref: bytes, shifts: list[int], moved: list[int]) -> bytes:
    """The cross-reference table with every object offset moved past the photos before it."""
    if not xref.startswith(b"xref\n"):
        raise SpliceError("startxref does not point at a cross-reference table")

    def entry(match: re.Match[bytes]) -> bytes:
        offset, generation, kind = match.groups()
        if kind == b"f":
            return match.group(0)
        at = int(offset)
        i = bisect.bisect_left(shifts, at)
        return b"%010d %s n " % (at + (moved[i - 1] if i else 0), generation)

    return _XREF_ENTRY.sub(entry, xref)
