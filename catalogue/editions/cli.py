"""``catalogue publish CATALOGUE [--network SLUG] [--formats print,screen] [--out DIR]``."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from catalogue.catalogues.models import Catalogue
from catalogue.core.validation import ValidationError
from catalogue.editions import services
from catalogue.editions.changes import is_empty
from catalogue.editions.render import DEFAULT_FORMATS, parse_formats
from catalogue.extensions import db
from catalogue.networks.models import Network


def _find(session: object, ref: str, network_slug: str | None) -> Catalogue:
    """A catalogue by ``slug`` (unique across networks, or with --network) or ``network/slug``."""
    if "/" in ref and network_slug is None:
        network_slug, ref = ref.split("/", 1)
    query = select(Catalogue).join(Network).where(Catalogue.slug == ref)
    if network_slug:
        query = query.where(Network.slug == network_slug)
    found = list(session.scalars(query))  # type: ignore[attr-defined]
    if not found:
        raise click.BadParameter(f"no catalogue '{ref}'", param_hint="CATALOGUE")
    if len(found) > 1:
        raise click.BadParameter(
            f"'{ref}' exists in several networks; name one with --network or NETWORK/{ref}",
            param_hint="CATALOGUE",
        )
    return found[0]


@click.command("publish")
@click.argument("catalogue_ref", metavar="CATALOGUE")
@click.option("--network", "network_slug", default=None, help="Slug of the catalogue's network.")
@click.option(
    "--formats",
    default=",".join(DEFAULT_FORMATS),
    show_default=True,
    help="Comma-separated: print, screen, imposed (2-up saddle stitch of a booklet).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also copy the edition's files to this folder.",
)
@with_appcontext
def publish_command(
    catalogue_ref: str, network_slug: str | None, formats: str, out: Path | None
) -> None:
    """Publish the next edition of CATALOGUE (exit code 2 when it is not complete)."""
    try:
        wanted = parse_formats(formats)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--formats") from exc
    with db.new_session() as session:
        catalogue = _find(session, catalogue_ref, network_slug)
        try:
            with _progress_display() as progress:
                edition = services.publish(session, catalogue, wanted, progress=progress)
        except ValidationError as exc:
            session.rollback()
            for field, message in exc.errors.items():
                click.echo(f"Error: {field}: {message}", err=True)
            click.echo("Nothing was published.", err=True)
            raise SystemExit(2) from exc
        session.commit()
        folder = services.edition_dir(catalogue, edition.number)
        manifest, summary = edition.manifest, edition.change_summary
    click.echo(
        f"Edition {edition.number}: {manifest['item_count']} items, "
        f"{manifest['page_count']} pages -> {folder}"
    )
    for entry in manifest["files"]:
        click.echo(f"  {entry['name']}: {entry['pages']} pages, {entry['bytes']:,} bytes")
    click.echo(_summary_line(summary))
    if out is not None:
        shutil.copytree(folder, out, dirs_exist_ok=True)
        click.echo(f"Copied to {out}")


@contextmanager
def _progress_display() -> Iterator[Callable[[int, str], None]]:
    """A progress bar on a terminal; a line per tenth of the work in a log (CI, cron)."""
    done = {"percent": 0}
    if sys.stdout.isatty():
        with click.progressbar(length=100, label="Publishing", show_percent=True) as bar:

            def update_bar(percent: int, _message: str) -> None:
                bar.update(max(0, percent - done["percent"]))
                done["percent"] = max(done["percent"], percent)

            yield update_bar
        return

    click.echo("Publishing")

    def update_lines(percent: int, message: str) -> None:
        if percent // 10 > done["percent"] // 10 or (percent == 100 and done["percent"] < 100):
            click.echo(f"  {percent:3d}% {message}")
        done["percent"] = max(done["percent"], percent)

    yield update_lines


def _summary_line(summary: dict) -> str:
    if summary.get("previous_edition") is None:
        return "First edition."
    if is_empty(summary):
        return f"No changes since edition {summary['previous_edition']}."
    return (
        f"Since edition {summary['previous_edition']}: {len(summary['added'])} added, "
        f"{len(summary['removed'])} removed, {len(summary['price_changed'])} price changes, "
        f"{len(summary['text_changed'])} text changes, {len(summary['photo_changed'])} new photos, "
        f"{len(summary.get('producer_changed', []))} producer changes, "
        f"{len(summary.get('details_changed', []))} detail changes."
    )
