"""Theme packs: the look of a catalogue (page, colours, fonts, cover, layouts) kept as data.

The packs live in the folder named by the ``THEMES_DIR`` setting, one ``<slug>/theme.toml`` each
(format: ``themes/README.md``). ``loader`` reads and checks them, ``fonts`` resolves their fonts.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from catalogue.themes.errors import Problem, ThemeError
from catalogue.themes.loader import list_themes, load_theme, theme_slugs
from catalogue.themes.model import Theme

__all__ = [
    "Problem",
    "Theme",
    "ThemeError",
    "available_themes",
    "get_theme",
    "list_themes",
    "load_theme",
]


def _themes_dir() -> Path:
    return Path(current_app.config["THEMES_DIR"])


def get_theme(slug: str) -> Theme:
    """The theme ``slug`` of the app's themes folder; ``ThemeError`` if unknown or invalid."""
    return load_theme(_themes_dir(), slug)


def available_themes() -> list[Theme]:
    """The valid themes a facilitator can choose from, the default first.

    A broken pack is logged and left out rather than taking every other theme down with it.
    """
    themes_dir = _themes_dir()
    themes = []
    for slug in theme_slugs(themes_dir):
        try:
            themes.append(load_theme(themes_dir, slug))
        except ThemeError as exc:
            current_app.logger.warning("theme %r left out:\n%s", slug, exc)
    return themes
