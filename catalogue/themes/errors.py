"""A theme pack refused: every problem, each naming the file and the dotted key at fault."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from catalogue.core.validation import ValidationError


class Problem(NamedTuple):
    file: str  # as shown to people, e.g. "themes/winter-games/theme.toml"
    key: str  # dotted, e.g. "page.bleed_mm"; "" for the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"{where}: {self.message}"


class ThemeError(ValidationError, ValueError):
    """One or more theme packs are invalid.

    ``errors`` (from ``ValidationError``) maps ``"<file>: <key>"`` to the message; ``problems``
    keeps them in the order found. A ``ValueError`` too, so callers that treat a bad theme as a
    bad value (the catalogue builder) catch it without importing this module.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        errors: dict[str, str] = {}
        for p in self.problems:
            where = f"{p.file}: {p.key}" if p.key else p.file
            errors[where] = f"{errors[where]}; {p.message}" if where in errors else p.message
        super().__init__(errors)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
