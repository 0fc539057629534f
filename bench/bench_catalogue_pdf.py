"""A 1,000-item print booklet with a photo per item (issue #4): seconds, pages, size, memory.

Measured in the same run:
- ReportLab: ``render_pdf`` of the booklet (default theme, grid of 4, A4 + bleed + slug, crop
  marks, a story page per producer, the index), print variant, 1,000 distinct 2126 x 1594 JPEGs
  (the print derivative's size and quality, 300 ppi at the largest slot);
- the floor: reading every photo file's bytes, plus the same layout with no photos;
- WeasyPrint: the same items, texts, fonts and photo files from HTML (A4, 3 mm bleed, crop
  marks, two columns of items that never break across pages).

Targets: ReportLab <= 1.5x the floor and >= 5x faster than WeasyPrint; peak memory (RSS of a
fresh process rendering the booklet) at 1,000 items <= 1.3x the peak at 250 items.

The PDF is also written to disk (issue #8), interleaved with a floor that writes as many bytes:
every photo read and written to a file on the same disk, the booklet without photos rendered
there, and the rest of the PDF's size written as zeros. Neither side calls ``fsync``: both leave
the data to the page cache's writeback alike.

The photos are drawn by code once (24 demo renders, each turned, mirrored and numbered into
distinct images) and kept under ``bench/results/cache/`` for later runs.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from bench.bench_photo_ingest import PALETTES
from bench.common import Figure
from catalogue.demo.photos import MOTIFS, render_product_photo
from catalogue.exports.pdf import render_pdf
from catalogue.media.pipeline import PRINT_LONG_EDGE, PRINT_QUALITY
from catalogue.themes import load_theme
from catalogue.themes.model import Theme

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "results" / "cache" / "catalogue-pdf-v1"
ITEMS = 1000
SMALL = 250
SIZE = (PRINT_LONG_EDGE, PRINT_LONG_EDGE * 3 // 4)  # 2126 x 1594
BASES = 24
ROUNDS = 5
DISK_ROUNDS = 3
TARGET_FLOOR = 1.5
TARGET_WEASYPRINT = 5.0
TARGET_MEMORY = 1.3
CATEGORIES = [
    "Scarves",
    "Knitwear",
    "Jewellery",
    "Pottery",
    "Baskets",
    "Soaps and creams",
    "Teas",
    "Preserves",
    "Leather goods",
    "Table linen",
]
PRODUCERS = 40


# Photos ----------------------------------------------------------------------------------------


def _photos() -> list[dict]:
    """``ITEMS`` distinct print-size JPEGs as snapshot photos, made once and cached."""
    index = CACHE / "index.json"
    if index.is_file():
        photos = json.loads(index.read_text())
        if len(photos) == ITEMS and all((CACHE / p["print_sha256"]).is_file() for p in photos):
            return photos
    CACHE.mkdir(parents=True, exist_ok=True)
    bases = [
        render_product_photo(MOTIFS[i % len(MOTIFS)], PALETTES[i % len(PALETTES)], 400 + i, SIZE)
        for i in range(BASES)
    ]
    turns = [None, Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM]
    turns.append(Image.Transpose.ROTATE_180)
    photos = []
    for n in range(ITEMS):
        base, variant = bases[n % BASES], n // BASES
        turn = turns[variant % len(turns)]
        image = base.transpose(turn) if turn is not None else base.copy()
        draw = ImageDraw.Draw(image)
        draw.rectangle((40, 40, 40 + 12 * (variant + 1), 70), fill=(250, 250, 245))
        draw.text((48, 80), f"sample {n + 1}", fill=(250, 250, 245))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=PRINT_QUALITY)
        data = out.getvalue()
        key = hashlib.sha256(data).hexdigest()
        (CACHE / key).write_bytes(data)
        photos.append(
            {
                "sha256": key,
                "print_sha256": key,
                "print_width": SIZE[0],
                "print_height": SIZE[1],
                "screen_sha256": key,
                "web_sha256": key,
                "alt": {"en": f"Sample photo {n + 1}"},
            }
        )
    index.write_text(json.dumps(photos))
    # Half a gigabyte just written: let the disk take it now, not while the renders are timed.
    os.sync()
    return photos


def _photo_path(key: str) -> Path:
    return CACHE / key


# The catalogue ---------------------------------------------------------------------------------


def _snapshot(photos: list[dict | None]) -> dict:
    """A booklet snapshot as ``build_snapshot`` stores it: one item per photo, ten sections."""
    items = []
    for n, photo in enumerate(photos, start=1):
        category = CATEGORIES[n % len(CATEGORIES)]
        producer = f"Sample producer {n % PRODUCERS + 1}"
        items.append(
            {
                "code": f"BK-{n:04d}",
                "position": n,
                "section": category.lower(),
                "name": {"en": f"{category[:-1] if category.endswith('s') else category} {n}"},
                "description": {
                    "en": f"Made by hand in small batches from local materials; item {n} of "
                    "the sample booklet, in natural colours."
                },
                "category": category.lower(),
                "tags": [],
                "colours": ["red"],
                "materials": ["wool"],
                "region": f"Region {n % 7 + 1}",
                "price": {"display": "range", "min": "12.00", "max": "18.50", "tiers": []},
                "min_order": 12,
                "case_multiple": 6,
                "lead_time_days": 21,
                "units_per_month": 40 + n % 200,
                "pooled": n % 9 == 0,
                "producer_names": [producer],
                "sources": [],
                "photo": photo,
                "url": f"/c/sample/booklet/items/BK-{n:04d}",
            }
        )
    sections = [
        {
            "key": c.lower(),
            "title": {"en": c},
            "codes": [i["code"] for i in items if i["section"] == c.lower()],
        }
        for c in CATEGORIES
    ]
    producers = [
        {
            "id": p,
            "slug": f"sample-producer-{p}",
            "name": f"Sample producer {p}",
            "region": f"Region {p % 7 + 1}",
            "economy": "rural",
            "story": {"en": "She learnt the craft from her mother and now teaches it. " * 5},
            "codes": [i["code"] for i in items if i["producer_names"][0].endswith(f" {p}")],
        }
        for p in range(1, PRODUCERS + 1)
    ]
    return {
        "schema": 1,
        "edition": 1,
        "catalogue": {
            "network_slug": "sample",
            "network_name": "Sample network",
            "slug": "booklet",
            "title": {"en": "A thousand things made by hand"},
            "intro": {"en": "The benchmark booklet: sample items, sample producers."},
            "how_to_order": {"en": "Write the item codes and quantities on the order form."},
            "kind": "theme",
            "market": "b2b",
            "format": "booklet",
            "layout": "grid4",
            "theme": "default",
            "currency": "USD",
            "locales": ["en"],
            "price_display": "range",
            "group_by": "category",
            "sort_by": "position",
            "order_opens_on": "2027-03-01",
            "order_closes_on": "2027-04-30",
            "stories": "producer",
        },
        "sections": sections,
        "items": items,
        "producers": producers,
    }


def _theme() -> Theme:
    return load_theme(ROOT / "themes", "default")


def _render(snapshot: dict, out: Path) -> tuple[float, int, int]:
    """Seconds, pages and bytes of one print rendering (the file is removed afterwards)."""
    start = time.perf_counter()
    result = render_pdf(
        snapshot, _theme(), out, locale="en", variant="print", photo_path=_photo_path
    )
    seconds = time.perf_counter() - start
    out.unlink()
    return seconds, result.pages, result.bytes


def _scratch(on_disk: bool = False) -> tempfile.TemporaryDirectory[str]:
    """Where the PDFs go: memory (``/dev/shm``) where there is one, as the photos are read from
    the page cache; the disk's writeback, which moves the time of writing half a gigabyte by
    up to half a second from one run to the next, is then not part of the figure."""
    shm = Path("/dev/shm")
    in_memory = not on_disk and shm.is_dir() and os.access(shm, os.W_OK)
    return tempfile.TemporaryDirectory(dir=shm if in_memory else None, prefix="bench-pdf-")


def _floor(snapshot: dict, photos: list[dict], out: Path) -> float:
    """Reading every photo's bytes, plus the same booklet with no photos."""
    start = time.perf_counter()
    for photo in photos:
        _photo_path(photo["print_sha256"]).read_bytes()
    read = time.perf_counter() - start
    return read + _render(snapshot, out)[0]


