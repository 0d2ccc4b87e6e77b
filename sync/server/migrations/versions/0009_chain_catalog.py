"""the chain catalog reaches every store of its owner: a queue of chain items a store's feed
must send again (chain_publish), and the stamp of a store's own price, so a counter's price edit
of a chain item merges by hybrid clock like every other field

Revision ID: 0009_chain_catalog
Revises: 0005_sales_report
Create Date: 2026-12-06 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_chain_catalog"
down_revision = "0005_sales_report"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("store_price", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stamp", sa.String(length=64), nullable=True))
    op.create_table(
        "chain_publish",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_chain_publish_store_id_store"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["catalog_item.id"], name="fk_chain_publish_item_id_catalog_item"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_chain_publish"),
    )
    op.create_index("ix_chain_publish_store_id", "chain_publish", ["store_id"])


def downgrade() -> None:
    op.drop_index("ix_chain_publish_store_id", table_name="chain_publish")
    op.drop_table("chain_publish")
    with op.batch_alter_table("store_price", schema=None) as batch_op:
        batch_op.drop_column("stamp")
