"""product costs

Revision ID: 6ec84ed4c4ee
Revises: 652aaa72c44d
Create Date: 2026-11-23 08:52:44.962823+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "6ec84ed4c4ee"
down_revision: str | None = "652aaa72c44d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "product_costs",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("materials", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("hours", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("hourly_rate", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("overhead_percent", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "hourly_rate >= 0", name=op.f("ck_product_costs_hourly_rate_not_negative")
        ),
        sa.CheckConstraint("hours >= 0", name=op.f("ck_product_costs_hours_not_negative")),
        sa.CheckConstraint("materials >= 0", name=op.f("ck_product_costs_materials_not_negative")),
        sa.CheckConstraint(
            "overhead_percent >= 0", name=op.f("ck_product_costs_overhead_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_product_costs_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_costs_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_product_costs")),
    )


def downgrade() -> None:
    op.drop_table("product_costs")
