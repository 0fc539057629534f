"""Colours for the demo product photos: hex parsing, named material colours, mixing
(lighter/darker) and the per-picture palette chosen from the product's colours.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

Colour = tuple[int, int, int]

_HEX_RE = re.compile(r"#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

_WHITE: Colour = (255, 252, 246)
_INK: Colour = (22, 18, 24)
_GOLD: Colour = (206, 164, 76)
_SILVER: Colour = (190, 196, 204)
_COPPER: Colour = (182, 112, 68)
_WOOD: Colour = (170, 122, 80)
_STRAW: Colour = (204, 162, 98)
_GREEN: Colour = (92, 128, 70)
_SKIN: Colour = (234, 196, 166)
_PAPER: Colour = (246, 240, 226)
_CHOCOLATE: Colour = (92, 54, 34)


def _parse_colour(value: str) -> Colour:
    if not isinstance(value, str) or not _HEX_RE.fullmatch(value.strip()):
        raise ValueError(f"invalid hex colour {value!r}; expected a string like '#1f3b73'")
    digits = value.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    t = min(1.0, max(0.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _darker(c: Colour, t: float = 0.35) -> Colour:
    return _mix(c, _INK, t)


def _lighter(c: Colour, t: float = 0.35) -> Colour:
    return _mix(c, _WHITE, t)


def _luma(c: Colour) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def _distance(a: Colour, b: Colour) -> float:
    return math.dist(a, b)


@dataclass(frozen=True)
class _Palette:
    colours: tuple[Colour, ...]
    main: Colour
    second: Colour
    accent: Colour
    backdrop: Colour
    floor: Colour

    def pick(self, rng: random.Random) -> Colour:
        return rng.choice(self.colours)


def _choose_palette(colours: Sequence[Colour], rng: random.Random) -> _Palette:
    pool = list(colours)
    rng.shuffle(pool)
    main = pool[0]
    others = pool[1:] or [_mix(main, _WHITE, 0.45), _mix(main, _INK, 0.4)]
    second = others[0]
    accent = max(others, key=lambda c: _distance(c, main))
    if _distance(accent, main) < 60:
        accent = _lighter(main, 0.6) if _luma(main) < 128 else _darker(main, 0.55)
    backdrop_src = rng.choice(pool)
    backdrop = _mix(_lighter(backdrop_src, rng.uniform(0.72, 0.86)), (236, 230, 220), 0.35)
    floor_src = rng.choice(pool)
    floor = _mix(_lighter(floor_src, rng.uniform(0.5, 0.7)), (214, 204, 190), 0.45)
    return _Palette(tuple(pool), main, second, accent, backdrop, floor)
