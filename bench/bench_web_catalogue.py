"""A published catalogue's web pages under load (issue #9): the catalogue home and an item page.

``bench/network_1000.py`` builds a network of 1,000 products through the real import, with a
retail booklet of every product (retail catalogues are public on the web); ``catalogue publish``
publishes it (screen PDF only: the pages come from the edition's snapshot). Then gunicorn
(``catalogue:create_app()``, 2 sync workers, default settings) serves it and wrk (2 threads,
32 connections, 15 s after a 2 s warm-up, no cookies: every request a new visitor) loads each
URL: a static file from the same server (``/static/style.css``) as the floor, the catalogue
home, a section page and an item page. Requests/s, p95 (wrk's Lua percentile), errors
(connect, read, write, timeout > 2 s, non-2xx/3xx). wrk runs on the same 2 cores.

Targets (issue #9): >= 50 % of the floor's requests/s, p95 <= 50 ms, no errors.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.bench_network_1000 import BIN, CONNECTIONS, ROOT, WRK_SCRIPT, _gunicorn, _wrk
from bench.common import Figure
from bench.network_1000 import build

SECONDS = 15
TARGET_SHARE = 0.50
TARGET_P95_MS = 50.0


def _publish(env: dict[str, str], ref: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "catalogue"), "publish", ref, "--formats", "screen"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _first_link(base: str, path: str, marker: str) -> str:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        page = response.read().decode()
    start = page.index(marker)
    return page[start : page.index('"', start)]


def run() -> list[Figure]:
    load_before = os.getloadavg()[0]
    if shutil.which("wrk") is None:
        return [Figure("wrk not installed (apt-get install wrk): not measured", 0, "")]
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        built = build(Path(tmp), sizes=(1000,), retail=True)
        network = built.networks[1000]
        publish_s = _publish(built.env(), f"{network.slug}/retail")
        home = f"/c/{network.slug}/retail/"
        script = Path(tmp) / "p95.lua"
        script.write_text(WRK_SCRIPT)
        results = {}
        with _gunicorn(built, 2) as base:
            section = _first_link(base, home, f"/c/{network.slug}/retail/sections/")
            item = _first_link(base, home, f"/c/{network.slug}/retail/items/")
            urls = {
                "static file": "/static/style.css",
                "catalogue home": home,
                "section page": section,
                "item page": item,
            }
            for name, path in urls.items():
                _wrk(base + path, script, 4, 2)  # warm-up: every worker's first requests
                results[name] = _wrk(base + path, script, CONNECTIONS, SECONDS)
            sizes = {}
            for name, path in urls.items():
                with urllib.request.urlopen(base + path, timeout=10) as response:
                    sizes[name] = len(response.read())
    figures = [Figure("publish the 1,000-item retail booklet (screen PDF)", publish_s, "s")]
    floor = results["static file"]["rps"]
    for name, r in results.items():
        figures.append(
            Figure(
                f"gunicorn 2 workers, {name}, {CONNECTIONS} connections, {SECONDS} s:"
                f" p95 {r['p95_ms']:.1f} ms, errors {r['errors']:.0f}; requests/s",
                r["rps"],
                "req/s",
            )
        )
    for name in ("catalogue home", "section page", "item page"):
        r = results[name]
        share = r["rps"] / floor if floor else 0.0
        figures += [
            Figure(f"{name}: errors", r["errors"], "", "0 (issue #9)", r["errors"] == 0),
            Figure(
                f"{name}: share of the static file's requests/s",
                share * 100,
                "%",
                f">= {TARGET_SHARE:.0%} (issue #9)",
                share >= TARGET_SHARE,
            ),
            Figure(
                f"{name}: p95",
                r["p95_ms"],
                "ms",
                f"<= {TARGET_P95_MS:.0f} ms (issue #9)",
                r["p95_ms"] <= TARGET_P95_MS,
            ),
            Figure(
                f"{name}: HTML (before photos)",
                sizes[name] / 1000,
                "KB",
                "<= 60 KB (issue #9)",
                sizes[name] <= 60 * 1000,
            ),
        ]
    figures += [
        Figure("load average (1 min) before the run", load_before, ""),
        Figure("load average (1 min) after the run", os.getloadavg()[0], ""),
    ]
    return figures


if __name__ == "__main__":
    print(json.dumps([f.line() for f in run()], indent=1))
