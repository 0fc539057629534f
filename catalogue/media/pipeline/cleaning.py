"""Cleaning an upload into the original we store: :func:`clean_upload` and :class:`CleanPhoto`.

A JPEG that is already upright sRGB RGB is stored as its own stream with every metadata segment
removed (:mod:`.lossless`): the same pixels, nothing re-encoded. Any other upload is re-encoded
from the decoded pixels (quality 95, the upload's chroma subsampling) by
``derivatives.encode_jpeg``. Either way no metadata at all survives. ``clean_upload`` keeps the
decodes it made on the ``CleanPhoto`` so that ``make_derivatives`` gives the same bytes as
``ingest``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from catalogue.media.derivatives import Encoded, encode_jpeg
from catalogue.media.pipeline.decoding import (
    Box,
    Decoded,
    copy_scale,
    decode_opened,
    start_reduced,
)
from catalogue.media.pipeline.lossless import keeps_its_stream, strip_jpeg
from catalogue.media.pipeline.settings import ORIGINAL_QUALITY, PRINT_LONG_EDGE
from catalogue.media.pipeline.sizing import ALL_KINDS, sizes_needed
from catalogue.media.pipeline.steps import Steps, given
from catalogue.media.pipeline.upload import open_upload
from catalogue.media.storage import sha256_hex


@dataclass(frozen=True)
class CleanPhoto:
    """A validated upload, normalised and stripped: what is stored as the "original"."""

    # JPEG, sRGB, upright, no metadata at all: the upload's own stream stripped of its metadata
    # segments when it already was such a JPEG, else re-encoded from pixels at quality 95.
    data: bytes
    sha256: str
    width: int
    height: int
    mime: str  # "image/jpeg"
    source_format: str  # what was uploaded: JPEG / PNG / WEBP / HEIF
    # The decoded pixels at full scale (upright sRGB RGB), kept so derivatives and checks need
    # no second decode; None when there was no full decode (a large JPEG stored as its own
    # stream) or when rebuilt from stored bytes. Drop it after use.
    pixels: Image.Image | None = field(default=None, repr=False, compare=False)
    # The same photo decoded at a reduced scale by the JPEG decoder (half scale for a 12 MP
    # photo): the source of the sized copies, kept so that ``make_derivatives(photo)`` gives the
    # very bytes ``ingest`` gives. Pixels only, like ``pixels``; None otherwise.
    half: Image.Image | None = field(default=None, repr=False, compare=False)
    half_box: Box | None = field(default=None, repr=False, compare=False)  # see ``Decoded.box``

    def kept_source(self, scale: int) -> Decoded | None:
        """The kept decode that copies needing DCT ``scale`` (or finer) can come from."""
        if self.half is not None and self.half_box is not None:
            half_scale = round(self.width / (self.half_box[2] - self.half_box[0]))
            if half_scale <= scale:
                size = (self.width, self.height)
                return Decoded(self.half, self.source_format, "", size, self.half_box, half_scale)
        if self.pixels is not None:
            box = (0.0, 0.0, float(self.width), float(self.height))
            return Decoded(self.pixels, self.source_format, "", self.pixels.size, box)
        return None


def encode_original(image: Image.Image, subsampling: str) -> Encoded:
    """The stored original: ``image`` at quality 95 with the upload's chroma subsampling."""
    return encode_jpeg(
        image, ORIGINAL_QUALITY, progressive=False, optimize=False, subsampling=subsampling
    )


Stored = tuple[Encoded, str]  # the stored original and its SHA-256


def _reencoded(image: Image.Image, subsampling: str) -> Stored:
    encoded = encode_original(image, subsampling)
    return encoded, sha256_hex(encoded.data)


def _stripped(data: bytes, size: tuple[int, int]) -> Stored | None:
    stripped = strip_jpeg(data)
    if stripped is None:
        return None
    return Encoded(stripped, *size), sha256_hex(stripped)


def clean(
    data: bytes,
    filename: str | None,
    steps: Steps,
    print_long_edge_px: int = PRINT_LONG_EDGE,
    on_reduced: Callable[[Callable[[], Decoded | None]], object] = lambda reduced: None,
) -> tuple[Callable[[], CleanPhoto], Decoded]:
    """Validate and decode an upload: what gives its ``CleanPhoto`` (the original may still be
    under way on the helper thread), and the decode its copies come from.

    A JPEG decodes at the coarsest DCT scale its copies allow (:func:`decoding.reduced_scale`).
    One stored as its own stream needs nothing else (the helper strips it meanwhile; every
    scale reads all the entropy-coded data, so the decode still validates the whole file). Any
    other upload also decodes at full scale, on this thread while the helper decodes at the
    reduced scale, to be re-encoded; ``on_reduced`` is then given that reduced decode under way
    (to queue more work behind it on the helper before the full decode is done).
    """
    image, kind = open_upload(data, filename)
    scale = copy_scale(image, kind, sizes_needed(ALL_KINDS, print_long_edge_px))
    reduced: Callable[[], Decoded | None]
    if kind == "JPEG" and keeps_its_stream(image):
        stripped = steps.start(_stripped, data, image.size)
        source = decode_opened(image, kind, filename, scale)
        original = stripped()
        if original is not None:
            photo = _photo(original, kind, source if scale == 1 else None, source)
            return given(photo), source
        # An unusual marker structure: re-encode after all, keeping the decode made.
        reduced, (image, kind) = given(source), open_upload(data, filename)
    else:
        reduced = start_reduced(data, scale, steps)
        if scale > 1:
            on_reduced(reduced)
    full = decode_opened(image, kind, filename, 1)
    encoded = steps.start(_reencoded, full.image, full.subsampling)
    source = reduced() or full
    return lambda: _photo(encoded(), kind, full, source), source


def _photo(original: Stored, kind: str, full: Decoded | None, source: Decoded) -> CleanPhoto:
    """The ``CleanPhoto`` of a stored original, keeping the decodes it came with."""
    encoded, sha256 = original
    reduced = source if source.scale > 1 else None
    return CleanPhoto(
        data=encoded.data,
        sha256=sha256,
        width=encoded.width,
        height=encoded.height,
        mime="image/jpeg",
        source_format=kind,
        pixels=full.image if full else None,
        half=reduced.image if reduced else None,
        half_box=reduced.box if reduced else None,
    )


def clean_upload(data: bytes, filename: str | None = None) -> CleanPhoto:
    """Validate and normalise an upload into the original we store.

    Raises ``ValidationError({"photo": message})`` (a :class:`PhotoRejected` with a ``code``)
    for an empty or over-large file, something that is not an image, an image type we do not
    accept (the message names JPEG, PNG, WebP and HEIC), a damaged or truncated image, too many
    pixels (decompression bombs) or a photo smaller than ``MIN_EDGE``. The type comes from the
    content; ``filename`` only appears in the message.
    """
    photo, _ = clean(data, filename, Steps(parallel=True))
    return photo()
