"""Making the derivatives: :func:`make_derivatives`.

Speed (a 12 MP JPEG, two cores): the upload is decoded once, at half scale - the JPEG decoder's
DCT scaling, two thirds of the cost of a full decode and a better low-pass filter than any
resample of it - and every copy comes from those pixels (:mod:`.copies`): the print copy on
this thread, the others on the helper thread.
"""

from __future__ import annotations

from collections.abc import Collection

from catalogue.media.derivatives import Encoded
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.cleaning import CleanPhoto
from catalogue.media.pipeline.copies import make_copies
from catalogue.media.pipeline.decoding import decode, reduced_scale
from catalogue.media.pipeline.settings import PRINT_LONG_EDGE
from catalogue.media.pipeline.sizing import ALL_KINDS, sizes_needed
from catalogue.media.pipeline.steps import Steps


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
    ``CleanPhoto`` (the decode it keeps is reused when it covers the copies) or the bytes of
    any acceptable upload (validated like :func:`clean_upload` and decoded once, a JPEG at the
    coarsest DCT scale the largest requested copy allows). ``parallel`` uses the helper
    thread. Deterministic: the same input gives the same bytes, whichever the path.
    """
    wanted = set(kinds)
    if not wanted:
        return {}
    needed = sizes_needed(wanted, print_long_edge_px)
    source = None
    if isinstance(photo, CleanPhoto):
        source = photo.kept_source(reduced_scale((photo.width, photo.height), needed))
        data = photo.data
    else:
        data = photo
    if source is None:
        source = decode(data, copies_edge=needed)
    return make_copies(source, print_long_edge_px, wanted, Steps(parallel)).files
