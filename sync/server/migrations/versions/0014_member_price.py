"""a ticket line's member discount: what the customer's tier took off the catalog price

Revision ID: 0014_member_price
Revises: 0012_patch_test
Create Date: 2026-12-06 22:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_member_price"
down_revision = "0012_patch_test"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_line", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("member_discount", sa.BigInteger(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket_line", schema=None) as batch_op:
        batch_op.drop_column("member_discount")
