"""Scoring the readiness checklist: one point per yes, six section scores, one advice per section.

Pure functions of the answers (or of stored section scores); no database, no request. The bands
follow the design notes (DESIGN.md, "readiness checklist") exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

QUESTION_COUNT = 44

# Which questions make up each section; its maximum is the number of questions in it.
SECTION_QUESTIONS: dict[str, range] = {
    "a": range(1, 13),  # product readiness
    "b": range(13, 14),  # viability: can fill 30 items in a month alone
    "c": range(14, 24),  # facilitator model
    "d": range(24, 35),  # catalogue model
    "e": range(35, 40),  # public policy resources
    "f": range(40, 45),  # export readiness
}
SECTIONS: tuple[str, ...] = tuple(SECTION_QUESTIONS)
SECTION_MAXIMA: dict[str, int] = {s: len(r) for s, r in SECTION_QUESTIONS.items()}

# C, D and F only mean something once the product itself is far enough along.
GATED_SECTIONS = frozenset({"c", "d", "f"})
GATE_ABOVE = 6  # A must be above this (7 or more) for C, D and F to count

NOT_COUNTED = "not_counted"

# Keys the facilitator filters her producers' table by, in the order the filter offers them.
FILTERS: tuple[str, ...] = (
    "catalogue_model_for_her",
    "facilitator_model_for_her",
    "market_ready",
    "export_ready",
    "ready_next_step",
    "needs_development",
    "work_on_viability",
)


def section_of(number: int) -> str:
    """The section (``"a"``–``"f"``) of question ``number`` (1–44)."""
    for section, numbers in SECTION_QUESTIONS.items():
        if number in numbers:
            return section
    raise ValueError(f"there is no question {number}")


@dataclass(frozen=True)
class Result:
    """Raw section scores, and what they mean."""

    a: int
    b: int
    c: int
    d: int
    e: int
    f: int

    @property
    def gated_sections_count(self) -> bool:
        """Whether C, D and F count: only when A is above 6."""
        return self.a > GATE_ABOVE

    def counts(self, section: str) -> bool:
        return section not in GATED_SECTIONS or self.gated_sections_count

    @property
    def scores(self) -> dict[str, int]:
        return {s: getattr(self, s) for s in SECTIONS}

    @property
    def advice(self) -> dict[str, str]:
        """One advice code per section."""
        gate = self.gated_sections_count
        return {
            "a": advice_a(self.a),
            "b": advice_b(self.b),
            "c": advice_c(self.c) if gate else NOT_COUNTED,
            "d": advice_d(self.d) if gate else NOT_COUNTED,
            "e": advice_e(self.e),
            "f": advice_f(self.f) if gate else NOT_COUNTED,
        }

    @property
    def filters(self) -> frozenset[str]:
        """The facilitator-table filter keys (``FILTERS``) this result matches."""
        gate = self.gated_sections_count
        keys = {
            "catalogue_model_for_her": gate and self.d >= 5,
            "facilitator_model_for_her": gate and self.c < 5,
            "market_ready": gate and self.c == SECTION_MAXIMA["c"],
            "export_ready": gate and self.f == SECTION_MAXIMA["f"],
            "ready_next_step": self.a == SECTION_MAXIMA["a"],
            "needs_development": self.a < 6,
            "work_on_viability": self.b == 0,
        }
        return frozenset(k for k, matched in keys.items() if matched)


def advice_a(a: int) -> str:
    if a == SECTION_MAXIMA["a"]:
        return "ready_next_step"
    if a >= 6:
        return "ready_for_growth"  # 6–11: needs a model (facilitator or catalogue)
    return "needs_development"


def advice_b(b: int) -> str:
    return "viable" if b == 1 else "work_on_viability"


def advice_c(c: int) -> str:
    # The design gives "10 likely market-ready" and "5–10 the model helps define sales
    # strategies": the two overlap at 10. A full score is the stronger statement, so 10 is
    # market-ready and the strategy band is 5–9.
    if c == SECTION_MAXIMA["c"]:
        return "likely_market_ready"
    if c >= 5:
        return "model_helps_strategy"
    return "facilitator_model_for_her"


def advice_d(d: int) -> str:
    # Likewise "11 definitely for her" and "5–11 explore it" overlap at 11: 11 is "definitely".
    if d == SECTION_MAXIMA["d"]:
        return "catalogue_definitely_for_her"
    if d >= 5:
        return "explore_catalogue"
    return "look_at_all_models"


def advice_e(e: int) -> str:
    return "policy_helpful" if e == SECTION_MAXIMA["e"] else "learn_local_resources"


def advice_f(f: int) -> str:
    return "likely_export_ready" if f == SECTION_MAXIMA["f"] else "not_yet_export_ready"


def from_scores(scores: Mapping[str, int]) -> Result:
    """The result for stored section scores (``{"a": .., ..., "f": ..}``); ValueError if out of
    range."""
    if set(scores) != set(SECTIONS):
        raise ValueError(f"need scores for exactly the sections {', '.join(SECTIONS)}")
    for section, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"section {section}: score must be a whole number")
        if not 0 <= value <= SECTION_MAXIMA[section]:
            raise ValueError(f"section {section}: {value} is not in 0–{SECTION_MAXIMA[section]}")
    return Result(**scores)


def score(answers: Sequence[bool]) -> Result:
    """Score 44 yes/no answers (question 1 first): one point per yes. ValueError otherwise."""
    if len(answers) != QUESTION_COUNT:
        raise ValueError(f"expected {QUESTION_COUNT} answers, got {len(answers)}")
    if not all(isinstance(answer, bool) for answer in answers):
        raise ValueError("every answer must be yes (True) or no (False)")
    return Result(
        **{s: sum(answers[n - 1] for n in numbers) for s, numbers in SECTION_QUESTIONS.items()}
    )
