"""Alembic, run from inside the package: migrations live in ``catalogue/migrations``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask

from catalogue.extensions import db

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Timestamped file names (UTC), so the history reads in order in a directory listing.
FILE_TEMPLATE = "%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s"


def alembic_config(app: Flask) -> Config:
    """An Alembic config bound to the app's engine (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("timezone", "UTC")
    with app.app_context():
        config.attributes["engine"] = db.engine
    return config


def upgrade(app: Flask, revision: str = "head") -> None:
    """Bring the database schema up to ``revision``."""
    command.upgrade(alembic_config(app), revision)


def downgrade(app: Flask, revision: str) -> None:
    command.downgrade(alembic_config(app), revision)


def revision(app: Flask, message: str, autogenerate: bool = True) -> None:
    """Write a new migration file, compared against the models when ``autogenerate``."""
    command.revision(alembic_config(app), message=message, autogenerate=autogenerate)


def current(app: Flask) -> None:
    command.current(alembic_config(app), verbose=True)
