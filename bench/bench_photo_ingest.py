"""Photo ingest of 12 MP phone photos (issue #8, point 4), against an honest peer.

The app: ``ingest`` as an upload calls it (two threads): the stripped original, the four sized
copies (print, screen, web, thumbnail), the dominant colour and the quality report.

The peer: plain Pillow, decoding once - ``Image.open``, upright (EXIF orientation, in place),
then the same five files from those pixels: the original re-encoded at quality 95 with the
upload's chroma subsampling, and print (long edge 2126, q92, baseline), screen (half the
print, q84, baseline), web (1600, q84, optimised Huffman) and thumbnail (400, likewise), each
a LANCZOS ``resize`` of the full decode. One thread, no colour, no quality report.

The photos: 4000 x 3000 JPEGs made by code like a phone's (seeded gradients of light, a
vignette, objects with hard edges, texture at several scales, a slightly soft lens, sensor noise
strong in luma and weaker in colour; quality 92, 4:2:0, camera EXIF with GPS), 3-6 MB each,
cached under ``bench/results/cache/``.

Timing: each photo through the app and through the peer, interleaved (the order swapped every
round) and repeated; medians of wall time and of CPU time (this process, all threads) per photo.

Quality: each copy of the app and of the peer is decoded and compared with the LANCZOS
reference (the full decode resized with LANCZOS to the copy's size, not encoded): PSNR in dB
over RGB. The peer's copy then only differs by its JPEG encoding; the app's copy may not be
more than 1 dB worse than the peer's (target, issue #8).

Targets (issue #8): <= 120 ms wall and <= 150 ms CPU per photo, >= 2.5x faster than the peer.
"""

from __future__ import annotations

import io
import math
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps, ImageStat, JpegImagePlugin