def _floor_on_disk(bare: dict, photos: list[dict], folder: Path, size: int) -> float:
    """The floor on disk: read every photo and write it to ``folder``, render the booklet
    without photos there, and write zeros up to the full PDF's ``size`` in bytes."""
    start = time.perf_counter()
    path = folder / "floor.bin"
    with path.open("wb") as fh:
        for photo in photos:
            fh.write(_photo_path(photo["print_sha256"]).read_bytes())
        written = fh.tell()
    seconds = time.perf_counter() - start
    bare_seconds, _pages, bare_bytes = _render(bare, folder / "bare.pdf")
    start = time.perf_counter()
    with path.open("ab") as fh:
        fh.write(bytes(max(0, size - written - bare_bytes)))
    seconds += time.perf_counter() - start
    path.unlink()
    return seconds + bare_seconds


# WeasyPrint ------------------------------------------------------------------------------------


def _html(snapshot: dict, theme: Theme) -> str:
    fonts = theme.fonts
    faces = "".join(
        f"@font-face {{ font-family: {family}; src: url({face.path.as_uri()}); }}"
        for family, face in (("body", fonts.body), ("bold", fonts.bold))
    )
    css = (
        faces + "@page { size: A4; margin: 15mm 14mm 18mm; bleed: 3mm; marks: crop; }"
        "body { font-family: body; font-size: 8.5pt; margin: 0; }"
        "h1, h2, b { font-family: bold; } h1 { font-size: 30pt; }"
        "section { break-before: page; }"
        ".item { display: inline-block; vertical-align: top; width: 88mm; height: 118mm;"
        " margin: 0 2mm 4mm 0; overflow: hidden; break-inside: avoid; }"
        ".item img { display: block; width: 88mm; height: 66mm; object-fit: cover; }"
        ".story { break-before: page; }"
    )
    e = html.escape
    out = [f"<!doctype html><html lang=en><meta charset=utf-8><style>{css}</style>"]
    out.append(f"<h1>{e(snapshot['catalogue']['title']['en'])}</h1>")
    items = {i["code"]: i for i in snapshot["items"]}
    for section in snapshot["sections"]:
        out.append(f"<section><h2>{e(section['title']['en'])}</h2>")
        for code in section["codes"]:
            item = items[code]
            src = _photo_path(item["photo"]["print_sha256"]).as_uri()
            out.append(
                f'<div class=item><img src="{src}" alt=""><b>{e(item["name"]["en"])}</b>'
                f"<p>{e(item['description']['en'])}</p><p>{code} · USD 12.00 – 18.50 · "
                f"min. {item['min_order']} · {item['units_per_month']} a month</p></div>"
            )
        out.append("</section>")
    for producer in snapshot["producers"]:
        out.append(
            f"<div class=story><h2>{e(producer['name'])}</h2><p>{e(producer['story']['en'])}</p>"
        )
    out.append("<section><h2>Index</h2>")
    out.extend(f"<div>{code} {e(i['name']['en'])}</div>" for code, i in items.items())
    out.append("</section></html>")
    return "".join(out)


