"""Photos that join the PDF only as it is written to disk, so memory stays flat.

ReportLab keeps every image's bytes in memory until ``save`` and then builds the whole file as
one ``bytes`` object: a 1,000-photo catalogue held its ~300 MB of JPEGs two or three times over.
Here each photo becomes an image XObject whose stream is a short marker; ReportLab writes the
document with the markers (a few MB), and :meth:`PhotoSlots.write` copies it to the output,
streaming each JPEG file in place of its marker and shifting ``/Length``, the cross-reference
table and ``startxref`` by what each photo added. The JPEG bytes go in as they are (DCTDecode),
as ``drawImage`` with a path would put them; a file drawn again is the same object.
"""

from __future__ import annotations

import bisect
import re
import shutil
from pathlib import Path

from reportlab.pdfbase import pdfutils
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

_MARKER = b"\x00\xffcatalogue-photo:%08d\xff\x00"
_MARKER_RE = re.compile(rb"\x00\xffcatalogue-photo:(\d{8})\xff\x00")
_LENGTH_RE = re.compile(rb"/Length (\d+)")
_TAIL_RE = re.compile(rb"startxref\n(\d+)\n%%EOF\n?$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf]) ")
_COLOUR_SPACES = {1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}


class SpliceError(RuntimeError):
    """The document ReportLab wrote is not laid out as the splicing expects."""


class _DeferredJPEG(PDFImageXObject):
    """A DCT image XObject whose stream is a marker until :meth:`PhotoSlots.write`."""

    def __init__(self, name: str, path: Path, marker: bytes) -> None:
        super().__init__(name)  # the canned image; every field is set below
        with path.open("rb") as fh:
            width, height, components = pdfutils.readJPEGInfo(fh)[:3]
        if components not in _COLOUR_SPACES:
            raise ValueError(f"{path}: a JPEG with {components} colour components")
        self.width, self.height = width, height
        self.bitsPerComponent = 8
        self.colorSpace = _COLOUR_SPACES[components]
        self._dotrans = int(components == 4)  # Adobe CMYK JPEGs are stored inverted
        self._filters = ("DCTDecode",)
        self.streamContent = marker
        self.mask = None


class PhotoSlots:
    """The photos of one document: register them while drawing, splice them in when writing."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}  # file path -> form name
        self._files: list[Path] = []  # by marker number

    def __len__(self) -> int:
        return len(self._files)

    def draw(self, canvas: Canvas, path: str, x: float, y: float, w: float, h: float) -> None:
        """Draw the JPEG at ``path`` into the box (x, y, w, h), embedding it once per document."""
        name = self._names.get(path)
        if name is None:
            name = self._names[path] = f"photo{len(self._files) + 1}"
            marker = _MARKER % len(self._files)
            self._files.append(Path(path))
            # What Canvas.drawImage does for a new file, minus reading it: ReportLab has no
            # public call that registers a ready-made image XObject.
            canvas._doc.addForm(name, _DeferredJPEG(name, Path(path), marker))
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(w, h)
        canvas.doForm(name)
        canvas.restoreState()

    def write(self, data: bytes, out: Path) -> int:
        """Write ``data`` (``Canvas.getpdfdata()``) to ``out`` with the photos in; its size."""
        shifts: list[int] = []  # positions in ``data`` after which offsets move...
        moved: list[int] = []  # ...by this much in all
        total = 0
        tail = _TAIL_RE.search(data)
        if tail is None:
            raise SpliceError("no startxref at the end of the document")
        xref_at = int(tail.group(1))
        with out.open("wb") as fh:
            done = 0
            for match in _MARKER_RE.finditer(data, 0, xref_at):
                start, end = match.span()
                if data[start - 8 : start] != b"\nstream\n":
                    continue  # not an image stream of ours (cannot happen in compressed pages)
                length = _last_length(data, start)
                if int(length.group(1)) != end - start:
                    raise SpliceError(f"photo {match.group(1)!r}: unexpected /Length")
                source = self._files[int(match.group(1))]
                size = source.stat().st_size
                fh.write(data[done : length.start(1)])
                fh.write(str(size).encode())
                fh.write(data[length.end(1) : start])
                with source.open("rb") as photo:
                    shutil.copyfileobj(photo, fh, 1 << 20)
                done = end
                total += len(str(size)) - len(length.group(1)) + size - (end - start)
                shifts.append(start)
                moved.append(total)
            fh.write(data[done:xref_at])
            fh.write(_moved_xref(data[xref_at : tail.start()], shifts, moved))
            fh.write(b"startxref\n%d\n%%%%EOF\n" % (xref_at + total))
        return out.stat().st_size


def _last_length(data: bytes, stream_at: int) -> re.Match[bytes]:
    """The ``/Length`` of the stream dictionary just before ``stream_at``."""
    window_start = max(0, stream_at - 512)
    found = list(_LENGTH_RE.finditer(data, window_start, stream_at))
    if not found:
        raise SpliceError("a photo stream without /Length")
    # Offsets into ``data``: finditer with pos keeps them absolute.
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
