"""The ``catalogue`` command: a Flask CLI group (init, demo, serve, users, db, import)."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import select
from werkzeug.serving import BaseWSGIServer
from werkzeug.serving import make_server as make_wsgi_server

from catalogue.auth import services as auth_services
from catalogue.auth.models import Role
from catalogue.core import migrate
from catalogue.core.console import refuse
from catalogue.core.validation import ValidationError
from catalogue.extensions import db


def _create_app() -> Flask:
    from catalogue import create_app

    return create_app()


main = FlaskGroup(
    create_app=_create_app, help="catalogue: themed catalogues for producers' networks."
)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the database schema."""
    migrate.upgrade(current_app)
    click.echo(f"Database ready: {_safe_url()}")


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default DEMO_SERVE_HOST).")
@click.option("--port", default=None, type=int, help="Port (default DEMO_SERVE_PORT).")
@with_appcontext
def serve_command(host: str | None, port: int | None) -> None:
    """Serve the app with the built-in threaded server (use gunicorn in production)."""
    _serve(current_app, host, port)


def make_server(app: Flask, host: str | None = None, port: int | None = None) -> BaseWSGIServer:
    """The threaded server `serve` and `demo` run (port 0 picks a free port)."""
    # The real app object: the server's threads have no application context to resolve a proxy.
    real_app = app._get_current_object() if hasattr(app, "_get_current_object") else app
    host = host or real_app.config["DEMO_SERVE_HOST"]
    port = real_app.config["DEMO_SERVE_PORT"] if port is None else port
    return make_wsgi_server(host, port, real_app, threaded=True)


def _serve(app: Flask, host: str | None, port: int | None) -> None:
    server = make_server(app, host, port)
    click.echo(f"Serving on http://{server.host}:{server.port}  (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command("demo")
@click.option("--serve/--no-serve", default=True, help="Serve the app when loaded.")
@with_appcontext
def demo_command(serve: bool) -> None:
    """Create the database, load the sample network, print the demo logins and serve."""
    from catalogue.demo.loader import load_sample_network

    migrate.upgrade(current_app)
    with db.new_session() as session:
        edge = int(current_app.config["DEMO_PHOTO_LONG_EDGE"])
        try:
            report = load_sample_network(
                session,
                current_app.config["SAMPLE_NETWORK_DIR"],
                photo_size=(edge, edge * 3 // 4),
                progress=lambda msg: click.echo(f"  {msg}"),
            )
        except ValidationError as exc:
            refuse(session, exc, "Nothing was imported.")
        session.commit()
    click.echo(report.summary())
    _publish_samples()
    click.echo("\nDemo logins (sample data, password for all: " + report.password + "):")
    for role, email in report.logins_by_role().items():
        click.echo(f"  {role:<12} {email}")
    if serve:
        _serve(current_app, None, None)


def _publish_samples() -> None:
    """Build the sample catalogues and publish a first edition of each that has none."""
    from catalogue.demo.catalogues import build_sample_catalogues
    from catalogue.editions import services as editions

    with db.new_session() as session:
        created, catalogues = build_sample_catalogues(
            session, current_app.config["SAMPLE_NETWORK_DIR"]
        )
        session.commit()
        for catalogue in catalogues:
            name = f"{catalogue.network.slug}/{catalogue.slug}"
            if editions.latest_edition(session, catalogue) is not None:
                continue
            click.echo(f"  publishing {name} ({len(catalogue.items)} items)…")
            try:
                edition = editions.publish(session, catalogue, "print,screen,imposed")
            except ValidationError as exc:
                session.rollback()
                for field, message in exc.errors.items():
                    click.echo(f"  {name}: not published: {field}: {message}", err=True)
                continue
            session.commit()
            folder = editions.edition_dir(catalogue, edition.number)
            click.echo(
                f"  {name}: edition {edition.number}, {edition.manifest['page_count']} pages "
                f"-> {folder}"
            )
        if not created:
            click.echo("Sample catalogues: nothing new.")


users = click.Group("users", help="Manage user accounts.")


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--network", "network_slug", required=True, help="Slug of the network.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--producer", "producer_slug", default=None, help="Producer slug (producer role).")
@click.option("--print-shop", "print_shop_slug", default=None, help="Print shop slug.")
@click.option("--locale", default=None)
@click.password_option(help="Password (asked for when not given).")
@with_appcontext
def users_create(
    email: str,
    name: str,
    network_slug: str,
    role: str,
    producer_slug: str | None,
    print_shop_slug: str | None,
    locale: str | None,
    password: str,
) -> None:
    """Create a user with a role in a network."""
    from catalogue.networks.models import Network
    from catalogue.printshop.models import PrintShop
    from catalogue.producers.models import Producer

    with db.new_session() as session:
        network = session.scalar(select(Network).where(Network.slug == network_slug))
        if network is None:
            raise click.BadParameter(f"no network '{network_slug}'", param_hint="--network")
        producer = shop = None
        if producer_slug:
            producer = session.scalar(
                select(Producer).where(
                    Producer.network_id == network.id, Producer.slug == producer_slug
                )
            )
            if producer is None:
                raise click.BadParameter(f"no producer '{producer_slug}'", param_hint="--producer")
        if print_shop_slug:
            shop = session.scalar(
                select(PrintShop).where(
                    PrintShop.network_id == network.id, PrintShop.slug == print_shop_slug
                )
            )
            if shop is None:
                raise click.BadParameter(
                    f"no print shop '{print_shop_slug}'", param_hint="--print-shop"
                )
        try:
            user = auth_services.create_user(
                session,
                email=email,
                name=name,
                password=password,
                locale=locale,
                network_id=network.id,
            )
            auth_services.add_membership(
                session, user, network, Role(role), producer=producer, print_shop=shop
            )
        except ValidationError as exc:
            refuse(session, exc)
        session.commit()
        click.echo(f"Created {user.email} ({role} in {network.slug}).")


dbgroup = click.Group("db", help="Database schema migrations (Alembic).")


@dbgroup.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Upgrade the schema (to the newest revision by default)."""
    migrate.upgrade(current_app, revision)


@dbgroup.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Downgrade the schema to REVISION."""
    migrate.downgrade(current_app, revision)


@dbgroup.command("revision")
@click.option("-m", "--message", required=True)
@click.option("--empty", is_flag=True, help="Do not compare with the models.")
@with_appcontext
def db_revision(message: str, empty: bool) -> None:
    """Write a new migration from the difference between the models and the database."""
    migrate.revision(current_app, message, autogenerate=not empty)


@dbgroup.command("current")
@with_appcontext
def db_current() -> None:
    """Show the schema revision of the database."""
    migrate.current(current_app)


def _safe_url() -> str:
    return db.engine.url.render_as_string(hide_password=True)


def register(app: Flask) -> None:
    from catalogue.editions.cli import publish_command
    from catalogue.imports.cli import import_command

    commands = (
        init_command,
        serve_command,
        demo_command,
        users,
        dbgroup,
        import_command,
        publish_command,
    )
    for command in commands:
        app.cli.add_command(command)
