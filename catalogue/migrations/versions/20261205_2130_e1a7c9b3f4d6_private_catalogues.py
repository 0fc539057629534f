"""private catalogues: invited buyers and revocable share links

Revision ID: e1a7c9b3f4d6
Revises: c3e9a1f5d2b8
Create Date: 2026-12-05 21:30:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e1a7c9b3f4d6"
down_revision: str | None = "c3e9a1f5d2b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalogue_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogues.id"],
            name=op.f("fk_catalogue_invitations_catalogue_id_catalogues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_catalogue_invitations_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_catalogue_invitations_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_invitations")),
        sa.UniqueConstraint(
            "catalogue_id", "user_id", name=op.f("uq_catalogue_invitations_catalogue_id_user_id")
        ),
    )
    op.create_index(
        op.f("ix_catalogue_invitations_catalogue_id"), "catalogue_invitations", ["catalogue_id"]
    )
    op.create_index(op.f("ix_catalogue_invitations_user_id"), "catalogue_invitations", ["user_id"])
    op.create_table(
        "catalogue_share_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogues.id"],
            name=op.f("fk_catalogue_share_links_catalogue_id_catalogues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_catalogue_share_links_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_share_links")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_catalogue_share_links_token_sha256")),
    )
    op.create_index(
        op.f("ix_catalogue_share_links_catalogue_id"), "catalogue_share_links", ["catalogue_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_catalogue_share_links_catalogue_id"), table_name="catalogue_share_links")
    op.drop_table("catalogue_share_links")
    op.drop_index(op.f("ix_catalogue_invitations_user_id"), table_name="catalogue_invitations")
    op.drop_index(op.f("ix_catalogue_invitations_catalogue_id"), table_name="catalogue_invitations")
    op.drop_table("catalogue_invitations")
