"""reminders: the server's outbox of messages to customers, once per key and store

Revision ID: 0020_reminders
Revises: 0018_attendance
Create Date: 2026-12-07 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_reminders"
down_revision = "0018_attendance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_message",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_outgoing_message_store_id_store"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outgoing_message"),
        sa.UniqueConstraint("store_id", "key", name="uq_outgoing_message_store_key"),
    )
    op.create_index("ix_outgoing_message_due", "outgoing_message", ["status", "next_try_at"])


def downgrade() -> None:
    op.drop_index("ix_outgoing_message_due", table_name="outgoing_message")
    op.drop_table("outgoing_message")
