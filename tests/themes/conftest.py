"""Theme folders written into tmp_path: a copy of the shipped default plus the themes under test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.config import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "themes"
DEFAULT_TOML = (SHIPPED / "default" / "theme.toml").read_text(encoding="utf-8")

WriteTheme = Callable[[str, str], Path]


def own_part(slug: str, top: str = "") -> str:
    """The keys every theme must set itself: slug, name, description; ``top`` holds more plain
    keys (``extends``, ``layouts``), which TOML needs before the first table."""
    return (
        f'slug = "{slug}"\n{top}\n'
        f'[name]\nen = "{slug} name"\n\n[description]\nen = "{slug} text"\n\n'
    )


@pytest.fixture
def themes_dir(tmp_path: Path) -> Path:
    root = tmp_path / "themes"
    root.mkdir()
    shutil.copytree(SHIPPED / "default", root / "default")
    return root


@pytest.fixture
def write_theme(themes_dir: Path) -> WriteTheme:
    def write(slug: str, text: str) -> Path:
        folder = themes_dir / slug
        folder.mkdir(exist_ok=True)
        path = folder / "theme.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
