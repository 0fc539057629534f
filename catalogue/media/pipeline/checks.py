"""The checks a photo gets on its own: its dominant colour and the quality report, from the
pixels a ``CleanPhoto`` already holds when it has them (the measures live in ``media.quality``).
"""

from __future__ import annotations

from PIL import Image

from catalogue.media.pipeline.cleaning import CleanPhoto
from catalogue.media.pipeline.decoding import decode
from catalogue.media.pipeline.normalise import to_srgb
from catalogue.media.quality import (
    ANALYSIS_EDGE,
    QualityIssue,
    analysis_copy,
    assess,
    dominant_colour_of,
    measure,
)


def _pixels_of(photo: CleanPhoto | bytes | Image.Image, long_edge: int | None) -> Image.Image:
    """Pixels to check: the half-scale copy of a ``CleanPhoto`` when it has one."""
    if isinstance(photo, Image.Image):
        return to_srgb(photo)
    if isinstance(photo, CleanPhoto):
        if photo.half is not None and max(photo.half.size) >= (long_edge or 0):
            return photo.half
        if photo.pixels is not None:
            return photo.pixels
        photo = photo.data
    return decode(photo, draft_long_edge=long_edge).image


def dominant_colour(image_or_photo: CleanPhoto | Image.Image | bytes) -> str:
    """The main colour of the product in the photo as ``#rrggbb`` (for arranging by colour);
    the backdrop and plain white/grey areas are skipped where a real colour is present."""
    return dominant_colour_of(_pixels_of(image_or_photo, 256))


def quality_report(
    photo: CleanPhoto | Image.Image | bytes, *, slot_mm: tuple[float, float] = (90.0, 90.0)
) -> list[QualityIssue]:
    """Problems a producer can fix, in plain words: ``too_small_for_print`` (below 300 ppi in a
    ``slot_mm`` layout space: a warning; below 150: an error), ``blurry`` (variance of the
    Laplacian on a 1024 px greyscale copy), ``too_dark``, ``too_bright``. Empty when all is well.
    """
    if isinstance(photo, bytes):
        decoded = decode(photo, draft_long_edge=ANALYSIS_EDGE)
        (width, height), pixels = decoded.full_size, decoded.image
    elif isinstance(photo, CleanPhoto):
        (width, height), pixels = (photo.width, photo.height), _pixels_of(photo, ANALYSIS_EDGE)
    else:
        (width, height), pixels = photo.size, _pixels_of(photo, None)
    return assess(measure(analysis_copy(pixels)), width, height, slot_mm)
