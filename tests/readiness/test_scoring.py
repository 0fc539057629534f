"""Scoring the checklist: every band boundary of every section, and A gating C, D and F."""

from __future__ import annotations

import pytest

from catalogue.readiness import models, scoring
from catalogue.readiness.scoring import SECTION_QUESTIONS, score


def answers_for(
    a: int = 0, b: int = 0, c: int = 0, d: int = 0, e: int = 0, f: int = 0
) -> list[bool]:
    """44 answers with the first ``n`` questions of each section answered yes."""
    wanted = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}
    answers = []
    for section, numbers in SECTION_QUESTIONS.items():
        answers += [i < wanted[section] for i in range(len(numbers))]
    return answers


def test_sections_match_the_stored_maxima() -> None:
    assert scoring.SECTION_MAXIMA == models.SECTION_MAXIMA
    assert sum(scoring.SECTION_MAXIMA.values()) == scoring.QUESTION_COUNT == 44


def test_each_yes_counts_one_point_in_its_own_section() -> None:
    for number in range(1, 45):
        answers = [n == number for n in range(1, 45)]
        result = score(answers)
        section = scoring.section_of(number)
        assert result.scores == {s: int(s == section) for s in scoring.SECTIONS}, number


@pytest.mark.parametrize("count", [0, 43, 45])
def test_a_wrong_number_of_answers_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="44 answers"):
        score([True] * count)


def test_answers_other_than_yes_or_no_are_refused() -> None:
    with pytest.raises(ValueError):
        score([1] * 44)  # type: ignore[list-item]


# (scores given, section, advice expected, section counts)
BANDS = [
    # A, product readiness (max 12): 12 next step; 6–11 growth; below 6 needs development.
    ({"a": 12}, "a", "ready_next_step", True),
    ({"a": 11}, "a", "ready_for_growth", True),
    ({"a": 7}, "a", "ready_for_growth", True),
    ({"a": 6}, "a", "ready_for_growth", True),
    ({"a": 5}, "a", "needs_development", True),
    ({"a": 0}, "a", "needs_development", True),
    # B, viability: one question.
    ({"b": 0}, "b", "work_on_viability", True),
    ({"b": 1}, "b", "viable", True),
    ({"a": 12, "b": 0}, "b", "work_on_viability", True),
    # C, facilitator model (max 10), counted with A = 7: 10 market-ready (the overlap with
    # "5–10" goes to market-ready), 5–9 strategy, below 5 the facilitator model is for her.
    ({"a": 7, "c": 10}, "c", "likely_market_ready", True),
    ({"a": 7, "c": 9}, "c", "model_helps_strategy", True),
    ({"a": 7, "c": 5}, "c", "model_helps_strategy", True),
    ({"a": 7, "c": 4}, "c", "facilitator_model_for_her", True),
    ({"a": 7, "c": 0}, "c", "facilitator_model_for_her", True),
    # D, catalogue model (max 11), counted with A = 7.
    ({"a": 7, "d": 11}, "d", "catalogue_definitely_for_her", True),
    ({"a": 7, "d": 10}, "d", "explore_catalogue", True),
    ({"a": 7, "d": 5}, "d", "explore_catalogue", True),
    ({"a": 7, "d": 4}, "d", "look_at_all_models", True),
    ({"a": 7, "d": 0}, "d", "look_at_all_models", True),
    # E, public policy (max 5): counts whatever A is.
    ({"e": 5}, "e", "policy_helpful", True),
    ({"e": 4}, "e", "learn_local_resources", True),
    ({"a": 12, "e": 4}, "e", "learn_local_resources", True),
    # F, export (max 5), counted with A = 7.
    ({"a": 7, "f": 5}, "f", "likely_export_ready", True),
    ({"a": 7, "f": 4}, "f", "not_yet_export_ready", True),
    ({"a": 7, "f": 0}, "f", "not_yet_export_ready", True),
    # The gate: with A = 6 even full marks in C, D and F do not count; with A = 7 they do.
    ({"a": 6, "c": 10}, "c", "not_counted", False),
    ({"a": 6, "c": 4}, "c", "not_counted", False),
    ({"a": 6, "d": 11}, "d", "not_counted", False),
    ({"a": 6, "d": 4}, "d", "not_counted", False),
    ({"a": 6, "f": 5}, "f", "not_counted", False),
    ({"a": 0, "f": 5}, "f", "not_counted", False),
    ({"a": 12, "c": 10}, "c", "likely_market_ready", True),
    ({"a": 12, "d": 11}, "d", "catalogue_definitely_for_her", True),
    ({"a": 12, "f": 5}, "f", "likely_export_ready", True),
]


