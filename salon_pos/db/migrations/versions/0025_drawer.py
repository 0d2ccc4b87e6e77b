"""cash drawer sessions (交班): this counter's and the store's other counters', opened with a
float and closed with a count, and the cash moved in and out of a drawer besides sales

Revision ID: 0025_drawer
Revises: 0024_sale_provenance
Create Date: 2026-12-07 08:00:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0025_drawer"
down_revision = "0024_sale_provenance"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)
_FIGURES = ("counted", "expected", "variance", "cash_sales", "cash_back", "moved_in", "moved_out")


def upgrade() -> None:
    op.create_table(
        "drawer_session",
        sa.Column("id", _ID, nullable=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("opened_by", _ID, nullable=False),
        sa.Column("opening_float", sa.Integer(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("closed_by", _ID, nullable=True),
        sa.Column("counts", sa.JSON(), nullable=True),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in _FIGURES),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("close_reason", sa.Text(), nullable=False),
        sa.Column("close_approved_by", _ID, nullable=True),
        sa.Column("first_counted", sa.Integer(), nullable=True),
        sa.Column("server_expected", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_drawer_session_device_opened", "drawer_session", ["device_id", "opened_at"])
    op.create_index("ix_drawer_session_day", "drawer_session", ["business_day"])
    op.create_table(
        "drawer_movement",
        sa.Column("id", _ID, nullable=False),
        sa.Column("session_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff_id", _ID, nullable=True),
        sa.Column("approved_by", _ID, nullable=True),
        sa.Column("customer_id", _ID, nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["drawer_session.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_drawer_movement_session_id", "drawer_movement", ["session_id"])
    op.create_index("ix_drawer_movement_device_at", "drawer_movement", ["device_id", "at"])


def downgrade() -> None:
    op.drop_table("drawer_movement")
    op.drop_table("drawer_session")
