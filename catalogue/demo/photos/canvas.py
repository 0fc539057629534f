"""The drawing layer: shading fills (cylinder, vertical, sphere, flat), edge darkening and
``_Layer``, the transparent RGBA layer on which shaded, textured parts, glints and
strokes are composited.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from catalogue.demo.photos.colour import _WHITE, Colour, _darker, _lighter, _mix
from catalogue.demo.photos.shapes import Box, Point

Texture = Callable[[ImageDraw.ImageDraw, int, int], None]


def _tone(base: Colour, v: float) -> Colour:
    """v > 0 moves toward a highlight, v < 0 toward a shadow tone of `base`."""
    if v >= 0:
        return _mix(base, _lighter(base, 0.6), v)
    return _mix(base, _darker(base, 0.65), -v)


@lru_cache(maxsize=1024)
def _strip(base: Colour, mode: str, light: float) -> Image.Image:
    n = 64
    values = []
    for i in range(n):
        t = i / (n - 1)
        if mode == "cyl":
            v = 0.6 * math.cos(math.pi * (t - light)) - 0.6 * abs(2 * t - 1) ** 4
        else:  # "vert": lit from above
            v = 0.35 - 0.85 * t
        values.append(_tone(base, v))
    strip = Image.new("RGB", (n, 1) if mode == "cyl" else (1, n))
    strip.putdata(values)
    return strip


@lru_cache(maxsize=256)
def _sphere_map(base: Colour) -> Image.Image:
    return ImageOps.colorize(
        Image.radial_gradient("L"),
        black=_lighter(base, 0.55),
        white=_darker(base, 0.7),
        mid=base,
        midpoint=110,
    )


def _shading(w: int, h: int, base: Colour, mode: str, light: float) -> Image.Image:
    if mode == "flat":
        return Image.new("RGB", (w, h), base)
    if mode == "sphere":
        span = 150
        x0 = 128 - light * span
        y0 = 128 - 0.4 * span
        region = _sphere_map(base).crop((round(x0), round(y0), round(x0 + span), round(y0 + span)))
        return region.resize((w, h), Image.Resampling.BILINEAR)
    return _strip(base, mode, light).resize((w, h), Image.Resampling.BILINEAR)


_EDGE_LUTS: dict[int, list[int]] = {}


def _edge_lut(strength: float) -> list[int]:
    key = round(strength * 100)
    if key not in _EDGE_LUTS:
        _EDGE_LUTS[key] = [round(v * key / 100) for v in range(256)]
    return _EDGE_LUTS[key]


class _Layer:
    """A transparent RGBA layer on which object parts are composited."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.image = Image.new("RGBA", size, (0, 0, 0, 0))

    def _composite(self, img: Image.Image, x: int, y: int) -> None:
        width, height = self.image.size
        cx0, cy0 = max(0, -x), max(0, -y)
        cx1, cy1 = min(img.width, width - x), min(img.height, height - y)
        if cx1 <= cx0 or cy1 <= cy0:
            return
        if (cx0, cy0, cx1, cy1) != (0, 0, img.width, img.height):
            img = img.crop((cx0, cy0, cx1, cy1))
        self.image.alpha_composite(img, (x + cx0, y + cy0))

    @staticmethod
    def _mask(
        box: Box | None, shape: str, points: Sequence[Point] | None, radius: float, alpha: int
    ) -> tuple[Image.Image, int, int]:
        if points is not None:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
        assert box is not None
        x0, y0, x1, y1 = box
        ix0, iy0 = math.floor(min(x0, x1)), math.floor(min(y0, y1))
        w = max(2, math.ceil(max(x0, x1)) - ix0 + 1)
        h = max(2, math.ceil(max(y0, y1)) - iy0 + 1)
        mask = Image.new("L", (w, h), 0)
        md = ImageDraw.Draw(mask)
        if points is not None:
            md.polygon([(px - ix0, py - iy0) for px, py in points], fill=alpha)
        elif shape == "ellipse":
            md.ellipse((0, 0, w - 1, h - 1), fill=alpha)
        elif shape == "round":
            r = int(min(radius, (w - 1) / 2, (h - 1) / 2))
            md.rounded_rectangle((0, 0, w - 1, h - 1), radius=max(r, 0), fill=alpha)
        else:
            md.rectangle((0, 0, w - 1, h - 1), fill=alpha)
        return mask, ix0, iy0

    def part(
        self,
        box: Box | None,
        colour: Colour,
        shape: str = "rect",
        *,
        points: Sequence[Point] | None = None,
        radius: float = 0.0,
        shade: str = "cyl",
        light: float = 0.35,
        alpha: int = 255,
        edge: float = 0.55,
        texture: Texture | None = None,
    ) -> None:
        """Composite a shaded, optionally textured shape (rect/round/ellipse/polygon)."""
        mask, x, y = self._mask(box, shape, points, radius, alpha)
        w, h = mask.size
        fill = _shading(w, h, colour, shade, light)
        if texture is not None:
            texture(ImageDraw.Draw(fill, "RGBA"), w, h)
        if edge > 0 and w > 4 and h > 4:
            ring = ImageChops.subtract(mask, mask.filter(ImageFilter.MinFilter(3)))
            fill.paste(_darker(colour, 0.55), (0, 0), ring.point(_edge_lut(edge)))
        fill.putalpha(mask)
        self._composite(fill, x, y)

    def glint(
        self,
        box: Box | None,
        shape: str = "ellipse",
        *,
        points: Sequence[Point] | None = None,
        alpha: int = 120,
        blur: float = 1.2,
        colour: Colour = _WHITE,
    ) -> None:
        """Soft translucent highlight (or shadow, with a dark colour)."""
        mask, x, y = self._mask(box, shape, points, 1e4, alpha)  # pill-shaped 'round'
        pad = math.ceil(blur * 3)
        if pad:
            padded = Image.new("L", (mask.width + 2 * pad, mask.height + 2 * pad), 0)
            padded.paste(mask, (pad, pad))
            mask = padded.filter(ImageFilter.GaussianBlur(blur))
            x, y = x - pad, y - pad
        img = Image.new("RGBA", mask.size, (*colour, 0))
        img.putalpha(mask)
        self._composite(img, x, y)

    def strokes(self, box: Box, draw: Callable[[ImageDraw.ImageDraw, float, float], None]) -> None:
        """Draw translucent strokes/dots via `draw(d, ox, oy)` in layer coordinates."""
        x0, y0, x1, y1 = box
        ix0, iy0 = math.floor(x0), math.floor(y0)
        w, h = max(1, math.ceil(x1) - ix0 + 1), max(1, math.ceil(y1) - iy0 + 1)
        img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        draw(ImageDraw.Draw(img), -ix0, -iy0)
        self._composite(img, ix0, iy0)
