"""Themes seen by the app: read from THEMES_DIR, unknown slugs refused, broken packs left out."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from catalogue.themes import ThemeError, available_themes, get_theme
from tests.conftest import Databases, build_app
from tests.themes.conftest import SHIPPED, WriteTheme, own_part


def test_the_app_reads_the_shipped_themes_by_default(databases: Databases, tmp_path: Path) -> None:
    app = build_app(databases.new(), tmp_path)
    with app.app_context():
        assert get_theme("winter-games").source == SHIPPED / "winter-games"
        slugs = [t.slug for t in available_themes()]
        assert slugs[0] == "default" and "regional-identity" in slugs
        with pytest.raises(ThemeError, match="no such theme"):
            get_theme("no-such-theme")


def test_a_broken_pack_is_left_out_of_the_choices_and_logged(
    databases: Databases,
    tmp_path: Path,
    themes_dir: Path,
    write_theme: WriteTheme,
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_theme("good", own_part("good"))
    write_theme("broken", own_part("broken") + '[fonts]\nbody = "helvetica"\n')
    app = build_app(databases.new(), tmp_path, THEMES_DIR=str(themes_dir))
    with app.app_context(), caplog.at_level(logging.WARNING):
        assert [t.slug for t in available_themes()] == ["default", "good"]
        with pytest.raises(ThemeError, match=r"fonts\.body: unknown font family 'helvetica'"):
            get_theme("broken")
    assert "themes/broken/theme.toml: fonts.body" in caplog.text
