"""The checklist's words: every question, title and advice in every language, in plain text."""

from __future__ import annotations

import unicodedata

import pytest

from catalogue.readiness import scoring
from catalogue.readiness.forms import FILTER_LABELS
from catalogue.readiness.questions import (
    ADVICE,
    LOCALES,
    QUESTIONS,
    SECTION_TITLES,
    advice_text,
    question_text,
    section_title,
)


def test_locales_are_the_interface_languages(app) -> None:
    assert list(LOCALES) == app.config["LANGUAGES"]


def test_there_are_44_questions_numbered_in_order_in_their_sections() -> None:
    assert [q.number for q in QUESTIONS] == list(range(1, 45))
    for q in QUESTIONS:
        assert q.number in scoring.SECTION_QUESTIONS[q.section]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_question_has_text_in_every_language(locale: str) -> None:
    for number in range(1, 45):
        text = question_text(number, locale)
        assert text.strip(), (number, locale)
        assert text == text.strip() and "  " not in text, (number, locale)
        if locale != "en":
            assert text != question_text(number, "en"), (number, locale)


def _all_texts() -> list[tuple[str, str, str]]:
    texts = [(f"q{q.number}", lang, t) for q in QUESTIONS for lang, t in q.texts.items()]
    texts += [(f"title {s}", lang, t) for s, ts in SECTION_TITLES.items() for lang, t in ts.items()]
    texts += [(code, lang, t) for code, ts in ADVICE.items() for lang, t in ts.items()]
    return texts


def test_every_text_is_in_nfc_and_vietnamese_keeps_its_diacritics() -> None:
    for what, lang, text in _all_texts():
        assert unicodedata.is_normalized("NFC", text), (what, lang)
    vietnamese = " ".join(t for _w, lang, t in _all_texts() if lang == "vi")
    assert any(ord(ch) > 0x1E00 for ch in vietnamese)  # precomposed letters such as ị, ả, ế
    assert question_text(1, "vi") == "Chị đã bán được hơn 200 sản phẩm chưa?"


def test_every_section_title_and_every_advice_exists_in_every_language() -> None:
    possible = {"not_counted"}
    for value in range(13):
        possible |= {scoring.advice_a(value), scoring.advice_c(value), scoring.advice_d(value)}
        possible |= {scoring.advice_b(value), scoring.advice_e(value), scoring.advice_f(value)}
    assert set(ADVICE) == possible
    for locale in LOCALES:
        for section in scoring.SECTIONS:
            assert section_title(section, locale).strip()
        for code in possible:
            assert advice_text(code, locale).strip()


def test_unknown_languages_fall_back_to_english_and_regions_to_their_language() -> None:
    assert question_text(1, "de") == question_text(1, "en")
    assert question_text(1, None) == question_text(1, "en")
    assert question_text(1, "es_CL") == question_text(1, "es")
    assert advice_text("viable", "fr_CA") == advice_text("viable", "fr")


def test_french_punctuation_never_starts_a_line() -> None:
    assert question_text(1, "fr").endswith("\u00a0?")
    assert " ?" not in " ".join(t for _w, lang, t in _all_texts() if lang == "fr")


def test_every_filter_has_a_label() -> None:
    assert list(FILTER_LABELS) == list(scoring.FILTERS)
