"""What a benchmark reports: a figure, its unit, and the target an issue names (if any)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "<= 120 ms (issue #3)"; empty when no issue names one
    met: bool | None = None

    def line(self) -> str:
        verdict = "met" if self.met else "MISSED"
        target = f"   target {self.target}: {verdict}" if self.target else ""
        return f"{self.name}: {self.value:,.2f} {self.unit}{target}"


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds over ``repeat`` runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