def _weasyprint(snapshot: dict, out: Path) -> tuple[float, int] | None:
    try:
        import weasyprint  # the bench extra; without it the comparison is left out
    except ImportError:
        return None
    source = _html(snapshot, _theme())
    start = time.perf_counter()
    document = weasyprint.HTML(string=source, base_url=str(CACHE)).render()
    document.write_pdf(out)
    seconds = time.perf_counter() - start
    out.unlink()
    return seconds, len(document.pages)


# Memory ----------------------------------------------------------------------------------------


def _peak_kb(items: int) -> int:
    """Peak RSS of a fresh Python rendering the booklet of ``items`` items."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_catalogue_pdf", "--peak", str(items)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1])


def _child(items: int) -> None:
    photos = _photos()[:items]
    with _scratch() as tmp:
        _render(_snapshot(photos), Path(tmp) / "print.pdf")
    # VmHWM is this process's own peak; ru_maxrss would carry the parent's over fork and exec.
    status = Path("/proc/self/status")
    if status.is_file():
        hwm = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM"))
        print(hwm.split()[1])  # "VmHWM:   95952 kB"
    else:
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# The figures -----------------------------------------------------------------------------------


def run() -> list[Figure]:
    photos = _photos()
    snapshot = _snapshot(photos)
    bare = _snapshot([None] * len(photos))
    with _scratch() as tmp:
        out = Path(tmp) / "print.pdf"
        _render(snapshot, out)  # warm-up: fonts, page cache, memory for the file
        runs, floors = [], []
        for _ in range(ROUNDS):  # interleaved, so both sides see the same machine
            runs.append(_render(snapshot, out))
            floors.append(_floor(bare, photos, out))
        seconds = statistics.median(r[0] for r in runs)
        pages, size = runs[0][1], runs[0][2]
        floor = statistics.median(floors)
        weasy = _weasyprint(snapshot, Path(tmp) / "weasyprint.pdf")
    with _scratch(on_disk=True) as tmp:
        disk_runs, disk_floors = [], []
        for _ in range(DISK_ROUNDS):
            disk_runs.append(_render(snapshot, Path(tmp) / "print.pdf")[0])
            disk_floors.append(_floor_on_disk(bare, photos, Path(tmp), size))
        on_disk, floor_on_disk = statistics.median(disk_runs), statistics.median(disk_floors)
    peak_small, peak_large = _peak_kb(SMALL), _peak_kb(ITEMS)

    figures = [
        Figure(f"ReportLab print booklet, {ITEMS} items with photos", seconds, "s"),
        Figure("pages", pages, "pages", "a multiple of 4", pages % 4 == 0),
        Figure("file size", size / 1e6, "MB"),
        Figure("floor: read every photo + the booklet without photos", floor, "s"),
        Figure(
            "ReportLab / floor",
            seconds / floor,
            "x",
            f"<= {TARGET_FLOOR} (issue #4)",
            seconds / floor <= TARGET_FLOOR,
        ),
        Figure(f"the same booklet written to disk (median of {DISK_ROUNDS})", on_disk, "s"),
        Figure("floor on disk: the above + writing as many bytes", floor_on_disk, "s"),
        Figure(
            "ReportLab / floor, on disk",
            on_disk / floor_on_disk,
            "x",
            f"<= {TARGET_FLOOR} (issues #4, #8)",
            on_disk / floor_on_disk <= TARGET_FLOOR,
        ),
    ]
    if weasy is None:
        figures.append(Figure("WeasyPrint: not installed (pip install '.[bench]')", 0, "s"))
    else:
        figures += [
            Figure(f"WeasyPrint, same items from HTML ({weasy[1]} pages)", weasy[0], "s"),
            Figure(
                "WeasyPrint / ReportLab",
                weasy[0] / seconds,
                "x",
                f">= {TARGET_WEASYPRINT} (issue #4)",
                weasy[0] / seconds >= TARGET_WEASYPRINT,
            ),
        ]
    ratio = peak_large / peak_small
    figures += [
        Figure(f"peak memory, {SMALL} items", peak_small / 1024, "MB"),
        Figure(f"peak memory, {ITEMS} items", peak_large / 1024, "MB"),
        Figure(
            f"peak memory {ITEMS} / {SMALL} items",
            ratio,
            "x",
            f"<= {TARGET_MEMORY} (issue #4)",
            ratio <= TARGET_MEMORY,
        ),
    ]
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--peak"]:
        _child(int(sys.argv[2]))
    else:
        for figure in run():
            print(figure.line())
