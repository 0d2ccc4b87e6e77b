"""bookings: technicians' working patterns and leave, rooms / beds / chairs, and the bookings
(issue 11)

Revision ID: 0019_bookings
Revises: 0018_rewards
Create Date: 2026-12-07 04:20:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0019_bookings"
down_revision = "0018_rewards"
branch_labels = None
depends_on = None

ID = sa.String(length=36)


def upgrade() -> None:
    op.create_table(
        "staff_schedule",
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("pattern", sa.JSON(), nullable=True),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("staff_id"),
    )
    op.create_table(
        "staff_leave",
        sa.Column("id", ID, nullable=False),
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_leave_staff_id", "staff_leave", ["staff_id"])
    op.create_table(
        "booking_resource",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("service_ids", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "booking",
        sa.Column("id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("technician_id", ID, nullable=True),
        sa.Column("requested", sa.Boolean(), nullable=False),
        sa.Column("resource_id", ID, nullable=True),
        sa.Column("start_at", UTCDateTime(), nullable=False),
        sa.Column("end_at", UTCDateTime(), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("made_by", ID, nullable=True),
        sa.Column("ticket_id", ID, nullable=True),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_booking_start", "booking", ["start_at"])
    op.create_index("ix_booking_customer_id", "booking", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_booking_customer_id", table_name="booking")
    op.drop_index("ix_booking_start", table_name="booking")
    op.drop_table("booking")
    op.drop_table("booking_resource")
    op.drop_index("ix_staff_leave_staff_id", table_name="staff_leave")
    op.drop_table("staff_leave")
    op.drop_table("staff_schedule")
