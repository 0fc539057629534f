"""Consumable-goods motifs: the soap bars, the chocolate and the dried-herb bundle."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import (
    _CHOCOLATE,
    _GREEN,
    _SILVER,
    _STRAW,
    _WHITE,
    Colour,
    _darker,
    _lighter,
    _mix,
    _Palette,
)
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import _dot, _leaf, _rotate, _text_block
from catalogue.demo.photos.textures import _label, _ridges, _speckle, _stripes


def _soap(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    bars = rng.choice([2, 3])
    w, fh, th = u * 0.78, u * 0.17, u * 0.1
    base_y = y
    for i in range(bars):
        c = _lighter(pal.colours[i % len(pal.colours)], 0.35)
        off = rng.uniform(-0.05, 0.05) * u
        bx = x + off
        lay.part(
            (bx - w / 2, base_y - fh, bx + w / 2, base_y),
            c,
            "round",
            radius=u * 0.04,
            texture=_speckle(_darker(c, 0.4), rng, 0.02),
        )
        lay.part(
            (bx - w / 2 + u * 0.03, base_y - fh - th, bx + w / 2 - u * 0.03, base_y - fh + 3),
            _lighter(c, 0.2),
            "round",
            radius=u * 0.04,
            shade="vert",
            edge=0.3,
        )
        if i == 0:
            lay.part(
                (bx - w * 0.12, base_y - fh - 1, bx + w * 0.12, base_y + 1),
                _lighter(pal.accent, 0.7),
                texture=_label(rng, _darker(pal.accent), 2),
                edge=0.3,
            )
        if i == bars - 1:
            ex0, ey0 = bx - w * 0.22, base_y - fh * 0.85
            lay.part(
                (ex0, ey0, bx + w * 0.22, base_y - fh * 0.15),
                _darker(c, 0.08),
                "ellipse",
                shade="vert",
                edge=0.9,
            )
            lay.strokes(
                (bx - w * 0.2, ey0, bx + w * 0.2, base_y - fh * 0.15),
                lambda d, ox, oy, c=c, bx=bx, ey0=ey0: _leaf_mark(d, ox + bx, oy + ey0, fh, c),
            )
        base_y -= fh + th * 0.7
    lay.part(
        (x - u * 0.45, y - u * 0.04, x - u * 0.2, y), _STRAW, "round", radius=u * 0.02, edge=0.3
    )
    return w / 2 + u * 0.05


def _leaf_mark(d: ImageDraw.ImageDraw, x: float, y: float, size: float, c: Colour) -> None:
    ink = (*_darker(c, 0.35), 200)
    d.line(_leaf(x - size * 0.5, y + size * 0.35, size, size * 0.4, -20), fill=ink, width=1)
    d.line((x - size * 0.5, y + size * 0.35, x + size * 0.45, y), fill=ink, width=1)


def _chocolate(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, h = u * 0.56, u * 0.92
    x0, top = x - w / 2, y - h
    choc = _mix(_CHOCOLATE, rng.choice([(60, 30, 20), (150, 100, 60)]), 0.3)
    depth = u * 0.05
    lay.part(
        None,
        _darker(choc, 0.3),
        points=[
            (x0 + w, top),
            (x0 + w + depth, top - depth * 0.6),
            (x0 + w + depth, y - depth * 0.6),
            (x0 + w, y),
        ],
        shade="flat",
        edge=0.3,
    )
    lay.part((x0, top, x0 + w, y), choc, shade="flat", edge=0.5)
    cols, rows = 2, 3
    cell_w, cell_h = w / cols, h * 0.5 / rows
    for r_ in range(rows):
        for c_ in range(cols):
            cx0, cy0 = x0 + c_ * cell_w, top + r_ * cell_h
            lay.part(
                (cx0 + 2, cy0 + 2, cx0 + cell_w - 2, cy0 + cell_h - 2),
                choc,
                "round",
                radius=u * 0.015,
                shade="sphere",
                light=0.3,
                edge=0.6,
            )
    wrap = pal.main
    wrap_top = top + h * 0.46
    foil = [(x0 - 1, wrap_top + u * 0.02)]
    for i in range(9):
        foil.append((x0 + w * i / 8, wrap_top - (u * 0.025 if i % 2 else 0)))
    foil += [(x0 + w + 1, wrap_top + u * 0.05), (x0 - 1, wrap_top + u * 0.05)]
    lay.part(
        None,
        _SILVER,
        points=foil,
        shade="cyl",
        edge=0.4,
        texture=_ridges(_darker(_SILVER, 0.4), 3, 90),
    )
    seed = rng.random()

    def wrapper(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        d.rectangle((0, h_ * 0.1, w_, h_ * 0.16), fill=(*pal.accent, 255))
        d.rectangle((0, h_ * 0.84, w_, h_ * 0.9), fill=(*pal.accent, 255))
        _dot(d, w_ / 2, h_ * 0.34, w_ * 0.13, (*_lighter(pal.second, 0.4), 255))
        _text_block(d, (w_ * 0.15, h_ * 0.5, w_ * 0.85, h_ * 0.8), _lighter(wrap, 0.8), r, 3)

    lay.part((x0 - 1, wrap_top + u * 0.035, x0 + w + 1, y), wrap, light=0.4, texture=wrapper)
    # broken pieces lying beside the bar
    side = rng.choice([-1, 1])
    for k in range(2):
        px = x + side * (w / 2 + u * (0.14 + 0.2 * k))
        py = y - u * 0.02 + k * u * 0.05
        sz = u * 0.08
        piece = _rotate(
            [
                (px - sz, py - sz * 0.45),
                (px + sz * 0.8, py - sz * 0.55),
                (px + sz, py),
                (px - sz * 0.9, py + sz * 0.1),
            ],
            px,
            py,
            rng.uniform(-15, 15),
        )
        lay.part(
            None,
            _darker(choc, 0.35),
            points=[(p[0], p[1] + sz * 0.25) for p in piece],
            shade="flat",
            edge=0.3,
        )
        lay.part(None, choc, points=piece, shade="sphere", edge=0.7)
    return w / 2 + u * 0.05


def _plant_bundle(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    """A bundle of dried herbs and flower spikes lying on its side, tied with twine."""
    length = u * 1.3
    tie_x, tie_y = x + length * 0.3, y - u * 0.1
    greens = [_GREEN, (120, 140, 90), (150, 160, 120), _mix(_GREEN, pal.second, 0.3)]
    flowers = [pal.main, pal.accent, _mix(pal.main, (150, 110, 190), 0.5)]
    r = _rng(rng.random())
    stems = []
    for i in range(13):
        ang = -34 + 44 * i / 12 + r.uniform(-3, 3)
        a = math.radians(180 + ang)
        ln = length * r.uniform(0.55, 0.78)
        end = (tie_x + math.cos(a) * ln, tie_y + math.sin(a) * ln * 0.6)
        cut = (tie_x + length * r.uniform(0.18, 0.25), tie_y + (i - 6) * u * 0.006)
        stems.append((end, cut))
    stem_col = (*_mix(_GREEN, _STRAW, 0.45), 255)

    def draw_stems(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        for (ex, ey), (cx, cy) in stems:
            d.line(
                [
                    (ex + ox, ey + oy),
                    (tie_x + ox, tie_y + oy + (cy - tie_y) * 0.4),
                    (cx + ox, cy + oy),
                ],
                fill=stem_col,
                width=2,
            )
            _dot(d, cx + ox, cy + oy, 1.2, (*_mix(_STRAW, _WHITE, 0.3), 255))

    lay.strokes((x - length, y - u, x + length, y + u * 0.3), draw_stems)
    for (ex, ey), _cut in stems:
        for k in range(3, 9):
            t = k / 10
            px, py = tie_x + (ex - tie_x) * t, tie_y + (ey - tie_y) * t
            ang = math.degrees(math.atan2(ey - tie_y, ex - tie_x))
            la = ang + r.choice([-45, 45]) + r.uniform(-12, 12)
            lay.part(
                None,
                r.choice(greens),
                points=_leaf(px, py, u * r.uniform(0.08, 0.12), u * 0.035, la),
                shade="flat",
                edge=0.6,
            )
        fc = r.choice(flowers)
        for k in range(7):
            t = 0.78 + k * 0.04
            fx, fy = tie_x + (ex - tie_x) * t, tie_y + (ey - tie_y) * t
            fr = u * (0.024 - k * 0.002)
            lay.part(
                (fx - fr, fy - fr * 0.8, fx + fr, fy + fr * 0.8),
                fc,
                "ellipse",
                shade="sphere",
                edge=0.4,
            )
    twine = _mix(_STRAW, pal.main, 0.25)
    lay.part(
        (tie_x - u * 0.035, tie_y - u * 0.07, tie_x + u * 0.045, tie_y + u * 0.07),
        twine,
        "round",
        radius=u * 0.015,
        texture=_stripes([_darker(twine, 0.35)], 4, 200, 0.6),
    )
    lay.strokes(
        (tie_x - u * 0.1, tie_y, tie_x + u * 0.25, tie_y + u * 0.12),
        lambda d, ox, oy: d.line(
            [
                (tie_x + ox, tie_y + u * 0.05 + oy),
                (tie_x + u * 0.12 + ox, tie_y + u * 0.1 + oy),
                (tie_x + u * 0.2 + ox, tie_y + u * 0.09 + oy),
            ],
            fill=(*_darker(twine, 0.2), 255),
            width=2,
        ),
    )
    return length * 0.5
