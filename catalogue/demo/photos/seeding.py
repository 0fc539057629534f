"""The seeded random generator factory that all picture randomness comes from."""

from __future__ import annotations

import random


def _rng(seed: object) -> random.Random:
    """Seeded generator for picture layout; not used for anything security related."""
    return random.Random(seed)  # noqa: S311
