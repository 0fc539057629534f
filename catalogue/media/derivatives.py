"""Sized copies of a photo, and the one JPEG encoder every file made from pixels goes through.

``encode_jpeg`` writes pixels only: no EXIF, XMP, ICC profile, comment or other APP segment is
ever passed on, whatever the image object carries. (The one stored file not encoded here is the
original of a JPEG upload already upright and sRGB: its own stream, stripped of every metadata
segment by ``pipeline.lossless``.) The sizes and how they are made live in
``catalogue.media.pipeline``; public pages only ever get web-sized copies, never the print ones.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image

from catalogue.media.models import DerivativeKind

PUBLIC_SIZES = {DerivativeKind.WEB: 1600, DerivativeKind.THUMB: 400}
_HAMMING = Image.Resampling.HAMMING  # Lanczos-like sharpness at bilinear cost when shrinking


@dataclass(frozen=True)
class Encoded:
    """One encoded file and its pixel size."""

    data: bytes
    width: int
    height: int


def fit_size(width: int, height: int, long_edge: int) -> tuple[int, int]:
    """``(width, height)`` scaled so the long edge is ``long_edge`` (never below 1 px)."""
    scale = long_edge / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def resize_to(image: Image.Image, size: tuple[int, int], reducing_gap: float = 2.0) -> Image.Image:
    """``image`` shrunk to ``size``: an exact half is a 2×2 average (``reduce(2)``, ten times
    faster than resampling and as good); otherwise integer ``reduce()`` steps while the ratio
    stays above ``reducing_gap``, then a Hamming resample. May return ``image`` itself."""
    if image.size == size:
        return image
    if (size[0] * 2, size[1] * 2) == image.size:
        return image.reduce(2)
    return image.resize(size, _HAMMING, reducing_gap=reducing_gap)


def shrink(image: Image.Image, long_edge: int, reducing_gap: float = 2.0) -> Image.Image:
    """``image`` with its long edge at most ``long_edge`` (see :func:`resize_to`; a gap of 1
    is fastest and good enough for measuring); never enlarges, may return ``image`` itself."""
    if max(image.size) <= long_edge:
        return image
    return resize_to(image, fit_size(image.width, image.height, long_edge), reducing_gap)


def _scratch_file() -> BinaryIO:
    """An in-memory file with a real descriptor (``memfd``; a temporary file where there is
    none). Pillow encodes into a descriptor with the GIL released, but into a ``BytesIO``
    holding it: the other thread then stalls for the whole encode."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("jpeg", os.MFD_CLOEXEC), "w+b", buffering=0)
    return tempfile.TemporaryFile(buffering=0)


def encode_jpeg(
    image: Image.Image,
    quality: int = 85,
    *,
    progressive: bool = True,
    optimize: bool | None = None,
    subsampling: str = "4:2:0",
) -> Encoded:
    """JPEG bytes of ``image``'s pixels only (RGB, L or YCbCr), deterministic for the same pixels.

    Metadata is dropped twice over: ``image.info`` and ``image.encoderinfo`` are set aside for
    the save (Pillow falls back to them for the comment, XMP and more) and every metadata option
    is passed empty. ``optimize`` defaults to ``progressive`` (progressive JPEGs always get
    optimised Huffman tables). Never call this for one image object on two threads at once.
    """
    if image.mode not in ("RGB", "L", "YCbCr"):
        image = image.convert("RGB")
    info, encoderinfo = image.info, image.__dict__.get("encoderinfo")
    image.info, image.encoderinfo = {}, {}
    try:
        with _scratch_file() as out:
            image.save(
                out,
                "JPEG",
                quality=quality,
                progressive=progressive,
                optimize=progressive if optimize is None else optimize,
                subsampling=subsampling,
                exif=b"",
                icc_profile=None,
                comment=b"",
                xmp=b"",
            )
            out.seek(0)
            data = out.read()
    finally:
        image.info = info
        if encoderinfo is None:
            del image.encoderinfo
        else:
            image.encoderinfo = encoderinfo
    return Encoded(data, image.width, image.height)


def public_derivatives(data: bytes) -> dict[DerivativeKind, Encoded]:
    """The web and thumbnail JPEGs for a photo's bytes (see ``pipeline.make_derivatives``)."""
    from catalogue.media.pipeline import make_derivatives

    return make_derivatives(data, kinds=tuple(PUBLIC_SIZES))
