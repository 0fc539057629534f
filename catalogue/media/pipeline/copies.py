"""How each sized copy is made: the screen, web and thumbnail copies (one step each, from the
half-scale pixels when they are large enough) and the print copy (its luma from the full pixels).

Every copy is shrunk by area averaging (``derivatives.scale_down``) - never a fresh open and a
Lanczos resize per file. The web and print copies take their luma at their own size and their
colour at half that size (``derivatives.compose``): a 4:2:0 JPEG stores its colour at half size
anyway. Which step runs where, and in what order, is :mod:`.making`'s business.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from catalogue.media.derivatives import Encoded, compose, encode_jpeg, scale_down
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.decoding import Decoded
from catalogue.media.pipeline.settings import PRINT_QUALITY, WEB_EDGE, WEB_QUALITY
from catalogue.media.pipeline.sizing import PRINT_KINDS, WEB_KINDS, Size, Sizes, covers, sizes_for
from catalogue.media.pipeline.steps import Steps
from catalogue.media.quality import ANALYSIS_EDGE


@dataclass
class Screen:
    """The first step made from the half-scale pixels: the screen copy, which the print copy
    takes its colour from."""

    half: Image.Image | None  # the half-scale pixels the small copies come from, if any
    screen: Image.Image | None  # RGB
    files: dict[DerivativeKind, Encoded]


@dataclass
class Web:
    """The second step: web copy and thumbnail."""

    thumb: Image.Image | None  # also what the dominant colour is taken from
    grey: Image.Image | None  # what the quality checks measure (see ``ingesting._measure``)
    files: dict[DerivativeKind, Encoded]


def _source(full: Image.Image | None, half: Image.Image | None, size: Size) -> Image.Image:
    """The smallest pixels that cover ``size``: ``half`` if they do, else ``full``."""
    image = half if covers(half, size) else full
    assert image is not None
    return image


def screen_copy(
    full: Image.Image | None, half: Image.Image | None, sizes: Sizes, wanted: set[DerivativeKind]
) -> Screen:
    """The screen copy (RGB) from the half-scale decode, else from the full pixels reduced 2×2
    once (when that still covers the web copy: the web copy will use it too), else from the
    full pixels. ``full`` may be None only when ``half`` covers the screen and web sizes."""
    if half is None and full is not None and max(full.size) // 2 >= WEB_EDGE:
        half = full.reduce(2)
    made = Screen(half, None, {})
    if wanted & PRINT_KINDS:
        made.screen = scale_down(_source(full, half, sizes.screen), sizes.screen)
        if DerivativeKind.SCREEN in wanted:
            made.files[DerivativeKind.SCREEN] = encode_jpeg(
                made.screen, WEB_QUALITY, progressive=False, optimize=False
            )
    return made


def web_copies(
    full: Image.Image | None,
    first: Callable[[], Screen | None],
    sizes: Sizes,
    wanted: set[DerivativeKind],
) -> Web:
    """Web copy and thumbnail, after ``first``: the web copy is luma shrunk to size with the
    colour of a half-size RGB copy (the screen copy when it is large enough;
    :func:`derivatives.compose`), the thumbnail comes from it."""
    screen = first()
    assert screen is not None
    made = Web(None, None, {})
    if not wanted & WEB_KINDS:
        return made
    source = _source(full, screen.half, sizes.web)
    if source.size == sizes.web:
        web, luma = source, source.convert("L")
    else:
        luma = scale_down(source.convert("L"), sizes.web)
        colour_size = ((sizes.web[0] + 1) // 2, (sizes.web[1] + 1) // 2)
        colour = screen.screen
        if colour is None or not covers(colour, colour_size):
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


def half_fits(decoded: Decoded | None, print_long_edge_px: int) -> Sizes | None:
    """The sizes, when the half-scale decode covers the screen and web copies alone."""
    if decoded is None:
        return None
    fitted = sizes_for(decoded.full_size, print_long_edge_px)
    if covers(decoded.image, fitted.screen) and covers(decoded.image, fitted.web):
        return fitted
    return None


def _screen_from_half(
    half: Callable[[], Decoded | None], print_long_edge_px: int, wanted: set[DerivativeKind]
) -> Screen | None:
    """:func:`screen_copy` from the half-scale decode alone, so that it can be made while the
    full decode runs; None when that does not cover the small copies."""
    decoded = half()
    fitted = half_fits(decoded, print_long_edge_px)
    if decoded is None or fitted is None:
        return None
    return screen_copy(None, decoded.image, fitted, wanted)


def _web_from_half(
    half: Callable[[], Decoded | None],
    first: Callable[[], Screen | None],
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
) -> Web | None:
    """:func:`web_copies` likewise."""
    fitted = half_fits(half(), print_long_edge_px)
    if fitted is None or first() is None:
        return None
    return web_copies(None, first, fitted, wanted)


def start_small(
    half: Callable[[], Decoded | None],
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
    steps: Steps,
) -> tuple[Callable[[], Screen | None], Callable[[], Web | None]]:
    """Start the two steps of small copies from the half-scale decode alone (each gives None
    when that decode does not cover them)."""
    first = steps.start(_screen_from_half, half, print_long_edge_px, wanted)
    return first, steps.start(_web_from_half, half, first, print_long_edge_px, wanted)


def print_luma(full: Image.Image, size: Size) -> Image.Image | None:
    """The print copy's luma, shrunk from the full pixels; None when the print copy is made
    without it (the full pixels themselves, or the half-scale pixels when they cover it)."""
    if size == full.size:
        return None
    half = ((full.width + 1) // 2, (full.height + 1) // 2)  # a half-scale decode or reduce(2)
    if max(full.size) // 2 >= WEB_EDGE and half[0] >= size[0] and half[1] >= size[1]:
        return None
    return scale_down(full.convert("L"), size)


def print_file(
    full: Image.Image, luma: Image.Image | None, small: Screen, size: Size, own_copy: bool
) -> Encoded:
    """The print copy: the full pixels when they are small enough, the half-scale pixels when
    they cover it, else the full-resolution ``luma`` with the colour of the screen-size copy
    (:func:`derivatives.compose`: a 4:2:0 JPEG stores its colour at half size anyway).
    ``own_copy`` when another thread may be encoding ``full`` meanwhile: Pillow's ``save``
    keeps state on the image object."""
    if size == full.size:
        picture = full.copy() if own_copy else full
    elif luma is None:
        assert covers(small.half, size) and small.half is not None
        picture = scale_down(small.half, size)
    else:
        half_size = ((size[0] + 1) // 2, (size[1] + 1) // 2)
        colour = small.screen
        if colour is None or colour.size != half_size:
            colour = scale_down(small.half if covers(small.half, half_size) else full, half_size)
        picture = compose(luma, colour)
    return encode_jpeg(picture, PRINT_QUALITY, progressive=False, optimize=False)
