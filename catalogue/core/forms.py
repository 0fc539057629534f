"""Helpers shared by forms: showing a service's ValidationError on the right fields."""

from __future__ import annotations

from collections.abc import Callable

from flask_wtf import FlaskForm

from catalogue.core.validation import ValidationError


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
