"""Textile motifs: the folded scarf, knitwear, table linen and the cloth doll."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import Texture, _Layer
from catalogue.demo.photos.colour import (
    _INK,
    _PAPER,
    _SKIN,
    _WHITE,
    Colour,
    _darker,
    _lighter,
    _Palette,
)
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import Point, _dot, _rotate
from catalogue.demo.photos.textures import _checks, _combine, _hbands, _ridges, _stripes


def _scarf(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    w = u * 0.98
    cols = [pal.main, pal.second, pal.accent]
    folds = 4
    fh = u * 0.12
    pitch = max(4.0, u * rng.uniform(0.05, 0.09))
    slant = rng.choice([0.0, 0.6, -0.6])
    tex = _stripes([pal.second, pal.accent], pitch, alpha=210, slant=slant)
    for i in range(folds):
        top = y - fh * (i + 1)
        inset = i * u * 0.015
        lay.part(
            (x - w / 2 + inset, top, x + w / 2 - inset, top + fh + 2),
            pal.main,
            "round",
            radius=fh * 0.45,
            shade="vert",
            texture=tex,
            edge=0.7,
        )
        lay.glint(
            (x - w / 2 + inset + 4, top + 1, x + w / 2 - inset - 4, top + fh * 0.3),
            "round",
            alpha=60,
        )
    # The tail falls over the front with fringe.
    tail_x0 = x - w * 0.1
    tail: list[Point] = [
        (tail_x0, y - fh * folds + 2),
        (tail_x0 + w * 0.28, y - fh * folds + 2),
        (tail_x0 + w * 0.34, y + u * 0.05),
        (tail_x0 + w * 0.02, y + u * 0.05),
    ]
    lay.part(None, pal.main, points=tail, texture=tex, edge=0.7)
    ink = (*_darker(cols[rng.randrange(3)], 0.2), 255)

    def fringe(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        n = 12
        for i in range(n + 1):
            fx = tail_x0 + w * 0.02 + (w * 0.32) * i / n + ox
            d.line((fx, y + u * 0.05 + oy, fx + u * 0.005, y + u * 0.11 + oy), fill=ink, width=2)

    lay.strokes((tail_x0, y, tail_x0 + w * 0.4, y + u * 0.13), fringe)
    return w / 2


def _knit(colour: Colour, pitch: float) -> Texture:
    def paint(d: ImageDraw.ImageDraw, w: int, h: int) -> None:
        dark, light = (*_darker(colour, 0.35), 170), (*_lighter(colour, 0.3), 140)
        y = 0.0
        while y < h:  # stockinette: columns of V stitches
            x = 0.0
            while x < w:
                d.line((x, y, x + pitch / 2, y + pitch * 0.9), fill=dark, width=1)
                d.line((x + pitch / 2, y + pitch * 0.9, x + pitch, y), fill=dark, width=1)
                d.line((x + 1, y, x + pitch / 2, y + pitch * 0.6), fill=light, width=1)
                x += pitch
            y += pitch * 0.8

    return paint


def _knitwear(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, h = u * 0.92, u * 0.56
    c = pal.main
    pitch = max(4.0, u * 0.045)
    knit = _knit(c, pitch)
    band = pal.accent

    def nordic(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        knit(d, w_, h_)
        yb = h_ * 0.42
        d.rectangle((0, yb, w_, yb + pitch * 2.6), fill=(*band, 230))
        xx = pitch
        while xx < w_:
            _dot(d, xx, yb + pitch * 1.3, pitch * 0.45, (*_lighter(c, 0.5), 255))
            xx += pitch * 2

    lay.part(
        (x - w / 2, y - h, x + w / 2, y),
        c,
        "round",
        radius=u * 0.05,
        shade="vert",
        light=0.3,
        texture=nordic,
        edge=0.8,
    )
    lay.part(
        (x - w / 2, y - h * 0.18, x + w / 2, y),
        _darker(c, 0.1),
        "round",
        radius=u * 0.04,
        shade="vert",
        texture=_ridges(_darker(c, 0.45), max(3.0, pitch * 0.5), 160),
    )
    # collar
    cw = w * 0.36
    lay.part(
        (x - cw / 2, y - h - u * 0.06, x + cw / 2, y - h + u * 0.12),
        _darker(c, 0.1),
        "ellipse",
        shade="sphere",
        texture=_ridges(_darker(c, 0.45), 3.0, 140),
        edge=0.8,
    )
    lay.part(
        (x - cw * 0.36, y - h - u * 0.02, x + cw * 0.36, y - h + u * 0.07),
        _darker(c, 0.5),
        "ellipse",
        shade="flat",
        edge=0,
    )
    # folded sleeves crossing the front
    for sgn in (-1, 1):
        pts = [
            (x + sgn * w / 2, y - h * 0.96),
            (x + sgn * w / 2, y - h * 0.72),
            (x + sgn * w * 0.05, y - h * 0.2),
            (x + sgn * w * 0.05, y - h * 0.44),
        ]
        lay.part(None, _darker(c, 0.05), points=pts, shade="vert", texture=knit, edge=0.9)
    lay.part(
        (x - w * 0.46, y - h * 0.1, x + w * 0.46, y - h * 0.04),
        _lighter(c, 0.1),
        shade="flat",
        edge=0,
    )
    second = rng.random() < 0.5
    if second:
        c2 = pal.second
        lay.part(
            (x - w * 0.5, y - u * 0.1, x + w * 0.5, y + u * 0.02),
            c2,
            "round",
            radius=u * 0.04,
            shade="vert",
            texture=_knit(c2, pitch),
            edge=0.8,
        )
    return w / 2


def _table_linen(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, fh = u * 0.95, u * 0.13
    cloths = [
        _lighter(pal.colours[0], 0.8),
        _PAPER,
        _lighter(pal.second, 0.6),
        _lighter(pal.accent, 0.85),
    ]
    rng.shuffle(cloths)
    threads = [pal.main, pal.accent, pal.second]

    def embroidery(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        step = max(3.0, u * 0.03)
        yy = h_ * 0.5
        xx = step
        i = 0
        while xx < w_ - step:
            c = threads[(i // 2) % len(threads)]
            off = step * 0.6 * (1 if i % 2 else -1)
            _dot(d, xx, yy + off * 0.6, step * 0.32, (*c, 255))
            d.line(
                (xx - step * 0.3, yy - step * 0.3, xx + step * 0.3, yy + step * 0.3),
                fill=(*c, 200),
                width=1,
            )
            xx += step
            i += 1

    for i in range(4):
        top = y - fh * (i + 1)
        inset = rng.uniform(0, 0.03) * u
        tex = embroidery if i % 2 == 1 else _checks(_darker(cloths[i], 0.25), u * 0.04, 40)
        lay.part(
            (x - w / 2 + inset, top, x + w / 2 - inset, top + fh + 1),
            cloths[i],
            "round",
            radius=fh * 0.35,
            shade="vert",
            texture=tex,
            edge=0.6,
        )
    # An unfolded corner draped at the front with a flower of stitches.
    corner = [
        (x - w * 0.45, y - fh * 1.2),
        (x + w * 0.1, y - fh * 1.2),
        (x - w * 0.05, y + u * 0.1),
        (x - w * 0.42, y + u * 0.08),
    ]
    cc = cloths[0]
    lay.part(None, cc, points=corner, shade="vert", edge=0.6)
    fx, fy = x - w * 0.2, y - u * 0.02
    pr = u * 0.07

    def flower(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        for k in range(8):
            a = 2 * math.pi * k / 8
            _dot(
                d,
                fx + ox + pr * math.cos(a),
                fy + oy + pr * 0.7 * math.sin(a),
                u * 0.022,
                (*threads[k % 2], 255),
            )
        _dot(d, fx + ox, fy + oy, u * 0.025, (*threads[2 % len(threads)], 255))
        for k in range(14):
            t = k / 13
            _dot(
                d,
                x - w * 0.43 + ox + t * w * 0.36,
                y + u * 0.06 + oy - t * u * 0.01,
                u * 0.01,
                (*pal.accent, 255),
            )

    lay.strokes((x - w / 2, y - u * 0.15, x + w * 0.1, y + u * 0.12), flower)
    return w / 2


def _doll(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    dress = pal.main
    legs_h = u * 0.22
    stocking = pal.accent
    for sgn in (-1, 1):
        lx = x + sgn * u * 0.07
        lay.part(
            (lx - u * 0.045, y - legs_h, lx + u * 0.045, y - u * 0.04),
            _lighter(stocking, 0.3),
            texture=_hbands([(k / 6, k / 6 + 1 / 12, stocking) for k in range(6)]),
        )
        lay.part(
            (lx - u * 0.06 + sgn * u * 0.01, y - u * 0.06, lx + u * 0.06 + sgn * u * 0.01, y),
            _darker(pal.second, 0.3),
            "round",
            radius=u * 0.03,
        )
    body_top = y - legs_h - u * 0.44
    seed = rng.random()

    def pattern(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        for _ in range(int(w_ * h_ / 120)):
            fx, fy = r.uniform(0, w_), r.uniform(0, h_)
            for k in range(5):
                a = 2 * math.pi * k / 5
                _dot(
                    d,
                    fx + math.cos(a) * 2,
                    fy + math.sin(a) * 2,
                    1.2,
                    (*_lighter(pal.second, 0.5), 220),
                )
        d.rectangle((0, h_ * 0.9, w_, h_), fill=(*_WHITE, 230))

    # arms
    for sgn in (-1, 1):
        arm = _rotate(
            [
                (x + sgn * u * 0.12, body_top + u * 0.05),
                (x + sgn * u * 0.17, body_top + u * 0.02),
                (x + sgn * u * 0.2, body_top + u * 0.3),
                (x + sgn * u * 0.14, body_top + u * 0.31),
            ],
            x,
            body_top,
            sgn * 8,
        )
        lay.part(None, _lighter(dress, 0.1), points=arm, texture=pattern)
        hx, hy = arm[2][0] - sgn * u * 0.025, arm[2][1] + u * 0.01
        lay.part(
            (hx - u * 0.035, hy - u * 0.03, hx + u * 0.035, hy + u * 0.035),
            _SKIN,
            "ellipse",
            shade="sphere",
        )
    lay.part(
        None,
        dress,
        points=[
            (x - u * 0.12, body_top),
            (x + u * 0.12, body_top),
            (x + u * 0.24, y - legs_h + 2),
            (x - u * 0.24, y - legs_h + 2),
        ],
        texture=pattern,
        edge=0.7,
    )
    lay.part(
        (x - u * 0.1, body_top + u * 0.16, x + u * 0.1, y - legs_h - u * 0.04),
        _lighter(pal.second, 0.85),
        "round",
        radius=u * 0.03,
        shade="flat",
        edge=0.4,
        texture=_combine(
            _ridges(_darker(_PAPER, 0.15), 3, 50), _hbands([(0.85, 0.92, pal.accent)], 200)
        ),
    )
    hr = u * 0.15
    hy = body_top - hr * 0.85
    hair = rng.choice([(120, 72, 40), (200, 150, 70), (60, 40, 30), (170, 60, 40)])
    lay.part(
        (x - hr * 1.12, hy - hr * 1.1, x + hr * 1.12, hy + hr * 0.6),
        hair,
        "ellipse",
        shade="sphere",
        texture=_ridges(_darker(hair, 0.4), 3, 150),
    )
    for sgn in (-1, 1):
        lay.part(
            (x + sgn * hr * 1.1 - u * 0.03, hy, x + sgn * hr * 1.1 + u * 0.03, hy + u * 0.2),
            hair,
            "round",
            radius=u * 0.03,
            texture=_hbands([(0.3, 0.36, _darker(hair, 0.4)), (0.6, 0.66, _darker(hair, 0.4))]),
        )
        lay.part(
            (
                x + sgn * hr * 1.1 - u * 0.03,
                hy + u * 0.17,
                x + sgn * hr * 1.1 + u * 0.03,
                hy + u * 0.2,
            ),
            pal.accent,
            "ellipse",
            shade="flat",
            edge=0.3,
        )
    lay.part((x - hr, hy - hr, x + hr, hy + hr), _SKIN, "ellipse", shade="sphere", edge=0.4)
    lay.part(
        (x - hr * 1.05, hy - hr * 1.1, x + hr * 1.05, hy - hr * 0.25),
        hair,
        "ellipse",
        shade="vert",
        texture=_ridges(_darker(hair, 0.4), 3, 150),
    )

    def face(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
        for sgn in (-1, 1):
            _dot(d, x + sgn * hr * 0.38 + ox, hy + hr * 0.05 + oy, hr * 0.09, (*_INK, 255))
            _dot(d, x + sgn * hr * 0.55 + ox, hy + hr * 0.35 + oy, hr * 0.16, (230, 120, 120, 110))
        d.arc(
            (x - hr * 0.25 + ox, hy + hr * 0.1 + oy, x + hr * 0.25 + ox, hy + hr * 0.5 + oy),
            20,
            160,
            fill=(180, 60, 60, 255),
            width=2,
        )

    lay.strokes((x - hr, hy - hr, x + hr, hy + hr), face)
    return u * 0.24
