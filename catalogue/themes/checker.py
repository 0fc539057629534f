"""Reading a merged theme.toml tree key by key, collecting a ``Problem`` for each bad value."""

from __future__ import annotations

import difflib
import json
from typing import Any

from catalogue.themes.errors import Problem

ABSENT: Any = object()  # what ``Checker.get`` returns for a key that is not there


def show(value: Any) -> str:
    """A value as it looks in TOML, for messages: ``"x"``, ``12``, ``[1, 2]``, ``true``."""
    if isinstance(value, dict):
        return "a table"
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return str(value)  # dates and times


def got(value: Any) -> str:
    """``show(value)``, or "nothing" for a key that is absent."""
    return "nothing" if value is ABSENT else show(value)


def is_number(value: Any) -> bool:
    """An int or float from TOML (``true`` is not a number here)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


class Checker:
    """Reads values out of the merged tree, recording a ``Problem`` for each bad one."""

    def __init__(
        self,
        tree: dict[str, Any],
        origins: dict[str, str],
        own_file: str,
        top_level: tuple[str, ...] = (),
    ) -> None:
        self.tree = tree
        self.top_level = top_level  # keys only valid outside every table
        self.origins = origins  # dotted key -> file its value came from
        self.own_file = own_file
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.origins.get(key, self.own_file), key, message))

    def get(self, key: str) -> Any:
        node: Any = self.tree
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return ABSENT
            node = node[part]
        return node

    def table(self, key: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        value = self.get(key)
        if value is ABSENT:
            self.problem(key, "missing table")
            return {}
        if not isinstance(value, dict):
            self.problem(key, f"must be a table (got {show(value)})")
            return {}
        self.unknown_keys(key, value, allowed)
        return value

    def unknown_keys(self, prefix: str, table: dict[str, Any], allowed: tuple[str, ...]) -> None:
        for k in table:
            if k not in allowed:
                key = f"{prefix}.{k}" if prefix else k
                if prefix and k in self.top_level:
                    # The classic TOML slip: a plain key written below a [table] joins that table.
                    message = "belongs at the top of the file, before the first [table]"
                    self.problem(key, f"unknown key here: {k} {message}")
                    continue
                hint = difflib.get_close_matches(k, allowed, n=1)
                guess = f'did you mean "{hint[0]}"? ' if hint else ""
                self.problem(key, f"unknown key ({guess}expected one of: {', '.join(allowed)})")

    def number(self, key: str, lo: float, hi: float, default: Any = ABSENT) -> float | None:
        value = self.get(key)
        if value is ABSENT and default is not ABSENT:
            return default
        if not is_number(value) or not lo <= value <= hi:
            self.problem(key, f"must be a number between {lo:g} and {hi:g} (got {got(value)})")
            return None
        return float(value)

    def choice(self, key: str, choices: tuple[str, ...], default: Any = ABSENT) -> str | None:
        value = self.get(key)
        if value is ABSENT and default is not ABSENT:
            return default
        if not isinstance(value, str) or value not in choices:
            self.problem(key, f"must be one of {', '.join(choices)} (got {got(value)})")
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key)
        if value is ABSENT:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false (got {show(value)})")
            return default
        return value
