"""Errors that name the field at fault: raised by services, shown by forms, CLI and API."""

from __future__ import annotations


class ValidationError(Exception):
    """Fields refused; ``errors`` maps each field name to a message in the user's language."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class Collector:
    """Gathers field errors so a caller sees every problem at once, not just the first."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
