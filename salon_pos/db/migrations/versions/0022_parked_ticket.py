"""parked tickets (挂单): a ticket put aside at this counter to be taken up again, its draft
kept as versioned JSON; local to the counter, never synced

Revision ID: 0022_parked_ticket
Revises: 0021_attendance
Create Date: 2026-12-07 04:00:00
"""

import sqlalchemy as sa
from alembic import op

import salon_pos.db.types

revision = "0022_parked_ticket"
down_revision = "0021_attendance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_ticket",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("created_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("draft_version", sa.Integer(), nullable=False),
        sa.Column("draft", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"]),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_parked_ticket_updated_at", "parked_ticket", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_parked_ticket_updated_at", table_name="parked_ticket")
    op.drop_table("parked_ticket")
