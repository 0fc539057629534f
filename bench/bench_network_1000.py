"""What users run, on a network of 1,000 products made through the real import (issue #8, point 5).

``bench/network_1000.py`` builds a fresh instance (SQLite) with a network of 30 products and one
of 1,000 (CSV + photo zip through ``import_spreadsheet``; booklet catalogues through the
builder's services). Then, in this order:

1. Statements per page: each page requested with the Flask test client at 30 and at 1,000
   products, its SQL statements counted with a ``before_cursor_execute`` listener (after one
   warm-up request), with the page cache off, so that what is counted is the page being made.
   Target: the same at both sizes (+/- 2).
2. The builder's Check step at 1,000 items: wall time of the GET, median of 5 after a warm-up,
   with the data unchanged (the report is kept while the content version is the same), then
   median of 5 each after a new content version (as any committed change writes): the report
   worked out again. Target: <= 300 ms.
3. Publish of the 1,000-item booklet as users run it: ``catalogue publish NET/booklet --formats
   print,screen,imposed`` in its own process (snapshot, every format, page previews), files on
   disk; wall time and the peak RSS of that process (``getrusage(RUSAGE_CHILDREN)`` in a fresh
   parent that runs nothing else). Targets: <= 10 s, <= 300 MB. Then the same command again with
   nothing changed: wall time, and how many PDF files were written (a PDF under the exports
   folder whose inode or mtime is new). Targets: <= 3 s, no PDF written.
4. Public pages under gunicorn (``catalogue:create_app()``, sync workers, the default settings:
   page cache on; wrk sends no cookie, so every request is a new visitor) with 1 and then 2
   workers, each URL loaded by wrk (2 threads, 32 connections, 10 s, after a 2 s warm-up): a
   static file from the same server (``/static/style.css``), a product page and the network
   page. Requests/s, p95 (wrk's Lua ``latency:percentile(95)``), errors (connect, read, write,
   timeout > 2 s, non-2xx/3xx). wrk runs on the same 2 cores as the server. Targets (2 workers):
   0 errors, >= 25 % of the static file's requests/s, p95 <= 100 ms; 2 workers >= 1.6x the
   requests/s of 1. Also the network page one request at a time (wrk, 1 connection, 5 s):
   p95 <= 50 ms.
5. While a 1,000-item edition publishes (``catalogue publish NET/booklet-b``, a first edition,
   in its own process) the public pages (home, network, product, producer) are requested one
   after another from the 2-worker server until it ends. Target: every answer 200, none slower
   than 1 s.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import Figure
from bench.network_1000 import PASSWORD, Built, build

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FORMATS = "print,screen,imposed"
CONNECTIONS = 32
SECONDS = 10
CHECK_REPEAT = 5
TARGET_STATEMENTS = 2
TARGET_CHECK_MS = 300.0
TARGET_PUBLISH_S = 10.0
TARGET_PUBLISH_MB = 300.0
TARGET_REPUBLISH_S = 3.0
TARGET_SHARE = 0.25
TARGET_P95_MS = 100.0
TARGET_SCALE = 1.6
TARGET_ALONE_P95_MS = 50.0
TARGET_SLOWEST_S = 1.0
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %.0f, "duration_us": %.0f, "p50_us": %.0f, "p95_us": %.0f, "p99_us": %.0f,'
    .. ' "connect": %.0f, "read": %.0f, "write": %.0f, "status": %.0f, "timeout": %.0f}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
"""
PUBLIC = {
    "home page": "/",
    "network page": "/n/{n.slug}/",
    "product page": "/n/{n.slug}/products/{n.product_id}",
    "producer page": "/n/{n.slug}/producers/{n.producer}",
}
BUILDER = {
    "check step": "/n/{n.slug}/manage/catalogues/booklet/check",
    "arrangement step": "/n/{n.slug}/manage/catalogues/booklet/arrangement",
    "selection step": "/n/{n.slug}/manage/catalogues/booklet/selection",
    "publish page": "/n/{n.slug}/manage/catalogues/booklet/publish",
}


# 1, 2: statements and the Check step, in this process --------------------------------------


