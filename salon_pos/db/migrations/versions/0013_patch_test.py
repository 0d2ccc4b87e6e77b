"""patch tests (皮试): services that need one, customers' tests, and a manager's approval on a
ticket line of a service sold without a valid one

Revision ID: 0013_patch_test
Revises: 0011_members
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0013_patch_test"
down_revision = "0011_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_item") as batch:
        batch.add_column(
            sa.Column("needs_patch_test", sa.Boolean(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("ticket_line") as batch:
        batch.add_column(sa.Column("patch_test_waiver", sa.JSON(), nullable=True))
    op.create_table(
        "patch_test",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=False),
        sa.Column("tested_on", sa.Date(), nullable=False),
        sa.Column("service_id", sa.String(length=36), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("technician_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_patch_test_customer_id", "patch_test", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_patch_test_customer_id", table_name="patch_test")
    op.drop_table("patch_test")
    with op.batch_alter_table("ticket_line") as batch:
        batch.drop_column("patch_test_waiver")
    with op.batch_alter_table("service_item") as batch:
        batch.drop_column("needs_patch_test")
