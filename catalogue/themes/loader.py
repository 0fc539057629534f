"""Read theme packs: ``<themes_dir>/<slug>/theme.toml`` over its parents, down to the default.

A theme may set ``extends = "<slug>"`` (the default theme otherwise); each file in that chain
fills in what the one above it leaves out, table by table. ``slug``, ``extends``, ``name`` and
``description`` belong to one theme and are never inherited. Loaded themes are cached until one
of the files they were read from changes, so renderers may call ``load_theme`` as often as they
like.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalogue.themes.checker import Checker, show
from catalogue.themes.errors import Problem, ThemeError
from catalogue.themes.model import Theme
from catalogue.themes.schema import KEYS, build_theme

DEFAULT = "default"
THEME_FILE = "theme.toml"
SLUG = re.compile(r"[a-z0-9-]+")
OWN_KEYS = ("slug", "extends", "name", "description")  # never inherited

_Stamp = tuple[tuple[str, int, int], ...]  # (path, mtime_ns, size) of every file read
_cache: dict[tuple[Path, str], tuple[_Stamp, Theme]] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class _File:
    slug: str
    shown: str  # "themes/<slug>/theme.toml"
    data: dict[str, Any]
    stamp: tuple[str, int, int]


def _shown(themes_dir: Path, slug: str) -> str:
    return f"{themes_dir.name}/{slug}/{THEME_FILE}"


def _read(themes_dir: Path, slug: str) -> _File:
    path, shown = themes_dir / slug / THEME_FILE, _shown(themes_dir, slug)
    try:
        stat = path.stat()
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ThemeError([Problem(shown, "", f"no such theme {show(slug)}")]) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ThemeError([Problem(shown, "", f"cannot be read: {exc}")]) from exc
    return _File(slug, shown, data, (str(path), stat.st_mtime_ns, stat.st_size))


def _chain(themes_dir: Path, slug: str) -> list[_File]:
    """The theme's file, then its parent's, ... ending with the default theme's."""
    files: list[_File] = []
    current = slug
    while True:
        file = _read(themes_dir, current)
        files.append(file)
        if current == DEFAULT:
            if "extends" in file.data:
                raise ThemeError(
                    [
                        Problem(
                            file.shown, "extends", "the default theme cannot extend another theme"
                        )
                    ]
                )
            return files
        parent = file.data.get("extends", DEFAULT)
        if not isinstance(parent, str) or not SLUG.fullmatch(parent):
            message = f"must be the slug of another theme (got {show(parent)})"
            raise ThemeError([Problem(file.shown, "extends", message)])
        seen = [f.slug for f in files]
        if parent in seen:
            cycle = " -> ".join([*seen[seen.index(parent) :], parent])
            raise ThemeError([Problem(file.shown, "extends", f"themes extend in a cycle: {cycle}")])
        if not (themes_dir / parent / THEME_FILE).is_file():
            message = f"no theme {show(parent)} to extend in {themes_dir.name}/"
            raise ThemeError([Problem(file.shown, "extends", message)])
        current = parent


def _merge(
    dst: dict[str, Any], src: dict[str, Any], file: str, origins: dict[str, str], at: str
) -> None:
    for k, v in src.items():
        key = f"{at}{k}"
        origins[key] = file
        if isinstance(v, dict):
            if not isinstance(dst.get(k), dict):
                dst[k] = {}
            _merge(dst[k], v, file, origins, f"{key}.")
        else:
            if isinstance(dst.get(k), dict):  # a table replaced by a plain value: forget its keys
                for stale in [o for o in origins if o.startswith(f"{key}.")]:
                    del origins[stale]
            dst[k] = v


def _tree(files: list[_File]) -> tuple[dict[str, Any], dict[str, str]]:
    """The merged tree (own keys from the first file only) and where each value came from."""
    tree: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for file in reversed(files):
        inherited = {k: v for k, v in file.data.items() if k not in OWN_KEYS}
        _merge(tree, inherited, file.shown, origins, "")
    own = {k: v for k, v in files[0].data.items() if k in OWN_KEYS}
    _merge(tree, own, files[0].shown, origins, "")
    return tree, origins


def _current(stamp: _Stamp) -> bool:
    try:
        for path, mtime, size in stamp:
            st = Path(path).stat()
            if (st.st_mtime_ns, st.st_size) != (mtime, size):
                return False
    except OSError:
        return False
    return True


def load_theme(themes_dir: Path, slug: str) -> Theme:
    """The validated theme ``slug`` from ``themes_dir``, its gaps filled from its parents.

    Raises ``ThemeError`` listing every problem found, each naming the file and dotted key.
    """
    themes_dir = Path(themes_dir)
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        message = "not a theme slug: slugs are made of a-z, 0-9 and -"
        raise ThemeError([Problem(f"{themes_dir.name}/{slug}", "", message)])
    key = (themes_dir.resolve(), slug)
    with _lock:
        cached = _cache.get(key)
    if cached is not None and _current(cached[0]):
        return cached[1]
    files = _chain(themes_dir, slug)
    tree, origins = _tree(files)
    check = Checker(tree, origins, files[0].shown, top_level=KEYS[""])
    extends = tuple(f.slug for f in files[1:])
    theme = build_theme(check, slug, themes_dir / slug, extends)
    if theme is None:
        raise ThemeError(check.problems)
    with _lock:
        _cache[key] = (tuple(f.stamp for f in files), theme)
    return theme


def theme_slugs(themes_dir: Path) -> list[str]:
    """Folders of ``themes_dir`` holding a theme.toml: the default first, then by name."""
    themes_dir = Path(themes_dir)
    if not themes_dir.is_dir():
        return []
    slugs = sorted(p.parent.name for p in themes_dir.glob(f"*/{THEME_FILE}") if p.is_file())
    return sorted(slugs, key=lambda s: s != DEFAULT)


def list_themes(themes_dir: Path) -> list[Theme]:
    """Every theme of ``themes_dir``, the default first; ``ThemeError`` with the problems of
    all broken themes together if any is broken."""
    themes: list[Theme] = []
    problems: list[Problem] = []
    for slug in theme_slugs(themes_dir):
        try:
            themes.append(load_theme(themes_dir, slug))
        except ThemeError as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise ThemeError(problems)
    return themes