def _client(app: Any, email: str | None) -> Any:
    client = app.test_client()
    if email:
        page = client.get("/login").get_data(as_text=True)
        token = CSRF.search(page)
        assert token, "no CSRF token on /login"
        data = {"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
        assert client.post("/login", data=data).status_code == 302, "login refused"
    return client


def _statements(app: Any, client: Any, path: str) -> tuple[int, int, float]:
    """Statements, status and milliseconds of ``GET path``."""
    from sqlalchemy import event

    from catalogue.extensions import db

    found: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        found.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        start = time.perf_counter()
        status = client.get(path).status_code
        ms = (time.perf_counter() - start) * 1000
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(found), status, ms


def _new_content_version(app: Any) -> None:
    """What every committed change to data pages show does: a new content version."""
    import secrets

    from sqlalchemy import update

    from catalogue.core.models import ContentVersion
    from catalogue.extensions import db

    with app.app_context(), db.writing() as session:
        session.execute(update(ContentVersion).values(token=secrets.token_hex(16)))


def _in_process(built: Built) -> list[Figure]:
    # Pages as they are made: the page cache is off here (gunicorn below runs with it on).
    app = built.app(PAGE_CACHE_SIZE=0)
    small, large = built.networks[30], built.networks[1000]
    figures = []
    for pages, signed_in in ((PUBLIC, False), (BUILDER, True)):
        clients = [_client(app, n.facilitator if signed_in else None) for n in (small, large)]
        for name, path in pages.items():
            counts = []
            for network, client in zip((small, large), clients, strict=True):
                url = path.format(n=network)
                _statements(app, client, url)  # first request: templates, caches
                statements, status, _ms = _statements(app, client, url)
                counts.append(statements if status == 200 else -status)
            grown = abs(counts[1] - counts[0])
            figures.append(
                Figure(
                    f"SQL statements, {name}: {counts[0]} at 30 products; at 1,000",
                    counts[1],
                    "statements",
                    f"same as at 30 +/- {TARGET_STATEMENTS} (issue #8)",
                    min(counts) >= 0 and grown <= TARGET_STATEMENTS,
                )
            )
    client = _client(app, large.facilitator)
    check = BUILDER["check step"].format(n=large)
    _statements(app, client, check)
    times = [_statements(app, client, check)[2] for _ in range(CHECK_REPEAT)]
    ms = statistics.median(times)
    figures.append(
        Figure(
            f"Check step at 1,000 items, GET again, data unchanged (median of {CHECK_REPEAT})",
            ms,
            "ms",
            f"<= {TARGET_CHECK_MS:.0f} ms (issue #8)",
            ms <= TARGET_CHECK_MS,
        )
    )
    # After a change elsewhere (a new content version, as any committed change writes): the
    # report is worked out again; the texts already measured are not set again.
    changed = []
    for _ in range(CHECK_REPEAT):
        _new_content_version(app)
        changed.append(_statements(app, client, check)[2])
    ms = statistics.median(changed)
    figures.append(
        Figure(
            f"Check step at 1,000 items, GET after a change elsewhere (median of {CHECK_REPEAT})",
            ms,
            "ms",
            f"<= {TARGET_CHECK_MS:.0f} ms (issue #8)",
            ms <= TARGET_CHECK_MS,
        )
    )
    with app.app_context():
        from catalogue.extensions import db

        db.engine.dispose()
    return figures


# 3: publish ----------------------------------------------------------------------------------


def _publish_child(ref: str) -> None:
    """Run ``catalogue publish`` as the only child of this process; print what it cost."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "catalogue"), "publish", ref, "--formats", FORMATS],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "seconds": seconds,
        "peak_kb": usage.ru_maxrss,
        "written_bytes": usage.ru_oublock * 512,
        "returncode": done.returncode,
        "output": (done.stdout + done.stderr)[-2000:],
    }
    print(json.dumps(result))


def _publish(built: Built, ref: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_network_1000", "--publish", ref],
        cwd=ROOT,
        env={**os.environ, **built.env()},
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["returncode"] != 0:
        raise RuntimeError(f"catalogue publish {ref} failed:\n{result['output']}")
    return result


def _pdfs(folder: Path) -> set[tuple[int, int]]:
    """(inode, mtime) of every PDF under ``folder``."""
    found = set()
    for path in folder.rglob("*.pdf"):
        stat = path.stat()
        found.add((stat.st_ino, stat.st_mtime_ns))
    return found


def _publishing(built: Built) -> list[Figure]:
    network = built.networks[1000]
    ref = f"{network.slug}/booklet"
    first = _publish(built, ref)
    exports = Path(built.config["EXPORTS_DIR"])
    before = _pdfs(exports)
    again = _publish(built, ref)
    rewritten = len(_pdfs(exports) - before)
    peak_mb = first["peak_kb"] / 1024
    return [
        Figure(
            f"publish 1,000-item booklet ({FORMATS}, previews), CLI, on disk",
            first["seconds"],
            "s",
            f"<= {TARGET_PUBLISH_S:.0f} s (issue #8)",
            first["seconds"] <= TARGET_PUBLISH_S,
        ),
        Figure(
            "  its peak memory (RSS of the publishing process)",
            peak_mb,
            "MB",
            f"<= {TARGET_PUBLISH_MB:.0f} MB (issue #8)",
            peak_mb <= TARGET_PUBLISH_MB,
        ),
        Figure("  bytes it wrote to disk", first["written_bytes"] / 1e6, "MB"),
        Figure(
            "unchanged republish, CLI",
            again["seconds"],
            "s",
            f"<= {TARGET_REPUBLISH_S:.0f} s (issue #8)",
            again["seconds"] <= TARGET_REPUBLISH_S,
        ),
        Figure(
            "  PDF files it wrote",
            rewritten,
            "files",
            "0 (issue #8)",
            rewritten == 0,
        ),
        Figure("  bytes it wrote to disk", again["written_bytes"] / 1e6, "MB"),
    ]


# 4, 5: gunicorn ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 10.0) -> tuple[int, float]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        status = 0
    return status, time.perf_counter() - start


@contextmanager
def _gunicorn(built: Built, workers: int) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "catalogue:create_app()",
        ],
        cwd=ROOT,
        env={**os.environ, **built.env()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _get(base + "/static/style.css", 2)[0] != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wrk(url: str, script: Path, connections: int, seconds: int) -> dict[str, float]:
    threads = min(2, connections)
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("{"))
    r = json.loads(line)
    errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    return {
        "rps": r["requests"] / (r["duration_us"] / 1e6),
        "p95_ms": r["p95_us"] / 1000,
        "p50_ms": r["p50_us"] / 1000,
        "errors": errors,
    }


def _load(base: str, urls: dict[str, str], script: Path) -> dict[str, dict[str, float]]:
    results = {}
    for name, path in urls.items():
        status = _get(base + path)[0]
        if status != 200:
            results[name] = {"rps": 0.0, "p95_ms": 0.0, "errors": -status}
            continue
        _wrk(base + path, script, 4, 2)  # warm-up: every worker's first requests
        results[name] = _wrk(base + path, script, CONNECTIONS, SECONDS)
    return results


def _while_publishing(built: Built, base: str) -> dict[str, float]:
    network = built.networks[1000]
    pages = [base + p.format(n=network) for p in PUBLIC.values()]
    process = subprocess.Popen(
        [str(BIN / "catalogue"), "publish", f"{network.slug}/booklet-b", "--formats", FORMATS],
        cwd=ROOT,
        env={**os.environ, **built.env()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    answers: list[tuple[int, float]] = []
    started = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() - started < 600:
            answers.extend(_get(url) for url in pages)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    return {
        "seconds": time.monotonic() - started,
        "returncode": process.returncode,
        "answers": len(answers),
        "not_200": sum(status != 200 for status, _ in answers),
        "slowest": max((s for _, s in answers), default=0.0),
    }


def _served(built: Built) -> list[Figure]:
    network = built.networks[1000]
    urls = {
        "static file": "/static/style.css",
        "product page": PUBLIC["product page"].format(n=network),
        "network page": PUBLIC["network page"].format(n=network),
    }
    if shutil.which("wrk") is None:
        with _gunicorn(built, 2) as base:
            publishing = _while_publishing(built, base)
        return [
            Figure("wrk not installed (apt-get install wrk): load not measured", 0, ""),
            *_publishing_figures(publishing),
        ]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        script = Path(tmp) / "p95.lua"
        script.write_text(WRK_SCRIPT)
        for workers in (1, 2):
            with _gunicorn(built, workers) as base:
                results[workers] = _load(base, urls, script)
                if workers == 2:
                    alone = _wrk(base + urls["network page"], script, 1, 5)
                    publishing = _while_publishing(built, base)
    figures = []
    for workers in (1, 2):
        for name, r in results[workers].items():
            figures.append(
                Figure(
                    f"gunicorn {workers} worker(s), {name}, {CONNECTIONS} connections:"
                    f" p95 {r['p95_ms']:.1f} ms, errors {r['errors']:.0f}; requests/s",
                    r["rps"],
                    "req/s",
                )
            )
    two, one = results[2], results[1]
    static = two["static file"]["rps"]
    for name in ("product page", "network page"):
        r = two[name]
        share = r["rps"] / static if static else 0.0
        scale = r["rps"] / one[name]["rps"] if one[name]["rps"] else 0.0
        figures += [
            Figure(
                f"2 workers, {name}: errors",
                r["errors"],
                "",
                "0 (issue #8)",
                r["errors"] == 0,
            ),
            Figure(
                f"2 workers, {name}: share of the static file's requests/s",
                share * 100,
                "%",
                f">= {TARGET_SHARE * 100:.0f} % (issue #8)",
                share >= TARGET_SHARE,
            ),
            Figure(
                f"2 workers, {name}: p95",
                r["p95_ms"],
                "ms",
                f"<= {TARGET_P95_MS:.0f} ms (issue #8)",
                r["p95_ms"] <= TARGET_P95_MS and r["errors"] == 0,
            ),
            Figure(
                f"{name}: requests/s with 2 workers / with 1",
                scale,
                "x",
                f">= {TARGET_SCALE} (issue #8)",
                scale >= TARGET_SCALE,
            ),
        ]
    figures.append(
        Figure(
            f"network page at 1,000 products, one request at a time (median"
            f" {alone['p50_ms']:.1f} ms): p95",
            alone["p95_ms"],
            "ms",
            f"<= {TARGET_ALONE_P95_MS:.0f} ms (issue #8)",
            alone["p95_ms"] <= TARGET_ALONE_P95_MS and alone["errors"] == 0,
        )
    )
    return figures + _publishing_figures(publishing)


def _publishing_figures(publishing: dict[str, float]) -> list[Figure]:
    return [
        Figure(
            f"while a 1,000-item edition publishes ({publishing['seconds']:.1f} s,"
            f" exit {publishing['returncode']}): {publishing['answers']} page requests,"
            " answers other than 200",
            publishing["not_200"],
            "",
            "0 (issue #8)",
            publishing["not_200"] == 0 and publishing["returncode"] == 0,
        ),
        Figure(
            "  the slowest of those answers",
            publishing["slowest"],
            "s",
            f"<= {TARGET_SLOWEST_S:.0f} s (issue #8)",
            publishing["slowest"] <= TARGET_SLOWEST_S,
        ),
    ]


def run() -> list[Figure]:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-network-") as tmp:
        started = time.perf_counter()
        built = build(Path(tmp))
        setup = time.perf_counter() - started
        figures = [
            Figure(
                "network of 1,000 products through the real import (CSV + photo zip)",
                built.import_seconds[1000],
                "s",
            ),
            Figure("  the whole set-up (both networks, catalogues)", setup, "s"),
        ]
        figures += _in_process(built)
        figures += _publishing(built)
        figures += _served(built)
    figures += [
        Figure("load average (1 min) before the run", load_before, ""),
        Figure("load average (1 min) after the run", os.getloadavg()[0], ""),
    ]
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--publish"]:
        _publish_child(sys.argv[2])
    else:
        for figure in run():
            print(figure.line())
