"""``catalogue import FILE --network SLUG [--photos ZIP] [--dry-run]``."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from catalogue.core.db import set_write_mode
from catalogue.extensions import db
from catalogue.imports.services import import_spreadsheet
from catalogue.networks.models import Network


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--network", "network_slug", required=True, help="Slug of the network.")
@click.option(
    "--photos",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Zip file of the photos the spreadsheet names.",
)
@click.option("--dry-run", is_flag=True, help="Check every row and store nothing.")
@with_appcontext
def import_command(file: Path, network_slug: str, photos: Path | None, dry_run: bool) -> None:
    """Import producers and products from a CSV or XLSX FILE (exit code 2 on problems)."""
    with db.new_session() as session:
        network = session.scalar(select(Network).where(Network.slug == network_slug))
        if network is None:
            raise click.BadParameter(f"no network '{network_slug}'", param_hint="--network")
        session.commit()  # ends the read: the sheet is read and photos prepared with no lock
        # The import is a read-check-write unit: it takes the write lock when it begins.
        set_write_mode(session, "write")
        result = import_spreadsheet(
            session, network, file.read_bytes(), file.name, photos, dry_run=dry_run
        )
        if not result.ok:
            session.rollback()
            for problem in result.problems:
                click.echo(f"{problem.where()}: {problem.message}", err=True)
            click.echo(f"{len(result.problems)} problem(s). Nothing was imported.", err=True)
            raise SystemExit(2)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    for line in result.summary():
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing was stored.")
