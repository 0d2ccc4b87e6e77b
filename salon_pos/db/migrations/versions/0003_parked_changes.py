"""pulled changes that could not be applied (yet) are parked, not skipped; a conflict whose
resolution the server refused keeps the reason

Revision ID: 0003_parked_changes
Revises: 0002_sync
Create Date: 2026-12-06 13:00:00
"""

import sqlalchemy as sa
from alembic import op

import salon_pos.db.types

revision = "0003_parked_changes"
down_revision = "0002_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_change",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("origin_device_id", sa.String(length=36), nullable=True),
        sa.Column("at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("entity", "entity_id"),
    )
    # Plain ADD COLUMN (not batch mode): keeps the table and its index as they are.
    op.add_column("sync_conflict", sa.Column("rejected_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("sync_conflict", "rejected_reason")
    op.drop_table("parked_change")
