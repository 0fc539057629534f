"""Alembic environment: the app's engine is handed over in ``config.attributes``."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.types import TypeDecorator

from catalogue.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild tables; with foreign keys on, dropping the old copy would
            # cascade. The pragma only works outside a transaction, so set it on the driver.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            _run(connection)
            if connection.in_transaction():
                connection.commit()
        finally:
            if connection.in_transaction():
                connection.rollback()
            if sqlite:
                # Never hand a connection with foreign keys off back to the pool.
                connection.invalidate()


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    # Migrations must not import our column types: write the plain SQL type they stand for.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def _run(connection: object) -> None:
    context.configure(
        render_item=_render_item,
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # type: ignore[attr-defined]
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":  # type: ignore[attr-defined]
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()  # type: ignore[attr-defined]
            if problems:
                raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run them online.")
run_migrations_online()
