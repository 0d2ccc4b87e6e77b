"""reminders a counter without a server sends itself: its outbox of messages, once per key

Revision ID: 0023_outgoing_message
Revises: 0022_parked_ticket
Create Date: 2026-12-07 04:10:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0023_outgoing_message"
down_revision = "0022_parked_ticket"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_message",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_outgoing_message_status", "outgoing_message", ["status"])


def downgrade() -> None:
    op.drop_index("ix_outgoing_message_status", table_name="outgoing_message")
    op.drop_table("outgoing_message")
