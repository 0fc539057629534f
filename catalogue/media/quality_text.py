"""The photo quality report in plain words, in the producer's language."""

from __future__ import annotations

from typing import Any

from catalogue.media.quality import describe


def quality_message(issue: dict[str, Any]) -> str:
    """A sentence for one stored quality issue (``{"code", "severity", "params"}``)."""
    try:
        return describe(
            str(issue.get("code")), severity=issue.get("severity"), **(issue.get("params") or {})
        )
    except KeyError:
        return str(issue.get("code"))
