"""pending product changes: a producer's edit to an approved product is kept as a draft copy
(``products.draft_of_id``) until a facilitator approves it; the approved version stays live

Revision ID: b7e4d2a91c3f
Revises: a0d731c65bc1
Create Date: 2026-12-05 19:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e4d2a91c3f"
down_revision: str | None = "a0d731c65bc1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("draft_of_id IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("draft_of_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_products_draft_of_id_products"),
            "products",
            ["draft_of_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_unique_constraint(batch_op.f("uq_products_draft_of_id"), ["draft_of_id"])
        batch_op.drop_constraint(batch_op.f("uq_products_producer_id_sku"), type_="unique")
    # Outside the batch: SQLite's table rebuild would not carry the WHERE clause over.
    op.create_index(
        "uq_products_live_sku",
        "products",
        ["producer_id", "sku"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    # Pending changes cannot survive without the column that ties them to their product. Their
    # rows go one table at a time: SQLite migrates with foreign keys (and so cascades) off.
    def table(name: str, *columns: str) -> sa.TableClause:
        return sa.table(name, *(sa.column(c) for c in columns))

    products = table("products", "id", "draft_of_id")
    images = table("product_images", "id", "product_id")
    ranges = table("price_ranges", "id", "product_id")
    drafts = sa.select(products.c.id).where(products.c.draft_of_id.is_not(None))
    of_drafts = images.c.product_id.in_(drafts)
    derivatives = table("image_derivatives", "image_id")
    tiers = table("price_tiers", "price_range_id")
    op.execute(
        sa.delete(derivatives).where(
            derivatives.c.image_id.in_(sa.select(images.c.id).where(of_drafts))
        )
    )
    op.execute(
        sa.delete(tiers).where(
            tiers.c.price_range_id.in_(
                sa.select(ranges.c.id).where(ranges.c.product_id.in_(drafts))
            )
        )
    )
    for name in (
        "product_images",
        "price_ranges",
        "product_texts",
        "product_tags",
        "capacities",
        "product_costs",
    ):
        rows = table(name, "product_id")
        op.execute(sa.delete(rows).where(rows.c.product_id.in_(drafts)))
    op.execute(sa.delete(products).where(products.c.draft_of_id.is_not(None)))
    op.drop_index("uq_products_live_sku", table_name="products")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_products_producer_id_sku"), ["producer_id", "sku"]
        )
        batch_op.drop_constraint(batch_op.f("uq_products_draft_of_id"), type_="unique")
        batch_op.drop_constraint(batch_op.f("fk_products_draft_of_id_products"), type_="foreignkey")
        batch_op.drop_column("draft_of_id")
