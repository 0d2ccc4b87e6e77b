"""a counter restored from a backup recovers: where its data folder lives, the server cursor
it adopted, the original number of a renumbered ticket, and notices for the manager. The
outbox's (device_id, seq) stays unique among operations that are not superseded: a recovered
counter sends what it sold again under the numbers the server expects next, beside the
superseded rows that held them (kept, never edited but for their result)

Revision ID: 0005_identity
Revises: 0004_import
Create Date: 2026-12-06 14:10:00
"""

import sqlalchemy as sa
from alembic import op

import salon_pos.db.types

revision = "0005_identity"
down_revision = "0004_import"
branch_labels = None
depends_on = None

_SYNC_STATE = (
    sa.Column("home_machine", sa.String(length=64), nullable=True),
    sa.Column("home_path", sa.Text(), nullable=True),
    sa.Column("adopted_cursor", sa.Integer(), nullable=True),
    sa.Column("adopted_op_id", sa.String(length=36), nullable=True),
)


SUPERSEDED_WHERE = "result IS NOT 'superseded'"
_TRIGGERS = (
    "CREATE TRIGGER outbox_operation_fixed BEFORE UPDATE OF id, device_id, seq, type, "
    "occurred_at, payload_version, payload ON outbox_operation BEGIN "
    "SELECT RAISE(ABORT, 'a queued operation is a fact and is not edited'); END",
    "CREATE TRIGGER outbox_operation_kept BEFORE DELETE ON outbox_operation BEGIN "
    "SELECT RAISE(ABORT, 'a queued operation is never discarded'); END",
)
_COLUMNS = "id, device_id, seq, type, occurred_at, payload_version, payload, pushed_at, result"


def _rebuild_outbox(*unique: sa.UniqueConstraint) -> None:
    """SQLite cannot drop a table's constraint: copy the rows into a new table (DROP TABLE
    drops the triggers before its implicit delete, so the delete trigger does not fire)."""
    op.create_table(
        "outbox_operation_new",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=48), nullable=False),
        sa.Column("occurred_at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("payload_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("pushed_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.Column("result", sa.String(length=24), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        *unique,
    )
    op.execute(
        f"INSERT INTO outbox_operation_new ({_COLUMNS}) SELECT {_COLUMNS} FROM outbox_operation"
    )
    op.execute("DROP TABLE outbox_operation")
    op.execute("ALTER TABLE outbox_operation_new RENAME TO outbox_operation")
    op.create_index(
        "ix_outbox_pending",
        "outbox_operation",
        ["seq"],
        unique=False,
        sqlite_where=sa.text("pushed_at IS NULL"),
    )
    for trigger in _TRIGGERS:
        op.execute(trigger)


def upgrade() -> None:
    _rebuild_outbox()
    op.create_index(
        "uq_outbox_live_seq",
        "outbox_operation",
        ["device_id", "seq"],
        unique=True,
        sqlite_where=sa.text(SUPERSEDED_WHERE),
    )
    # Plain ADD COLUMN (not batch mode): keeps the tables, their triggers and indexes.
    op.add_column("ticket", sa.Column("original_number", sa.String(length=24), nullable=True))
    op.create_index(
        "ix_ticket_original_number",
        "ticket",
        ["original_number"],
        sqlite_where=sa.text("original_number IS NOT NULL"),
    )
    for column in _SYNC_STATE:
        op.add_column("sync_state", column)
    op.create_table(
        "sync_notice",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", salon_pos.db.types.UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("seen_at", salon_pos.db.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("sync_notice")
    for column in _SYNC_STATE:
        op.drop_column("sync_state", column.name)
    op.drop_index("ix_ticket_original_number", table_name="ticket")
    op.drop_column("ticket", "original_number")
    op.drop_index("uq_outbox_live_seq", table_name="outbox_operation")
    _rebuild_outbox(sa.UniqueConstraint("device_id", "seq"))
