"""member ledgers: balance entries (points, stored value principal and bonus, package
sessions), package cards sold and the package plans a store sells

Revision ID: 0011_members
Revises: 0010_history
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0011_members"
down_revision = "0010_history"
branch_labels = None
depends_on = None

ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "package_plan",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("service_ids", sa.JSON(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("valid_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
    )
    op.create_table(
        "package_card",
        sa.Column("id", ID, primary_key=True),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("plan_id", ID),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("service_ids", sa.JSON(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date()),
        sa.Column("ticket_id", ID),
        sa.Column("line_id", ID),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "balance_entry",
        sa.Column("id", ID, primary_key=True),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("account", sa.String(12), nullable=False),
        sa.Column("card_id", ID),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("ticket_id", ID),
        sa.Column("line_id", ID),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", ID),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_package_card_customer_id", "package_card", ["customer_id"])
    op.create_index("ix_balance_entry_ticket_id", "balance_entry", ["ticket_id"])
    op.create_index(
        "ix_balance_entry_account", "balance_entry", ["customer_id", "account", "card_id"]
    )


def downgrade() -> None:
    op.drop_table("balance_entry")
    op.drop_table("package_card")
    op.drop_table("package_plan")
