"""Search in the app: the backend and its writer, made at start-up and kept per app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, g

from catalogue.core.db import UnitOfWork
from catalogue.search import outbox
from catalogue.search.backend import Backend
from catalogue.search.writer import Writer

_KEY = "catalogue.search"


@dataclass
class Search:
    backend: Backend
    writer: Writer


def init_search(app: Flask, backend: Backend | None = None) -> Search:
    """Attach search to ``app``: ``backend`` (default: Whoosh in ``SEARCH_INDEX_DIR``), its
    single writer, the outbox hook on every unit of work, and a first run of the writer on the
    first request (rows a crash left behind)."""
    folder = Path(app.config["SEARCH_INDEX_DIR"])
    if backend is None:
        from catalogue.search.whoosh_backend import WhooshBackend

        backend = WhooshBackend(folder, app.config["LANGUAGES"])
    search = Search(backend, Writer(app, backend, folder.with_name(folder.name + ".lock")))
    app.extensions[_KEY] = search
    outbox.track(UnitOfWork)
    started = {"done": False}

    @app.teardown_appcontext
    def _apply_deferred(_exc: BaseException | None) -> None:
        # Changes committed inside a longer write transaction of this context (inline runner).
        if g.pop("search_deferred", False):
            search.writer.schedule()

    @app.before_request
    def _apply_leftovers() -> None:
        if not started["done"]:
            started["done"] = True
            search.writer.schedule()

    return search


def get_search(app: Flask | None = None) -> Search:
    """The search of ``app`` (default: the current one)."""
    return (app or current_app).extensions[_KEY]  # type: ignore[union-attr]
