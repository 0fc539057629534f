"""The migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import inspect, text

from catalogue.core import migrate
from catalogue.extensions import db
from catalogue.models import Base
from tests.conftest import build_app


def _diff(app: Flask) -> list:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "target_metadata": Base.metadata}
        )
        return compare_metadata(context, Base.metadata)


def test_migrated_database_equals_the_models(base_app: Flask) -> None:
    assert _diff(base_app) == []


def test_every_model_table_exists_with_its_currencies_loaded(base_app: Flask) -> None:
    with base_app.app_context(), db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        codes = {row[0] for row in conn.execute(text("SELECT code FROM currencies"))}
    assert {"CLP", "CAD", "VND", "USD", "EUR"} <= codes
    assert "XYZ" not in codes


def test_downgrade_to_nothing_and_up_again(databases, tmp_path) -> None:
    app = build_app(databases.new(), tmp_path)
    migrate.upgrade(app)
    migrate.downgrade(app, "base")
    with app.app_context(), db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(app)
    assert _diff(app) == []


def test_migration_files_have_timestamped_names() -> None:
    names = sorted(p.name for p in migrate.MIGRATIONS_DIR.joinpath("versions").glob("*.py"))
    assert names
    for name in names:
        date, time = name.split("_")[:2]
        assert len(date) == 8 and date.isdigit(), name
        assert len(time) == 4 and time.isdigit(), name
