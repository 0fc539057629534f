"""Every interface string exists in every language, with its placeholders intact, and the
user's language reaches pages and error messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from flask import Flask

from catalogue.config import PROJECT_ROOT
from catalogue.core.i18n import TRANSLATIONS_DIR, compile_translations
from tests.conftest import csrf_from

LANGUAGES = ["es", "fr", "vi"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _source_messages() -> set[str]:
    method_map = [("catalogue/**.py", "python"), ("catalogue/templates/**.html", "jinja2")]
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        PROJECT_ROOT,
        method_map=method_map,
        keywords={
            "_": None,
            "_l": None,
            "N_": None,
            "gettext": None,
            "lazy_gettext": None,
            "ngettext": (1, 2),
        },
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_interface_string_is_translated(lang: str) -> None:
    path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert "fuzzy" not in message.flags, msgid
        if isinstance(message.id, tuple):
            assert len(strings) == catalog.num_plurals, (lang, msgid)
        translated[msgid] = (message.id, strings)
    missing = sorted(_source_messages() - set(translated))
    assert missing == [], f"untranslated in {lang}: run `make i18n` and translate"
    for msgid, (ids, strings) in translated.items():
        wanted = set(PLACEHOLDER.findall(ids[-1] if isinstance(ids, tuple) else ids))
        for text in strings:
            assert text, msgid
            assert set(PLACEHOLDER.findall(text)) <= wanted, (lang, msgid, text)


def test_translations_compile_into_the_instance_folder(tmp_path: Path) -> None:
    compile_translations(TRANSLATIONS_DIR, tmp_path)
    for lang in LANGUAGES:
        assert (tmp_path / lang / "LC_MESSAGES" / "messages.mo").stat().st_size > 0


def test_pages_speak_the_chosen_language(client) -> None:
    token = csrf_from(client, "/")
    for lang, words in {"es": "Iniciar sesión", "fr": "Se connecter", "vi": "Đăng nhập"}.items():
        client.post("/language", data={"locale": lang, "next": "/", "csrf_token": token})
        assert words in client.get("/login").get_data(as_text=True), lang


def test_refusals_are_explained_in_the_users_language(app: Flask) -> None:
    from catalogue.auth import services
    from catalogue.core.validation import ValidationError
    from catalogue.extensions import db

    with (
        app.test_request_context(headers={"Accept-Language": "es"}),
        pytest.raises(ValidationError) as caught,
    ):
        services.create_user(db.session, email="x", name="Ana", password="long-enough-pw")
    assert caught.value.errors["email"] != "Enter a valid e-mail address."
    assert "correo" in caught.value.errors["email"].lower()
