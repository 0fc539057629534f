"""Interface language: the user's explicit choice, her profile, her browser, then the default."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, has_request_context, request, session
from flask_login import current_user

from catalogue.extensions import babel

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "vi": "Tiếng Việt"}


def select_locale() -> str | None:
    """The locale for this request (Flask-Babel's selector)."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI and jobs
        return current_app.config["DEFAULT_LOCALE"]
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return request.accept_languages.best_match(languages) or current_app.config["DEFAULT_LOCALE"]


def compile_translations(source: Path, target: Path) -> None:
    """Compile each ``<lang>/LC_MESSAGES/messages.po`` below ``source`` into ``target``.

    Only the text catalogues live in the repository; the binary ``.mo`` files are made here, on
    start-up, when missing or older than their ``.po`` (atomic, so workers may race safely).
    """
    for po_path in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parent.parent.name)
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=mo_path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, mo_path)


def init_i18n(app: Flask) -> None:
    compiled = Path(app.instance_path) / "translations"
    compile_translations(TRANSLATIONS_DIR, compiled)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _languages() -> dict[str, object]:
        return {
            "language_names": {
                code: LANGUAGE_NAMES.get(code, code) for code in app.config["LANGUAGES"]
            }
        }
