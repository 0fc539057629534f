"""The photo pipeline: from an uploaded file to clean, stored, sized JPEGs and plain-words feedback.

Pure functions, no request needed::

    photo = clean_upload(data, filename)          # validate, upright, sRGB, no metadata at all
    files = make_derivatives(photo)               # thumb, web, screen and print JPEGs
    colour = dominant_colour(photo)               # "#rrggbb", for arranging by colour
    issues = quality_report(photo, slot_mm=(90, 90))

or all of it in one call with :func:`ingest` (what ``bench/bench_photo_ingest.py`` measures),
which decodes once and uses a second core.

The file type is decided by the content, never by the name. Every sized copy is encoded from
pixels by ``derivatives.encode_jpeg``; so is the stored original, except for a JPEG upload that
is already upright and sRGB (EXIF orientation 1 or none, no ICC profile or an sRGB one, not
greyscale or CMYK), which keeps its own JPEG stream with every metadata segment removed at the
marker level (``lossless``: the same pixels, nothing re-encoded). Either way EXIF (GPS
included), XMP, ICC profiles, comments and other APP segments never survive. Photos are turned
upright (EXIF orientation), converted to sRGB when they carry another ICC profile, CMYK becomes
RGB and transparency is flattened on white.

The modules, in the order a photo goes through them:

- ``settings``: accepted formats, limits, sizes and JPEG qualities;
- ``upload``: reading an upload's type, size and pixel count, and ``PhotoRejected``;
- ``normalise``: orientation and colour (upright, sRGB, no transparency);
- ``decoding``: decoding to clean pixels, at full or at a reduced (DCT) scale;
- ``steps``: the helper thread the steps of one photo run on;
- ``memory``: how Pillow allocates pixels, tuned for one photo after another;
- ``lossless``: the original of a plain JPEG, its own stream stripped of metadata;
- ``cleaning``: ``clean_upload`` and ``CleanPhoto``, the stored original;
- ``sizing``: the size of each derivative;
- ``copies``: how the screen, web, thumbnail and print copies are made;
- ``making``: ``make_derivatives``, the order those steps run in;
- ``checks``: ``dominant_colour`` and ``quality_report``;
- ``ingesting``: ``ingest``, all of it at once, and ``store``.

Import from this package, not from its modules: these names are the public surface.
"""

from __future__ import annotations

from catalogue.media.pipeline.checks import dominant_colour, quality_report
from catalogue.media.pipeline.cleaning import CleanPhoto, clean_upload
from catalogue.media.pipeline.ingesting import Ingested, ingest, store
from catalogue.media.pipeline.making import make_derivatives
from catalogue.media.pipeline.memory import reuse_pillow_blocks
from catalogue.media.pipeline.settings import (
    ACCEPTED_FORMATS,
    MAX_PIXELS,
    MAX_UPLOAD_BYTES,
    MIN_EDGE,
    ORIGINAL_QUALITY,
    PRINT_LONG_EDGE,
    PRINT_QUALITY,
    THUMB_EDGE,
    WEB_EDGE,
    WEB_QUALITY,
)
from catalogue.media.pipeline.upload import PhotoRejected
from catalogue.media.quality import QualityIssue, describe

reuse_pillow_blocks()

__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_PIXELS",
    "MAX_UPLOAD_BYTES",
    "MIN_EDGE",
    "ORIGINAL_QUALITY",
    "PRINT_LONG_EDGE",
    "PRINT_QUALITY",
    "THUMB_EDGE",
    "WEB_EDGE",
    "WEB_QUALITY",
    "CleanPhoto",
    "Ingested",
    "PhotoRejected",
    "QualityIssue",
    "clean_upload",
    "describe",
    "dominant_colour",
    "ingest",
    "make_derivatives",
    "quality_report",
    "store",
]
