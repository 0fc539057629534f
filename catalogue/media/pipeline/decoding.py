"""Decoding an upload into clean pixels: at full scale, in JPEG draft mode at a reduced scale, or
at half scale on the helper thread alongside the full decode.

Whatever the path, the pixels handed out are upright sRGB RGB with nothing else left on the
image object: EXIF (GPS included), XMP, ICC profiles, comments and other APP segments are
dropped here, and every stored file is re-encoded from these pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, JpegImagePlugin

from catalogue.media.derivatives import fit_size
from catalogue.media.pipeline.normalise import TRANSPOSE, orientation, to_srgb
from catalogue.media.pipeline.settings import WEB_EDGE
from catalogue.media.pipeline.steps import Steps, nothing
from catalogue.media.pipeline.upload import PhotoRejected, open_upload, sniff


@dataclass(frozen=True)
class Decoded:
    """An upload's pixels and what the encoders need to know about where they came from."""

    image: Image.Image  # upright sRGB RGB, fully decoded, empty ``info``
    kind: str  # JPEG / PNG / WEBP / HEIF
    subsampling: str  # chroma subsampling for the stored original
    full_size: tuple[int, int]  # upright size at full scale, even when decoded in draft mode


def _subsampling(image: Image.Image, kind: str) -> str:
    """Keep what a JPEG had; full colour resolution for PNG; 4:2:0 (as HEIC/WebP) otherwise."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        return {0: "4:4:4", 1: "4:2:2"}.get(JpegImagePlugin.get_sampling(image), "4:2:0")
    return "4:4:4" if kind == "PNG" else "4:2:0"


def decode(data: bytes, filename: str | None = None, draft_long_edge: int | None = None) -> Decoded:
    """Validate and decode an upload (raises :class:`PhotoRejected`).

    ``draft_long_edge`` lets JPEGs decode at a reduced DCT scale whose long edge stays at least
    that large (orientation does not matter: the scale is the same on both axes).
    """
    image, kind = open_upload(data, filename)
    draft = None
    if draft_long_edge and kind == "JPEG" and image.mode in ("RGB", "L"):
        draft = fit_size(image.width, image.height, draft_long_edge)
    return _finish(image, kind, filename, draft)


def _finish(
    image: Image.Image, kind: str, filename: str | None, draft: tuple[int, int] | None
) -> Decoded:
    """Decode an opened upload (at a reduced DCT scale fitting ``draft``, JPEG only), upright,
    sRGB, with nothing but pixels left on the image object."""
    full_size = image.size
    try:
        if draft:
            image.draft(image.mode, draft)
        turn = orientation(image)
        if turn in (5, 6, 7, 8):
            full_size = full_size[::-1]
        subsampling = _subsampling(image, kind)
        image.load()  # decode everything now: truncated or corrupt data fails here
        image = to_srgb(image)
        if turn != 1:
            image = image.transpose(TRANSPOSE[turn])
    except Exception:  # a damaged file may fail in any part of the decoder
        raise PhotoRejected("corrupt", filename) from None
    image.info = {}
    # Still the opened file? A JPEG keeps its raw APP segments (EXIF, XMP...) in more attributes
    # than ``info``, and Pillow caches the parsed EXIF at open: empty them too, so the pixels
    # handed out carry nothing (much cheaper than copying 12 MP).
    image._exif = None
    for attribute, empty in (("app", {}), ("applist", []), ("icclist", [])):
        if hasattr(image, attribute):
            setattr(image, attribute, empty)
    return Decoded(image, kind, subsampling, full_size)


def _decode_half(data: bytes) -> Decoded | None:
    """A JPEG upload decoded at half scale - the DCT does the shrinking, about 40 % of the cost
    of a full decode - upright and sRGB like the full decode; made on the helper thread while
    this one decodes at full scale, and the source of every copy it is large enough for.
    None when the upload is not such a JPEG, when half of it is smaller than the web copy, or
    when anything goes wrong (the full decode is the one that reports problems)."""
    try:
        image, kind = open_upload(data, None)
        if kind != "JPEG" or image.mode not in ("RGB", "L") or max(image.size) // 2 < WEB_EDGE:
            image.close()
            return None
        return _finish(image, kind, None, (image.width // 2, image.height // 2))
    except Exception:
        return None


def start_half(data: bytes, steps: Steps) -> Callable[[], Decoded | None]:
    """Start the half-scale decode of a JPEG upload (on the helper thread with ``parallel``)."""
    if sniff(data[:64]) != "JPEG":
        return nothing
    return steps.start(_decode_half, data)
