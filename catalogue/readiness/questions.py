"""The readiness checklist's words, looked up: 44 questions, six section titles and the advice
for each band, in every interface language.

The texts themselves are data, in ``question_texts`` (the questions, by number) and
``section_texts`` (titles and advice); this module checks that every text exists in every
language, puts French punctuation right, and answers lookups with fallback to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from catalogue.readiness import question_texts, section_texts
from catalogue.readiness.scoring import QUESTION_COUNT, section_of

LOCALES: Final = ("en", "es", "fr", "vi")
FALLBACK: Final = "en"


def _fr(text: str) -> str:
    # French puts a space before ? : ; ! — a no-break one, so the mark never starts a line alone
    # on a narrow phone screen.
    for mark in "?:;!":
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


def _texts(what: str, texts: Mapping[str, str]) -> MappingProxyType[str, str]:
    # A text missing in one language would only show as a fallback to English on some page:
    # refuse it at import instead.
    if tuple(texts) != LOCALES:
        raise ValueError(f"readiness {what}: languages {tuple(texts)}, expected {LOCALES}")
    return MappingProxyType(
        {locale: _fr(t) if locale == "fr" else t for locale, t in texts.items()}
    )


def _table(
    what: str, table: Mapping[str, Mapping[str, str]]
) -> MappingProxyType[str, MappingProxyType[str, str]]:
    return MappingProxyType({key: _texts(f"{what} {key!r}", texts) for key, texts in table.items()})


SECTION_TITLES: Final = _table("section title", section_texts.SECTION_TITLES)
ADVICE: Final = _table("advice", section_texts.ADVICE)

if sorted(question_texts.QUESTION_TEXTS) != list(range(1, QUESTION_COUNT + 1)):
    raise ValueError(f"readiness questions: expected numbers 1-{QUESTION_COUNT}")


@dataclass(frozen=True)
class Question:
    """One checklist question: its number (1-44), its section (``"a"``-``"f"``), its texts."""

    number: int
    section: str
    texts: MappingProxyType[str, str]

    def text(self, locale: str) -> str:
        """The question in ``locale``, falling back to English."""
        return _pick(self.texts, locale)


QUESTIONS: Final = tuple(
    Question(n, section_of(n), _texts(f"question {n}", question_texts.QUESTION_TEXTS[n]))
    for n in range(1, QUESTION_COUNT + 1)
)


def _pick(texts: MappingProxyType[str, str], locale: str | None) -> str:
    # "es_CL" and "es-CL" fall back to "es", then to English.
    code = str(locale or FALLBACK)
    return texts.get(code) or texts.get(code.replace("-", "_").split("_")[0]) or texts[FALLBACK]


def question_text(number: int, locale: str | None) -> str:
    """Question ``number`` (1–44) in ``locale``, falling back to English."""
    if not 1 <= number <= QUESTION_COUNT:
        raise ValueError(f"there is no question {number}")
    return QUESTIONS[number - 1].text(str(locale or FALLBACK))


def section_title(section: str, locale: str | None) -> str:
    """The plain title of section ``section`` (``"a"``–``"f"``) in ``locale``."""
    return _pick(SECTION_TITLES[section], locale)


def advice_text(code: str, locale: str | None) -> str:
    """The advice for ``code`` (see ``scoring``) in ``locale``, falling back to English."""
    return _pick(ADVICE[code], locale)


def questions_in(section: str) -> tuple[Question, ...]:
    """The questions of section ``section``, in order."""
    return tuple(q for q in QUESTIONS if q.section == section)
