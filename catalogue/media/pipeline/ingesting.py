"""All of it at once: :func:`ingest` (what ``bench/bench_photo_ingest.py`` measures), which
decodes once and uses a second core, and :func:`store`, which puts what it made into storage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalogue.media.derivatives import Encoded
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.cleaning import CleanPhoto, clean
from catalogue.media.pipeline.copies import Small, make_copies, start_small
from catalogue.media.pipeline.decoding import Decoded
from catalogue.media.pipeline.settings import PRINT_LONG_EDGE
from catalogue.media.pipeline.sizing import ALL_KINDS
from catalogue.media.pipeline.steps import Steps
from catalogue.media.quality import QualityIssue, assess, dominant_colour_of
from catalogue.media.storage import Storage


@dataclass(frozen=True)
class Ingested:
    """Everything :func:`ingest` makes from one upload."""

    photo: CleanPhoto
    derivatives: dict[DerivativeKind, Encoded]
    dominant_colour: str
    quality: list[QualityIssue]


def ingest(
    data: bytes,
    filename: str | None = None,
    *,
    print_long_edge_px: int = PRINT_LONG_EDGE,
    slot_mm: tuple[float, float] = (90.0, 90.0),
    parallel: bool = True,
) -> Ingested:
    """``clean_upload`` + ``make_derivatives`` + ``dominant_colour`` + ``quality_report`` (the
    same files as the first two), with ``parallel`` on two cores. For a 12 MP JPEG already
    upright and sRGB::

        helper:  stripping the original -> web copy, thumbnail -> screen copy, checks
        this:    half-scale decode       -> print copy -> dominant colour

    Any other 12 MP upload also decodes at full scale to re-encode its original::

        helper:  half-scale decode -> web copy, thumbnail -> original -> screen copy, checks
        this:    full decode                  -> print copy -> dominant colour

    The bytes are the same without ``parallel``. Raises ``ValidationError`` like
    :func:`clean_upload`.
    """
    steps = Steps(parallel)
    wanted = set(ALL_KINDS)
    early: list[Callable[[], Small | None]] = []

    def start_early(reduced: Callable[[], Decoded | None]) -> None:
        # Behind the reduced decode on the helper: the web copy, before the full decode ends.
        early.append(start_small(reduced, print_long_edge_px, wanted, steps))

    photo, source = clean(data, filename, steps, print_long_edge_px, start_early)
    small = early[0] if early else None
    copies = make_copies(source, print_long_edge_px, wanted, steps, checks=True, small=small)
    assert copies.thumb is not None and copies.measures is not None
    colour = dominant_colour_of(copies.thumb)
    width, height = source.full_size
    issues = assess(copies.measures, width, height, slot_mm)
    return Ingested(photo(), copies.files, colour, issues)


def store(storage: Storage, ingested: Ingested) -> dict[str, str]:
    """Put the original and every derivative into ``storage``; returns kind -> sha256
    (``"original"`` for the original)."""
    keys = {"original": storage.put(ingested.photo.data)}
    for kind, encoded in ingested.derivatives.items():
        keys[kind.value] = storage.put(encoded.data)
    return keys
