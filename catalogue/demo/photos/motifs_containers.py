"""Box and basket motifs: the cream tin, the tea box, the lacquer box and the woven
basket, with the shared three-quarter box helper.
"""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import Texture, _Layer
from catalogue.demo.photos.colour import (
    _GOLD,
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
from catalogue.demo.photos.shapes import _dot, _ellipse_points, _leaf, _text_block
from catalogue.demo.photos.textures import _checks, _stripes


def _cream_tin(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, side, top = u * 0.82, u * 0.2, u * 0.26
    metal = _mix(rng.choice([_SILVER, _GOLD]), pal.main, 0.35)
    lay.part((x - w / 2, y - side - top / 2, x + w / 2, y), metal, "round", radius=top / 2)
    lay.part(
        (x - w / 2, y - side - top, x + w / 2, y - side),
        _lighter(metal, 0.2),
        "ellipse",
        shade="sphere",
        light=0.3,
    )
    lay.part(
        (x - w * 0.33, y - side - top * 0.82, x + w * 0.33, y - side - top * 0.18),
        _lighter(pal.second, 0.6),
        "ellipse",
        shade="flat",
        edge=0.6,
        texture=lambda d, w_, h_: _text_block(
            d, (w_ * 0.2, h_ * 0.2, w_ * 0.8, h_ * 0.8), _darker(pal.main, 0.5), rng, 3
        ),
    )
    lay.part(
        (x - w / 2, y - side - top / 2 - 2, x + w / 2, y - side - top / 2 + u * 0.035),
        _darker(metal, 0.1),
        edge=0.2,
    )
    # A second, open tin showing the cream.
    sx = x + w * 0.62 * rng.choice([-1, 1])
    sw, sside = w * 0.5, u * 0.12
    sy = y + u * 0.06
    lay.part(
        (sx - sw / 2, sy - sside - top * 0.3, sx + sw / 2, sy), metal, "round", radius=top * 0.3
    )
    lay.part(
        (sx - sw / 2, sy - sside - top * 0.6, sx + sw / 2, sy - sside),
        _lighter(metal, 0.2),
        "ellipse",
        shade="flat",
        edge=0.9,
    )
    cream = _mix((246, 240, 228), pal.second, 0.12)
    lay.part(
        (sx - sw * 0.44, sy - sside - top * 0.55, sx + sw * 0.44, sy - sside - top * 0.05),
        cream,
        "ellipse",
        shade="sphere",
        edge=0.3,
    )
    lay.strokes(
        (sx - sw / 2, sy - sside - top, sx + sw / 2, sy),
        lambda d, ox, oy: d.arc(
            (
                sx - sw * 0.2 + ox,
                sy - sside - top * 0.42 + oy,
                sx + sw * 0.2 + ox,
                sy - sside - top * 0.15 + oy,
            ),
            180,
            330,
            fill=(*_darker(cream, 0.25), 200),
            width=2,
        ),
    )
    return w / 2 + u * 0.1


def _basket(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    tw, bw, h = u * 0.92, u * 0.7, u * 0.5
    straw = _mix(_STRAW, pal.second, 0.2)
    pitch = max(5.0, u * 0.065)

    def weave(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        dark, light = (*_darker(straw, 0.35), 255), (*_lighter(straw, 0.25), 150)
        row = 0
        yy = 0.0
        while yy < h_:
            xx = -pitch if row % 2 else -pitch / 2
            while xx < w_:
                d.rounded_rectangle(
                    (xx + 1, yy + 1, xx + pitch / 2 - 1, yy + pitch * 0.5 - 1), radius=1, fill=light
                )
                d.line((xx, yy, xx, yy + pitch * 0.5), fill=dark, width=1)
                xx += pitch / 2
            d.line((0, yy, w_, yy), fill=dark, width=1)
            yy += pitch * 0.5
            row += 1
        if rng_band:
            d.rectangle((0, h_ * 0.3, w_, h_ * 0.42), fill=(*pal.main, 200))

    rng_band = rng.random() < 0.6
    body = [(x - tw / 2, y - h), (x + tw / 2, y - h), (x + bw / 2, y), (x - bw / 2, y)]
    rim_h = u * 0.12
    # handle
    hw = tw * 0.62
    lay.strokes(
        (x - hw, y - h - u * 0.7, x + hw, y - h + 4),
        lambda d, ox, oy: d.arc(
            (x - hw / 2 + ox, y - h - u * 0.52 + oy, x + hw / 2 + ox, y - h + u * 0.4 + oy),
            180,
            360,
            fill=(*_darker(straw, 0.25), 255),
            width=max(3, int(u * 0.045)),
        ),
    )
    lay.part(
        (x - tw / 2, y - h - rim_h / 2, x + tw / 2, y - h + rim_h / 2),
        _darker(straw, 0.55),
        "ellipse",
        shade="flat",
        edge=0,
    )
    if rng.random() < 0.7:
        cloth = pal.main
        lay.part(
            None,
            cloth,
            points=[
                *_ellipse_points(x, y - h, tw * 0.42, rim_h * 1.6, 180, 360),
                (x + tw * 0.3, y - h + 2),
                (x - tw * 0.35, y - h + 2),
            ],
            shade="sphere",
            texture=_checks(_WHITE, max(4.0, u * 0.05), 90),
        )
    lay.part(None, straw, points=body, texture=weave, edge=0.8)
    lay.part(
        (x - tw / 2 - 2, y - h - rim_h * 0.35, x + tw / 2 + 2, y - h + rim_h * 0.45),
        _darker(straw, 0.1),
        "round",
        radius=rim_h / 2,
        shade="vert",
        texture=_stripes([_darker(straw, 0.3)], max(4.0, u * 0.03), 160, 0.8),
    )
    return tw / 2 * 0.85


def _box3d(
    lay: _Layer,
    x0: float,
    y0: float,
    w: float,
    h: float,
    depth: float,
    c: Colour,
    texture: Texture | None = None,
    top_texture: Texture | None = None,
) -> None:
    dx, dy = depth, depth * 0.6
    lay.part(
        None,
        _darker(c, 0.25),
        points=[(x0 + w, y0), (x0 + w + dx, y0 - dy), (x0 + w + dx, y0 + h - dy), (x0 + w, y0 + h)],
        shade="vert",
        edge=0.5,
    )
    lay.part(
        None,
        _lighter(c, 0.18),
        points=[(x0, y0), (x0 + dx, y0 - dy), (x0 + w + dx, y0 - dy), (x0 + w, y0)],
        shade="flat",
        edge=0.5,
        texture=top_texture,
    )
    lay.part((x0, y0, x0 + w, y0 + h), c, shade="cyl", light=0.3, texture=texture, edge=0.5)


def _tea_box(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    w, h, depth = u * 0.56, u * 0.8, u * 0.2
    c = pal.main
    seed = rng.random()

    def front(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        d.line((0, h_ * 0.16, w_, h_ * 0.16), fill=(*_darker(c, 0.5), 255), width=1)
        m = w_ * 0.08
        d.rectangle((m, h_ * 0.22, w_ - m, h_ - m), outline=(*pal.accent, 255), width=2)
        d.rectangle(
            (m * 2, h_ * 0.45, w_ - m * 2, h_ * 0.78), fill=(*_lighter(pal.second, 0.75), 255)
        )
        _text_block(d, (m * 2.5, h_ * 0.47, w_ - m * 2.5, h_ * 0.76), _darker(pal.main, 0.5), r, 4)
        for k in range(5):
            lx = w_ * (0.2 + 0.15 * k)
            d.polygon(
                _leaf(lx, h_ * 0.38, w_ * 0.1, w_ * 0.05, -70 - k * 8),
                fill=(*_lighter(pal.accent, 0.3), 230),
            )

    _box3d(
        lay,
        x - w / 2 - depth / 4,
        y - h,
        w,
        h,
        depth,
        c,
        front,
        _checks(_darker(c, 0.2), u * 0.04, 60),
    )
    # loose tea leaves
    leaf_c = _mix((70, 80, 40), (40, 30, 20), rng.random())

    def leaves(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        r = _rng(seed + 1)
        for _ in range(26):
            lx = x + r.uniform(0.3, 0.58) * u * r.choice([-1, 1])
            ly = y + r.uniform(-0.02, 0.1) * u
            d.polygon(
                [
                    (px + ox, py + oy)
                    for px, py in _leaf(lx, ly, u * 0.05, u * 0.018, r.uniform(0, 360))
                ],
                fill=(*_mix(leaf_c, _GREEN, r.random() * 0.4), 255),
            )

    lay.strokes((x - u, y - u * 0.1, x + u, y + u * 0.2), leaves)
    return w / 2 + depth / 2


def _lacquer_box(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, h, depth = u * 0.82, u * 0.36, u * 0.3
    base = rng.choice([(24, 20, 22), (140, 22, 24), _darker(pal.main, 0.45)])
    gold = _GOLD
    paint = [pal.main, pal.accent, (200, 40, 40)]
    x0, y0 = x - w / 2 - depth / 4, y - h
    seed = rng.random()

    def front(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        d.rectangle((3, 3, w_ - 4, h_ - 4), outline=(*gold, 255), width=1)
        d.line((0, h_ * 0.3, w_, h_ * 0.3), fill=(*_darker(base, 0.6), 255), width=1)
        step = w_ / 10
        for i in range(10):
            _dot(d, step * (i + 0.5), h_ * 0.65, step * 0.18, (*gold, 255))
            d.arc((step * i, h_ * 0.5, step * (i + 1), h_ * 0.8), 0, 180, fill=(*gold, 220))

    def top(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        cx, cy = w_ / 2, h_ / 2
        d.ellipse(
            (cx - w_ * 0.32, cy - h_ * 0.36, cx + w_ * 0.32, cy + h_ * 0.36),
            outline=(*gold, 255),
            width=2,
        )
        for k in range(7):
            a = 2 * math.pi * k / 7
            px, py = cx + math.cos(a) * w_ * 0.15, cy + math.sin(a) * h_ * 0.18
            _dot(d, px, py, h_ * 0.09, (*paint[k % 3], 255))
            _dot(d, px, py, h_ * 0.035, (*gold, 255))
        _dot(d, cx, cy, h_ * 0.08, (*gold, 255))
        for _ in range(16):
            a = r.uniform(0, 2 * math.pi)
            _dot(d, cx + math.cos(a) * w_ * 0.42, cy + math.sin(a) * h_ * 0.42, 1.2, (*gold, 200))

    _box3d(lay, x0, y0, w, h, depth, base, front, top)
    # gloss: sharp reflections typical of lacquer
    lay.glint(
        None,
        points=[
            (x0 + w * 0.1, y0 + 2),
            (x0 + w * 0.2, y0 + 2),
            (x0 + w * 0.12, y - 2),
            (x0 + w * 0.04, y - 2),
        ],
        alpha=120,
        blur=0.8,
    )
    lay.glint(
        None,
        points=[
            (x0 + depth * 0.3, y0 - depth * 0.2),
            (x0 + w * 0.5, y0 - depth * 0.2),
            (x0 + w * 0.45, y0 - depth * 0.1),
            (x0 + depth * 0.2, y0 - depth * 0.1),
        ],
        alpha=150,
        blur=0.8,
    )
    lay.glint(
        (x0 + w * 0.6, y0 + h * 0.15, x0 + w * 0.95, y0 + h * 0.22), "round", alpha=70, blur=1.5
    )
    return w / 2 + depth / 2
