"""theme.toml files read, merged over their parents, checked, and cached: real files in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalogue.core.validation import ValidationError
from catalogue.themes import ThemeError, list_themes, load_theme
from catalogue.themes.loader import theme_slugs
from tests.themes.conftest import DEFAULT_TOML, WriteTheme, own_part


def _broken(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_a_theme_that_leaves_keys_out_inherits_them_from_default(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme(
        "minimal",
        own_part("minimal")
        + "[page]\nbleed_mm = 5\n\n"
        + '[colours.accent]\nrgb = "#123456"\n\n'
        + "[fonts]\nbody_size_pt = 11\n",
    )
    default = load_theme(themes_dir, "default")
    theme = load_theme(themes_dir, "minimal")
    assert theme.extends == ("default",)
    assert theme.page.bleed_mm == 5
    assert theme.page.trim == default.page.trim and theme.page.safe_mm == default.page.safe_mm
    assert theme.colours["accent"].rgb == "#123456"
    assert theme.colours["accent"].cmyk == default.colours["accent"].cmyk
    assert theme.colours["paper"] == default.colours["paper"]
    assert theme.fonts.body_size_pt == 11 and theme.fonts.heading == default.fonts.heading
    assert theme.cover == default.cover and theme.layouts == default.layouts
    # A theme's name and description are its own, never the default's.
    assert theme.name == {"en": "minimal name"}
    assert theme.templates_dir is None and theme.static_dir is None


def test_a_theme_extending_another_takes_its_values_before_the_defaults(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme(
        "base", own_part("base", 'layouts = ["grid6"]\n') + '[fonts]\nheading = "amatic-sc"\n'
    )
    write_theme("child", own_part("child", 'extends = "base"\n') + '[page]\ntrim = "a5"\n')
    child = load_theme(themes_dir, "child")
    assert child.extends == ("base", "default")
    assert child.fonts.heading.name == "AmaticSC-Regular"
    assert child.layouts == ("grid6",)
    assert (child.page.trim, child.page.width_mm, child.page.height_mm) == ("A5", 148, 210)


def test_a_cycle_of_extends_is_reported(themes_dir: Path, write_theme: WriteTheme) -> None:
    write_theme("ann", own_part("ann", 'extends = "bob"\n'))
    write_theme("bob", own_part("bob", 'extends = "cy"\n'))
    write_theme("cy", own_part("cy", 'extends = "bob"\n'))
    with pytest.raises(ThemeError) as caught:
        load_theme(themes_dir, "ann")
    assert str(caught.value) == (
        "themes/cy/theme.toml: extends: themes extend in a cycle: bob -> cy -> bob"
    )


def test_extending_a_missing_theme_is_reported(themes_dir: Path, write_theme: WriteTheme) -> None:
    write_theme("orphan", own_part("orphan", 'extends = "nobody"\n'))
    with pytest.raises(ThemeError, match=r"themes/orphan/theme.toml: extends: no theme \"nobody\""):
        load_theme(themes_dir, "orphan")


def test_a_broken_theme_reports_every_problem_naming_the_file_and_the_key(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    text = _broken(
        DEFAULT_TOML,
        ('slug = "default"', 'slug = "broken"'),
        ("bleed_mm = 3", 'bleed_mm = "x"\nbleeds_mm = 3'),
        ("safe_mm = 5", "safe_mm = 2"),
        ("cmyk = [90, 25, 35, 10]", "cmyk = [90, 25, 35]"),
        ('rgb = "#737373"', 'rgb = "grey"'),
        ('heading = "source-sans:semibold"', 'heading = "comic-sans:bold"'),
        ('italic = "source-sans:italic"', 'italic = "source-serif:italic"'),
        ('style = "colour-block"', 'style = "poster"'),
        ('"grid4", "grid2"', '"grid3", "grid2"'),
        ('vi = "Mặc định"', 'vn = "Mặc định"'),
    )
    write_theme("broken", text)
    with pytest.raises(ThemeError) as caught:
        load_theme(themes_dir, "broken")
    error = caught.value
    assert isinstance(error, ValidationError) and isinstance(error, ValueError)
    message = str(error)
    assert (
        'themes/broken/theme.toml: page.bleed_mm: must be a number between 0 and 10 (got "x")'
        in (message)
    )
    f = "themes/broken/theme.toml: "
    for expected in (
        'page.bleeds_mm: unknown key (did you mean "bleed_mm"?',
        "page.safe_mm: must be a number between 3 and 20 (got 2)",
        "colours.accent.cmyk: must be four percentages [c, m, y, k], each 0 to 100 "
        "(got [90, 25, 35])",
        'colours.muted.rgb: must be a colour "#rrggbb" (got "grey")',
        "fonts.heading: unknown font family 'comic-sans'",
        'fonts.italic: "source-serif:italic" has no glyphs for ',
        'cover.style: must be one of photo-full-bleed, colour-block, photo-band (got "poster")',
        "layouts: must be a non-empty list of distinct layouts",
        "name.vn: unknown key",
    ):
        assert f + expected in message, expected
    assert "ơ" in error.errors[f"{f}fonts.italic"]
    assert len(error.problems) == 10
    assert {p.file for p in error.problems} == {"themes/broken/theme.toml"}


def test_a_bad_inherited_value_is_blamed_on_the_file_it_came_from(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    default_toml = themes_dir / "default" / "theme.toml"
    default_toml.write_text(
        _broken(DEFAULT_TOML, ('rgb = "#737373"', 'rgb = "#7373"')), encoding="utf-8"
    )
    write_theme("child", own_part("child") + "[colours.muted]\ncmyk = [0, 0, 0, 101]\n")
    with pytest.raises(ThemeError) as caught:
        load_theme(themes_dir, "child")
    assert [str(p) for p in caught.value.problems] == [
        "themes/child/theme.toml: colours.muted.cmyk: must be four percentages [c, m, y, k], "
        "each 0 to 100 (got [0, 0, 0, 101])",
        'themes/default/theme.toml: colours.muted.rgb: must be a colour "#rrggbb" (got "#7373")',
    ]


def test_a_plain_key_written_below_a_table_is_explained(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme("late", own_part("late") + '[cover]\nstyle = "photo-band"\nlayouts = ["grid1"]\n')
    with pytest.raises(ThemeError, match=r"cover\.layouts: .* before the first \[table\]"):
        load_theme(themes_dir, "late")


def test_cmyk_percentages_become_fractions_and_rgb_is_lower_case(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme(
        "ink", own_part("ink") + '[colours.text]\ncmyk = [100, 50, 0, 12.5]\nrgb = "#0A0B0C"\n'
    )
    assert load_theme(themes_dir, "ink").colours["text"].cmyk == (1.0, 0.5, 0.0, 0.125)
    assert load_theme(themes_dir, "ink").colours["text"].rgb == "#0a0b0c"


def test_landscape_swaps_the_trim_and_margins_must_respect_the_safe_zone(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme("wide", own_part("wide") + '[page]\ntrim = "DL"\norientation = "landscape"\n')
    page = load_theme(themes_dir, "wide").page
    assert (page.trim, page.width_mm, page.height_mm) == ("DL", 210, 99)

    write_theme("tight", own_part("tight") + "[page]\nsafe_mm = 8\nmargin_left_mm = 6\n")
    with pytest.raises(ThemeError, match=r"page.margin_left_mm: must be a number between 8 and"):
        load_theme(themes_dir, "tight")


def test_the_slug_must_be_the_folder_name(themes_dir: Path, write_theme: WriteTheme) -> None:
    write_theme("folder", own_part("other"))
    with pytest.raises(ThemeError, match=r'folder/theme.toml: slug: must be "folder"'):
        load_theme(themes_dir, "folder")


@pytest.mark.parametrize(("slug", "says"), [("nope", "no such theme"), ("Bad/Slug", "not a theme")])
def test_an_unknown_or_malformed_slug_is_refused(themes_dir: Path, slug: str, says: str) -> None:
    with pytest.raises(ThemeError, match=says):
        load_theme(themes_dir, slug)


def test_invalid_toml_is_reported_with_the_file(themes_dir: Path, write_theme: WriteTheme) -> None:
    write_theme("typo", 'slug = "typo\n')
    with pytest.raises(ThemeError, match=r"themes/typo/theme.toml: cannot be read: .*line 1"):
        load_theme(themes_dir, "typo")


def test_a_loaded_theme_is_reused_until_one_of_its_files_changes(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    path = write_theme("cached", own_part("cached") + "[page]\nbleed_mm = 4\n")
    first = load_theme(themes_dir, "cached")
    assert load_theme(themes_dir, "cached") is first

    path.write_text(own_part("cached") + "[page]\nbleed_mm = 5.5\n", encoding="utf-8")
    second = load_theme(themes_dir, "cached")
    assert second.page.bleed_mm == 5.5

    default_toml = themes_dir / "default" / "theme.toml"
    default_toml.write_text(DEFAULT_TOML.replace("slug_mm = 9", "slug_mm = 12"), encoding="utf-8")
    stat = default_toml.stat()
    os.utime(default_toml, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert load_theme(themes_dir, "cached").page.slug_mm == 12


def test_list_themes_gives_the_default_first_and_reports_all_broken_themes_together(
    themes_dir: Path, write_theme: WriteTheme
) -> None:
    write_theme("zeta", own_part("zeta"))
    write_theme("alpha", own_part("alpha"))
    (themes_dir / "no-toml").mkdir()
    assert theme_slugs(themes_dir) == ["default", "alpha", "zeta"]
    assert [t.slug for t in list_themes(themes_dir)] == ["default", "alpha", "zeta"]

    write_theme("bad-one", own_part("bad-one") + "[page]\nbleed_mm = 11\n")
    write_theme("bad-two", own_part("bad-two") + "[cover]\nshow_network = 1\n")
    with pytest.raises(ThemeError) as caught:
        list_themes(themes_dir)
    assert [p.key for p in caught.value.problems] == ["page.bleed_mm", "cover.show_network"]
