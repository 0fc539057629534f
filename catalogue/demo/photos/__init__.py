"""Procedurally drawn product photos for the demo catalogue.

Demo-only.  The demo loads a sample producer network whose products need pictures, and the
project must not ship or download third-party photographs.  This package draws a stylised
"product on a studio backdrop" from simple shapes instead: a gradient backdrop with a
horizon, a soft shadow, a shaded object with motif-specific texture, an optional prop, film
grain and a vignette.  The images are deliberately large (2400 px on the long side by
default) so that the print paths (300 ppi) are exercised with realistic pixel counts.

Speed matters because the demo renders a few hundred pictures: the scene is drawn at a third
of the final resolution, upscaled with bicubic filtering and then given full-resolution grain.
Everything is deterministic: all randomness comes from a ``random.Random`` seeded from the
arguments (Pillow's ``Image.effect_noise`` uses the C library's global generator, so it is not
used), which makes ``encode_jpeg(render_product_photo(...))`` byte-identical across calls and
processes for the same arguments and Pillow build.

Nothing here is meant for production use.

The package is split by what the modules hold: ``colour`` (palette parsing and mixing),
``seeding`` (the seeded generator), ``shapes`` (geometry and small drawing primitives),
``canvas`` (shading and the compositing layer), ``textures`` (surface patterns), ``scene``
(backdrop, shadow, props, vignette, grain) and one ``motifs_*`` module per kind of product.
This module holds the public API, the motif registry and the render orchestration.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image

from catalogue.demo.photos.canvas import _Layer
from catalogue.demo.photos.colour import _WHITE, _choose_palette, _Palette, _parse_colour
from catalogue.demo.photos.motifs_ceramics import _bowl, _vase
from catalogue.demo.photos.motifs_consumables import _chocolate, _plant_bundle, _soap
from catalogue.demo.photos.motifs_containers import _basket, _cream_tin, _lacquer_box, _tea_box
from catalogue.demo.photos.motifs_glass import _bottle, _etched_glass, _jar
from catalogue.demo.photos.motifs_jewellery import _earrings, _necklace, _ring
from catalogue.demo.photos.motifs_leather import _handbag, _moccasins
from catalogue.demo.photos.motifs_paper import _art_print, _book, _bookmark
from catalogue.demo.photos.motifs_textiles import _doll, _knitwear, _scarf, _table_linen
from catalogue.demo.photos.scene import _add_grain, _backdrop, _glow, _prop, _shadow, _vignette
from catalogue.demo.photos.seeding import _rng

__all__ = ["MOTIFS", "encode_jpeg", "render_product_photo"]

MOTIFS: tuple[str, ...] = (
    "jar",
    "bottle",
    "soap",
    "cream_tin",
    "scarf",
    "knitwear",
    "table_linen",
    "basket",
    "bowl",
    "vase",
    "ring",
    "necklace",
    "earrings",
    "chocolate",
    "tea_box",
    "book",
    "art_print",
    "doll",
    "moccasins",
    "bookmark",
    "etched_glass",
    "handbag",
    "lacquer_box",
    "plant_bundle",
)

_NEUTRAL_PALETTE = ("#8a7968", "#c8b9a6", "#52606d", "#a3896b")
_MIN_SIDE = 64
_MAX_SIDE = 10_000

_RESAMPLE = Image.Resampling.BICUBIC


# Every drawer gets the layer, the bottom-centre (x, y) of the object on the floor, a size
# unit u (objects are roughly u tall) and returns the half-width of its footprint.
Drawer = Callable[[_Layer, float, float, float, _Palette, random.Random], float]

_DRAWERS: dict[str, Drawer] = {
    "jar": _jar,
    "bottle": _bottle,
    "soap": _soap,
    "cream_tin": _cream_tin,
    "scarf": _scarf,
    "knitwear": _knitwear,
    "table_linen": _table_linen,
    "basket": _basket,
    "bowl": _bowl,
    "vase": _vase,
    "ring": _ring,
    "necklace": _necklace,
    "earrings": _earrings,
    "chocolate": _chocolate,
    "tea_box": _tea_box,
    "book": _book,
    "art_print": _art_print,
    "doll": _doll,
    "moccasins": _moccasins,
    "bookmark": _bookmark,
    "etched_glass": _etched_glass,
    "handbag": _handbag,
    "lacquer_box": _lacquer_box,
    "plant_bundle": _plant_bundle,
}


# Approximate (height, width) of each drawing in units of u, used to frame the object.
_EXTENTS: dict[str, tuple[float, float]] = {
    "jar": (0.9, 0.7),
    "bottle": (1.12, 0.45),
    "soap": (0.7, 0.9),
    "cream_tin": (0.5, 1.3),
    "scarf": (0.52, 1.0),
    "knitwear": (0.66, 0.95),
    "table_linen": (0.56, 1.0),
    "basket": (1.05, 0.95),
    "bowl": (0.58, 1.0),
    "vase": (1.35, 0.95),
    "ring": (0.95, 0.55),
    "necklace": (1.1, 0.8),
    "earrings": (1.05, 0.75),
    "chocolate": (0.95, 0.95),
    "tea_box": (0.95, 1.2),
    "book": (0.97, 0.9),
    "art_print": (1.08, 0.86),
    "doll": (1.0, 0.5),
    "moccasins": (0.45, 1.1),
    "bookmark": (1.1, 1.1),
    "etched_glass": (0.95, 0.9),
    "handbag": (1.02, 0.9),
    "lacquer_box": (0.6, 1.05),
    "plant_bundle": (0.6, 1.35),
}


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be a (width, height) pair of integers, got {size!r}") from None
    if not (_MIN_SIDE <= width <= _MAX_SIDE and _MIN_SIDE <= height <= _MAX_SIDE):
        raise ValueError(
            f"size {size!r} out of range; each side must be {_MIN_SIDE}..{_MAX_SIDE} pixels"
        )
    return width, height


def render_product_photo(
    motif: str,
    palette: Sequence[str],
    seed: int,
    size: tuple[int, int] = (2400, 1800),
) -> Image.Image:
    """Return an RGB image of a stylised product `motif` coloured from `palette` (hex strings
    like "#1f3b73"), deterministic for the same arguments."""
    if motif not in _DRAWERS:
        raise ValueError(f"unknown motif {motif!r}; allowed motifs: {', '.join(MOTIFS)}")
    colours = [_parse_colour(c) for c in palette]
    if not colours:
        colours = [_parse_colour(c) for c in _NEUTRAL_PALETTE]
    width, height = _check_size(size)

    rng = _rng(f"catalogue.demo.photos:{motif}:{int(seed)}")
    factor = 3 if min(width, height) >= 600 else 1
    w, h = math.ceil(width / factor), math.ceil(height / factor)
    pal = _choose_palette(colours, rng)

    horizon = h * rng.uniform(0.48, 0.6)
    floor_style = rng.choice(["sweep", "sweep", "wood", "linen", "stone"])
    bg = _backdrop(w, h, horizon, pal, rng, floor_style)
    x = w * (0.5 + rng.uniform(-0.06, 0.06))
    y = horizon + (h - horizon) * rng.uniform(0.5, 0.62)
    ext_h, ext_w = _EXTENTS[motif]
    u = min(
        h * rng.uniform(0.46, 0.56) / ext_h,
        w * rng.uniform(0.44, 0.52) / ext_w,
        (y - h * 0.06) / ext_h,
    )
    _glow(bg, x - w * 0.05, horizon - h * 0.15, w * 0.55, h * 0.5, _WHITE, 80)

    layer = _Layer((w, h))
    half = _DRAWERS[motif](layer, x, y, u, pal, rng)
    prop = rng.choice(["none", "none", "leaf", "cloth", "pebbles"])
    if prop != "none":
        _prop(bg, x, y, u, half, pal, rng, prop, 1 if x < w / 2 else -1)
    _shadow(bg, x, y, half, u, pal.floor)

    box = layer.image.getbbox()
    if box is not None:
        pad = 4
        x0, y0 = max(0, box[0] - pad), max(0, box[1] - pad)
        x1, y1 = min(w, box[2] + pad), min(h, box[3] + pad)
        obj = layer.image.crop((x0, y0, x1, y1))
        angle = rng.uniform(-2.5, 2.5)
        obj = (
            obj.convert("RGBa")
            .rotate(angle, resample=Image.Resampling.BICUBIC, center=(x - x0, y - y0))
            .convert("RGBA")
        )
        bg.paste(obj, (x0, y0), obj)

    _vignette(bg, rng.randint(70, 110))
    img = bg.resize((width, height), _RESAMPLE) if factor != 1 else bg
    return _add_grain(img, rng)


def encode_jpeg(image: Image.Image, quality: int = 88) -> bytes:
    """JPEG bytes, deterministic, no EXIF/ICC, progressive off, optimize on."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    buf = io.BytesIO()
    rgb.save(
        buf,
        format="JPEG",
        quality=quality,
        optimize=True,
        progressive=False,
        subsampling="4:2:0",
        exif=b"",
        icc_profile=None,
        comment="",
    )
    return buf.getvalue()
