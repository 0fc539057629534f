"""The checklist form (44 yes/no questions in the reader's language) and the advice filter."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from wtforms import Field, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, Optional

from catalogue.core.forms import Form
from catalogue.readiness import scoring
from catalogue.readiness.questions import QUESTIONS

YES, NO = "yes", "no"

# What each filter key of the facilitator's table means, in her words.
FILTER_LABELS = {
    "catalogue_model_for_her": _l("The catalogue model is for her"),
    "facilitator_model_for_her": _l("The facilitator model is for her"),
    "market_ready": _l("Likely market-ready"),
    "export_ready": _l("Likely export-ready"),
    "ready_next_step": _l("Product ready for the next step"),
    "needs_development": _l("Product needs more development"),
    "work_on_viability": _l("Cannot yet fill 30 items a month"),
}


class ChecklistForm(Form):
    """Fields ``q1``–``q44``, added per language by ``checklist_form``."""

    def answers(self) -> list[bool]:
        """The 44 answers in question order (``True`` for yes)."""
        return [self[f"q{q.number}"].data == YES for q in QUESTIONS]

    def unanswered(self) -> int:
        """How many questions were refused (left without a yes or a no)."""
        return sum(1 for q in QUESTIONS if self[f"q{q.number}"].errors)

    def by_section(self) -> list[tuple[str, list[Field]]]:
        """``(section, fields)`` in checklist order, for rendering one group per section."""
        return [
            (section, [self[f"q{n}"] for n in numbers])
            for section, numbers in scoring.SECTION_QUESTIONS.items()
        ]


def checklist_form(locale: str, previous: Sequence[bool] | None = None) -> ChecklistForm:
    """The checklist in ``locale``; ``previous`` answers are shown pre-selected (pass them only
    when the form is not being submitted, so a missing answer is never filled in silently)."""
    answer_required = _l("Please answer yes or no.")
    fields = {
        f"q{q.number}": RadioField(
            q.text(locale),
            choices=[SelectChoice(YES, _l("Yes")), SelectChoice(NO, _l("No"))],
            # One clear message instead of WTForms' "Not a valid choice" next to ours.
            validate_choice=False,
            validators=[
                InputRequired(message=answer_required),
                AnyOf((YES, NO), message=answer_required),
            ],
        )
        for q in QUESTIONS
    }
    form_class = type("LocalisedChecklistForm", (ChecklistForm,), fields)
    data = None
    if previous is not None and len(previous) == scoring.QUESTION_COUNT:
        data = {f"q{n}": YES if a else NO for n, a in enumerate(previous, start=1)}
    return form_class(data=data)


class AdviceFilterForm(Form):
    """The facilitator's table filter: a plain GET form, so no CSRF token."""

    class Meta:
        csrf = False

    advice = SelectField(
        _l("Show"),
        choices=[SelectChoice("", _l("All producers"))]
        + [SelectChoice(key, FILTER_LABELS[key]) for key in scoring.FILTERS],
        validators=[Optional()],
    )
