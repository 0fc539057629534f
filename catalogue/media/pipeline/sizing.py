"""The pixel sizes of the four derivatives of a photo."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from catalogue.media.derivatives import fit_size
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline.settings import THUMB_EDGE, WEB_EDGE

ALL_KINDS = (DerivativeKind.THUMB, DerivativeKind.WEB, DerivativeKind.SCREEN, DerivativeKind.PRINT)
PRINT_KINDS = {DerivativeKind.PRINT, DerivativeKind.SCREEN}
WEB_KINDS = {DerivativeKind.WEB, DerivativeKind.THUMB}
Size = tuple[int, int]


@dataclass(frozen=True)
class Sizes:
    """The size of each derivative of one photo, none larger than the photo."""

    print: Size
    screen: Size
    web: Size
    thumb: Size


def sizes_for(size: Size, print_long_edge_px: int) -> Sizes:
    """The derivative sizes of a photo of ``size`` pixels (upright, at full scale)."""

    def fit(long_edge: int) -> Size:
        return fit_size(*size, long_edge) if max(size) > long_edge else size

    printed, web = fit(print_long_edge_px), fit(WEB_EDGE)
    return Sizes(
        print=printed,
        screen=fit_size(*printed, max(printed) // 2),
        web=web,
        thumb=fit_size(*web, THUMB_EDGE) if max(web) > THUMB_EDGE else web,
    )


def sizes_needed(kinds: Collection[DerivativeKind], print_long_edge_px: int) -> int:
    """The long edge the largest of ``kinds`` needs: how far a JPEG may be draft-decoded."""
    edges = {
        DerivativeKind.THUMB: THUMB_EDGE,
        DerivativeKind.WEB: WEB_EDGE,
        DerivativeKind.SCREEN: print_long_edge_px // 2,
        DerivativeKind.PRINT: print_long_edge_px,
    }
    return max(edges[k] for k in kinds)
