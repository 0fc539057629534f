"""Surface textures painted into a part's fill: stripes, bands, checks, speckle, ridges
and printed labels, plus a combinator.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import ImageDraw

from catalogue.demo.photos.canvas import Texture
from catalogue.demo.photos.colour import Colour
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import _dot, _text_block


def _stripes(
    colours: Sequence[Colour], pitch: float, alpha: int = 255, slant: float = 0.0
) -> Texture:
    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        i = 0
        x = -h * abs(slant) - pitch
        while x < w + pitch:
            c = colours[i % len(colours)]
            d.polygon(
                [(x, 0), (x + pitch / 2, 0), (x + pitch / 2 + slant * h, h), (x + slant * h, h)],
                fill=(*c, alpha),
            )
            x += pitch
            i += 1

    return paint


def _hbands(bands: Sequence[tuple[float, float, Colour]], alpha: int = 255) -> Texture:
    """Horizontal bands given as (start fraction, end fraction, colour)."""

    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        for a, b, c in bands:
            d.rectangle((0, a * h, w, b * h), fill=(*c, alpha))

    return paint


def _checks(colour: Colour, pitch: float, alpha: int = 110) -> Texture:
    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        x = 0.0
        while x < w:
            d.rectangle((x, 0, x + pitch / 2, h), fill=(*colour, alpha))
            x += pitch
        y = 0.0
        while y < h:
            d.rectangle((0, y, w, y + pitch / 2), fill=(*colour, alpha))
            y += pitch

    return paint


def _combine(*textures: Texture | None) -> Texture:
    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        for t in textures:
            if t is not None:
                t(d, w, h)

    return paint


def _speckle(colour: Colour, rng: random.Random, density: float, alpha: int = 90) -> Texture:
    seed = rng.random()

    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        r = _rng(seed)
        for _ in range(int(w * h * density)):
            _dot(d, r.uniform(0, w), r.uniform(0, h), r.uniform(0.5, 1.2), (*colour, alpha))

    return paint


def _ridges(colour: Colour, pitch: float, alpha: int = 90) -> Texture:
    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        x = pitch / 2
        while x < w:
            d.line((x, 0, x, h), fill=(*colour, alpha), width=1)
            x += pitch

    return paint


def _label(rng: random.Random, ink: Colour, lines: int = 4) -> Texture:
    seed = rng.random()

    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        r = _rng(seed)
        m = min(w, h) * 0.12
        d.rectangle((m * 0.5, m * 0.5, w - m * 0.5, h - m * 0.5), outline=(*ink, 120), width=1)
        _text_block(d, (m * 1.6, m * 1.2, w - m * 1.6, h - m), ink, r, lines)

    return paint