from bench.common import Figure
from catalogue.media.derivatives import fit_size
from catalogue.media.models import DerivativeKind
from catalogue.media.pipeline import (
    ORIGINAL_QUALITY,
    PRINT_LONG_EDGE,
    PRINT_QUALITY,
    THUMB_EDGE,
    WEB_EDGE,
    WEB_QUALITY,
    ingest,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "results" / "cache" / "phone-photos-v2"
SIZE = (4000, 3000)
PHOTOS = 6
ROUNDS = 3
TARGET_MS = 120.0
TARGET_CPU_MS = 150.0
TARGET_RATIO = 2.5
TARGET_PSNR_LOSS = 1.0
# Kept for bench_catalogue_pdf, which draws its booklet photos with the demo's renderer.
PALETTES = [
    ("#8a3b12", "#f2e8d5", "#2f5d50"),
    ("#1f3b73", "#e8e1d0", "#c2452d"),
    ("#4a6b3a", "#efe6d2", "#a8632a"),
]
LANCZOS = Image.Resampling.LANCZOS


# The photos ------------------------------------------------------------------------------------


def _noise(rng: random.Random, size: tuple[int, int], sigma: float) -> Image.Image:
    """Seeded Gaussian noise around 128: uniform bytes through the inverse normal CDF."""
    normal = NormalDist(128, sigma)
    lut = [max(0, min(255, round(normal.inv_cdf((i + 0.5) / 256)))) for i in range(256)]
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(lut)


def _add(image: Image.Image, grey: Image.Image) -> Image.Image:
    """``image`` plus ``grey`` - 128 on every channel."""
    return ImageChops.add(image, Image.merge("RGB", [grey] * 3), 1.0, -128)


def phone_photo(seed: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """A camera-like scene: gradients, vignette, detail, texture, soft lens, sensor noise."""
    rng = random.Random(seed)
    w, h = size
    light = Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(size)
    vignette = Image.radial_gradient("L").resize(size).point(lambda v: 255 - v // 3)
    bright = tuple(rng.randrange(60, 230) for _ in range(3))
    dark = tuple(rng.randrange(10, 120) for _ in range(3))
    base = Image.composite(Image.new("RGB", size, dark), Image.new("RGB", size, bright), light)
    base = ImageChops.multiply(base, Image.merge("RGB", [vignette] * 3))
    draw = ImageDraw.Draw(base)
    for _ in range(1800):  # threads, beads, labels: hard edges at many sizes
        x, y = rng.randrange(w), rng.randrange(h)
        r = int(rng.expovariate(1 / 40)) + 2
        colour = tuple(rng.randrange(256) for _ in range(3))
        kind = rng.random()
        if kind < 0.4:
            end = (x + rng.randint(-400, 400), y + rng.randint(-400, 400))
            draw.line((x, y, *end), fill=colour, width=rng.randint(1, 4))
        elif kind < 0.8:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline=(0, 0, 0))
        else:
            draw.rectangle((x, y, x + r * 3, y + r), fill=colour)
    for _ in range(6):  # the products, large in the middle
        x, y, r = rng.randrange(w // 5, w * 4 // 5), rng.randrange(h // 5, h * 4 // 5), 400
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse(
            (x - r, y - r // 2, x + r, y + r // 2), fill=colour, outline=(20, 20, 20), width=6
        )
    for factor, sigma in ((16, 18), (4, 10)):  # texture: fabric, wood, paper
        texture = _noise(rng, (w // factor, h // factor), sigma)
        base = _add(base, texture.resize(size, Image.Resampling.BICUBIC))
    base = base.filter(ImageFilter.GaussianBlur(1.2))  # a phone lens is a little soft
    base = _add(base, _noise(rng, size, rng.uniform(3.5, 7.0)))  # sensor noise: luma ...
    chroma = [_noise(rng, (w // 2, h // 2), 3).resize(size) for _ in range(3)]
    return ImageChops.add(base, Image.merge("RGB", chroma), 1.0, -128)  # ... and colour


def camera_jpeg(image: Image.Image, orientation: int = 1) -> bytes:
    """``image`` as a phone saves it: quality 92, 4:2:0, EXIF with make, model and GPS."""
    exif = Image.Exif()
    exif[0x010F] = "Bench Phone"
    exif[0x0110] = "Model 12"
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "S", 2: (4.0, 7.0, 30.5), 3: "E", 4: (15.0, 16.0, 17.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, subsampling="4:2:0", exif=exif)
    return out.getvalue()


def photos(count: int = PHOTOS, orientation: int = 1) -> list[bytes]:
    """``count`` phone JPEGs, made once and kept under ``bench/results/cache/``."""
    CACHE.mkdir(parents=True, exist_ok=True)
    found = []
    for n in range(count):
        path = CACHE / f"photo-{n}-o{orientation}.jpg"
        if not path.is_file():
            path.write_bytes(camera_jpeg(phone_photo(1000 + n), orientation))
        found.append(path.read_bytes())
    return found


# The peer --------------------------------------------------------------------------------------


def _sizes(size: tuple[int, int]) -> dict[DerivativeKind, tuple[int, int]]:
    """The app's copy sizes (``catalogue.media.pipeline``'s settings)."""

    def fit(edge: int) -> tuple[int, int]:
        return fit_size(*size, edge) if max(size) > edge else size

    printed, web = fit(PRINT_LONG_EDGE), fit(WEB_EDGE)
    return {
        DerivativeKind.PRINT: printed,
        DerivativeKind.SCREEN: fit_size(*printed, max(printed) // 2),
        DerivativeKind.WEB: web,
        DerivativeKind.THUMB: fit_size(*web, THUMB_EDGE),
    }


ENCODING = {  # quality, optimised Huffman tables: as the app encodes each copy
    DerivativeKind.PRINT: (PRINT_QUALITY, False),
    DerivativeKind.SCREEN: (WEB_QUALITY, False),
    DerivativeKind.WEB: (WEB_QUALITY, True),
    DerivativeKind.THUMB: (WEB_QUALITY, True),
}


def _decode(data: bytes) -> tuple[Image.Image, int]:
    """The upload decoded once, upright, RGB; and its chroma subsampling."""
    image = Image.open(io.BytesIO(data))
    subsampling = JpegImagePlugin.get_sampling(image)
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    return (image if image.mode == "RGB" else image.convert("RGB")), subsampling


def _save(image: Image.Image, quality: int, optimize: bool, subsampling: int = 2) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=optimize, subsampling=subsampling)
    return out.getvalue()


def peer(data: bytes) -> dict[str, bytes]:
    """Plain Pillow, decoding once: the original and four LANCZOS copies, one thread."""
    image, subsampling = _decode(data)
    files = {"original": _save(image, ORIGINAL_QUALITY, False, subsampling)}
    for kind, size in _sizes(image.size).items():
        quality, optimize = ENCODING[kind]
        files[kind.value] = _save(image.resize(size, LANCZOS), quality, optimize)
    return files


# Quality ---------------------------------------------------------------------------------------


def psnr(a: Image.Image, b: Image.Image) -> float:
    """PSNR of ``a`` against ``b`` (same size, RGB), in dB."""
    squares = ImageStat.Stat(ImageChops.difference(a, b)).sum2
    mse = sum(squares) / (3 * a.width * a.height)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def quality(data: bytes) -> dict[DerivativeKind, tuple[float, float]]:
    """Per copy: (app PSNR, peer PSNR) against the LANCZOS reference of the full decode."""
    image, _ = _decode(data)
    made = ingest(data).derivatives
    theirs = peer(data)
    result = {}
    for kind, size in _sizes(image.size).items():
        reference = image.resize(size, LANCZOS)
        app = Image.open(io.BytesIO(made[kind].data)).convert("RGB")
        other = Image.open(io.BytesIO(theirs[kind.value])).convert("RGB")
        assert app.size == size == other.size, (kind, app.size, size)
        result[kind] = (psnr(app, reference), psnr(other, reference))
    return result


# Timing ----------------------------------------------------------------------------------------


def _timed(fn: Callable[[bytes], object], data: bytes) -> tuple[float, float]:
    """Wall and CPU (this process, every thread) milliseconds of ``fn(data)``."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(data)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _app(data: bytes) -> object:
    return ingest(data)


def interleaved(
    sides: dict[str, Callable[[bytes], object]], inputs: list[bytes], rounds: int
) -> dict[str, list[tuple[float, float]]]:
    """Every input through every side, in turn, ``rounds`` times (the order swapped each
    round), after one warm-up of each; each side's (wall, cpu) per call."""
    for fn in sides.values():
        fn(inputs[0])
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    order = list(sides)
    for _ in range(rounds):
        for data in inputs:
            for name in order:
                times[name].append(_timed(sides[name], data))
            order.reverse()
        order.reverse()
    return times


def run() -> list[Figure]:
    inputs = photos()
    portrait = photos(3, orientation=6)
    sizes_mb = [len(d) / 1e6 for d in inputs]
    load_before = os.getloadavg()[0]

    times = interleaved({"app": _app, "peer": peer}, inputs, ROUNDS)
    app_wall = statistics.median(t[0] for t in times["app"])
    app_cpu = statistics.median(t[1] for t in times["app"])
    peer_wall = statistics.median(t[0] for t in times["peer"])
    peer_cpu = statistics.median(t[1] for t in times["peer"])
    pairs = statistics.median(p[0] / a[0] for a, p in zip(times["app"], times["peer"], strict=True))
    rotated = statistics.median(t[0] for t in interleaved({"app": _app}, portrait, 1)["app"])
    serial = statistics.median(
        t[0]
        for t in interleaved({"serial": lambda d: ingest(d, parallel=False)}, inputs, 1)["serial"]
    )
    measured = [quality(d) for d in inputs[:3]]
    load_after = os.getloadavg()[0]

    ratio = peer_wall / app_wall
    thumb = DerivativeKind.THUMB
    figures = [
        Figure(
            f"phone photos: {len(inputs)} JPEGs 4000 x 3000, q92, "
            f"{min(sizes_mb):.1f}-{max(sizes_mb):.1f} MB; {ROUNDS} interleaved rounds",
            statistics.median(sizes_mb),
            "MB (median)",
        ),
        Figure(
            "app: ingest (original + 4 copies + colour + quality), wall per photo (median)",
            app_wall,
            "ms",
            f"<= {TARGET_MS:.0f} ms (issue #8)",
            app_wall <= TARGET_MS,
        ),
        Figure(
            "app: ingest, CPU per photo, all threads (median)",
            app_cpu,
            "ms",
            f"<= {TARGET_CPU_MS:.0f} ms (issue #8)",
            app_cpu <= TARGET_CPU_MS,
        ),
        Figure("peer: Pillow decode once + 5 files, LANCZOS, wall (median)", peer_wall, "ms"),
        Figure("peer: CPU per photo (median)", peer_cpu, "ms"),
        Figure(
            "peer / app, wall (ratio of medians)",
            ratio,
            "x",
            f">= {TARGET_RATIO} (issue #8)",
            ratio >= TARGET_RATIO,
        ),
        Figure("peer / app, wall (median of the pairs)", pairs, "x"),
        Figure("peer / app, CPU (ratio of medians)", peer_cpu / app_cpu, "x"),
        Figure("app on one thread: ingest(parallel=False), wall (median)", serial, "ms"),
        Figure("app, portrait photo (EXIF orientation 6), wall (median)", rotated, "ms"),
    ]
    for kind in (DerivativeKind.PRINT, DerivativeKind.SCREEN, DerivativeKind.WEB, thumb):
        kind_app = statistics.median(m[kind][0] for m in measured)
        kind_peer = statistics.median(m[kind][1] for m in measured)
        figures.append(
            Figure(
                f"{kind.value} copy PSNR vs LANCZOS reference: app {kind_app:.2f} dB,"
                f" peer {kind_peer:.2f} dB; app - peer",
                kind_app - kind_peer,
                "dB",
                f">= -{TARGET_PSNR_LOSS:.0f} dB (issue #8)",
                kind_app - kind_peer >= -TARGET_PSNR_LOSS,
            )
        )
    figures += [
        Figure("load average (1 min) before the run", load_before, ""),
        Figure("load average (1 min) after the run", load_after, ""),
    ]
    return figures


if __name__ == "__main__":
    for figure in run():
        print(figure.line())
