"""Glass motifs: the preserve jar, the bottle and the pair of etched tumblers."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import (
    _GOLD,
    _SILVER,
    _STRAW,
    _WHITE,
    _WOOD,
    Colour,
    _darker,
    _lighter,
    _mix,
    _Palette,
)
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import Point, _dot, _leaf
from catalogue.demo.photos.textures import _checks, _label, _ridges


def _jar(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    bw, bh = u * 0.64, u * 0.74
    contents = _mix(pal.main, rng.choice([(196, 120, 40), (150, 30, 48), (226, 170, 60)]), 0.45)
    lay.part((x - bw / 2, y - bh, x + bw / 2, y), contents, "round", radius=u * 0.1)
    lay.glint((x - bw / 2 + 2, y - bh + 2, x + bw / 2 - 2, y - bh * 0.88), "round", alpha=90)
    ly0, lh = y - bh * 0.66, bh * 0.42
    ink = _darker(pal.accent, 0.3)
    lay.part(
        (x - bw / 2 + 1, ly0, x + bw / 2 - 1, ly0 + lh),
        _lighter(pal.second, 0.8),
        texture=_label(rng, ink),
        edge=0.3,
    )
    lid_w, lid_h = bw * 0.9, u * 0.13
    top = y - bh - lid_h * 0.8
    metal = rng.choice([_GOLD, _SILVER, pal.accent])
    lay.part(
        (x - lid_w / 2, top, x + lid_w / 2, top + lid_h),
        metal,
        "round",
        radius=u * 0.02,
        texture=_ridges(_darker(metal, 0.5), max(2.0, u * 0.02)),
    )
    if rng.random() < 0.55:
        cloth = pal.pick(rng)
        pts: list[Point] = []
        n = 9
        cw = lid_w * 1.35
        for i in range(n + 1):
            px = x - cw / 2 + cw * i / n
            pts.append((px, top - u * 0.03 - math.sin(math.pi * i / n) * u * 0.05))
        for i in range(n * 2, -1, -1):
            px = x - cw / 2 + cw * i / (2 * n)
            pts.append((px, top + lid_h * 1.25 + (u * 0.03 if i % 2 else 0)))
        lay.part(None, cloth, points=pts, texture=_checks(_WHITE, max(3.0, u * 0.05)))
        lay.part(
            (x - lid_w * 0.55, top + lid_h * 0.7, x + lid_w * 0.55, top + lid_h * 0.95),
            _STRAW,
            shade="flat",
            edge=0.3,
        )
    lay.glint((x - bw * 0.36, y - bh * 0.9, x - bw * 0.26, y - bh * 0.08), "round", alpha=150)
    lay.glint((x + bw * 0.28, y - bh * 0.8, x + bw * 0.33, y - bh * 0.2), "round", alpha=70)
    return bw / 2


def _bottle(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    bw, bh = u * 0.38, u * 0.66
    neck_w, neck_h, shoulder = u * 0.13, u * 0.26, u * 0.16
    glass = _mix(rng.choice([(54, 92, 60), (120, 70, 30), (40, 60, 90)]), pal.main, 0.3)
    top_body = y - bh
    pts: list[Point] = [(x - bw / 2, y), (x - bw / 2, top_body)]
    pts += [
        (
            x - bw / 2 + (bw - neck_w) / 2 * math.sin(math.pi / 2 * i / 6),
            top_body - shoulder * i / 6,
        )
        for i in range(1, 7)
    ]
    pts += [(x - neck_w / 2, top_body - shoulder - neck_h)]
    pts += [(x + neck_w / 2, top_body - shoulder - neck_h)]
    pts += [
        (
            x + bw / 2 - (bw - neck_w) / 2 * math.sin(math.pi / 2 * i / 6),
            top_body - shoulder * i / 6,
        )
        for i in range(6, 0, -1)
    ]
    pts += [(x + bw / 2, top_body), (x + bw / 2, y)]
    lay.part(None, glass, points=pts, alpha=238)
    if rng.random() < 0.5:
        lay.part(
            (x - bw / 2 + 2, y - bh * 0.55, x + bw / 2 - 2, y - 2),
            _mix(glass, (220, 180, 90), 0.5),
            alpha=150,
            edge=0,
        )
    lip = top_body - shoulder - neck_h
    cap = rng.choice([_WOOD, _GOLD, pal.accent])
    lay.part(
        (x - neck_w * 0.62, lip - u * 0.08, x + neck_w * 0.62, lip + u * 0.015),
        cap,
        "round",
        radius=u * 0.015,
    )
    lay.part(
        (x - bw / 2, y - bh * 0.78, x + bw / 2, y - bh * 0.3),
        _lighter(pal.second, 0.82),
        texture=_label(rng, _darker(pal.main, 0.4), 5),
        edge=0.3,
    )
    lay.part(
        (x - neck_w / 2 - 1, lip + neck_h * 0.45, x + neck_w / 2 + 1, lip + neck_h * 0.62),
        pal.accent,
        edge=0.2,
    )
    lay.glint((x - bw * 0.33, top_body + 4, x - bw * 0.22, y - 6), "round", alpha=150)
    lay.glint((x - neck_w * 0.3, lip + 4, x - neck_w * 0.12, top_body - 4), "round", alpha=120)
    return bw / 2


def _etched_glass(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    """Two tumblers with frosted (etched) vines, dots and diamonds; one holds a drink."""
    tint = _mix((150, 176, 184), pal.second, 0.2)
    rim_dark = (*_darker(tint, 0.45), 170)
    r = _rng(rng.random())

    def glass(gx: float, gw: float, gh: float, taper: float, full: bool) -> None:
        top = y - gh

        def half_width(f: float) -> float:  # f = 0 at the bottom, 1 at the rim
            return gw / 2 * (taper + (1 - taper) * f)

        pts = [
            (gx - gw / 2, top),
            (gx + gw / 2, top),
            (gx + half_width(0), y),
            (gx - half_width(0), y),
        ]
        lay.part(None, tint, points=pts, alpha=95, edge=0, light=0.3)
        if full:
            level = r.uniform(0.45, 0.65)
            drink = _mix((196, 112, 36), pal.accent, 0.25)
            lay.part(
                None,
                drink,
                points=[
                    (gx - half_width(level) + 2, y - gh * level),
                    (gx + half_width(level) - 2, y - gh * level),
                    (gx + half_width(0) - 2, y - u * 0.05),
                    (gx - half_width(0) + 2, y - u * 0.05),
                ],
                alpha=170,
                edge=0.3,
                light=0.3,
            )
            lay.part(
                (
                    gx - half_width(level) + 2,
                    y - gh * level - u * 0.02,
                    gx + half_width(level) - 2,
                    y - gh * level + u * 0.02,
                ),
                _lighter(drink, 0.3),
                "ellipse",
                shade="flat",
                alpha=190,
                edge=0.4,
            )
        lay.part(
            (gx - half_width(0), y - u * 0.05, gx + half_width(0), y),
            _lighter(tint, 0.3),
            "round",
            radius=u * 0.02,
            alpha=190,
            edge=0.8,
        )
        lay.part(
            (gx - gw / 2, top - u * 0.03, gx + gw / 2, top + u * 0.03),
            tint,
            "ellipse",
            shade="flat",
            alpha=90,
            edge=1.0,
        )

        def outline(d: ImageDraw.ImageDraw, ox: float, oy: float) -> None:
            for sgn in (-1, 1):
                d.line(
                    (
                        gx + sgn * gw / 2 + ox,
                        top + oy,
                        gx + sgn * half_width(0) + ox,
                        y - u * 0.02 + oy,
                    ),
                    fill=rim_dark,
                    width=2,
                )
            d.arc(
                (gx - gw / 2 + ox, top - u * 0.03 + oy, gx + gw / 2 + ox, top + u * 0.03 + oy),
                0,
                360,
                fill=rim_dark,
                width=1,
            )

        def pattern(d: ImageDraw.ImageDraw, ox: float, oy: float, colour: Colour, a: int) -> None:
            band_y = top + gh * 0.3
            step = gw / 8
            vine = [
                (
                    gx - gw / 2 * 0.85 + i * step * 0.47 + ox,
                    band_y + math.sin(i * 0.9) * gh * 0.05 + oy,
                )
                for i in range(15)
            ]
            d.line(vine, fill=(*colour, a), width=2)
            for i in range(1, 14, 2):
                vx, vy = vine[i]
                d.polygon(
                    _leaf(vx, vy, step * 0.7, step * 0.3, -60 if i % 4 == 1 else 240),
                    fill=(*colour, a),
                )
            for i in range(9):
                _dot(
                    d,
                    gx - gw * 0.4 + i * gw * 0.1 + ox,
                    top + gh * 0.55 + oy,
                    step * 0.14,
                    (*colour, a),
                )
            yy = top + gh * 0.63 + oy
            for i in range(7):
                xx = gx - gw * 0.33 + i * gw * 0.11 + ox
                d.polygon(
                    [
                        (xx, yy),
                        (xx + step * 0.3, yy + step * 0.4),
                        (xx, yy + step * 0.8),
                        (xx - step * 0.3, yy + step * 0.4),
                    ],
                    fill=(*colour, a),
                )

        lay.strokes((gx - gw / 2, top - u * 0.04, gx + gw / 2, y), outline)
        lay.strokes(
            (gx - gw / 2, top, gx + gw / 2 + 2, y + 2),
            lambda d, ox, oy: pattern(d, ox + 1, oy + 1, _darker(tint, 0.5), 70),
        )
        lay.strokes(
            (gx - gw / 2, top, gx + gw / 2, y),
            lambda d, ox, oy: pattern(d, ox, oy, (252, 253, 255), 225),
        )
        lay.glint(
            (gx - gw * 0.38, top + gh * 0.08, gx - gw * 0.3, y - gh * 0.1),
            "round",
            alpha=210,
            blur=0.8,
        )
        lay.glint(
            (gx + gw * 0.28, top + gh * 0.15, gx + gw * 0.33, y - gh * 0.3),
            "round",
            alpha=130,
            blur=0.8,
        )

    side = rng.choice([-1, 1])
    glass(x - side * u * 0.18, u * 0.44, u * 0.9, 0.72, True)
    glass(x + side * u * 0.26, u * 0.36, u * 0.62, 0.8, rng.random() < 0.4)
    return u * 0.45
