"""Ceramic motifs: the glazed bowl and the patterned vase."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import _GREEN, _STRAW, _WHITE, _darker, _mix, _Palette
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import _dot, _ellipse_points
from catalogue.demo.photos.textures import _combine, _hbands, _speckle


def _bowl(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    w, h, rim = u * 0.98, u * 0.46, u * 0.2
    glaze = pal.main
    inner = _mix(pal.second, _WHITE, 0.2)
    clay = (196, 150, 116)
    foot_w = w * 0.42
    lay.part((x - foot_w / 2, y - u * 0.06, x + foot_w / 2, y), clay, "round", radius=u * 0.02)
    body = _ellipse_points(x, y - h, w / 2, h - u * 0.04, 0, 180, 30)
    lay.part(
        None,
        glaze,
        points=body,
        texture=_combine(
            _hbands([(0.72, 1.0, clay)]),
            _speckle(_darker(glaze, 0.4), rng, 0.004, 120),
        ),
    )
    # glaze drips over the clay band
    drips = [
        (x - w / 2 + w * i / 10, y - h * 0.28 + rng.uniform(-1, 1) * u * 0.03) for i in range(1, 10)
    ]
    lay.strokes(
        (x - w / 2, y - h, x + w / 2, y),
        lambda d, ox, oy: [
            _dot(d, px + ox, py + oy, u * 0.022, (*_darker(glaze, 0.15), 255)) for px, py in drips
        ],
    )
    lay.part(
        (x - w / 2, y - h - rim / 2, x + w / 2, y - h + rim / 2),
        _darker(glaze, 0.05),
        "ellipse",
        shade="flat",
        edge=0.9,
    )
    lay.part(
        (
            x - w / 2 + u * 0.025,
            y - h - rim / 2 + u * 0.018,
            x + w / 2 - u * 0.025,
            y - h + rim / 2 - u * 0.012,
        ),
        inner,
        "ellipse",
        shade="sphere",
        light=0.65,
        edge=0.7,
    )
    ring_col = (*pal.accent, 220)
    lay.strokes(
        (x - w / 2, y - h - rim, x + w / 2, y - h + rim),
        lambda d, ox, oy: d.ellipse(
            (x - w * 0.3 + ox, y - h - rim * 0.28 + oy, x + w * 0.3 + ox, y - h + rim * 0.32 + oy),
            outline=ring_col,
            width=2,
        ),
    )
    lay.glint((x - w * 0.38, y - h + u * 0.06, x - w * 0.28, y - u * 0.15), "ellipse", alpha=110)
    return w / 2 * 0.8


def _vase(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    h = u * rng.uniform(0.9, 1.05)
    belly = u * rng.uniform(0.26, 0.33)
    neck = u * 0.1
    lipr = u * 0.15
    n = 28

    def radius(t: float) -> float:
        if t < 0.62:
            return neck + (belly - neck) * math.sin(math.pi * (0.18 + t / 0.62 * 0.82))
        return neck + (lipr - neck) * ((t - 0.62) / 0.38) ** 2.2

    left = [(x - radius(i / n), y - h * i / n) for i in range(n + 1)]
    right = [(x + radius(i / n), y - h * i / n) for i in range(n, -1, -1)]
    col = pal.main
    band1, band2 = pal.accent, pal.second
    seed = rng.random()

    def pattern(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        d.rectangle((0, h_ * 0.3, w_, h_ * 0.34), fill=(*band1, 230))
        d.rectangle((0, h_ * 0.6, w_, h_ * 0.63), fill=(*band1, 230))
        step = max(5.0, w_ / 12)
        xx = r.uniform(0, step)
        while xx < w_:
            _dot(d, xx, h_ * 0.47, step * 0.22, (*band2, 255))
            d.line((xx + step / 2, h_ * 0.38, xx + step / 2, h_ * 0.56), fill=(*band1, 200))
            xx += step
        wave = [(i, h_ * 0.78 + math.sin(i / step * 2) * step * 0.2) for i in range(0, w_, 2)]
        if len(wave) > 1:
            d.line(wave, fill=(*band2, 220), width=2)

    lay.part(None, col, points=left + right, texture=pattern)
    lay.part(
        (x - lipr, y - h - u * 0.03, x + lipr, y - h + u * 0.04),
        _darker(col, 0.55),
        "ellipse",
        shade="flat",
        edge=0.8,
    )
    if rng.random() < 0.75:
        stem = (*_darker(_GREEN, 0.2), 255)
        heads = [_mix(pal.pick(rng), _STRAW, 0.3) for _ in range(5)]
        tips = [
            (x + rng.uniform(-0.45, 0.45) * u, y - h - u * rng.uniform(0.15, 0.42))
            for _ in range(5)
        ]

        def stems(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
            for (tx, ty), hc in zip(tips, heads, strict=True):
                d.line((x + ox, y - h + oy, tx + ox, ty + oy), fill=stem, width=2)
                for k in range(6):
                    _dot(
                        d,
                        tx + ox + math.cos(k) * u * 0.025,
                        ty + oy + math.sin(k) * u * 0.02,
                        u * 0.018,
                        (*hc, 255),
                    )

        lay.strokes((x - u * 0.6, y - h - u * 0.5, x + u * 0.6, y - h + 2), stems)
    lay.glint((x - belly * 0.55, y - h * 0.55, x - belly * 0.3, y - h * 0.15), "ellipse", alpha=120)
    return belly * 0.9
