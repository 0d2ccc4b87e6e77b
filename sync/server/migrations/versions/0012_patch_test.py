"""patch tests (皮试): a customer's tests, append-only, and a manager's approval on a ticket line
of a service sold without a valid one

Revision ID: 0012_patch_test
Revises: 0010_members
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_patch_test"
down_revision = "0010_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_line", schema=None) as batch_op:
        batch_op.add_column(sa.Column("patch_test_waiver", sa.Text(), nullable=True))
    op.create_table(
        "patch_test",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("tested_on", sa.Date(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_patch_test_store_id_store"),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name="fk_patch_test_customer_id_customer"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_patch_test"),
    )
    op.create_index("ix_patch_test_store_id", "patch_test", ["store_id"])
    op.create_index("ix_patch_test_customer_id", "patch_test", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_patch_test_customer_id", table_name="patch_test")
    op.drop_index("ix_patch_test_store_id", table_name="patch_test")
    op.drop_table("patch_test")
    with op.batch_alter_table("ticket_line", schema=None) as batch_op:
        batch_op.drop_column("patch_test_waiver")
