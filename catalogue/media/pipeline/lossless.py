"""The stored original of a plain JPEG upload, without re-encoding: the upload's own JPEG stream
with every metadata segment removed at the marker level.

Re-encoding a 12 MP phone photo costs as much as decoding it and loses a little quality; a JPEG
that is already upright sRGB RGB needs neither. Such an upload (EXIF orientation 1 or none, no
ICC profile or an sRGB one, three components - not greyscale, CMYK or YCCK) keeps its own
stream, which decodes to exactly the same pixels. Every other upload is re-encoded from pixels
(``cleaning.encode_original``).

What is kept: SOI; APP0 when it is JFIF (rebuilt without its thumbnail: JFIF tells the decoder
the colours are YCbCr); APP14 "Adobe" (its colour transform flag, no personal data); DQT, DHT,
DAC, DRI, the frame header (SOFn) and every scan (SOS and its entropy-coded data) up to EOI.
What is dropped: APP1 (EXIF with GPS, XMP), APP2 (ICC profile, MPF), APP3-APP13, APP15, COM,
any other APP0 or APP14, and whatever follows EOI (the extra pictures some phones append).
Anything else - another marker, a second frame, a length running past the end - and the upload
is re-encoded instead.
"""

from __future__ import annotations

import re

from PIL import Image

from catalogue.media.pipeline.normalise import is_srgb, orientation

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_APP0, _APP14 = 0xE0, 0xEE
# Kept as they are: DQT, DHT, DAC, DRI and the frame headers SOF0-3, 5-7, 9-11, 13-15.
_TABLES = {0xDB, 0xC4, 0xCC, 0xDD}
_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
# Metadata: APP1-APP13, APP15 and COM (APP0 and APP14 are looked at one by one).
_DROPPED = set(range(0xE1, 0xEE)) | {0xEF, 0xFE}
# In entropy-coded data 0xFF is followed by 0x00 (a stuffed byte) or RST0-7, which belong to the
# data; any other byte after it (0xFF being a fill byte) starts the next marker.
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def keeps_its_stream(image: Image.Image) -> bool:
    """Whether an opened JPEG upload may be stored as its own stream, stripped: three
    components, upright as stored (EXIF orientation 1 or none), with no ICC profile or an sRGB
    one."""
    icc = image.info.get("icc_profile")
    return (
        image.format in ("JPEG", "MPO")
        and image.mode == "RGB"
        and orientation(image) == 1
        and (not icc or is_srgb(icc))
        and image.info.get("adobe_transform", 1) in (0, 1)
    )


def _jfif(body: bytes) -> bytes | None:
    """A JFIF APP0 segment with the density of ``body`` and no thumbnail; None when ``body``
    is not JFIF (libjpeg reads JFIF from 14 bytes on: shorter is ignored, so dropped here)."""
    if len(body) < 14 or body[:5] != b"JFIF\x00":
        return None
    return b"\xff\xe0\x00\x10" + body[:12] + b"\x00\x00"


def strip_jpeg(data: bytes) -> bytes | None:
    """``data`` (a JPEG) with every metadata segment removed and nothing after EOI, or None when
    anything in its marker structure is unexpected (the caller then re-encodes from pixels).

    Only the segments around the entropy-coded data are rewritten; the data itself is copied
    byte for byte, so the result decodes to the very same pixels.
    """
    if data[:2] != b"\xff\xd8":
        return None
    out: list[bytes | memoryview] = [b"\xff\xd8"]
    view = memoryview(data)
    pos, end = 2, len(data)
    frames, jfif_kept = 0, False
    while True:
        if pos >= end or data[pos] != 0xFF:
            return None
        while pos < end and data[pos] == 0xFF:  # fill bytes may precede any marker
            pos += 1
        if pos >= end:
            return None
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            if frames != 1:
                return None
            out.append(b"\xff\xd9")
            return b"".join(out)
        if pos + 2 > end:
            return None
        length = int.from_bytes(data[pos : pos + 2], "big")
        segment_end = pos + length
        if length < 2 or segment_end > end:
            return None
        body = data[pos + 2 : segment_end]
        if marker == _SOS:
            if frames != 1:
                return None
            found = _NEXT_MARKER.search(data, segment_end)
            if found is None:  # no EOI: truncated
                return None
            out.append(b"\xff\xda")
            out.append(view[pos : found.start()])  # the scan header and its data, verbatim
            pos = found.start()
            continue
        if marker in _FRAMES:
            frames += 1
            out.append(data[pos - 2 : segment_end])
        elif marker in _TABLES:
            out.append(data[pos - 2 : segment_end])
        elif marker == _APP0:
            jfif = _jfif(body)
            if jfif is not None and not jfif_kept:
                out.append(jfif)
                jfif_kept = True
        elif marker == _APP14:
            if body[:5] == b"Adobe" and len(body) >= 12:
                out.append(data[pos - 2 : segment_end])
        elif marker not in _DROPPED:
            return None  # DNL, hierarchical or reserved markers: not worth the risk
        pos = segment_end
