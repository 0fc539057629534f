"""Decoding an upload into clean pixels: at full scale, or in JPEG draft mode at a reduced scale
(the decoder's DCT scaling: a 12 MP photo at half scale costs two thirds of a full decode), on
this thread or on the helper thread.

Whatever the path, the pixels handed out are upright sRGB RGB with nothing else left on the
image object: EXIF (GPS included), XMP, ICC profiles, comments and other APP segments are
dropped here. What is stored is either encoded from these pixels or, for a JPEG already upright
and sRGB, the upload's own stream stripped of its metadata (:mod:`.lossless`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, JpegImagePlugin

from catalogue.media.derivatives import fit_size
from catalogue.media.pipeline.normalise import TRANSPOSE, orientation, to_srgb
from catalogue.media.pipeline.steps import Steps, nothing
from catalogue.media.pipeline.upload import PhotoRejected, open_upload, sniff

Box = tuple[float, float, float, float]
# A copy may come from a reduced decode slightly smaller than itself - at least this share of
# its size - enlarged a little. What is lost is the top tenth of the frequency band at most,
# where Lanczos itself attenuates: a 12 MP phone photo (4000 or 4032 px, half 2000 or 2016)
# makes its 2126 px print copy from the half-scale decode, once encoded within half a dB (PSNR)
# of a Lanczos resize of the full decode encoded alike (``bench/bench_photo_ingest.py``), for
# less than half the work.
ENLARGE_FROM = 0.9


@dataclass(frozen=True)
class Decoded:
    """An upload's pixels and what the encoders need to know about where they came from."""

    image: Image.Image  # upright sRGB RGB, fully decoded, empty ``info``
    kind: str  # JPEG / PNG / WEBP / HEIF
    subsampling: str  # chroma subsampling for the stored original
    full_size: tuple[int, int]  # upright size at full scale, even when decoded in draft mode
    # The part of ``image`` the photo covers: all of it, except in a reduced decode of a photo
    # whose sides are not multiples of the scale (the decoder pads the last row and column).
    box: Box
    scale: int = 1  # 1, or the DCT scale of a reduced decode (2, 4 or 8)


def _subsampling(image: Image.Image, kind: str) -> str:
    """Keep what a JPEG had; full colour resolution for PNG; 4:2:0 (as HEIC/WebP) otherwise."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        return {0: "4:4:4", 1: "4:2:2"}.get(JpegImagePlugin.get_sampling(image), "4:2:0")
    return "4:4:4" if kind == "PNG" else "4:2:0"


def reduced_scale(size: tuple[int, int], long_edge: int) -> int:
    """The coarsest DCT scale (1, 2, 4 or 8) at which a JPEG of ``size`` still gives copies up
    to ``long_edge`` across (at least ``ENLARGE_FROM`` of it; copies never enlarge a photo)."""
    wanted = min(long_edge, max(size)) * ENLARGE_FROM
    for scale in (8, 4, 2):
        if max(size) // scale >= wanted:
            return scale
    return 1


def copy_scale(image: Image.Image, kind: str, long_edge: int) -> int:
    """The DCT scale an opened upload decodes at for copies up to ``long_edge`` across
    (:func:`reduced_scale` for a JPEG the decoder can scale, else 1)."""
    if kind != "JPEG" or image.mode not in ("RGB", "L"):
        return 1
    return reduced_scale(image.size, long_edge)


def decode(
    data: bytes,
    filename: str | None = None,
    draft_long_edge: int | None = None,
    *,
    scale: int = 1,
    copies_edge: int | None = None,
) -> Decoded:
    """Validate and decode an upload (raises :class:`PhotoRejected`).

    A JPEG may decode at a reduced DCT scale: ``scale`` itself, the coarsest whose long edge
    stays at least ``draft_long_edge`` (orientation does not matter: the scale is the same on
    both axes), or the one its copies up to ``copies_edge`` across come from
    (:func:`copy_scale`).
    """
    image, kind = open_upload(data, filename)
    if draft_long_edge:
        width, height = fit_size(image.width, image.height, draft_long_edge)
        scale = min(image.width // width, image.height // height)
    elif copies_edge:
        scale = copy_scale(image, kind, copies_edge)
    if kind != "JPEG" or image.mode not in ("RGB", "L"):
        scale = 1
    return decode_opened(image, kind, filename, scale)


def _turned_box(box: Box, size: tuple[int, int], turn: int) -> Box:
    """``box`` (in an image of ``size``) where transposing for EXIF orientation ``turn`` puts
    it."""
    x0, y0, x1, y1 = box
    w, h = size
    return {
        1: box,
        2: (w - x1, y0, w - x0, y1),  # flip left-right
        3: (w - x1, h - y1, w - x0, h - y0),  # 180°
        4: (x0, h - y1, x1, h - y0),  # flip top-bottom
        5: (y0, x0, y1, x1),  # transpose
        6: (h - y1, x0, h - y0, x1),  # 90° clockwise
        7: (h - y1, w - x1, h - y0, w - x0),  # transverse
        8: (y0, w - x1, y1, w - x0),  # 90° anticlockwise
    }[turn]


def decode_opened(image: Image.Image, kind: str, filename: str | None, scale: int) -> Decoded:
    """Decode an opened upload (a JPEG at DCT ``scale``), upright, sRGB, with nothing but pixels
    left on the image object."""
    full_size = image.size
    box: Box = (0.0, 0.0, float(image.width), float(image.height))
    try:
        if scale > 1:
            drafted = image.draft(image.mode, (image.width // scale, image.height // scale))
            if drafted is not None:
                box = drafted[1]
                scale = round(full_size[0] / box[2])
        turn = orientation(image)
        if turn in (5, 6, 7, 8):
            full_size = full_size[::-1]
        subsampling = _subsampling(image, kind)
        image.load()  # decode everything now: truncated or corrupt data fails here
        box = _turned_box(box, image.size, turn)
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
    return Decoded(image, kind, subsampling, full_size, box, scale)


def _decode_reduced(data: bytes, scale: int) -> Decoded | None:
    """A JPEG upload decoded at DCT ``scale``, upright and sRGB like the full decode; made on
    the helper thread while this one decodes at full scale. None when anything goes wrong (the
    full decode is the one that reports problems)."""
    try:
        return decode(data, scale=scale)
    except Exception:
        return None


def start_reduced(data: bytes, scale: int, steps: Steps) -> Callable[[], Decoded | None]:
    """Start the decode of a JPEG upload at DCT ``scale`` (on the helper thread with
    ``parallel``); gives None at once for any other upload or a scale of 1."""
    if scale == 1 or sniff(data[:64]) != "JPEG":
        return nothing
    return steps.start(_decode_reduced, data, scale)
