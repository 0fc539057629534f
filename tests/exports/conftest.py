"""Fixtures for the PDF tests: a theme built in code, real JPEG photos stored by content hash (as
``LocalStorage`` does, without an extension), a snapshot as a plain dict, and PDF readers.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import font_source_sans_pro
import pytest
from PIL import Image, ImageDraw

from catalogue.themes.model import Colour, Cover, FontFace, Fonts, Page, Theme

FONT_DIR = Path(font_source_sans_pro.__file__).resolve().parent / "files"
PRINT_SIZE = (2126, 1594)
SCREEN_SIZE = (1063, 797)
MM = 72 / 25.4


def make_theme(
    *, trim: str = "A4", cover: str = "photo-full-bleed", layouts: tuple[str, ...] = ("grid4",)
) -> Theme:
    sizes = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
    w, h = sizes[trim]

    def face(style: str) -> FontFace:
        # Own names, so these never clash with fonts a theme registers under its names.
        return FontFace(f"test-SourceSansPro-{style}", FONT_DIR / f"SourceSansPro-{style}.ttf")

    return Theme(
        slug="test",
        name={"en": "Test"},
        description={"en": "A theme built in the tests"},
        page=Page(trim, w, h, 15, 15, 15, 15, 5),
        colours={
            "paper": Colour((0, 0, 0, 0), "#ffffff"),
            "text": Colour((0, 0, 0, 0.9), "#222222"),
            "muted": Colour((0, 0, 0, 0.55), "#737373"),
            "accent": Colour((0, 0.6, 0.9, 0.1), "#e65c17"),
            "accent_text": Colour((0, 0, 0, 0), "#ffffff"),
            "cover_background": Colour((0.7, 0.3, 0, 0.4), "#2e6b99"),
            "cover_text": Colour((0, 0, 0, 0), "#ffffff"),
        },
        fonts=Fonts(
            body=face("Regular"), bold=face("Bold"), italic=face("It"), heading=face("Bold")
        ),
        cover=Cover(cover),
        layouts=layouts,
        source=Path("themes/test"),
    )


@pytest.fixture
def theme() -> Theme:
    return make_theme()


class PhotoStore:
    """JPEG files named by their SHA-256 under one folder; ``path`` is the ``photo_path``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def jpeg(self, size: tuple[int, int], seed: int) -> str:
        image = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
        draw = ImageDraw.Draw(image)
        draw.ellipse((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill="white")
        # A mark placed by the seed, so that no two seeds give the same file.
        x, y = (seed * 7) % (size[0] - 8), (seed // max(1, size[0] - 8) * 7) % (size[1] - 8)
        draw.rectangle((x, y, x + 7, y + 7), fill="black")
        path = self.root / "incoming.jpg"
        image.save(path, format="JPEG", quality=80)
        key = hashlib.sha256(path.read_bytes()).hexdigest()
        path.rename(self.root / key)
        return key

    def photo(self, seed: int, print_size: tuple[int, int] = PRINT_SIZE) -> dict:
        screen = (max(1, print_size[0] // 2), max(1, print_size[1] // 2))
        return {
            "sha256": hashlib.sha256(f"original-{seed}-{print_size}".encode()).hexdigest(),
            "print_sha256": self.jpeg(print_size, seed),
            "print_width": print_size[0],
            "print_height": print_size[1],
            "screen_sha256": self.jpeg(screen, seed),
            "web_sha256": "0" * 64,
            "alt": {"en": f"Photo {seed}"},
        }

    def path(self, key: str) -> Path:
        return self.root / key


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> PhotoStore:
    return PhotoStore(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session")
def photos(store: PhotoStore) -> list[dict]:
    """A few distinct photos, shared by the items of every snapshot (round robin)."""
    return [store.photo(seed) for seed in range(4)]


def make_item(n: int, photo: dict | None, *, locales: tuple[str, ...] = ("en",)) -> dict:
    code = f"WG-{n:03d}"
    return {
        "code": code,
        "position": n,
        "section": "scarves" if n % 2 else "bags",
        "name": {loc: f"Woven item {n} ({loc})" for loc in locales},
        "description": {loc: f"Hand woven on a backstrap loom, item {n}." for loc in locales},
        "category": "textiles",
        "tags": [],
        "colours": ["red"],
        "materials": ["cotton"],
        "region": "Cusco" if n % 3 else "Puno",
        "price": {"display": "range", "min": "12.00", "max": "18.50", "tiers": []},
        "min_order": 12,
        "case_multiple": 6,
        "lead_time_days": 21,
        "units_per_month": 40,
        "pooled": n % 4 == 0,
        "producer_names": ["Rosa Quispe", "Ana Mamani"] if n % 4 == 0 else ["Rosa Quispe"],
        "photo": photo,
        "url": f"/c/andes/winter/items/{code}",
    }


def make_snapshot(
    n_items: int,
    photos: list[dict] | None = None,
    *,
    locale: str = "en",
    locales: tuple[str, ...] | None = None,
    fmt: str = "booklet",
    layout: str = "grid4",
    stories: str = "producer",
) -> dict:
    """A snapshot as ``build_snapshot`` would store it: n items in two sections, two producers."""
    locales = locales or (locale,)
    items = [
        make_item(n, photos[n % len(photos)] if photos else None, locales=locales)
        for n in range(1, n_items + 1)
    ]
    sections = [
        {
            "key": key,
            "title": {loc: title for loc in locales},
            "codes": [i["code"] for i in items if i["section"] == key],
        }
        for key, title in (("scarves", "Scarves and shawls"), ("bags", "Bags"))
    ]
    producers = [
        {
            "id": pid,
            "slug": name.lower().replace(" ", "-"),
            "name": name,
            "region": region,
            "economy": "rural",
            "story": {loc: f"{name} learnt weaving from her mother. " * 6 for loc in locales},
            "codes": [i["code"] for i in items if name in i["producer_names"]],
        }
        for pid, name, region in ((1, "Rosa Quispe", "Cusco"), (2, "Ana Mamani", "Puno"))
    ]
    return {
        "schema": 1,
        "edition": 3,
        "catalogue": {
            "network_slug": "andes",
            "network_name": "Andes Weavers",
            "slug": "winter",
            "title": {loc: "Winter textiles" for loc in locales},
            "intro": {loc: "Warm things made by hand in the high Andes." for loc in locales},
            "how_to_order": {
                loc: "Write to orders@example.org with the item codes." for loc in locales
            },
            "kind": "theme",
            "market": "b2b",
            "format": fmt,
            "layout": layout,
            "theme": "test",
            "currency": "EUR",
            "locales": list(locales),
            "price_display": "range",
            "group_by": "category",
            "sort_by": "position",
            "order_opens_on": "2027-03-01",
            "order_closes_on": "2027-04-30",
            "stories": stories,
        },
        "sections": sections,
        "items": items,
        "producers": producers,
    }


@pytest.fixture
def snapshot_factory(photos: list[dict]) -> Callable[..., dict]:
    def factory(n_items: int, **kwargs: object) -> dict:
        return make_snapshot(n_items, photos, **kwargs)

    return factory


def debian_tool(tool: str, package: str) -> str:
    """The path of a command-line tool from a Debian package; missing fails the test on CI
    (``.ci/run`` installs it) and skips it elsewhere."""
    found = shutil.which(tool)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} ({package}) is required on CI")
    pytest.skip(f"{tool} is not installed: apt-get install {package}")
    raise AssertionError  # unreachable: skip raises


def poppler(tool: str) -> str:
    """The path of a poppler tool; missing fails the test on CI and skips it elsewhere."""
    return debian_tool(tool, "poppler-utils")


def qpdf_check(*pdfs: Path) -> None:
    """Assert that ``qpdf --check`` finds each file sound: no error and no warning (a damaged
    stream, a cross-reference off by a byte, a /Length that lies all show up here)."""
    qpdf = debian_tool("qpdf", "qpdf")
    assert pdfs, "no PDF to check"
    for pdf in pdfs:
        checked = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True)
        report = (checked.stdout + checked.stderr).strip()
        assert checked.returncode == 0, (
            f"qpdf --check {pdf.name} (exit {checked.returncode}):\n{report}"
        )
        assert "No syntax or stream encoding errors found" in report, f"{pdf.name}:\n{report}"


def pdfinfo_boxes(pdf: Path) -> list[dict[str, tuple[float, ...]]]:
    """Every page's boxes as ``pdfinfo -box`` reports them."""
    out = subprocess.run(
        [poppler("pdfinfo"), "-box", "-f", "1", "-l", "9999", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages: dict[int, dict[str, tuple[float, ...]]] = {}
    for m in re.finditer(r"^Page\s+(\d+)\s+(\w+):\s+([-\d.\s]+)$", out, re.MULTILINE):
        pages.setdefault(int(m[1]), {})[m[2]] = tuple(float(v) for v in m[3].split())
    return [pages[n] for n in sorted(pages)]


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run(
        [poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    lines = out.splitlines()
    # Columns as the dashes under the header mark them (a type may contain a space).
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    names = [lines[0][a:b].strip() for a, b in spans]
    return [
        {n: line[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for line in lines[2:]
    ]


def check_cross_references(pdf: Path) -> int:
    """Assert that every entry of the PDF's cross-reference table points at its object (the
    photos are copied into the file after it was laid out); the number of objects."""
    data = pdf.read_bytes()
    startxref = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)[1])
    assert data[startxref : startxref + 5] == b"xref\n"
    entries = re.findall(rb"(\d{10}) \d{5} n ", data[startxref:])
    for number, offset in enumerate(entries, start=1):
        at = int(offset)
        assert re.match(rb"\s*%d 0 obj" % number, data[at : at + 24]), number
    return len(entries)


def photo_marker(number: int) -> bytes:
    """The marker ``PhotoSlots`` writes where the data of photo ``number`` (from 0) will go."""
    from catalogue.exports.pdf import photos

    return photos._MARKER % number


def lose_a_photo_marker(monkeypatch: pytest.MonkeyPatch, number: int = 0) -> None:
    """Make ReportLab's document come out with the marker of photo ``number`` damaged (same
    length, one letter replaced), as a ReportLab that wrote registered XObjects differently
    would: the file stays a valid PDF, but with a placeholder where the photo should be."""
    from reportlab.pdfgen.canvas import Canvas

    marker = photo_marker(number)
    damaged = marker.replace(b"catalogue-photo:", b"catalogue-phot0:")
    assert len(damaged) == len(marker) and damaged != marker
    written = Canvas.getpdfdata

    def getpdfdata(self: Canvas) -> bytes:
        data = written(self)
        assert marker in data, "the photo's marker was not in the document to begin with"
        return data.replace(marker, damaged)

    monkeypatch.setattr(Canvas, "getpdfdata", getpdfdata)
