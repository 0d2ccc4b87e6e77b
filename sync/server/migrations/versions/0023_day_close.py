"""the end-of-day close (日结): a store's business day closed at a counter, with that counter's
figures and the server's own, amended when something of the day arrives late

Revision ID: 0023_day_close
Revises: 0021_sale_provenance
Create Date: 2026-12-07 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_day_close"
down_revision = "0021_sale_provenance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_close",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("server_figures", sa.Text(), nullable=False),
        sa.Column("amendments", sa.Integer(), nullable=False),
        sa.Column("amended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_day_close_store_id_store"),
        sa.PrimaryKeyConstraint("store_id", "business_day", name="pk_day_close"),
    )


def downgrade() -> None:
    op.drop_table("day_close")
