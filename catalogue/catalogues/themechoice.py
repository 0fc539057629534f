"""What the builder needs from the other parts of the pipeline, looked up softly.

Theme packs (``catalogue.themes``), the layout checks of the print PDF (``catalogue.exports``)
and the preview/publish pages (blueprint ``editions``) are built alongside this package; until
each is there the builder keeps working: one built-in theme choice, no layout check, and the
last two steps shown disabled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for

from catalogue.themes.model import LAYOUTS


@dataclass(frozen=True)
class ThemeChoice:
    slug: str
    name: dict[str, str]  # by locale
    layouts: tuple[str, ...]  # keys of LAYOUTS, the first is the theme's default


FALLBACK = ThemeChoice("default", {"en": "Default"}, tuple(LAYOUTS))


def available() -> list[ThemeChoice]:
    """The themes a facilitator can choose from."""
    try:
        from catalogue.themes import available_themes  # type: ignore[attr-defined]
    except ImportError:
        return [FALLBACK]
    try:
        themes = list(available_themes())
    except (OSError, LookupError, ValueError) as exc:  # a broken theme pack must not stop us
        current_app.logger.warning("themes unavailable: %s", exc)
        return [FALLBACK]
    choices = [
        ThemeChoice(t.slug, dict(t.name), tuple(x for x in t.layouts if x in LAYOUTS))
        for t in themes
    ]
    return [c for c in choices if c.layouts] or [FALLBACK]


def choice(slug: str) -> ThemeChoice | None:
    """The theme ``slug`` if a facilitator can choose it."""
    return next((t for t in available() if t.slug == slug), None)


def theme_object(slug: str) -> Any | None:
    """The loaded ``catalogue.themes.model.Theme`` (for layout checks), or None."""
    try:
        from catalogue.themes import get_theme  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return get_theme(slug)
    except (OSError, LookupError, ValueError) as exc:
        current_app.logger.warning("theme %s unavailable: %s", slug, exc)
        return None


def layout_problems(snapshot: Any, theme: Any, locale: str) -> list[Any]:
    """Text overflowing its frame and photos below 300 ppi, from the print PDF's layout."""
    try:
        from catalogue.exports.pdf import layout_problems as check  # type: ignore[import-not-found]
    except ImportError:
        # TODO(exports): wired here once catalogue.exports.pdf.layout_problems exists; until then
        # the check step cannot see overflowing text or low-resolution photos.
        return []
    return list(check(snapshot, theme, locale=locale))


def edition_links(network_slug: str, catalogue_slug: str) -> dict[str, str | None]:
    """URLs of the preview and publish steps; None while the editions pages are missing."""
    links: dict[str, str | None] = {}
    for step in ("preview", "publish"):
        endpoint = f"editions.{step}"
        links[step] = (
            url_for(endpoint, network_slug=network_slug, catalogue_slug=catalogue_slug)
            if endpoint in current_app.view_functions
            else None
        )
    return links
