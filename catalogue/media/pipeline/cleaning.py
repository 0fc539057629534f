"""Cleaning an upload into the original we store: :func:`clean_upload` and :class:`CleanPhoto`.

The original is re-encoded from the decoded pixels (quality 95, the upload's chroma
subsampling) by ``derivatives.encode_jpeg``, so no metadata at all survives. ``clean_upload``
keeps both decodes on the ``CleanPhoto`` so that ``make_derivatives`` gives the same bytes as
``ingest``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from catalogue.media.derivatives import Encoded, encode_jpeg
from catalogue.media.pipeline.decoding import Decoded, decode, start_half
from catalogue.media.pipeline.settings import ORIGINAL_QUALITY
from catalogue.media.pipeline.steps import Steps
from catalogue.media.storage import sha256_hex


@dataclass(frozen=True)
class CleanPhoto:
    """A validated upload, normalised and stripped: what is stored as the "original"."""

    data: bytes  # JPEG re-encoded from pixels: sRGB, upright, quality 95, no metadata at all
    sha256: str
    width: int
    height: int
    mime: str  # "image/jpeg"
    source_format: str  # what was uploaded: JPEG / PNG / WEBP / HEIF
    # The decoded pixels ``data`` was encoded from (upright sRGB RGB), kept so derivatives and
    # checks need no second decode. None when rebuilt from stored bytes; drop it after use.
    pixels: Image.Image | None = field(default=None, repr=False, compare=False)
    # The same photo decoded at half scale by the JPEG decoder, alongside the full decode (a
    # large JPEG upload only): the source of the screen and web copies, kept so that
    # ``make_derivatives(photo)`` gives the very bytes ``ingest`` gives. Pixels only, like
    # ``pixels``; None otherwise.
    half: Image.Image | None = field(default=None, repr=False, compare=False)


def encode_original(image: Image.Image, subsampling: str) -> Encoded:
    """The stored original: ``image`` at quality 95 with the upload's chroma subsampling."""
    return encode_jpeg(
        image, ORIGINAL_QUALITY, progressive=False, optimize=False, subsampling=subsampling
    )


def clean_photo(
    encoded: Encoded, kind: str, pixels: Image.Image, half: Decoded | None
) -> CleanPhoto:
    """The ``CleanPhoto`` of an encoded original, keeping the pixels it came from."""
    return CleanPhoto(
        data=encoded.data,
        sha256=sha256_hex(encoded.data),
        width=encoded.width,
        height=encoded.height,
        mime="image/jpeg",
        source_format=kind,
        pixels=pixels,
        half=half.image if half else None,
    )


def clean_upload(data: bytes, filename: str | None = None) -> CleanPhoto:
    """Validate and normalise an upload into the original we store.

    Raises ``ValidationError({"photo": message})`` (a :class:`PhotoRejected` with a ``code``)
    for an empty or over-large file, something that is not an image, an image type we do not
    accept (the message names JPEG, PNG, WebP and HEIC), a damaged or truncated image, too many
    pixels (decompression bombs) or a photo smaller than ``MIN_EDGE``. The type comes from the
    content; ``filename`` only appears in the message.
    """
    half = start_half(data, Steps(parallel=True))  # on the other core, during the decode
    decoded = decode(data, filename)
    encoded = encode_original(decoded.image, decoded.subsampling)
    return clean_photo(encoded, decoded.kind, decoded.image, half())
