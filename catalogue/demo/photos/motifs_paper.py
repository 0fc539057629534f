"""Paper motifs: the book, the framed art print and the bookmarks on a book."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import (
    _GOLD,
    _INK,
    _PAPER,
    _WOOD,
    Colour,
    _darker,
    _lighter,
    _mix,
    _Palette,
)
from catalogue.demo.photos.seeding import _rng
from catalogue.demo.photos.shapes import _bar, _dot, _rotate, _text_block
from catalogue.demo.photos.textures import _combine, _hbands, _ridges


def _book(lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random) -> float:
    # a book lying underneath
    lw, lh = u * 0.88, u * 0.12
    under = pal.second
    lay.part(
        (x - lw / 2, y - lh, x + lw / 2, y),
        _PAPER,
        shade="vert",
        texture=_hbands([(0.0, 0.2, under), (0.8, 1.0, under)]),
        edge=0.6,
    )
    lay.part((x - lw / 2 - 2, y - lh, x - lw / 2 + u * 0.05, y), under, "round", radius=3)
    lay.strokes(
        (x - lw / 2, y - lh, x + lw / 2, y),
        lambda d, ox, oy: [
            d.line(
                (
                    x - lw / 2 + u * 0.06 + ox,
                    y - lh * k / 6 + oy,
                    x + lw / 2 + ox,
                    y - lh * k / 6 + oy,
                ),
                fill=(*_darker(_PAPER, 0.2), 200),
            )
            for k in range(2, 5)
        ],
    )
    # the standing book
    w, h, depth = u * 0.56, u * 0.82, u * 0.12
    c = pal.main
    bx0 = x - w / 2 - depth / 3
    by1 = y - lh
    lay.part(
        None,
        _PAPER,
        points=[
            (bx0 + w, by1 - h),
            (bx0 + w + depth, by1 - h - depth * 0.6),
            (bx0 + w + depth, by1 - depth * 0.6),
            (bx0 + w, by1),
        ],
        shade="vert",
        texture=_ridges(_darker(_PAPER, 0.25), 2, 140),
        edge=0.5,
    )
    lay.part(
        None,
        _darker(c, 0.2),
        points=[
            (bx0, by1 - h),
            (bx0 + depth, by1 - h - depth * 0.6),
            (bx0 + w + depth, by1 - h - depth * 0.6),
            (bx0 + w, by1 - h),
        ],
        shade="flat",
        edge=0.5,
    )
    seed = rng.random()

    def cover(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        gold = (*_lighter(pal.accent, 0.2), 255)
        d.rectangle((0, 0, w_ * 0.08, h_), fill=(*_darker(c, 0.3), 255))
        m = w_ * 0.14
        d.rectangle((m, m, w_ - m * 0.6, h_ - m * 0.8), outline=gold, width=1)
        _text_block(d, (m * 1.5, h_ * 0.12, w_ - m, h_ * 0.36), gold[:3], r, 2)
        _dot(d, w_ * 0.55, h_ * 0.58, w_ * 0.16, gold)
        _dot(d, w_ * 0.55, h_ * 0.58, w_ * 0.12, (*c, 255))
        _text_block(d, (m * 1.8, h_ * 0.78, w_ - m * 1.2, h_ * 0.88), gold[:3], r, 1)

    lay.part((bx0, by1 - h, bx0 + w, by1), c, light=0.25, texture=cover, edge=0.6)
    return lw / 2


def _art_print(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    w, h = u * 0.86, u * 1.08
    frame = rng.choice([_WOOD, (40, 38, 40), (232, 226, 214), _GOLD])
    fw = u * 0.055
    x0, y0 = x - w / 2, y - h
    lay.part((x0, y0, x0 + w, y), frame, shade="cyl", edge=0.8)
    lay.part((x0 + fw, y0 + fw, x0 + w - fw, y - fw), _PAPER, shade="vert", edge=0.9)
    m = u * 0.1
    ax0, ay0, ax1, ay1 = x0 + m, y0 + m, x0 + w - m, y - m * 1.15
    sky = _lighter(pal.second, 0.55)
    seed = rng.random()
    hills = [pal.main, pal.accent, _darker(pal.main, 0.3)]

    def art(d: ImageDraw.ImageDraw, w_: int, h_: int) -> None:
        r = _rng(seed)
        _dot(d, w_ * r.uniform(0.25, 0.75), h_ * 0.3, w_ * 0.13, (*_lighter(pal.accent, 0.25), 255))
        for k, hc in enumerate(hills):
            base = h_ * (0.5 + 0.15 * k)
            pts = [(0.0, float(h_))]
            for i in range(9):
                pts.append((w_ * i / 8, base + math.sin(i * 0.9 + r.uniform(0, 3)) * h_ * 0.07))
            pts.append((float(w_), float(h_)))
            d.polygon(pts, fill=(*hc, 255))
        for _ in range(3):
            bx, by = r.uniform(0.2, 0.8) * w_, r.uniform(0.12, 0.3) * h_
            d.line([(bx - 4, by - 2), (bx, by), (bx + 4, by - 2)], fill=(*_INK, 200), width=1)

    lay.part((ax0, ay0, ax1, ay1), sky, shade="vert", texture=art, edge=0.4)
    lay.strokes(
        (x0, y0, x0 + w, y),
        lambda d, ox, oy: _bar(
            d,
            (x - w * 0.12 + ox, ay1 + m * 0.4 + oy, x + w * 0.12 + ox, ay1 + m * 0.5 + oy),
            (*_darker(_PAPER, 0.4), 255),
        ),
    )
    lay.glint(
        None,
        points=[
            (x0 + w * 0.55, y0 + fw),
            (x0 + w * 0.75, y0 + fw),
            (x0 + w * 0.35, y - fw),
            (x0 + w * 0.15, y - fw),
        ],
        alpha=40,
        blur=3,
    )
    return w / 2


def _bookmark(
    lay: _Layer, x: float, y: float, u: float, pal: _Palette, rng: random.Random
) -> float:
    bw, bh, depth = u * 0.9, u * 0.14, u * 0.18
    cover = pal.second
    x0 = x - bw / 2
    # book lying flat, seen from the front
    lay.part(
        None,
        _lighter(cover, 0.12),
        points=[
            (x0, y - bh),
            (x0 + depth, y - bh - depth * 0.7),
            (x0 + bw + depth, y - bh - depth * 0.7),
            (x0 + bw, y - bh),
        ],
        shade="flat",
        edge=0.5,
    )
    seed = rng.random()
    cols = [pal.main, pal.accent, _mix(pal.main, pal.accent, 0.5)]
    n = 3
    for k in range(n):
        sx = x0 + bw * (0.22 + 0.24 * k) + depth * 0.4
        sw, sh = u * 0.13, u * rng.uniform(0.62, 0.82)
        top = y - bh - depth * 0.3 - sh
        c = cols[k % len(cols)]

        def strip_tex(d: ImageDraw.ImageDraw, w_: int, h_: int, c: Colour = c, k: int = k) -> None:
            r = _rng(seed + k)
            step = max(4.0, w_ / 4)
            yy = step
            while yy < h_ - step:
                for j in range(3):
                    _dot(
                        d,
                        w_ * (0.25 + 0.25 * j),
                        yy,
                        step * 0.28,
                        (*_lighter(cols[(j + k + 1) % 3], 0.3), 255),
                    )
                yy += step * r.choice([1.0, 1.2])
            d.rectangle((0, 0, w_, h_), outline=(*_lighter(c, 0.5), 200), width=1)

        pts = [(sx, top), (sx + sw, top), (sx + sw, top + sh), (sx, top + sh)]
        pts = _rotate(pts, sx + sw / 2, top + sh, (k - 1) * 7)
        lay.part(None, c, points=pts, texture=strip_tex, edge=0.6)
        tx, ty = (pts[0][0] + pts[1][0]) / 2, (pts[0][1] + pts[1][1]) / 2
        tcol = (*_lighter(cols[(k + 1) % 3], 0.1), 255)

        def tassel(
            d: ImageDraw.ImageDraw,
            ox: float,
            oy: float,
            tx: float = tx,
            ty: float = ty,
            tcol: tuple[int, ...] = tcol,
        ) -> None:
            for j in range(-3, 4):
                d.line(
                    (tx + ox, ty + oy - u * 0.1, tx + j * u * 0.012 + ox, ty + oy - u * 0.02),
                    fill=tcol,
                    width=2,
                )
            _dot(d, tx + ox, ty + oy - u * 0.11, u * 0.02, tcol)

        lay.strokes((tx - u * 0.1, ty - u * 0.15, tx + u * 0.1, ty + 2), tassel)
    lay.part(
        None,
        _darker(cover, 0.2),
        points=[
            (x0 + bw, y - bh),
            (x0 + bw + depth, y - bh - depth * 0.7),
            (x0 + bw + depth, y - depth * 0.7),
            (x0 + bw, y),
        ],
        shade="flat",
        edge=0.5,
    )
    lay.part(
        (x0, y - bh, x0 + bw, y),
        _PAPER,
        shade="vert",
        texture=_combine(
            _hbands([(0.0, 0.18, cover), (0.82, 1.0, cover)]),
            _hbands([(k / 8, k / 8 + 0.02, _darker(_PAPER, 0.2)) for k in range(2, 7)], 160),
        ),
        edge=0.6,
    )
    return bw / 2 + depth / 2
