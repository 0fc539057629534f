"""Reading an upload before any pixel is decoded: its type from the content, its size and pixel
count, and :class:`PhotoRejected`, the plain-words refusal when any of them is wrong.

The file type is decided by the content, never by the name: the name only ever appears in the
message, shortened and stripped of anything unprintable.
"""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO
from typing import Any

import pillow_heif
from PIL import Image

from catalogue.core.validation import ValidationError
from catalogue.media.pipeline.settings import MAX_PIXELS, MAX_UPLOAD_BYTES, MIN_EDGE
from catalogue.media.quality import describe

# HEIC/HEIF uploads open through Pillow like any other format.
pillow_heif.register_heif_opener()

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
# Image types we recognise but do not accept: the message names them.
_OTHER_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"8BPS", "Photoshop (PSD)"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
    (b"qoif", "QOI"),
)


class PhotoRejected(ValidationError):
    """An upload refused; ``errors["photo"]`` says why in plain words, ``code`` for programs."""

    def __init__(self, code: str, filename: str | None = None, **params: Any) -> None:
        self.code = code
        self.params = params
        message = describe(code, **params)
        name = _display_name(filename)
        if name:
            message = describe("named_file", filename=name, problem=message)
        super().__init__({"photo": message})


def _display_name(filename: str | None) -> str:
    """The last path component, printable and short; only ever used in messages."""
    if not filename:
        return ""
    name = re.split(r"[\\/]", str(filename))[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name if len(name) <= 80 else f"{name[:60]}...{name[-17:]}"


def sniff(head: bytes) -> str | None:
    """The accepted format the bytes start like, "other:<kind>" for a known image type we do not
    accept, or None for anything else (text, HTML, SVG, PDF, EPS, archives...)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        size = int.from_bytes(head[:4], "big")
        brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(size, len(head)), 4)}
        if head[8:12] in _AVIF_BRANDS:
            return "other:AVIF"
        if brands & _HEIF_BRANDS:
            return "HEIF"
        return None
    for magic, kind in _OTHER_IMAGES:
        if head.startswith(magic):
            return f"other:{kind}"
    if head[:2] == b"BM" and len(head) >= 26 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return "other:BMP"
    return None


def open_upload(data: bytes, filename: str | None) -> tuple[Image.Image, str]:
    """Open (headers only) and check type, size and pixel count; the caller decodes.

    Returns the opened image and its format (JPEG / PNG / WEBP / HEIF); raises
    :class:`PhotoRejected` otherwise.
    """
    if not data:
        raise PhotoRejected("empty", filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected(
            "file_too_large",
            filename,
            size_mb=f"{len(data) / 1_048_576:.0f}",
            max_mb=MAX_UPLOAD_BYTES // 1_048_576,
        )
    kind = sniff(data[:64])
    if kind is None:
        raise PhotoRejected("not_an_image", filename)
    if kind.startswith("other:"):
        raise PhotoRejected("unsupported_type", filename, kind=kind.removeprefix("other:"))
    max_megapixels = MAX_PIXELS // 1_000_000
    try:
        image = Image.open(BytesIO(data), formats=[kind])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own limit (about 89 MP) caught it first; with warnings as errors, the warning.
        raise PhotoRejected("too_many_pixels", filename, max_megapixels=max_megapixels) from None
    except Exception:  # any parse failure of an untrusted file is "damaged", whatever its class
        raise PhotoRejected("corrupt", filename) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise PhotoRejected(
            "too_many_pixels",
            filename,
            max_megapixels=max_megapixels,
            megapixels=round(width * height / 1e6),
        )
    if min(width, height) < MIN_EDGE:
        image.close()
        raise PhotoRejected("too_small", filename, width=width, height=height, min_edge=MIN_EDGE)
    return image, kind
