"""the end-of-day close (日结): a business day closed, by whom, where and with what figures;
and the store's counters as the server last told them (when each was last heard from)

Revision ID: 0026_day_close
Revises: 0024_sale_provenance
Create Date: 2026-12-07 07:45:00
"""

import sqlalchemy as sa
from alembic import op

import salon_pos.db.types

revision = "0026_day_close"
down_revision = "0024_sale_provenance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_close",
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("closed_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("business_day"),
    )
    op.create_table(
        "store_device",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.String(length=8), nullable=False),
        sa.Column("last_heard_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.Column("told_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )


def downgrade() -> None:
    op.drop_table("store_device")
    op.drop_table("day_close")
