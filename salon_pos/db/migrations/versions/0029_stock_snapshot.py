"""a joining counter's stock before its history: the store's stock by product and batch as
the server held it when the counter joined, less what of it has arrived since as movements
(stock_snapshot), and whether stock_on_hand holds such a snapshot (sync_state)

Revision ID: 0029_stock_snapshot
Revises: 0028_inventory
Create Date: 2026-12-07 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0029_stock_snapshot"
down_revision = "0028_inventory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_snapshot",
        sa.Column("product_id", sa.String(36), nullable=False),
        sa.Column("batch_key", sa.String(36), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", "batch_key"),
    )
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(
            sa.Column("stock_snapshot", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("stock_snapshot")
    op.drop_table("stock_snapshot")
