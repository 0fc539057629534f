"""Jewellery motifs: the ring on its pedestal, the necklace and the earrings, with the
pedestal and sparkle helpers.
"""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import (
    _COPPER,
    _GOLD,
    _SILVER,
    _WOOD,
    Colour,
    _darker,
    _lighter,
    _mix,
    _Palette,
)
from catalogue.demo.photos.shapes import _dot, _ellipse_points
from catalogue.demo.photos.textures import _speckle


def _pedestal(lay: _Layer, x: float, y: float, w: float, h: float, c: Colour) -> float:
    lay.part((x - w / 2, y - h, x + w / 2, y), c, "round", radius=w * 0.08)
    lay.part(
        (x - w / 2, y - h - w * 0.1, x + w / 2, y - h + w * 0.1),
        _lighter(c, 0.15),
        "ellipse",
        shade="vert",
        edge=0.6,
    )
    return y - h


def _sparkle(lay: _Layer, x: float, y: float, r: float) -> None:
    def star(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        d.line((x - r + ox, y + oy, x + r + ox, y + oy), fill=(255, 255, 255, 230), width=1)
        d.line((x + ox, y - r + oy, x + ox, y + r + oy), fill=(255, 255, 255, 230), width=1)
        _dot(d, x + ox, y + oy, max(1.0, r * 0.15), (255, 255, 255, 255))

    lay.strokes((x - r - 1, y - r - 1, x + r + 1, y + r + 1), star)


def _ring(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    stand = _mix(_darker(pal.main, 0.3), (60, 50, 60), 0.3)
    top = _pedestal(lay, x, y, u * 0.5, u * 0.34, stand)
    # cushion
    lay.part(
        (x - u * 0.2, top - u * 0.12, x + u * 0.2, top + u * 0.04),
        _lighter(stand, 0.1),
        "ellipse",
        shade="sphere",
        edge=0.5,
    )
    metal = rng.choice([_GOLD, _SILVER, _mix(_GOLD, _COPPER, 0.5)])
    rw, rh = u * 0.36, u * 0.42
    rx0, ry0 = x - rw / 2, top - u * 0.06 - rh
    band = max(4.0, u * 0.05)
    lay.part((rx0, ry0, rx0 + rw, ry0 + rh), metal, "ellipse", shade="cyl", light=0.3, edge=0.8)
    lay.part(
        (rx0 + band, ry0 + band * 1.1, rx0 + rw - band, ry0 + rh - band * 0.9),
        _darker(stand, 0.2),
        "ellipse",
        shade="vert",
        edge=0,
    )
    lay.part(
        (x - u * 0.19, top - u * 0.1, x + u * 0.19, top),
        _lighter(stand, 0.1),
        "ellipse",
        shade="sphere",
        edge=0,
    )
    gem = pal.accent
    gs = u * 0.12
    gx, gy = x, ry0 - gs * 0.25
    lay.part(
        (gx - gs * 0.45, gy + gs * 0.2, gx + gs * 0.45, gy + gs * 0.55), metal, "round", radius=2
    )
    facets = [
        (gx - gs * 0.6, gy - gs * 0.05),
        (gx - gs * 0.35, gy - gs * 0.5),
        (gx + gs * 0.35, gy - gs * 0.5),
        (gx + gs * 0.6, gy - gs * 0.05),
        (gx, gy + gs * 0.45),
    ]
    lay.part(None, gem, points=facets, shade="sphere", light=0.3, edge=0.8)
    lay.glint(
        None,
        points=[
            (gx - gs * 0.3, gy - gs * 0.42),
            (gx + gs * 0.1, gy - gs * 0.42),
            (gx - gs * 0.05, gy - gs * 0.05),
        ],
        alpha=200,
        blur=0.5,
    )
    _sparkle(lay, gx - gs * 0.2, gy - gs * 0.35, gs * 0.6)
    lay.glint(
        (rx0 + band * 0.2, ry0 + rh * 0.25, rx0 + band * 0.8, ry0 + rh * 0.7),
        "ellipse",
        alpha=170,
        blur=0.8,
    )
    return u * 0.25


def _necklace(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    bust = _mix(rng.choice([(60, 56, 62), (226, 216, 200), (120, 96, 80)]), pal.second, 0.15)
    nw, h = u * 0.22, u * 1.05
    shoulder = u * 0.78
    pts = [(x - nw / 2, y - h), (x + nw / 2, y - h), (x + nw / 2, y - h * 0.8)]
    pts += _ellipse_points(x, y - h * 0.45, shoulder / 2, h * 0.35, -90 + 25, 0, 10)
    pts += [(x + shoulder * 0.32, y), (x - shoulder * 0.32, y)]
    pts += _ellipse_points(x, y - h * 0.45, shoulder / 2, h * 0.35, 180, 270 - 25, 10)
    pts += [(x - nw / 2, y - h * 0.8)]
    lay.part(None, bust, points=pts, light=0.4, edge=0.7)
    lay.part(
        (x - nw / 2, y - h - u * 0.04, x + nw / 2, y - h + u * 0.04),
        _lighter(bust, 0.1),
        "ellipse",
        shade="flat",
        edge=0.6,
    )
    lay.part((x - u * 0.09, y - u * 0.05, x + u * 0.09, y), _WOOD, edge=0.4)
    # beads on a U-shaped strand
    beads = [pal.main, pal.accent, pal.second]
    n = 23
    r = u * rng.uniform(0.028, 0.036)
    cy0 = y - h * 0.78
    for i in range(n):
        t = i / (n - 1)
        a = math.pi * (0.05 + 0.9 * t)
        bx = x - math.cos(a) * u * 0.3
        by = cy0 + math.sin(a) * u * 0.34
        c = beads[(i if i < n // 2 else n - 1 - i) % len(beads)]
        lay.part((bx - r, by - r, bx + r, by + r), c, "ellipse", shade="sphere", edge=0.5)
    pendant = [
        (x, cy0 + u * 0.36),
        (x + u * 0.06, cy0 + u * 0.45),
        (x, cy0 + u * 0.58),
        (x - u * 0.06, cy0 + u * 0.45),
    ]
    lay.part(None, rng.choice([_GOLD, _SILVER]), points=pendant, shade="sphere", edge=0.7)
    lay.part(
        (x - u * 0.03, cy0 + u * 0.42, x + u * 0.03, cy0 + u * 0.5),
        pal.accent,
        "ellipse",
        shade="sphere",
    )
    _sparkle(lay, x - u * 0.015, cy0 + u * 0.43, u * 0.05)
    return shoulder * 0.32


def _earrings(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    wood = _mix(_WOOD, pal.second, 0.2)
    post_h = u * 1.0
    lay.part((x - u * 0.22, y - u * 0.05, x + u * 0.22, y), wood, "round", radius=u * 0.02)
    lay.part((x - u * 0.025, y - post_h, x + u * 0.025, y - u * 0.04), wood)
    lay.part(
        (x - u * 0.36, y - post_h - u * 0.02, x + u * 0.36, y - post_h + u * 0.035),
        wood,
        "round",
        radius=u * 0.015,
        shade="vert",
    )
    metal = rng.choice([_GOLD, _SILVER])
    drop_c = pal.main
    bead_cols = [pal.accent, pal.second, pal.main]
    long_drop = rng.random() < 0.5
    for sgn in (-1, 1):
        hx = x + sgn * u * 0.22
        hy = y - post_h + u * 0.01
        lay.strokes(
            (hx - u * 0.06, hy - u * 0.06, hx + u * 0.06, hy + u * 0.1),
            lambda d, ox, oy, hx=hx, hy=hy: d.arc(
                (hx - u * 0.04 + ox, hy - u * 0.04 + oy, hx + u * 0.04 + ox, hy + u * 0.04 + oy),
                150,
                390,
                fill=(*metal, 255),
                width=2,
            ),
        )
        cy = hy + u * 0.05
        for k in range(3):
            br = u * 0.022
            lay.part(
                (hx - br, cy, hx + br, cy + 2 * br),
                bead_cols[k % 3],
                "ellipse",
                shade="sphere",
                edge=0.5,
            )
            cy += 2 * br + 1
        dw = u * (0.09 if long_drop else 0.12)
        dh = u * (0.3 if long_drop else 0.2)
        drop = [
            (hx, cy),
            (hx + dw / 2, cy + dh - dw / 2),
            *_ellipse_points(hx, cy + dh - dw / 2, dw / 2, dw / 2, 0, 180, 12),
            (hx - dw / 2, cy + dh - dw / 2),
        ]
        lay.part(
            None,
            drop_c,
            points=drop,
            shade="sphere",
            edge=0.7,
            texture=_speckle(_lighter(drop_c, 0.5), rng, 0.02, 180),
        )
        lay.glint(
            (hx - dw * 0.3, cy + dh * 0.45, hx - dw * 0.1, cy + dh * 0.7),
            "ellipse",
            alpha=160,
            blur=0.6,
        )
        fringe_y = cy + dh

        def fringe(
            d: ImageDraw.ImageDraw, ox: float, oy: float, hx: float = hx, fy: float = fringe_y
        ) -> None:
            for j in range(-2, 3):
                ex, ey = hx + j * u * 0.018 + ox, fy + oy + u * (0.08 - abs(j) * 0.015)
                d.line((hx + j * u * 0.01 + ox, fy + oy - 2, ex, ey), fill=(*metal, 255), width=1)
                _dot(d, ex, ey, u * 0.012, (*bead_cols[abs(j) % 3], 255))

        lay.strokes((hx - u * 0.1, fringe_y - 3, hx + u * 0.1, fringe_y + u * 0.12), fringe)
    return u * 0.22
