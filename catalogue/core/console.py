"""The command line's way of saying no: every refused field on standard error, what was not
done, and exit status 2 — the same for every command."""

from __future__ import annotations

from typing import NoReturn

import click
from sqlalchemy.orm import Session

from catalogue.core.validation import ValidationError


def refuse(session: Session, error: ValidationError, nothing_done: str = "") -> NoReturn:
    """Roll back ``session``, print each refused field and ``nothing_done``, and exit with 2."""
    session.rollback()
    for field, message in error.errors.items():
        click.echo(f"Error: {field}: {message}", err=True)
    if nothing_done:
        click.echo(nothing_done, err=True)
    raise SystemExit(2) from error
