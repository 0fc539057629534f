"""Run the benchmarks, print each figure next to the target its issue names, save JSON results.

Each ``bench/bench_*.py`` module has ``run() -> list[Figure]``. Results go to
``bench/results/<UTC time>.json`` (git-ignored).
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    figures: list[Figure] = []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if only and name not in only and name.removeprefix("bench_") not in only:
            continue
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        for figure in module.run():
            figures.append(figure)
            print(f"   {figure.line()}", flush=True)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = results / f"{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "when": stamp,
                "python": sys.version.split()[0],
                "machine": platform.machine(),
                "figures": [asdict(f) for f in figures],
            },
            indent=2,
        )
    )
    print(f"results: {out.relative_to(HERE.parent)}")
    missed = [f for f in figures if f.met is False]
    if missed:
        print("targets missed: " + ", ".join(f.name for f in missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
