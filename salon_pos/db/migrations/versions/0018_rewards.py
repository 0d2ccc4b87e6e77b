"""rewards: a catalog item's points price (the points that redeem one unit at checkout; 0: not
for points)

Revision ID: 0018_rewards
Revises: 0016_customer_profile
Create Date: 2026-12-07 01:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_rewards"
down_revision = "0016_customer_profile"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("service_item", "product"):  # plain ADD COLUMN: no table copied
        op.add_column(
            table, sa.Column("points_price", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    for table in ("service_item", "product"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("points_price")