@pytest.mark.parametrize(("given", "section", "advice", "counts"), BANDS)
def test_every_band_boundary_gives_its_advice(
    given: dict[str, int], section: str, advice: str, counts: bool
) -> None:
    result = score(answers_for(**given))
    assert result.scores[section] == given.get(section, 0)
    assert result.advice[section] == advice
    assert result.counts(section) is counts


@pytest.mark.parametrize(("a", "gated_count"), [(0, False), (6, False), (7, True), (12, True)])
def test_a_above_six_lets_c_d_and_f_count_together(a: int, gated_count: bool) -> None:
    result = score(answers_for(a=a, c=10, d=11, f=5))
    assert result.gated_sections_count is gated_count
    assert [result.counts(s) for s in "cdf"] == [gated_count] * 3
    assert [result.counts(s) for s in "abe"] == [True] * 3


# (scores given, filter key, matches)
FILTER_CASES = [
    ({"a": 7, "d": 5}, "catalogue_model_for_her", True),
    ({"a": 7, "d": 11}, "catalogue_model_for_her", True),
    ({"a": 7, "d": 4}, "catalogue_model_for_her", False),
    ({"a": 6, "d": 11}, "catalogue_model_for_her", False),
    ({"a": 7, "c": 4}, "facilitator_model_for_her", True),
    ({"a": 7, "c": 5}, "facilitator_model_for_her", False),
    ({"a": 6, "c": 0}, "facilitator_model_for_her", False),
    ({"a": 7, "c": 10}, "market_ready", True),
    ({"a": 7, "c": 9}, "market_ready", False),
    ({"a": 6, "c": 10}, "market_ready", False),
    ({"a": 7, "f": 5}, "export_ready", True),
    ({"a": 7, "f": 4}, "export_ready", False),
    ({"a": 6, "f": 5}, "export_ready", False),
    ({"a": 12}, "ready_next_step", True),
    ({"a": 11}, "ready_next_step", False),
    ({"a": 5}, "needs_development", True),
    ({"a": 6}, "needs_development", False),
    ({"b": 0}, "work_on_viability", True),
    ({"b": 1}, "work_on_viability", False),
]


@pytest.mark.parametrize(("given", "key", "matches"), FILTER_CASES)
def test_facilitator_filters_follow_the_bands(
    given: dict[str, int], key: str, matches: bool
) -> None:
    assert key in scoring.FILTERS
    assert (key in score(answers_for(**given)).filters) is matches


def test_stored_scores_give_the_same_result_as_the_answers() -> None:
    result = score(answers_for(a=9, b=1, c=3, d=7, e=2, f=5))
    assert scoring.from_scores(result.scores) == result


@pytest.mark.parametrize(
    "scores",
    [
        {"a": 13, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0},
        {"a": 0, "b": 2, "c": 0, "d": 0, "e": 0, "f": 0},
        {"a": -1, "b": 0, "c": 0, "d": 0, "e": 0, "f": 0},
        {"a": 0, "b": 0, "c": 0, "d": 0, "e": 0},
    ],
)
def test_stored_scores_out_of_range_are_refused(scores: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        scoring.from_scores(scores)
