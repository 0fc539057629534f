"""Making the derivatives: :func:`make_derivatives`, and the plan of steps it shares with
``ingest``.

Speed (a 12 MP JPEG, two cores): the upload is decoded at full scale on this thread while the
helper thread decodes it again at half scale - the JPEG decoder's DCT scaling, 40 % of the cost
of a full decode - and makes the screen, web and thumbnail copies from that. Only the print copy
needs full resolution, and only for its luma: one band shrunk to print size, given the colour of
the screen copy (``derivatives.compose``). Given bytes instead of a ``CleanPhoto``,
``make_derivatives`` decodes JPEGs in draft mode at the smallest scale the largest derivative
allows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PIL import Image

from catalogue.media.derivatives import Encoded
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.cleaning import CleanPhoto
from catalogue.media.pipeline.copies import (
    Screen,
    Web,
    half_fits,
    print_file,
    print_luma,
    screen_copy,
    start_small,
    web_copies,
)
from catalogue.media.pipeline.decoding import Decoded, decode, start_half
from catalogue.media.pipeline.settings import PRINT_LONG_EDGE, WEB_EDGE
from catalogue.media.pipeline.sizing import ALL_KINDS, sizes_for, sizes_needed
from catalogue.media.pipeline.steps import Steps, given, nothing


def derive(
    full: Image.Image,
    half: Callable[[], Decoded | None],
    early: tuple[Callable[[], Screen | None], Callable[[], Web | None]],
    wanted: set[DerivativeKind],
    print_long_edge_px: int,
    steps: Steps,
    on_full: Callable[[Callable[[], Web | None]], object] = lambda second: None,
) -> tuple[dict[DerivativeKind, Encoded], Web]:
    """Make the ``wanted`` files from upright RGB ``full`` pixels.

    ``half`` gives the half-scale decode, if any, and ``early`` the two steps of small copies
    under way from it alone (:func:`copies.start_small`); when those do not fit, the steps are
    started now from ``full``. ``on_full`` queues more work needing the full pixels (the
    original, in ``ingest``) behind them on the helper thread. Meanwhile this thread makes
    the print copy, whose luma needs full resolution: the largest single step after decoding.
    """
    sizes = sizes_for(full.size, print_long_edge_px)
    decoded = half()
    first, second = early
    if half_fits(decoded, print_long_edge_px) != sizes:
        half_image = decoded.image if decoded is not None else None
        first = steps.start(screen_copy, full, half_image, sizes, wanted)
        second = steps.start(web_copies, full, first, sizes, wanted)
    on_full(second)
    files: dict[DerivativeKind, Encoded] = {}
    if DerivativeKind.PRINT in wanted:
        luma = print_luma(full, sizes.print)
        screen = first()
        assert screen is not None
        files[DerivativeKind.PRINT] = print_file(full, luma, screen, sizes.print, steps.parallel)
    screen, web = first(), second()
    assert screen is not None and web is not None
    files.update(screen.files)
    files.update(web.files)
    return {k: files[k] for k in ALL_KINDS if k in files}, web


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
    steps = Steps(parallel)
    half: Callable[[], Decoded | None] = nothing
    if isinstance(photo, CleanPhoto) and photo.pixels is not None:
        full = photo.pixels
        if photo.half is not None:
            half = given(Decoded(photo.half, photo.source_format, "", full.size))
        early = start_small(half, print_long_edge_px, wanted, steps)
    else:
        data = photo.data if isinstance(photo, CleanPhoto) else photo
        needed = sizes_needed(wanted, print_long_edge_px)
        if needed > WEB_EDGE:  # a full-scale decode: the half-scale one runs alongside
            half = start_half(data, steps)
        early = start_small(half, print_long_edge_px, wanted, steps)
        full = decode(data, draft_long_edge=needed).image
    return derive(full, half, early, wanted, print_long_edge_px, steps)[0]
