"""Sizes and times as people read them: in their language, in units and zones they know."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from flask_babel import force_locale

from catalogue.core.templating import datetime_text, filesize

MOMENT = datetime(2026, 12, 5, 18, 6, 24, 435882, tzinfo=UTC)


@pytest.mark.parametrize(
    ("locale", "size", "shown"),
    [
        ("en", 8_600_000, "8.6 MB"),
        ("en", 8_983_552, "9 MB"),  # once printed as "8773.0 KiB"
        ("en", 340_400, "340 kB"),
        ("en", 999_960, "1 MB"),
        ("en", 2_500_000_000, "2.5 GB"),
        ("es", 8_600_000, "8,6 MB"),
        ("fr", 8_600_000, "8,6\u202fMo"),
        ("vi", 1_500, "1,5 kB"),
    ],
)
def test_file_sizes_read_in_the_readers_units(
    app: Flask, locale: str, size: int, shown: str
) -> None:
    with app.test_request_context(), force_locale(locale):
        assert filesize(size) == shown


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en", "Dec 5, 2026, 6:06\u202fPM UTC"),
        ("es", "5 dic 2026, 18:06 UTC"),
        ("fr", "5 déc. 2026, 18:06 TU"),
    ],
)
def test_times_are_shown_to_the_minute_with_their_zone(app: Flask, locale: str, shown: str) -> None:
    with app.test_request_context(), force_locale(locale):
        text = datetime_text(MOMENT)
    assert text.replace(" ", " ") == shown.replace(" ", " ")
    assert "+00:00" not in text and "24.435882" not in text
