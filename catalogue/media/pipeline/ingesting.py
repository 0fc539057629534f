"""All of it at once: :func:`ingest` (what ``bench/bench_photo_ingest.py`` measures), which
decodes once and uses a second core, and :func:`store`, which puts what it made into storage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catalogue.media.derivatives import Encoded
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.cleaning import CleanPhoto, clean_photo, encode_original
from catalogue.media.pipeline.copies import Web, start_small
from catalogue.media.pipeline.decoding import decode, start_half
from catalogue.media.pipeline.making import derive
from catalogue.media.pipeline.settings import PRINT_LONG_EDGE
from catalogue.media.pipeline.sizing import ALL_KINDS
from catalogue.media.pipeline.steps import Steps
from catalogue.media.quality import (
    Measures,
    QualityIssue,
    analysis_copy,
    assess,
    dominant_colour_of,
    measure,
)
from catalogue.media.storage import Storage


@dataclass(frozen=True)
class Ingested:
    """Everything :func:`ingest` makes from one upload."""

    photo: CleanPhoto
    derivatives: dict[DerivativeKind, Encoded]
    dominant_colour: str
    quality: list[QualityIssue]


def _measure(second: Callable[[], Web | None]) -> Measures:
    """The quality measures of what ``second`` made (a step of its own, after the original)."""
    made = second()
    assert made is not None and made.grey is not None
    return measure(analysis_copy(made.grey.convert("L")))


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
    steps = Steps(parallel)
    wanted = set(ALL_KINDS)
    half = start_half(data, steps)
    early = start_small(half, print_long_edge_px, wanted, steps)
    decoded = decode(data, filename)
    image = decoded.image
    queued: list[Callable[[], Any]] = []

    def queue_behind(second: Callable[[], Web | None]) -> None:
        # Behind the small copies on the helper thread: the original, then the checks.
        queued.append(steps.start(encode_original, image, decoded.subsampling))
        queued.append(steps.start(_measure, second))

    files, web = derive(image, half, early, wanted, print_long_edge_px, steps, queue_behind)
    assert web.thumb is not None
    colour = dominant_colour_of(web.thumb)
    original, measures = queued[0](), queued[1]()
    issues = assess(measures, image.width, image.height, slot_mm)
    photo = clean_photo(original, decoded.kind, image, half())
    return Ingested(photo, files, colour, issues)


def store(storage: Storage, ingested: Ingested) -> dict[str, str]:
    """Put the original and every derivative into ``storage``; returns kind -> sha256
    (``"original"`` for the original)."""
    keys = {"original": storage.put(ingested.photo.data)}
    for kind, encoded in ingested.derivatives.items():
        keys[kind.value] = storage.put(encoded.data)
    return keys
