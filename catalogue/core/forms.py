"""Helpers shared by forms: saving a submitted form through a service, and showing a service's
ValidationError on the right fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import flash
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from catalogue.core.schema import CONTROL_CHARACTERS
from catalogue.core.validation import ValidationError
from catalogue.extensions import db

T = TypeVar("T")


class Form(FlaskForm):
    """Every form of the app: CSRF-protected, and refusing control characters (NUL, escape
    codes…) in any text it takes, whatever the page — line breaks and tabs excepted."""

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.data, str) and CONTROL_CHARACTERS.search(field.data):
                field.errors = [
                    *list(field.errors or []),
                    _("Remove the control characters from this text."),
                ]
                valid = False
        return valid


@dataclass(frozen=True)
class Submission(Generic[T]):
    """What became of a form on this request."""

    status: int  # for the page shown again: 400 when the form or a service refused it
    saved: bool = False  # the change is committed
    result: T | None = None  # what the change returned


def save_form(
    form: FlaskForm, change: Callable[[], T], alias: Callable[[str], str] | None = None
) -> Submission[T]:
    """The POST half of a form page: when ``form`` validates (CSRF included), run ``change`` -
    the service calls - and commit. A ``ValidationError`` rolls everything back, so nothing is
    stored, and its messages go on the fields they name after ``alias`` (see
    :func:`show_errors`; the others are flashed)."""
    if not form.validate_on_submit():
        return Submission(400 if form.is_submitted() else 200)
    try:
        result = change()
    except ValidationError as exc:
        db.session.rollback()
        for message in show_errors(form, exc, alias):
            flash(message, "error")
        return Submission(400)
    db.session.commit()
    return Submission(200, True, result)


def commit_or_flash(change: Callable[[], T]) -> Submission[T]:
    """Run ``change`` - service calls for a button or a form whose refusals belong to no
    field - and commit; a ``ValidationError`` rolls everything back and each of its messages is
    flashed."""
    try:
        result = change()
    except ValidationError as exc:
        db.session.rollback()
        for message in exc.errors.values():
            flash(message, "error")
        return Submission(400)
    db.session.commit()
    return Submission(200, True, result)


def show_errors(
    form: FlaskForm, error: ValidationError, alias: Callable[[str], str] | None = None
) -> list[str]:
    """Put each refused field's message on the form field of that name (after ``alias``);
    return the messages that belong to no field, for the top of the page."""
    loose = []
    for key, message in error.errors.items():
        name = alias(key) if alias else key
        field = getattr(form, name, None) if name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = [*list(field.errors or []), message]
        else:
            loose.append(message)
    return loose
