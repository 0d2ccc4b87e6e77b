"""sync: customer stamps and merges, conflicts pulled from the server, sync state

Revision ID: 0002_sync
Revises: 0001_initial
Create Date: 2026-11-24 09:00:00

Besides the tables: a partial index for the sender's "what is not pushed yet" query, and a
trigger that refuses deleting a queued operation (signing out or upgrading never discards the
outbox). The 0001 trigger already refuses edits of everything but pushed_at and result.
"""

import sqlalchemy as sa
from alembic import op

import salon_pos.db.types

revision = "0002_sync"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not batch mode: a batch "move and copy" of customer would
    # drop the phone search triggers of 0001 and renumber the rowids the FTS index points at.
    op.add_column(
        "customer",
        sa.Column("stamps", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    )
    op.add_column("customer", sa.Column("merged_into", sa.String(length=36), nullable=True))

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("server_url", sa.String(length=200), nullable=True),
        sa.Column("store_id", sa.String(length=36), nullable=True),
        sa.Column("store_name", sa.String(length=64), nullable=True),
        sa.Column("pull_cursor", sa.Integer(), nullable=False),
        sa.Column("highest_hlc", sa.String(length=80), nullable=True),
        sa.Column("connection", sa.String(length=16), nullable=False),
        sa.Column("last_sync_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.Column("last_attempt_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op_ids", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("suggestion", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_status"), ["status"], unique=False)

    op.create_index(
        "ix_outbox_pending",
        "outbox_operation",
        ["seq"],
        unique=False,
        sqlite_where=sa.text("pushed_at IS NULL"),
    )
    op.execute(
        "CREATE TRIGGER outbox_operation_kept BEFORE DELETE ON outbox_operation BEGIN "
        "SELECT RAISE(ABORT, 'a queued operation is never discarded'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_operation_kept")
    op.drop_index("ix_outbox_pending", table_name="outbox_operation")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_status"))
    op.drop_table("sync_conflict")
    op.drop_table("sync_state")
    # SQLite 3.35+ drops a column in place (keeping the triggers of 0001).
    op.drop_column("customer", "merged_into")
    op.drop_column("customer", "stamps")
