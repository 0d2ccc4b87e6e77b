"""bookings: technicians' working patterns and leave, rooms / beds / chairs, and the bookings
(issue 11)

Revision ID: 0017_bookings
Revises: 0016_customer_profile
Create Date: 2026-12-07 04:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_bookings"
down_revision = "0016_customer_profile"
branch_labels = None
depends_on = None

ID = sa.String(length=36)


def _store(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["store_id"], ["store.id"], name=f"fk_{table}_store_id_store")


def upgrade() -> None:
    op.create_table(
        "staff_schedule",
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("pattern", sa.Text(), nullable=True),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _store("staff_schedule"),
        sa.PrimaryKeyConstraint("staff_id", name="pk_staff_schedule"),
    )
    op.create_index("ix_staff_schedule_store_id", "staff_schedule", ["store_id"])
    op.create_table(
        "staff_leave",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        _store("staff_leave"),
        sa.PrimaryKeyConstraint("id", name="pk_staff_leave"),
    )
    op.create_index("ix_staff_leave_store_id", "staff_leave", ["store_id"])
    op.create_table(
        "booking_resource",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        _store("booking_resource"),
        sa.PrimaryKeyConstraint("id", name="pk_booking_resource"),
    )
    op.create_index("ix_booking_resource_store_id", "booking_resource", ["store_id"])
    op.create_table(
        "booking",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("technician_id", ID, nullable=True),
        sa.Column("resource_id", ID, nullable=True),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("origin_device_id", ID, nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _store("booking"),
        sa.PrimaryKeyConstraint("id", name="pk_booking"),
    )
    op.create_index("ix_booking_store_start", "booking", ["store_id", "start_at"])
    op.create_index("ix_booking_customer_id", "booking", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_booking_customer_id", table_name="booking")
    op.drop_index("ix_booking_store_start", table_name="booking")
    op.drop_table("booking")
    for table in ("booking_resource", "staff_leave", "staff_schedule"):
        op.drop_index(f"ix_{table}_store_id", table_name=table)
        op.drop_table(table)
