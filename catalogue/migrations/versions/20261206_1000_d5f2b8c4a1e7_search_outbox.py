"""search outbox: changes to what the search index shows, recorded with the data, applied after

Revision ID: d5f2b8c4a1e7
Revises: e1a7c9b3f4d6
Create Date: 2026-12-06 10:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d5f2b8c4a1e7"
down_revision: str | None = "e1a7c9b3f4d6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_outbox")),
    )


def downgrade() -> None:
    op.drop_table("search_outbox")
