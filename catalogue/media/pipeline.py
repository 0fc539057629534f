"""The photo pipeline: from an uploaded file to clean, stored, sized JPEGs and plain-words feedback.

Pure functions, no request needed::

    photo = clean_upload(data, filename)          # validate, upright, sRGB, no metadata at all
    files = make_derivatives(photo)               # thumb, web, screen and print JPEGs
    colour = dominant_colour(photo)               # "#rrggbb", for arranging by colour
    issues = quality_report(photo, slot_mm=(90, 90))

or all of it in one call with :func:`ingest` (what ``bench/bench_photo_ingest.py`` measures),
which decodes once and uses a second core.

The file type is decided by the content, never by the name. Every stored file is re-encoded
from pixels by ``derivatives.encode_jpeg``: EXIF (GPS included), XMP, ICC profiles, comments and
other APP segments never survive. Photos are turned upright (EXIF orientation), converted to sRGB
when they carry another ICC profile, CMYK becomes RGB and transparency is flattened on white.

Speed (a 12 MP JPEG, two cores; see :func:`ingest`): the upload is decoded at full scale on
this thread while the helper thread decodes it again at half scale - the JPEG decoder's DCT
scaling, 40 % of the cost of a full decode - and makes the screen, web and thumbnail copies from
that. Only the print copy needs full resolution, and only for its luma: one band shrunk to print
size, given the colour of the screen copy (``derivatives.compose``). The original is encoded on
the helper thread meanwhile, then the checks measure the screen copy. Every copy is shrunk by
area averaging (``derivatives.scale_down``) - never a fresh open and a Lanczos resize per file -
and every encode releases the GIL (``derivatives.encode_jpeg`` writes to a file descriptor), so
the two threads really run at once. ``clean_upload`` keeps both decodes on the ``CleanPhoto``
so ``make_derivatives`` gives the same bytes as ``ingest``; given bytes instead, it decodes
JPEGs in draft mode at the smallest scale the largest derivative allows.

Encoder settings: the original (quality 95, the upload's chroma subsampling) and the print and
screen copies (quality 92 and 84, 4:2:0) are baseline JPEGs without Huffman optimisation - they
go to storage and into PDFs, never over the web, and optimising would cost as much again as the
encoding for a few per cent of bytes. At 300 ppi, 4:2:0 colour is 150 ppi, finer than any print
screen. Web and thumbnail copies, which do go over the web, are baseline with optimised Huffman
tables, 4:2:0: progressive encoding (always optimised too) cost 8 ms more per photo on the
reference VM for files only 0.8 % smaller - what is lost is the coarse-first rendering of a
progressive file on a slow connection.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, TypeVar

import pillow_heif
from PIL import Image, ImageCms, JpegImagePlugin

from catalogue.core.validation import ValidationError
from catalogue.media.derivatives import Encoded, compose, encode_jpeg, fit_size, scale_down
from catalogue.media.models import DerivativeKind
from catalogue.media.quality import (
    ANALYSIS_EDGE,
    Measures,
    QualityIssue,
    analysis_copy,
    assess,
    describe,
    dominant_colour_of,
    measure,
)
from catalogue.media.storage import Storage, sha256_hex

pillow_heif.register_heif_opener()

__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_PIXELS",
    "MAX_UPLOAD_BYTES",
    "MIN_EDGE",
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

ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/heic",
}
MAX_PIXELS = 40_000_000  # decompression-bomb limit: a 12 MP (or 24 MP) phone photo is fine
MIN_EDGE = 200  # a smaller side is not a product photo
MAX_UPLOAD_BYTES = 32 * 1024 * 1024  # a 12 MP PNG is ~25 MB; phone JPEG/HEIC are 2-8 MB

THUMB_EDGE = 400
WEB_EDGE = 1600
# The print copy is sized for 300 ppi in the largest layout slot the catalogue themes offer: one
# product per page inside the margins of an A4 page, 180 mm across (210 mm less 15 mm each
# side): 180 / 25.4 * 300 = 2126 px. Covers and full-bleed pages use the original, never this
# copy; a theme with a larger slot passes ``print_long_edge_px``. (Going above what the slot
# needs only costs time: shrinking 12 MP to print size is the largest step after decoding.)
PRINT_LONG_EDGE = 2126
ORIGINAL_QUALITY = 95
PRINT_QUALITY = 92
WEB_QUALITY = 84

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
# EXIF orientation -> the transposition that makes the photo upright (as ImageOps.exif_transpose)
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}
_T = TypeVar("_T")


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


@dataclass(frozen=True)
class Ingested:
    """Everything :func:`ingest` makes from one upload."""

    photo: CleanPhoto
    derivatives: dict[DerivativeKind, Encoded]
    dominant_colour: str
    quality: list[QualityIssue]


# --- Reading an upload ----------------------------------------------------------------------


def _display_name(filename: str | None) -> str:
    """The last path component, printable and short; only ever used in messages."""
    if not filename:
        return ""
    name = re.split(r"[\\/]", str(filename))[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name if len(name) <= 80 else f"{name[:60]}...{name[-17:]}"


def _sniff(head: bytes) -> str | None:
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


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation, read into a throwaway ``Exif`` (``getexif()`` would keep the whole
    EXIF, GPS included, cached on the image object)."""
    raw = image.info.get("exif")
    if image.format == "HEIF" or not isinstance(raw, bytes):
        return 1  # libheif already applied the container's rotation; EXIF must not rotate again
    try:
        exif = Image.Exif()
        exif.load(raw)
        value = exif.get(0x0112, 1)
    except Exception:  # unreadable EXIF: the photo is still usable, just not rotated
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def _open(data: bytes, filename: str | None) -> tuple[Image.Image, str]:
    """Open (headers only) and check type, size and pixel count; the caller decodes."""
    if not data:
        raise PhotoRejected("empty", filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected(
            "file_too_large",
            filename,
            size_mb=f"{len(data) / 1_048_576:.0f}",
            max_mb=MAX_UPLOAD_BYTES // 1_048_576,
        )
    kind = _sniff(data[:64])
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


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colour normalisation: RGB, sRGB, transparency flattened on white."""
    icc = image.info.get("icc_profile")
    mode = image.mode
    if mode in _SIXTEEN_BIT:  # 16-bit greyscale PNG: scale to 8 bits rather than clip
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    elif mode == "P" or mode == "1" or (mode in ("L", "RGB") and "transparency" in image.info):
        image = image.convert("RGBA")
    elif mode not in {"RGB", "L", "CMYK"} | _ALPHA_MODES:
        image = image.convert("RGB")
        icc = None
    if image.mode in _ALPHA_MODES:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, (0, 0), rgba)
        image = flat
    if icc:
        image = _apply_icc(image, icc)
    if image.mode != "RGB":
        image = image.convert("RGB")
    return image


def _apply_icc(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; a broken or mismatched profile is ignored."""
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        if image.mode in ("RGB", "L") and "srgb" in ImageCms.getProfileDescription(source).lower():
            return image  # already sRGB: nothing to do
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except Exception:  # lcms refuses the profile: keep the pixels as they are
        return image
    return converted if converted is not None else image


@dataclass(frozen=True)
class _Decoded:
    image: Image.Image  # upright sRGB RGB, fully decoded, empty ``info``
    kind: str  # JPEG / PNG / WEBP / HEIF
    subsampling: str  # chroma subsampling for the stored original
    full_size: tuple[int, int]  # upright size at full scale, even when decoded in draft mode


def _subsampling(image: Image.Image, kind: str) -> str:
    """Keep what a JPEG had; full colour resolution for PNG; 4:2:0 (as HEIC/WebP) otherwise."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        return {0: "4:4:4", 1: "4:2:2"}.get(JpegImagePlugin.get_sampling(image), "4:2:0")
    return "4:4:4" if kind == "PNG" else "4:2:0"


def _decode(
    data: bytes, filename: str | None = None, draft_long_edge: int | None = None
) -> _Decoded:
    """Validate and decode an upload (raises :class:`PhotoRejected`).

    ``draft_long_edge`` lets JPEGs decode at a reduced DCT scale whose long edge stays at least
    that large (orientation does not matter: the scale is the same on both axes).
    """
    image, kind = _open(data, filename)
    draft = None
    if draft_long_edge and kind == "JPEG" and image.mode in ("RGB", "L"):
        draft = fit_size(image.width, image.height, draft_long_edge)
    return _finish(image, kind, filename, draft)


def _finish(
    image: Image.Image, kind: str, filename: str | None, draft: tuple[int, int] | None
) -> _Decoded:
    """Decode an opened upload (at a reduced DCT scale fitting ``draft``, JPEG only), upright,
    sRGB, with nothing but pixels left on the image object."""
    full_size = image.size
    try:
        if draft:
            image.draft(image.mode, draft)
        orientation = _orientation(image)
        if orientation in (5, 6, 7, 8):
            full_size = full_size[::-1]
        subsampling = _subsampling(image, kind)
        image.load()  # decode everything now: truncated or corrupt data fails here
        image = _to_srgb(image)
        if orientation != 1:
            image = image.transpose(_TRANSPOSE[orientation])
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
    return _Decoded(image, kind, subsampling, full_size)


def _decode_half(data: bytes) -> _Decoded | None:
    """A JPEG upload decoded at half scale - the DCT does the shrinking, about 40 % of the cost
    of a full decode - upright and sRGB like the full decode; made on the helper thread while
    this one decodes at full scale, and the source of every copy it is large enough for.
    None when the upload is not such a JPEG, when half of it is smaller than the web copy, or
    when anything goes wrong (the full decode is the one that reports problems)."""
    try:
        image, kind = _open(data, None)
        if kind != "JPEG" or image.mode not in ("RGB", "L") or max(image.size) // 2 < WEB_EDGE:
            image.close()
            return None
        return _finish(image, kind, None, (image.width // 2, image.height // 2))
    except Exception:
        return None


class _Steps:
    """Steps of one photo run on the helper thread with ``parallel`` (Pillow releases the GIL
    while it decodes, resamples and encodes), or at once on this thread without. Each step is a
    pure function of its arguments, so the bytes are the same either way. ``start`` returns
    the function that gives the step's result (waiting for it if need be)."""

    def __init__(self, parallel: bool) -> None:
        self.parallel = parallel

    def start(self, fn: Callable[..., _T], *args: Any) -> Callable[[], _T]:
        if self.parallel:
            return _worker().submit(fn, *args).result
        return _given(fn(*args))


def _encode_original(image: Image.Image, subsampling: str) -> Encoded:
    return encode_jpeg(
        image, ORIGINAL_QUALITY, progressive=False, optimize=False, subsampling=subsampling
    )


def _clean_photo(
    encoded: Encoded, kind: str, pixels: Image.Image, half: _Decoded | None
) -> CleanPhoto:
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


def _nothing() -> None:
    return None


def _given(value: _T) -> Callable[[], _T]:
    return lambda: value


def _start_half(data: bytes, steps: _Steps) -> Callable[[], _Decoded | None]:
    """Start :func:`_decode_half` for a JPEG upload (on the helper thread with ``parallel``)."""
    if _sniff(data[:64]) != "JPEG":
        return _nothing
    return steps.start(_decode_half, data)


def clean_upload(data: bytes, filename: str | None = None) -> CleanPhoto:
    """Validate and normalise an upload into the original we store.

    Raises ``ValidationError({"photo": message})`` (a :class:`PhotoRejected` with a ``code``)
    for an empty or over-large file, something that is not an image, an image type we do not
    accept (the message names JPEG, PNG, WebP and HEIC), a damaged or truncated image, too many
    pixels (decompression bombs) or a photo smaller than ``MIN_EDGE``. The type comes from the
    content; ``filename`` only appears in the message.
    """
    half = _start_half(data, _Steps(parallel=True))  # on the other core, during the decode
    decoded = _decode(data, filename)
    encoded = _encode_original(decoded.image, decoded.subsampling)
    return _clean_photo(encoded, decoded.kind, decoded.image, half())


# --- Derivatives --------------------------------------------------------------------------

ALL_KINDS = (DerivativeKind.THUMB, DerivativeKind.WEB, DerivativeKind.SCREEN, DerivativeKind.PRINT)
_PRINTING = {DerivativeKind.PRINT, DerivativeKind.SCREEN}
_WEB = {DerivativeKind.WEB, DerivativeKind.THUMB}
Size = tuple[int, int]


@dataclass(frozen=True)
class _Sizes:
    print: Size
    screen: Size
    web: Size
    thumb: Size


def _sizes(size: Size, print_long_edge_px: int) -> _Sizes:
    def fit(long_edge: int) -> Size:
        return fit_size(*size, long_edge) if max(size) > long_edge else size

    printed, web = fit(print_long_edge_px), fit(WEB_EDGE)
    return _Sizes(
        print=printed,
        screen=fit_size(*printed, max(printed) // 2),
        web=web,
        thumb=fit_size(*web, THUMB_EDGE) if max(web) > THUMB_EDGE else web,
    )


def _sizes_needed(kinds: Collection[DerivativeKind], print_long_edge_px: int) -> int:
    edges = {
        DerivativeKind.THUMB: THUMB_EDGE,
        DerivativeKind.WEB: WEB_EDGE,
        DerivativeKind.SCREEN: print_long_edge_px // 2,
        DerivativeKind.PRINT: print_long_edge_px,
    }
    return max(edges[k] for k in kinds)


def _covers(image: Image.Image | None, size: Size) -> bool:
    return image is not None and image.width >= size[0] and image.height >= size[1]


@dataclass
class _Screen:
    """The first step made from the half-scale pixels: the screen copy, which the print copy
    takes its colour from."""

    half: Image.Image | None  # the half-scale pixels the small copies come from, if any
    screen: Image.Image | None  # RGB
    files: dict[DerivativeKind, Encoded]


@dataclass
class _Web:
    """The second step: web copy and thumbnail."""

    thumb: Image.Image | None  # also what the dominant colour is taken from
    grey: Image.Image | None  # what the quality checks measure (see :func:`_measure`)
    files: dict[DerivativeKind, Encoded]


def _source(full: Image.Image | None, half: Image.Image | None, size: Size) -> Image.Image:
    """The smallest pixels that cover ``size``: ``half`` if they do, else ``full``."""
    image = half if _covers(half, size) else full
    assert image is not None
    return image


def _screen_copy(
    full: Image.Image | None, half: Image.Image | None, sizes: _Sizes, wanted: set[DerivativeKind]
) -> _Screen:
    """The screen copy (RGB) from the half-scale decode, else from the full pixels reduced 2×2
    once (when that still covers the web copy: the web copy will use it too), else from the
    full pixels. ``full`` may be None only when ``half`` covers the screen and web sizes."""
    if half is None and full is not None and max(full.size) // 2 >= WEB_EDGE:
        half = full.reduce(2)
    made = _Screen(half, None, {})
    if wanted & _PRINTING:
        made.screen = scale_down(_source(full, half, sizes.screen), sizes.screen)
        if DerivativeKind.SCREEN in wanted:
            made.files[DerivativeKind.SCREEN] = encode_jpeg(
                made.screen, WEB_QUALITY, progressive=False, optimize=False
            )
    return made


def _web_copies(
    full: Image.Image | None,
    first: Callable[[], _Screen | None],
    sizes: _Sizes,
    wanted: set[DerivativeKind],
) -> _Web:
    """Web copy and thumbnail, after ``first``: the web copy is luma shrunk to size with the
    colour of a half-size RGB copy (the screen copy when it is large enough;
    :func:`derivatives.compose`), the thumbnail comes from it."""
    screen = first()
    assert screen is not None
    made = _Web(None, None, {})
    if not wanted & _WEB:
        return made
    source = _source(full, screen.half, sizes.web)
    if source.size == sizes.web:
        web, luma = source, source.convert("L")
    else:
        luma = scale_down(source.convert("L"), sizes.web)
        colour_size = ((sizes.web[0] + 1) // 2, (sizes.web[1] + 1) // 2)
        colour = screen.screen
        if colour is None or not _covers(colour, colour_size):
            colour = _source(full, screen.half, colour_size)
        web = compose(luma, scale_down(colour, colour_size))
    if DerivativeKind.WEB in wanted:
        made.files[DerivativeKind.WEB] = encode_jpeg(
            web, WEB_QUALITY, progressive=False, optimize=True
        )
    made.thumb = scale_down(web, sizes.thumb)
    if DerivativeKind.THUMB in wanted:
        made.files[DerivativeKind.THUMB] = encode_jpeg(
            made.thumb, WEB_QUALITY, progressive=False, optimize=True
        )
    # What the checks look at: the smallest copy at least ANALYSIS_EDGE across, the screen copy
    # with the default print size (1063 px), else the web copy.
    small = screen.screen
    made.grey = small if small and max(small.size) >= ANALYSIS_EDGE else luma
    return made


def _measure(second: Callable[[], _Web | None]) -> Measures:
    """The quality measures of what ``second`` made (a step of its own, after the original)."""
    made = second()
    assert made is not None and made.grey is not None
    return measure(analysis_copy(made.grey.convert("L")))


def _half_fits(decoded: _Decoded | None, print_long_edge_px: int) -> _Sizes | None:
    """The sizes, when the half-scale decode covers the screen and web copies alone."""
    if decoded is None:
        return None
    sizes = _sizes(decoded.full_size, print_long_edge_px)
    if _covers(decoded.image, sizes.screen) and _covers(decoded.image, sizes.web):
        return sizes
    return None


def _screen_from_half(
    half: Callable[[], _Decoded | None], print_long_edge_px: int, wanted: set[DerivativeKind]
) -> _Screen | None:
    """:func:`_screen_copy` from the half-scale decode alone, so that it can be made while the
    full decode runs; None when that does not cover the small copies."""
    decoded = half()
    sizes = _half_fits(decoded, print_long_edge_px)
    if decoded is None or sizes is None:
        return None
    return _screen_copy(None, decoded.image, sizes, wanted)


def _web_from_half(
    half: Callable[[], _Decoded | None],
    first: Callable[[], _Screen | None],
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
) -> _Web | None:
    """:func:`_web_copies` likewise."""
    sizes = _half_fits(half(), print_long_edge_px)
    if sizes is None or first() is None:
        return None
    return _web_copies(None, first, sizes, wanted)


def _print_luma(full: Image.Image, size: Size) -> Image.Image | None:
    """The print copy's luma, shrunk from the full pixels; None when the print copy is made
    without it (the full pixels themselves, or the half-scale pixels when they cover it)."""
    if size == full.size:
        return None
    half = ((full.width + 1) // 2, (full.height + 1) // 2)  # a half-scale decode or reduce(2)
    if max(full.size) // 2 >= WEB_EDGE and half[0] >= size[0] and half[1] >= size[1]:
        return None
    return scale_down(full.convert("L"), size)


def _print_file(
    full: Image.Image, luma: Image.Image | None, small: _Screen, size: Size, own_copy: bool
) -> Encoded:
    """The print copy: the full pixels when they are small enough, the half-scale pixels when
    they cover it, else the full-resolution ``luma`` with the colour of the screen-size copy
    (:func:`derivatives.compose`: a 4:2:0 JPEG stores its colour at half size anyway).
    ``own_copy`` when another thread may be encoding ``full`` meanwhile: Pillow's ``save``
    keeps state on the image object."""
    if size == full.size:
        picture = full.copy() if own_copy else full
    elif luma is None:
        assert _covers(small.half, size) and small.half is not None
        picture = scale_down(small.half, size)
    else:
        half_size = ((size[0] + 1) // 2, (size[1] + 1) // 2)
        colour = small.screen
        if colour is None or colour.size != half_size:
            colour = scale_down(small.half if _covers(small.half, half_size) else full, half_size)
        picture = compose(luma, colour)
    return encode_jpeg(picture, PRINT_QUALITY, progressive=False, optimize=False)


def _derive(
    full: Image.Image,
    half: Callable[[], _Decoded | None],
    early: tuple[Callable[[], _Screen | None], Callable[[], _Web | None]],
    wanted: set[DerivativeKind],
    print_long_edge_px: int,
    steps: _Steps,
    on_full: Callable[[Callable[[], _Web | None]], object] = lambda second: None,
) -> tuple[dict[DerivativeKind, Encoded], _Web]:
    """Make the ``wanted`` files from upright RGB ``full`` pixels.

    ``half`` gives the half-scale decode, if any, and ``early`` the two steps of small copies
    under way from it alone (:func:`_start_small`); when those do not fit, the steps are
    started now from ``full``. ``on_full`` queues more work needing the full pixels (the
    original, in :func:`ingest`) behind them on the helper thread. Meanwhile this thread makes
    the print copy, whose luma needs full resolution: the largest single step after decoding.
    """
    sizes = _sizes(full.size, print_long_edge_px)
    decoded = half()
    first, second = early
    if _half_fits(decoded, print_long_edge_px) != sizes:
        half_image = decoded.image if decoded is not None else None
        first = steps.start(_screen_copy, full, half_image, sizes, wanted)
        second = steps.start(_web_copies, full, first, sizes, wanted)
    on_full(second)
    files: dict[DerivativeKind, Encoded] = {}
    if DerivativeKind.PRINT in wanted:
        luma = _print_luma(full, sizes.print)
        screen = first()
        assert screen is not None
        files[DerivativeKind.PRINT] = _print_file(full, luma, screen, sizes.print, steps.parallel)
    screen, web = first(), second()
    assert screen is not None and web is not None
    files.update(screen.files)
    files.update(web.files)
    return {k: files[k] for k in ALL_KINDS if k in files}, web


def _start_small(
    half: Callable[[], _Decoded | None],
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
    steps: _Steps,
) -> tuple[Callable[[], _Screen | None], Callable[[], _Web | None]]:
    first = steps.start(_screen_from_half, half, print_long_edge_px, wanted)
    return first, steps.start(_web_from_half, half, first, print_long_edge_px, wanted)


def _pixels_of(photo: CleanPhoto | bytes | Image.Image, long_edge: int | None) -> Image.Image:
    """Pixels to check: the half-scale copy of a ``CleanPhoto`` when it has one."""
    if isinstance(photo, Image.Image):
        return _to_srgb(photo)
    if isinstance(photo, CleanPhoto):
        if photo.half is not None and max(photo.half.size) >= (long_edge or 0):
            return photo.half
        if photo.pixels is not None:
            return photo.pixels
        photo = photo.data
    return _decode(photo, draft_long_edge=long_edge).image


def make_derivatives(
    photo: CleanPhoto | bytes,
    *,
    print_long_edge_px: int = PRINT_LONG_EDGE,
    kinds: Collection[DerivativeKind] = ALL_KINDS,
    parallel: bool = True,
) -> dict[DerivativeKind, Encoded]:
    """The sized JPEGs of a photo, none larger than the original, none with metadata.

    thumb: long edge 400, quality 84; web: 1600, likewise (both baseline with optimised
    Huffman tables); print: long edge ``min(original, print_long_edge_px)`` (default
    ``PRINT_LONG_EDGE``: 180 mm at 300 ppi), quality 92, baseline; screen: half the print
    (about 150 ppi), quality 84, baseline (both go into PDFs). ``photo`` may be a
    ``CleanPhoto`` (its decoded pixels, and half-scale pixels, are reused) or the bytes of any
    acceptable upload (validated like :func:`clean_upload`, decoded once, in JPEG draft mode
    at the scale the largest requested derivative needs, plus a half-scale decode on the other
    core when that scale is full). ``parallel`` uses the helper thread. Deterministic:
    the same input gives the same bytes, whichever the path.
    """
    wanted = set(kinds)
    if not wanted:
        return {}
    steps = _Steps(parallel)
    half: Callable[[], _Decoded | None] = _nothing
    if isinstance(photo, CleanPhoto) and photo.pixels is not None:
        full = photo.pixels
        if photo.half is not None:
            half = _given(_Decoded(photo.half, photo.source_format, "", full.size))
        early = _start_small(half, print_long_edge_px, wanted, steps)
    else:
        data = photo.data if isinstance(photo, CleanPhoto) else photo
        needed = _sizes_needed(wanted, print_long_edge_px)
        if needed > WEB_EDGE:  # a full-scale decode: the half-scale one runs alongside
            half = _start_half(data, steps)
        early = _start_small(half, print_long_edge_px, wanted, steps)
        full = _decode(data, draft_long_edge=needed).image
    return _derive(full, half, early, wanted, print_long_edge_px, steps)[0]


# --- Checks ------------------------------------------------------------------------------


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
        decoded = _decode(photo, draft_long_edge=ANALYSIS_EDGE)
        (width, height), pixels = decoded.full_size, decoded.image
    elif isinstance(photo, CleanPhoto):
        (width, height), pixels = (photo.width, photo.height), _pixels_of(photo, ANALYSIS_EDGE)
    else:
        (width, height), pixels = photo.size, _pixels_of(photo, None)
    return assess(measure(analysis_copy(pixels)), width, height, slot_mm)


# --- All at once -------------------------------------------------------------------------

_pool_lock = threading.Lock()
_pool: tuple[int, ThreadPoolExecutor] | None = None


def _worker() -> ThreadPoolExecutor:
    """The helper thread of this process, created on first use (and again in a forked child,
    which inherits the executor but not its thread). Steps only ever wait for steps started
    before them, so one thread shared by all photos cannot deadlock."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="photo-pipeline"))
        return _pool[1]


def ingest(
    data: bytes,
    filename: str | None = None,
    *,
    print_long_edge_px: int = PRINT_LONG_EDGE,
    slot_mm: tuple[float, float] = (90.0, 90.0),
    parallel: bool = True,
) -> Ingested:
    """``clean_upload`` + ``make_derivatives`` + ``dominant_colour`` + ``quality_report`` (the
    same files as the first two), with ``parallel`` on two cores::

        helper:  half-scale decode -> screen copy -> web copy, thumbnail -> original -> checks
        this:    full decode -> print copy (its luma from the full pixels) -> dominant colour

    The bytes are the same without ``parallel``. Raises ``ValidationError`` like
    :func:`clean_upload`.
    """
    steps = _Steps(parallel)
    wanted = set(ALL_KINDS)
    half = _start_half(data, steps)
    early = _start_small(half, print_long_edge_px, wanted, steps)
    decoded = _decode(data, filename)
    image = decoded.image
    queued: list[Callable[[], Any]] = []

    def queue_behind(second: Callable[[], _Web | None]) -> None:
        # Behind the small copies on the helper thread: the original, then the checks.
        queued.append(steps.start(_encode_original, image, decoded.subsampling))
        queued.append(steps.start(_measure, second))

    files, web = _derive(image, half, early, wanted, print_long_edge_px, steps, queue_behind)
    assert web.thumb is not None
    colour = dominant_colour_of(web.thumb)
    original, measures = queued[0](), queued[1]()
    issues = assess(measures, image.width, image.height, slot_mm)
    photo = _clean_photo(original, decoded.kind, image, half())
    return Ingested(photo, files, colour, issues)


def store(storage: Storage, ingested: Ingested) -> dict[str, str]:
    """Put the original and every derivative into ``storage``; returns kind -> sha256
    (``"original"`` for the original)."""
    keys = {"original": storage.put(ingested.photo.data)}
    for kind, encoded in ingested.derivatives.items():
        keys[kind.value] = storage.put(encoded.data)
    return keys
