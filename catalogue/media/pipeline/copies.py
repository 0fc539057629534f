"""How the sized copies are made from one decode: the print copy and the web copy resampled from
the source pixels, the screen copy halved from the print copy and the thumbnail quartered from
the web copy. Each step is a function of its inputs only, so the bytes are the same on one
thread or two.

The source is the coarsest decode that covers the copies (:func:`decoding.reduced_scale`): for a
12 MP JPEG the decoder's own half-scale decode, whose DCT scaling is a better low-pass filter
than any resampling of the full decode, and which the print copy enlarges by a few per cent.
Shrinking uses a Hamming filter (a windowed sinc: close to Lanczos at half its cost),
enlarging a bicubic filter down the columns and a bilinear one along the rows, and an exact
half or quarter is a plain 2×2 or 4×4 average. Measured against a Lanczos resize of the full
decode, once encoded each copy is within half a dB (PSNR) of that Lanczos resize encoded alike
on the phone photos of ``bench/bench_photo_ingest.py``, at a fraction of its cost; on a sharp,
noise-free render the gap is 1-2 dB, at 40 dB and more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from catalogue.media.derivatives import Encoded, encode_jpeg
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.decoding import Box, Decoded
from catalogue.media.pipeline.settings import PRINT_QUALITY, WEB_QUALITY
from catalogue.media.pipeline.sizing import ALL_KINDS, PRINT_KINDS, WEB_KINDS, Size, sizes_for
from catalogue.media.pipeline.steps import Steps, given
from catalogue.media.quality import ANALYSIS_EDGE, Measures, analysis_copy, measure

K = DerivativeKind
_BICUBIC, _BILINEAR, _HAMMING = (
    Image.Resampling.BICUBIC,
    Image.Resampling.BILINEAR,
    Image.Resampling.HAMMING,
)


def resample(image: Image.Image, size: Size, box: Box | None = None) -> Image.Image:
    """The ``box`` part of ``image`` (all of it by default) at ``size``: an exact 1/n by
    ``reduce(n)``, a smaller size by a Hamming resample (integer ``reduce()`` steps first while
    the ratio stays above 2), a larger one by bicubic then bilinear passes. May return
    ``image`` itself."""
    whole = (0.0, 0.0, float(image.width), float(image.height))
    if box is None or box == whole:
        if image.size == size:
            return image
        for factor in (2, 3, 4):
            if (size[0] * factor, size[1] * factor) == image.size:
                return image.reduce(factor)
        box = whole
    x0, y0, x1, y1 = box
    if size[0] > x1 - x0 or size[1] > y1 - y0:
        # Enlarging a little (the print copy of a 12 MP photo from its half-scale decode, by
        # 6 %): bicubic down the columns, then bilinear along the rows. Bicubic both ways is
        # 0.4 dB closer to a Lanczos resize of the full decode (1 dB on a sharp, noise-free
        # render) and costs 6 ms more a photo, a sixth of the print copy.
        tall = image.resize((image.width, size[1]), _BICUBIC, box=(0, y0, image.width, y1))
        return tall.resize(size, _BILINEAR, box=(x0, 0, x1, size[1]))
    return image.resize(size, _HAMMING, box=box, reducing_gap=2.0)


@dataclass(frozen=True)
class Copies:
    """The encoded copies, and what the checks need from them."""

    files: dict[DerivativeKind, Encoded]
    thumb: Image.Image | None  # the thumbnail's pixels: where the dominant colour comes from
    measures: Measures | None  # the quality measures, when asked for


@dataclass(frozen=True)
class Small:
    """The web copy and the thumbnail, and the source they came from."""

    source: Decoded
    files: dict[DerivativeKind, Encoded]
    web: Image.Image
    thumb: Image.Image


def _web_and_thumb(
    source: Callable[[], Decoded | None], print_long_edge_px: int, wanted: set[DerivativeKind]
) -> Small | None:
    """The web copy (resampled from the source) and the thumbnail (from the web copy); None
    when ``source`` gives nothing."""
    decoded = source()
    if decoded is None:
        return None
    sizes = sizes_for(decoded.full_size, print_long_edge_px)
    web = resample(decoded.image, sizes.web, decoded.box)
    thumb = resample(web, sizes.thumb)
    files = {}
    if K.WEB in wanted:
        files[K.WEB] = encode_jpeg(web, WEB_QUALITY, progressive=False, optimize=True)
    if K.THUMB in wanted:
        files[K.THUMB] = encode_jpeg(thumb, WEB_QUALITY, progressive=False, optimize=True)
    return Small(decoded, files, web, thumb)


def start_small(
    source: Callable[[], Decoded | None],
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
    steps: Steps,
) -> Callable[[], Small | None]:
    """Start the web copy and thumbnail as a step, from what ``source`` gives (a step started
    before this one, such as a reduced decode still under way: the copies can begin before the
    full decode of a photo whose original is re-encoded is done)."""
    return steps.start(_web_and_thumb, source, print_long_edge_px, wanted)


def _screen(
    printed: Image.Image,
    size: Size,
    wanted: set[DerivativeKind],
    small: Callable[[], Small | None],
    checks: bool,
) -> tuple[dict[DerivativeKind, Encoded], Measures | None]:
    """The screen copy, half the print copy; and, with ``checks``, the quality measures of the
    smallest copy at least ``ANALYSIS_EDGE`` across (the screen copy at the default print
    size, else the web copy, which ``small`` gives: a step started before this one)."""
    screen = resample(printed, size)
    files = {}
    if K.SCREEN in wanted:
        files[K.SCREEN] = encode_jpeg(screen, WEB_QUALITY, progressive=False, optimize=False)
    measures = None
    if checks:
        grey = screen
        if max(screen.size) < ANALYSIS_EDGE and (made := small()) is not None:
            grey = made.web
        measures = measure(analysis_copy(grey.convert("L")))
    return files, measures


def make_copies(
    source: Decoded,
    print_long_edge_px: int,
    wanted: set[DerivativeKind],
    steps: Steps,
    *,
    checks: bool = False,
    small: Callable[[], Small | None] | None = None,
) -> Copies:
    """The ``wanted`` copies of ``source``, and with ``checks`` the quality measures::

        helper:  web copy, thumbnail -> screen copy (and the measures)
        this:    print copy: resample -> encode

    (the print copy is the largest single step after decoding). ``small`` is the web copy and
    thumbnail when already started (:func:`start_small`); they are made again, here, if they
    turn out to come from another source.
    """
    sizes = sizes_for(source.full_size, print_long_edge_px)
    if small is None and (wanted & WEB_KINDS or checks):
        small = start_small(given(source), print_long_edge_px, wanted, steps)
    files: dict[DerivativeKind, Encoded] = {}
    measures = None
    if wanted & PRINT_KINDS or checks:
        printed = resample(source.image, sizes.print, source.box)
        screen = steps.start(_screen, printed, sizes.screen, wanted, small or given(None), checks)
        if K.PRINT in wanted:
            # ``printed`` may be the source pixels themselves, which another step may be
            # encoding or shrinking meanwhile: Pillow's ``save`` keeps state on the image.
            picture = printed.copy() if printed is source.image and steps.parallel else printed
            files[K.PRINT] = encode_jpeg(picture, PRINT_QUALITY, progressive=False, optimize=False)
        screen_files, measures = screen()
        files.update(screen_files)
    made = small() if small else None
    if (made is None or made.source is not source) and (wanted & WEB_KINDS or checks):
        made = _web_and_thumb(given(source), print_long_edge_px, wanted)
    thumb = None
    if made is not None:
        files.update(made.files)
        thumb = made.thumb
    return Copies({k: files[k] for k in ALL_KINDS if k in files}, thumb, measures)
