"""cash drawer sessions (交班) as the counters recorded them, the cash moved in and out of a
drawer besides sales, and the indexes a session's expected cash is worked out with

Revision ID: 0022_drawer
Revises: 0021_sale_provenance
Create Date: 2026-12-07 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_drawer"
down_revision = "0021_sale_provenance"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)


def upgrade() -> None:
    op.create_table(
        "drawer_session",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("op_id", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", _ID, nullable=False),
        sa.Column("opening_float", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("close_op_id", _ID, nullable=True),
        sa.Column("close_received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("close", sa.Text(), nullable=True),
        sa.Column("counted", sa.BigInteger(), nullable=True),
        sa.Column("expected", sa.BigInteger(), nullable=True),
        sa.Column("variance", sa.BigInteger(), nullable=True),
        sa.Column("server_expected", sa.BigInteger(), nullable=True),
        sa.Column("expected_differs", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_drawer_session_store_id_store"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_drawer_session"),
    )
    op.create_index("ix_drawer_session_store_day", "drawer_session", ["store_id", "business_day"])
    op.create_table(
        "drawer_movement",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("session_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("op_id", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_drawer_movement_store_id_store"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["drawer_session.id"],
            name="fk_drawer_movement_session_id_drawer_session",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_drawer_movement"),
    )
    op.create_index("ix_drawer_movement_store_day", "drawer_movement", ["store_id", "business_day"])
    op.create_index("ix_drawer_movement_session_id", "drawer_movement", ["session_id"])
    op.create_index("ix_ticket_device_completed", "ticket", ["device_id", "completed_at"])
    op.create_index("ix_ticket_void_device", "ticket", ["void_device_id", "voided_at"])
    op.create_index("ix_refund_device_refunded", "refund", ["device_id", "refunded_at"])


def downgrade() -> None:
    op.drop_index("ix_refund_device_refunded", table_name="refund")
    op.drop_index("ix_ticket_void_device", table_name="ticket")
    op.drop_index("ix_ticket_device_completed", table_name="ticket")
    op.drop_table("drawer_movement")
    op.drop_table("drawer_session")
