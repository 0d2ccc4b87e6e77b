"""attendance (考勤): staff clock-ins and clock-outs, from this counter and pulled from the
others of the store, append-only

Revision ID: 0021_attendance
Revises: 0019_bookings
Create Date: 2026-12-07 04:00:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0021_attendance"
down_revision = "0019_bookings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attendance_staff_id", "attendance", ["staff_id"])
    op.create_index("ix_attendance_at", "attendance", ["at"])


def downgrade() -> None:
    op.drop_index("ix_attendance_at", table_name="attendance")
    op.drop_index("ix_attendance_staff_id", table_name="attendance")
    op.drop_table("attendance")
