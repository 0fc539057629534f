"""Geometry and small drawing primitives: point rotation, leaf and ellipse outlines, pill
bars, dots and text-like line blocks.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from PIL import ImageDraw

from catalogue.demo.photos.colour import Colour

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def _rotate(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    a = math.radians(degrees)
    ca, sa = math.cos(a), math.sin(a)
    return [
        (cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in points
    ]


def _leaf(x: float, y: float, length: float, width: float, degrees: float) -> list[Point]:
    """Pointed leaf polygon whose stalk end is at (x, y), pointing along `degrees`."""
    n = 10
    upper = [(x + length * i / n, y - width / 2 * math.sin(math.pi * i / n)) for i in range(n + 1)]
    lower = [
        (x + length * i / n, y + width / 2 * math.sin(math.pi * i / n)) for i in range(n, 0, -1)
    ]
    return _rotate(upper + lower, x, y, degrees)


def _ellipse_points(
    cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 24
) -> list[Point]:
    pts = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return pts


def _bar(d: ImageDraw.ImageDraw, box: Box, fill: tuple[int, ...]) -> None:
    x0, y0, x1, y1 = box
    if x1 - x0 < 1 or y1 - y0 < 0.5:
        return
    r = int(min(x1 - x0, y1 - y0) / 2)
    if r >= 1:
        d.rounded_rectangle((x0, y0, x1, y1), radius=r, fill=fill)
    else:
        d.rectangle((x0, y0, x1, y1), fill=fill)


def _dot(d: ImageDraw.ImageDraw, x: float, y: float, r: float, fill: tuple[int, ...]) -> None:
    r = max(r, 0.6)
    d.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def _text_block(
    d: ImageDraw.ImageDraw,
    box: Box,
    colour: Colour,
    rng: random.Random,
    lines: int = 4,
    centred: bool = True,
) -> None:
    """Draw text-like bars (a heavier title line, then body lines) inside `box`."""
    x0, y0, x1, y1 = box
    width = x1 - x0
    pitch = (y1 - y0) / (lines + 1.2)
    y = y0 + pitch * 0.4
    for i in range(lines):
        thick = pitch * (0.62 if i == 0 else 0.32)
        length = width * (rng.uniform(0.65, 0.95) if i == 0 else rng.uniform(0.3, 0.85))
        sx = x0 + (width - length) / 2 if centred else x0
        alpha = 255 if i == 0 else 200
        _bar(d, (sx, y, sx + length, y + thick), (*colour, alpha))
        y += pitch * (1.5 if i == 0 else 1.0)
