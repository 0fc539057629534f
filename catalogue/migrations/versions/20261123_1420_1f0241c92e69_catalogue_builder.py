"""catalogue builder: layout, how-to-order texts, story pages, item codes, excluded items

Revision ID: 1f0241c92e69
Revises: 6ec84ed4c4ee
Create Date: 2026-11-23 14:20:14.094187+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1f0241c92e69"
down_revision: str | None = "6ec84ed4c4ee"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Server defaults fill the new NOT NULL columns of existing rows (and stay, like the models').
    with op.batch_alter_table("catalogue_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("excluded", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("unmatched", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("catalogues", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("layout", sa.String(length=20), server_default="grid4", nullable=False)
        )
        batch_op.add_column(
            sa.Column("how_to_order", sa.JSON(), server_default=sa.text("'{}'"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("stories", sa.String(length=10), server_default="producer", nullable=False)
        )
        batch_op.add_column(
            sa.Column("code_prefix", sa.String(length=8), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("next_code_number", sa.Integer(), server_default="1", nullable=False)
        )
        batch_op.create_check_constraint(
            op.f("ck_catalogues_next_code_number_positive"), "next_code_number >= 1"
        )
        batch_op.create_check_constraint(
            op.f("ck_catalogues_stories_known"), "stories IN ('producer', 'region', 'none')"
        )


def downgrade() -> None:
    with op.batch_alter_table("catalogues", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_catalogues_stories_known"), type_="check")
        batch_op.drop_constraint(op.f("ck_catalogues_next_code_number_positive"), type_="check")
        batch_op.drop_column("next_code_number")
        batch_op.drop_column("code_prefix")
        batch_op.drop_column("stories")
        batch_op.drop_column("how_to_order")
        batch_op.drop_column("layout")

    with op.batch_alter_table("catalogue_items", schema=None) as batch_op:
        batch_op.drop_column("unmatched")
        batch_op.drop_column("excluded")
