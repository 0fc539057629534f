"""The theme packs shipped in themes/: all valid, distinct, covered by their fonts, documented."""

from __future__ import annotations

import re
import sysconfig
import unicodedata
from pathlib import Path

import pytest

from catalogue.themes import list_themes, load_theme
from catalogue.themes.fonts import missing_glyphs
from catalogue.themes.model import LAYOUTS, Theme
from catalogue.themes.schema import KEYS, LOCALES
from tests.themes.conftest import SHIPPED

SAMPLES = {
    "vi": "Khăn lụa tơ tằm dệt tay, do chị Đào ở Hội An làm. Ưng ý? “Rất đẹp” — Ồ, ỚT…",
    "es": "Bolso tejido a mano, ¿año? ¡Señora Núñez! Pingüino.",
    "fr": "Écharpe en soie tissée à la main « cœur » — Noël, Œuvre, ça, où, naïf.",
    "en": "Hand-woven silk scarf, 25 € – ‘limited’ edition.",
}
EXPECTED = {"default", "winter-games", "indigenous-artisans", "green-organic", "regional-identity"}


def _themes() -> list[Theme]:
    return list_themes(SHIPPED)


def test_every_shipped_theme_loads_and_validates() -> None:
    themes = _themes()
    assert {t.slug for t in themes} >= EXPECTED
    assert themes[0].slug == "default"
    for theme in themes:
        assert theme.source == SHIPPED / theme.slug
        assert theme.layouts and set(theme.layouts) <= set(LAYOUTS)
        assert theme.extends == (() if theme.slug == "default" else ("default",))


def test_at_least_four_themes_besides_default_each_with_their_own_colours_and_fonts() -> None:
    themes = _themes()
    others = [t for t in themes if t.slug != "default"]
    assert len(others) >= 4
    palettes = {tuple(sorted((r, c.rgb) for r, c in t.colours.items())) for t in themes}
    accents = {t.colours["accent"].cmyk for t in themes}
    type_pairs = {(t.fonts.body.name, t.fonts.heading.name) for t in themes}
    assert len(palettes) == len(accents) == len(type_pairs) == len(themes)


@pytest.mark.parametrize(
    ("slug", "trim", "layouts", "cover", "font"),
    [
        ("winter-games", "A4", ("grid4", "grid6"), "colour-block", "AmaticSC-Bold"),
        ("indigenous-artisans", "A4", ("grid2", "grid1"), "photo-full-bleed", "SourceSerif-"),
        ("green-organic", "LETTER", ("grid4", "list"), "colour-block", "OpenSans-"),
        ("regional-identity", "A5", ("grid2", "grid4"), "photo-band", "SourceSerif-Bold"),
    ],
)
def test_each_theme_is_what_its_name_promises(
    slug: str, trim: str, layouts: tuple[str, ...], cover: str, font: str
) -> None:
    theme = load_theme(SHIPPED, slug)
    assert theme.page.trim == trim
    assert theme.layouts == layouts
    assert theme.default_layout == layouts[0]
    assert theme.cover.style == cover
    assert theme.fonts.heading.name.startswith(font)


def test_theme_fonts_come_from_the_installed_font_packages_not_the_machine() -> None:
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    for theme in _themes():
        for face in (theme.fonts.body, theme.fonts.bold, theme.fonts.italic, theme.fonts.heading):
            path = face.path.resolve()
            assert path.is_file()
            assert path.is_relative_to(site_packages), path
            assert path.parts[len(site_packages.parts)].startswith(("font_", "ttf_"))
            assert not str(path).startswith("/usr/share")


@pytest.mark.parametrize("locale", sorted(SAMPLES))
def test_every_theme_font_has_the_letters_of_each_language(locale: str) -> None:
    text = unicodedata.normalize("NFC", SAMPLES[locale])
    for theme in _themes():
        for face in (theme.fonts.body, theme.fonts.bold, theme.fonts.italic, theme.fonts.heading):
            assert missing_glyphs(face, text) == set(), (theme.slug, face.name)


def test_every_theme_is_named_and_described_in_all_four_languages_in_nfc() -> None:
    for theme in _themes():
        for texts in (theme.name, theme.description):
            assert set(texts) == set(LOCALES), theme.slug
            for text in texts.values():
                assert text == unicodedata.normalize("NFC", text)
    for path in SHIPPED.glob("*/theme.toml"):
        raw = path.read_text(encoding="utf-8")
        assert raw == unicodedata.normalize("NFC", raw), path


def test_theme_css_declares_the_rgb_colours_of_theme_toml() -> None:
    for theme in _themes():
        assert theme.static_dir is not None
        css = (theme.static_dir / "theme.css").read_text(encoding="utf-8")
        declared = dict(re.findall(r"--theme-([a-z-]+):\s*(#[0-9a-f]{6});", css))
        expected = {role.replace("_", "-"): c.rgb for role, c in theme.colours.items()}
        assert declared == expected, theme.slug
        assert "--theme-font-body:" in css and "--theme-font-heading:" in css


def test_each_theme_has_a_templates_folder_explaining_what_goes_there() -> None:
    for theme in _themes():
        assert theme.templates_dir is not None
        readme = (theme.templates_dir / "README.md").read_text(encoding="utf-8")
        assert "override" in readme


def test_the_theme_format_documentation_names_every_key() -> None:
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    keys = {k for group in KEYS.values() for k in group}
    # plain keys appear as `key`, tables as a `[table]` heading
    undocumented = sorted(k for k in keys if f"`{k}`" not in readme and f"`[{k}" not in readme)
    assert undocumented == []
    for slug in EXPECTED:
        assert f"`{slug}`" in readme
