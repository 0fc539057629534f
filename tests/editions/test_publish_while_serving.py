"""`catalogue publish` runs in its own process while this one serves pages from the same database:
every page answers (no 5xx) and quickly, the write lock is only ever held briefly (never while the
edition renders), and the edition is visible as soon as the command ends."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from catalogue.catalogues import selection
from catalogue.core import migrate
from catalogue.editions.models import Edition, EditionStatus
from catalogue.extensions import db
from catalogue.media.pipeline import make_derivatives
from catalogue.producers.models import Producer
from tests.conftest import SERVER_URL, build_app
from tests.editions.conftest import add_product, photo_bytes, ready_catalogue
from tests.factories import build_world, store_photo

ITEMS = 96  # enough pages that rendering takes a while, on a busy machine too


def _many_items(app, world) -> None:
    """The world's catalogue with ``ITEMS`` approved products, each with a print-sized photo
    (one photo's copies made once and shared: the test is about publishing, not ingest)."""
    with app.test_request_context():
        catalogue = ready_catalogue(
            db.session, world, locales=["en"], names=[{"en": "Woven item 0"}]
        )
        producer = db.session.scalar(select(Producer).where(Producer.slug == world.producer_a))
        data = photo_bytes(1)
        copies = make_derivatives(data)
        for index in range(1, ITEMS):
            product = add_product(
                db.session,
                producer,
                f"TX-{index:03d}",
                {"en": f"Woven item {index}"},
                seed=index,
                photo=False,
            )
            store_photo(db.session, product, data, (2400, 1800), copies)
        selection.apply_rules(db.session, catalogue, catalogue.rules)
        db.session.commit()


def _lock_wait(path: Path) -> float:
    """How long a writer waits for SQLite's write lock right now, in seconds."""
    probe = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        started = time.monotonic()
        probe.execute("BEGIN IMMEDIATE")
        waited = time.monotonic() - started
        probe.execute("ROLLBACK")
        return waited
    finally:
        probe.close()


def test_pages_answer_while_the_cli_publishes_in_another_process(databases, tmp_path) -> None:
    url = databases.new()
    # Page views never queue for the write lock, so even a short busy timeout gives no 5xx (a
    # page that waited for a publish holding the lock would fail after 0.3 s).
    app = build_app(url, tmp_path, SQLITE_BUSY_TIMEOUT_MS=300)
    migrate.upgrade(app)
    world = build_world(app)
    _many_items(app, world)

    env = {
        **os.environ,
        "CATALOGUE_DATABASE_URL": url,
        "CATALOGUE_SECRET_KEY": app.config["SECRET_KEY"],
        "CATALOGUE_MEDIA_DIR": app.config["MEDIA_DIR"],
        "CATALOGUE_EXPORTS_DIR": app.config["EXPORTS_DIR"],
        "CATALOGUE_SEARCH_INDEX_DIR": str(tmp_path / "search-index"),
        "CATALOGUE_JOB_RUNNER": "inline",
    }
    command = [
        str(Path(sys.executable).parent / "catalogue"),
        "publish",
        f"{world.network}/{world.catalogue_slug}",
        "--formats",
        "print,screen,imposed",
    ]
    pages = [
        "/",
        f"/n/{world.network}/",
        f"/n/{world.network}/products/{world.product_a}",
        f"/n/{world.network}/products/{world.product_b}",
    ]
    client = app.test_client()
    for path in pages:  # first requests compile templates: not what is measured
        assert client.get(path).status_code == 200

    sqlite_path = Path(make_url(url).database) if SERVER_URL is None else None
    answers: list[tuple[str, int, float]] = []
    lock_waits: list[float] = []
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    started = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() - started < 300:
            for path in pages:
                begun = time.monotonic()
                status = client.get(path).status_code
                answers.append((path, status, time.monotonic() - begun))
            if sqlite_path is not None:
                lock_waits.append(_lock_wait(sqlite_path))
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    publishing = time.monotonic() - started

    assert process.returncode == 0, output
    assert f"Edition 1: {ITEMS} items" in output
    assert len(answers) >= 3 * len(pages), (publishing, len(answers))  # they did overlap
    assert [a for a in answers if a[1] != 200] == []
    slowest = max(seconds for _path, _status, seconds in answers)
    assert slowest < 2.0, sorted(answers, key=lambda a: -a[2])[:5]
    if lock_waits:
        # The command holds the lock only for its short writes, never while it renders.
        assert max(lock_waits) < 1.0, (max(lock_waits), publishing)
    # Its edition is there for the next read, published, as soon as the command has ended.
    with app.app_context():
        edition = db.session.scalar(select(Edition))
        assert (edition.number, edition.status) == (1, EditionStatus.PUBLISHED)
        assert edition.manifest["item_count"] == ITEMS
