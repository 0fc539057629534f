"""Leather motifs: the beaded moccasins and the handbag."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import _GOLD, _SILVER, _WHITE, _darker, _lighter, _mix, _Palette
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import Point, _dot, _ellipse_points, _rotate
from catalogue.demo.photos.textures import _ridges, _speckle


def _moccasins(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    """A pair of soft leather moccasins in side view with beaded vamps."""
    leather = _mix(rng.choice([(168, 118, 76), (120, 82, 54), (214, 186, 150)]), pal.main, 0.2)
    beads = [pal.main, pal.accent, pal.second, _WHITE]
    seed = rng.random()
    length, height = u * 0.8, u * 0.34
    flip = rng.choice([-1, 1])
    for k, (dx, dy, shade_t) in enumerate([(0.16, -0.08, 0.15), (-0.12, 0.04, 0.0)]):
        sx, sy = x + dx * u * flip, y + dy * u
        c = _darker(leather, shade_t)

        def at(t: float, lift: float, sx: float = sx, sy: float = sy) -> Point:
            # t = 0 at the heel, 1 at the toe; lift is the height above the floor
            return (sx + flip * (t - 0.5) * length, sy - lift)

        def top(t: float) -> float:
            if t < 0.08:
                return height * (0.5 + 0.4 * math.sin(t / 0.08 * math.pi / 2))
            if t < 0.42:
                return height * (0.9 + 0.1 * math.sin((t - 0.08) / 0.34 * math.pi / 2))
            q = (t - 0.42) / 0.58
            return height * max(0.1, math.cos(math.pi / 2 * q**1.4) * 0.95)

        n = 30
        upper = [at(i / n, top(i / n)) for i in range(n + 1)]
        upper += [at(1.0, u * 0.02), at(0.98, 0.0), at(0.03, 0.0), at(0.0, u * 0.03)]
        lay.part(None, c, points=upper, shade="vert", light=0.3, edge=0.8)
        lay.part(
            None,
            _darker(c, 0.4),
            points=[at(0.0, u * 0.035), at(1.0, u * 0.035), at(0.99, 0.0), at(0.01, 0.0)],
            shade="flat",
            edge=0.3,
        )
        # folded cuff around the ankle opening with a fringe
        cuff = [at(0.03 + 0.4 * i / 10, top(0.03 + 0.4 * i / 10) + u * 0.02) for i in range(11)]
        cuff += [
            at(0.43 - 0.4 * i / 12, top(0.43 - 0.4 * i / 12) - height * (0.26 + 0.05 * (i % 2)))
            for i in range(13)
        ]
        cuff_c = _lighter(c, 0.28)
        lay.part(
            None,
            cuff_c,
            points=cuff,
            shade="vert",
            edge=0.7,
            texture=_ridges(_darker(cuff_c, 0.3), 2, 130),
        )
        # beaded vamp following the slope toward the toe
        vc = at(0.72, top(0.72) * 0.58)
        vw, vh = length * 0.36, height * 0.4
        slope = flip * 26
        vamp_pts = _rotate(
            _ellipse_points(vc[0], vc[1], vw / 2, vh / 2, 0, 360, 24), vc[0], vc[1], slope
        )

        def vamp(d: ImageDraw.ImageDraw, w_: int, h_: int, k: int = k) -> None:
            r = _rng(seed + k)
            step = max(3.0, u * 0.022)
            yy, row = step * 0.5, 0
            while yy < h_:
                xx = step * (0.5 + 0.5 * (row % 2))
                while xx < w_:
                    _dot(d, xx, yy, step * 0.36, (*beads[(row + int(xx / step)) % 3], 255))
                    xx += step
                yy += step
                row += 1
            _dot(d, w_ * 0.5, h_ * 0.5, min(w_, h_) * 0.2, (*beads[3], 255))
            _dot(d, w_ * 0.5, h_ * 0.5, min(w_, h_) * 0.11, (*beads[r.randrange(3)], 255))

        lay.part(None, _lighter(c, 0.1), points=vamp_pts, shade="flat", texture=vamp, edge=1.0)
        lay.strokes(
            (sx - length, sy - height * 1.3, sx + length, sy),
            lambda d, ox, oy, vp=vamp_pts, c=c: [
                _dot(d, px + ox, py + oy, 0.9, (*_lighter(c, 0.5), 230)) for px, py in vp[::2]
            ],
        )
    return length / 2 + u * 0.12


def _handbag(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    bw, tw, h = u * 0.88, u * 0.68, u * 0.58
    leather = pal.main
    metal = rng.choice([_GOLD, _SILVER])
    hw = tw * 0.62
    lay.strokes(
        (x - hw, y - h - u * 0.45, x + hw, y - h + 6),
        lambda d, ox, oy: d.arc(
            (x - hw / 2 + ox, y - h - u * 0.4 + oy, x + hw / 2 + ox, y - h + u * 0.4 + oy),
            180,
            360,
            fill=(*_darker(leather, 0.3), 255),
            width=max(3, int(u * 0.04)),
        ),
    )
    for sgn in (-1, 1):
        lay.part(
            (
                x + sgn * hw / 2 - u * 0.03,
                y - h - u * 0.02,
                x + sgn * hw / 2 + u * 0.03,
                y - h + u * 0.04,
            ),
            metal,
            "ellipse",
            shade="sphere",
        )
    body = [
        (x - tw / 2, y - h),
        (x + tw / 2, y - h),
        (x + bw / 2, y - u * 0.03),
        (x + bw / 2 - u * 0.03, y),
        (x - bw / 2 + u * 0.03, y),
        (x - bw / 2, y - u * 0.03),
    ]
    lay.part(
        None, leather, points=body, texture=_speckle(_darker(leather, 0.3), rng, 0.01, 60), edge=0.8
    )
    flap_h = h * 0.55
    flap = [
        (x - tw / 2 - 2, y - h),
        (x + tw / 2 + 2, y - h),
        *_ellipse_points(x, y - h + flap_h * 0.45, tw / 2 + 4, flap_h * 0.55, 0, 180, 20),
    ]
    flap_col = pal.accent if rng.random() < 0.4 else _darker(leather, 0.08)
    seed = rng.random()

    def flap_tex(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        stitch = (*_lighter(flap_col, 0.55), 230)
        pts = _ellipse_points(w_ / 2, h_ * 0.45, w_ / 2 - 5, h_ * 0.55 - 5, 0, 180, 30)
        for i in range(0, len(pts) - 1, 2):
            d.line((pts[i], pts[i + 1]), fill=stitch, width=1)
        for i in range(12):
            a = math.pi * i / 12
            _dot(
                d,
                w_ / 2 + math.cos(a) * w_ * 0.22,
                h_ * 0.35 + math.sin(a) * h_ * 0.3,
                2,
                (*pal.colours[r.randrange(len(pal.colours))], 255),
            )

    lay.part(None, flap_col, points=flap, texture=flap_tex, edge=0.9, shade="vert")
    lay.part(
        (x - u * 0.05, y - h + flap_h - u * 0.06, x + u * 0.05, y - h + flap_h + u * 0.02),
        metal,
        "round",
        radius=u * 0.015,
        shade="sphere",
        edge=0.6,
    )
    lay.glint((x - bw * 0.35, y - h * 0.4, x - bw * 0.28, y - h * 0.08), "round", alpha=80)
    return bw / 2
