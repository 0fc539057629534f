"""Check a merged theme.toml tree key by key and turn it into a ``Theme``.

Every problem is collected (with the file the offending value came from) before giving up, so a
designer fixes a theme in one round rather than one error at a time.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from catalogue.themes.checker import Checker, got, is_number, show
from catalogue.themes.fonts import COVERAGE_SAMPLE, UnknownFont, font_face, missing_glyphs
from catalogue.themes.model import (
    COLOUR_ROLES,
    COVER_STYLES,
    LAYOUTS,
    TRIM_SIZES,
    Colour,
    Cover,
    FontFace,
    Fonts,
    Page,
    Theme,
)

LOCALES = ("en", "es", "fr", "vi")  # languages a theme's name and description may be given in
ORIENTATIONS = ("portrait", "landscape")
FONT_ROLES = ("body", "bold", "italic", "heading")
MARGINS = ("margin_top_mm", "margin_right_mm", "margin_bottom_mm", "margin_left_mm")
KEYS: dict[str, tuple[str, ...]] = {
    "": ("slug", "extends", "name", "description", "page", "colours", "fonts", "cover", "layouts"),
    "page": ("trim", "orientation", *MARGINS, "safe_mm", "bleed_mm", "slug_mm"),
    "colours": COLOUR_ROLES,
    "colour": ("cmyk", "rgb"),
    "fonts": (*FONT_ROLES, "body_size_pt", "heading_size_pt"),
    "cover": ("style", "show_network"),
    "name": LOCALES,
    "description": LOCALES,
}
RGB = re.compile(r"#[0-9a-fA-F]{6}")
MAX_LISTED_GLYPHS = 40


def _texts(check: Checker, key: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    table = check.table(key, LOCALES)
    if not isinstance(check.get(key), dict):
        return texts  # already reported
    for locale, text in table.items():
        if locale not in LOCALES:
            continue  # reported as an unknown key
        if not isinstance(text, str) or not text.strip():
            check.problem(f"{key}.{locale}", f"must be a non-empty text (got {show(text)})")
        else:
            texts[locale] = unicodedata.normalize("NFC", text.strip())
    if "en" not in texts and f"{key}.en" not in {p.key for p in check.problems}:
        check.problem(f"{key}.en", "missing: every theme needs at least an English text")
    return texts


def _page(check: Checker) -> Page | None:
    check.table("page", KEYS["page"])
    trim = check.get("page.trim")
    size = TRIM_SIZES.get(trim.upper()) if isinstance(trim, str) else None
    if size is None:
        check.problem("page.trim", f"must be one of {', '.join(TRIM_SIZES)} (got {got(trim)})")
    orientation = check.choice("page.orientation", ORIENTATIONS, default="portrait")
    width, height = size or (0.0, 0.0)
    if orientation == "landscape":
        width, height = height, width
    safe = check.number("page.safe_mm", 3, 20)
    margins = {}
    for key in MARGINS:
        across = width if key in ("margin_left_mm", "margin_right_mm") else height
        lo = safe if safe is not None else 3.0
        hi = round(across / 4, 1) if size else 100.0  # at most a quarter of the page
        margins[key] = check.number(f"page.{key}", lo, max(lo, hi))
    bleed = check.number("page.bleed_mm", 0, 10, default=3.0)
    slug = check.number("page.slug_mm", 0, 20, default=9.0)
    top, right, bottom, left = margins.values()
    if (
        not isinstance(trim, str)
        or None in (size, orientation)
        or safe is None
        or bleed is None
        or slug is None
        or top is None
        or right is None
        or bottom is None
        or left is None
    ):
        return None
    return Page(trim.upper(), width, height, top, right, bottom, left, safe, bleed, slug)


def _colour(check: Checker, role: str) -> Colour | None:
    key = f"colours.{role}"
    table = check.table(key, KEYS["colour"])
    if not table:
        return None
    cmyk, rgb = check.get(f"{key}.cmyk"), check.get(f"{key}.rgb")
    ok = True
    if not (
        isinstance(cmyk, list)
        and len(cmyk) == 4
        and all(is_number(v) and 0 <= v <= 100 for v in cmyk)
    ):
        message = f"must be four percentages [c, m, y, k], each 0 to 100 (got {got(cmyk)})"
        check.problem(f"{key}.cmyk", message)
        ok = False
    if not (isinstance(rgb, str) and RGB.fullmatch(rgb)):
        check.problem(f"{key}.rgb", f'must be a colour "#rrggbb" (got {got(rgb)})')
        ok = False
    if not ok or not isinstance(cmyk, list) or not isinstance(rgb, str):
        return None
    c, m, y, k = (round(v / 100, 4) for v in cmyk)
    return Colour(cmyk=(c, m, y, k), rgb=rgb.lower())


def _colours(check: Checker) -> dict[str, Colour] | None:
    check.table("colours", KEYS["colours"])
    colours = {role: _colour(check, role) for role in COLOUR_ROLES}
    valid = {role: c for role, c in colours.items() if c is not None}
    return valid if len(valid) == len(colours) else None


def _face(check: Checker, role: str) -> FontFace | None:
    key = f"fonts.{role}"
    spec = check.get(key)
    if not isinstance(spec, str):
        example = '"<family>:<style>", e.g. "source-sans:bold"'
        check.problem(key, f"must be a font {example} (got {got(spec)})")
        return None
    try:
        face = font_face(spec)
    except UnknownFont as exc:
        check.problem(key, str(exc))
        return None
    missing = sorted(missing_glyphs(face, COVERAGE_SAMPLE))
    if missing:
        listed = "".join(missing[:MAX_LISTED_GLYPHS])
        more = (
            f" and {len(missing) - MAX_LISTED_GLYPHS} more"
            if len(missing) > MAX_LISTED_GLYPHS
            else ""
        )
        check.problem(
            key,
            f"{show(spec)} has no glyphs for {len(missing)} characters needed in "
            f"{'/'.join(LOCALES)} texts: {listed}{more}",
        )
        return None
    return face


def _fonts(check: Checker) -> Fonts | None:
    check.table("fonts", KEYS["fonts"])
    faces = [_face(check, role) for role in FONT_ROLES]
    body_size = check.number("fonts.body_size_pt", 6, 18, default=9.5)
    heading_size = check.number("fonts.heading_size_pt", 8, 96, default=20.0)
    found = [f for f in faces if f is not None]
    if len(found) < len(faces) or body_size is None or heading_size is None:
        return None
    body, bold, italic, heading = found
    return Fonts(body, bold, italic, heading, body_size_pt=body_size, heading_size_pt=heading_size)


def _cover(check: Checker) -> Cover | None:
    check.table("cover", KEYS["cover"])
    style = check.choice("cover.style", COVER_STYLES)
    show_network = check.boolean("cover.show_network", True)
    return None if style is None else Cover(style, show_network)


def _layouts(check: Checker) -> tuple[str, ...] | None:
    value = check.get("layouts")
    expected = f"must be a non-empty list of distinct layouts from {', '.join(LAYOUTS)}"
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v in LAYOUTS for v in value)
        or len(set(value)) != len(value)
    ):
        check.problem("layouts", f"{expected} (got {got(value)})")
        return None
    return tuple(value)


def build_theme(check: Checker, slug: str, source: Path, extends: tuple[str, ...]) -> Theme | None:
    """The ``Theme`` described by the checker's tree, or None when ``check.problems`` says why."""
    check.unknown_keys("", check.tree, KEYS[""])
    declared = check.get("slug")
    if declared != slug:
        folder = f"must be {show(slug)}, the name of the theme's folder"
        check.problem("slug", f"{folder} (got {got(declared)})")
    name, description = _texts(check, "name"), _texts(check, "description")
    page, colours, fonts = _page(check), _colours(check), _fonts(check)
    cover, layouts = _cover(check), _layouts(check)
    if (
        check.problems
        or page is None
        or colours is None
        or fonts is None
        or cover is None
        or layouts is None
    ):
        return None
    templates, static = source / "templates", source / "static"
    return Theme(
        slug=slug,
        name=name,
        description=description,
        page=page,
        colours=colours,
        fonts=fonts,
        cover=cover,
        layouts=layouts,
        source=source,
        templates_dir=templates if templates.is_dir() else None,
        static_dir=static if static.is_dir() else None,
        extends=extends,
    )
