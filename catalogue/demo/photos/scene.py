"""The studio scene around the object: backdrop with floor styles, light glow, soft
shadows, optional props, vignette and film grain.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import _GREEN, _WOOD, Colour, _darker, _lighter, _mix, _Palette
from catalogue.demo.photos.shapes import _dot, _leaf, _rotate
from catalogue.demo.photos.textures import _stripes

_GRAIN_TILE = 509
_GRAIN_AMPLITUDE = 5.0


def _backdrop(
    w: int, h: int, horizon: float, pal: _Palette, rng: random.Random, floor_style: str
) -> Image.Image:
    wall_top = _darker(pal.backdrop, 0.14)
    wall_low = _lighter(pal.backdrop, 0.3)
    floor = pal.floor
    if floor_style == "wood":
        floor = _mix(_WOOD, pal.floor, 0.35)
    floor_far = _lighter(floor, 0.18)
    floor_near = _darker(floor, 0.12)
    soft = h * 0.09 if floor_style == "sweep" else 0.8
    column = []
    for yy in range(h):
        wall = _mix(wall_top, wall_low, (yy / max(horizon, 1)) ** 0.8)
        ground = _mix(floor_far, floor_near, (yy - horizon) / max(h - horizon, 1))
        t = min(1.0, max(0.0, (yy - horizon + soft) / (2 * soft)))
        t = t * t * (3 - 2 * t)
        column.append(_mix(wall, ground, t))
    strip = Image.new("RGB", (1, h))
    strip.putdata(column)
    bg = strip.resize((w, h), Image.Resampling.NEAREST)
    d = ImageDraw.Draw(bg, "RGBA")
    if floor_style == "wood":
        y0 = horizon
        gap = h * 0.03
        k = 0
        while y0 < h:
            d.line((0, y0, w, y0), fill=(*_darker(floor, 0.45), 150), width=1)
            for _ in range(6):
                gy = y0 + rng.uniform(0, gap)
                pts = [
                    (float(xx), gy + math.sin(xx / rng.uniform(30, 90) + k) * 1.2)
                    for xx in range(0, w + 20, 20)
                ]
                d.line(pts, fill=(*_darker(floor, rng.uniform(0.1, 0.3)), 60), width=1)
            y0 += gap
            gap *= 1.28
            k += 1
    elif floor_style == "linen":
        step = 3
        for yy in range(int(horizon), h, step):
            d.line((0, yy, w, yy), fill=(*_darker(floor, 0.2), 40))
        for xx in range(0, w, step):
            d.line((xx, horizon, xx, h), fill=(*_lighter(floor, 0.3), 40))
    elif floor_style == "stone":
        for _ in range(w * (h - int(horizon)) // 60):
            sx, sy = rng.uniform(0, w), rng.uniform(horizon, h)
            c = _darker(floor, 0.3) if rng.random() < 0.6 else _lighter(floor, 0.5)
            _dot(d, sx, sy, rng.uniform(0.4, 1.1), (*c, 90))
    if floor_style != "sweep":
        d.line((0, horizon, w, horizon), fill=(*_darker(floor, 0.4), 150), width=1)
        d.line((0, horizon + 1, w, horizon + 1), fill=(*_lighter(floor, 0.4), 90), width=1)
    return bg


def _glow(
    bg: Image.Image, cx: float, cy: float, rx: float, ry: float, colour: Colour, strength: int
) -> None:
    """Brighten (or darken) around (cx, cy) with a soft radial falloff."""
    g = Image.radial_gradient("L").resize(
        (max(2, int(rx * 2)), max(2, int(ry * 2))), Image.Resampling.BILINEAR
    )
    lut = [round(strength * max(0.0, 1 - v / 181) ** 1.5) for v in range(256)]
    bg.paste(colour, (int(cx - rx), int(cy - ry)), g.point(lut))


def _vignette(img: Image.Image, strength: int) -> None:
    w, h = img.size
    g = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
    lut = [round(strength * max(0.0, (v - 110) / 145) ** 1.6) for v in range(256)]
    img.paste((20, 16, 18), (0, 0), g.point(lut))


def _shadow(bg: Image.Image, x: float, y: float, half: float, u: float, floor: Colour) -> None:
    dark = _darker(floor, 0.6)
    for sw, sh, blur, alpha, dx in (
        (half * 2.4, max(u * 0.09, half * 0.3), u * 0.045, 120, u * 0.06),
        (half * 2.0, u * 0.03, u * 0.01, 150, u * 0.01),
    ):
        pad = math.ceil(blur * 3)
        mask = Image.new("L", (int(sw) + 2 * pad, int(sh) + 2 * pad), 0)
        ImageDraw.Draw(mask).ellipse((pad, pad, pad + int(sw), pad + int(sh)), fill=alpha)
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
        bg.paste(dark, (int(x - sw / 2 - pad + dx), int(y - sh * 0.6 - pad)), mask)


def _prop(
    bg: Image.Image,
    x: float,
    y: float,
    u: float,
    half: float,
    pal: _Palette,
    rng: random.Random,
    kind: str,
    side: int,
) -> None:
    w, h = bg.size
    lay = _Layer((w, h))
    if kind == "leaf":
        sx = x + side * (half + u * rng.uniform(0.2, 0.35))
        sy = y + u * rng.uniform(0.05, 0.15)
        base_angle = (200 if side > 0 else -20) + rng.uniform(-20, 20)
        stem_end = _rotate([(sx + u * 0.35, sy)], sx, sy, base_angle)[0]
        lay.strokes(
            (
                min(sx, stem_end[0]) - 2,
                min(sy, stem_end[1]) - 2,
                max(sx, stem_end[0]) + 2,
                max(sy, stem_end[1]) + 2,
            ),
            lambda d, ox, oy: d.line(
                (sx + ox, sy + oy, stem_end[0] + ox, stem_end[1] + oy),
                fill=(*_darker(_GREEN, 0.2), 255),
                width=2,
            ),
        )
        green = _mix(_GREEN, pal.second, 0.15)
        for k in range(5):
            t = (k + 1) / 6
            px, py = sx + (stem_end[0] - sx) * t, sy + (stem_end[1] - sy) * t
            ang = base_angle + (40 if k % 2 else -40)
            lay.part(
                None,
                _mix(green, (150, 170, 110), rng.random() * 0.5),
                points=_leaf(px, py, u * 0.14, u * 0.055, ang),
                shade="flat",
                edge=0.6,
            )
        _shadow(bg, sx + (stem_end[0] - sx) / 2, sy + u * 0.02, u * 0.15, u * 0.5, pal.floor)
    elif kind == "cloth":
        cloth = _lighter(pal.pick(rng), 0.45)
        cx = 0 if side < 0 else w
        pts = [
            (cx, h * rng.uniform(0.72, 0.82)),
            (cx + side * -w * rng.uniform(0.25, 0.35), h),
            (cx, h),
        ]
        lay.part(
            None,
            cloth,
            points=pts,
            shade="vert",
            texture=_stripes([_darker(cloth, 0.2)], max(5.0, u * 0.06), 120, 0.4),
            edge=0.5,
        )
        hem = [(pts[0][0], pts[0][1]), (pts[1][0], pts[1][1])]
        lay.strokes(
            (0, h * 0.6, w, h),
            lambda d, ox, oy: d.line(
                [(px + ox, py + oy - 3) for px, py in hem],
                fill=(*_darker(cloth, 0.3), 200),
                width=1,
            ),
        )
    elif kind == "pebbles":
        for _ in range(3):
            px = x + side * (half + u * rng.uniform(0.15, 0.4))
            py = y + u * rng.uniform(0.0, 0.15)
            r = u * rng.uniform(0.04, 0.07)
            c = _mix((150, 146, 140), pal.second, 0.2)
            _shadow(bg, px, py + r * 0.4, r, u * 0.3, pal.floor)
            lay.part(
                (px - r * 1.3, py - r, px + r * 1.3, py + r * 0.6),
                c,
                "ellipse",
                shade="sphere",
                edge=0.4,
            )
    bg.paste(lay.image, (0, 0), lay.image)


@lru_cache(maxsize=8)
def _grain_lut(amplitude: float) -> list[int]:
    lut = []
    for v in range(256):
        q = (v + 0.5) / 256
        tri = math.sqrt(2 * q) - 1 if q < 0.5 else 1 - math.sqrt(2 - 2 * q)
        lut.append(128 + round(amplitude * tri))
    return lut


def _add_grain(img: Image.Image, rng: random.Random) -> Image.Image:
    """Add monochrome film grain from a seeded tile (deterministic, unlike effect_noise)."""
    w, h = img.size
    t = min(_GRAIN_TILE, w, h)
    tile = Image.frombytes("L", (t, t), rng.randbytes(t * t)).point(_grain_lut(_GRAIN_AMPLITUDE))
    noise = Image.new("L", (w, h))
    for yy in range(0, h, t):
        for xx in range(0, w, t):
            noise.paste(tile, (xx, yy))
    return ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)
