"""inventory at push speed: each store's stock on hand per product (stock_on_hand: units, and
whether the store keeps the product's stock), added to at each push batch's flush and filled
here from the ledger; the ledger indexed by document (a transfer's movements, a ticket's and
its refunds' when a void or refund puts stock back)

Revision ID: 0027_stock_on_hand
Revises: 0026_stock_documents
Create Date: 2026-12-07 16:00:00
"""

import sqlalchemy as sa
from alembic import op

from sync.server.stock_on_hand import fill_from_movements

revision = "0027_stock_on_hand"
down_revision = "0026_stock_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_on_hand",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_stock_on_hand_store_id_store"),
        sa.PrimaryKeyConstraint("store_id", "product_id", name="pk_stock_on_hand"),
    )
    op.create_index("ix_stock_movement_document", "stock_movement", ["store_id", "document_id"])
    fill_from_movements(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_stock_movement_document", table_name="stock_movement")
    op.drop_table("stock_on_hand")
