"""attendance (考勤): staff clock-ins and clock-outs as the counters recorded them, append-only

Revision ID: 0018_attendance
Revises: 0017_bookings
Create Date: 2026-12-07 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_attendance"
down_revision = "0017_bookings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_attendance_store_id_store"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name="fk_attendance_staff_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_attendance"),
    )
    op.create_index("ix_attendance_store_at", "attendance", ["store_id", "at"])
    op.create_index("ix_attendance_staff_id", "attendance", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_attendance_staff_id", table_name="attendance")
    op.drop_index("ix_attendance_store_at", table_name="attendance")
    op.drop_table("attendance")
