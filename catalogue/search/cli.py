"""``catalogue reindex`` (rebuild the index from the database) and ``catalogue search QUERY``."""

from __future__ import annotations

import sys
from typing import Any

import click
from flask.cli import with_appcontext

from catalogue.search.documents import Query
from catalogue.search.setup import get_search


class _Bar:
    """A progress bar on a terminal, a line per tenth of the work in a log (CI, cron)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.total = 0
        self.done = 0

    def start(self, total: int) -> None:
        self.total = total
        if sys.stdout.isatty():
            self.bar = click.progressbar(length=max(total, 1), label="Reindexing")
            self.bar.__enter__()
        else:
            click.echo(f"Reindexing {total} documents")

    def advance(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if self.bar is not None:
            self.bar.update(count)
        elif self.total and (10 * self.done // self.total) > (10 * before // self.total):
            click.echo(f"  {100 * self.done // self.total:3d}% {self.done}/{self.total}")

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the whole search index from the database."""
    bar = _Bar()
    try:
        count = get_search().writer.reindex(progress=bar.advance, total=bar.start)
    finally:
        bar.finish()
    click.echo(f"Search index rebuilt: {count} documents.")


@click.command("search")
@click.argument("text")
@click.option("--network", default=None, help="Slug of a network to search in.")
@click.option("--locale", default="en", show_default=True, help="The reader's language.")
@with_appcontext
def search_command(text: str, network: str | None, locale: str) -> None:
    """Search public products, as buyers do, and list the first hits."""
    results = get_search().backend.query(
        Query(text=text, network=network, locale=locale, facets=())
    )
    click.echo(f"{results.total} found")
    for hit in results.hits:
        click.echo(f"  {hit.id:<16} {hit.title}  {hit.url}")
    if results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}")
