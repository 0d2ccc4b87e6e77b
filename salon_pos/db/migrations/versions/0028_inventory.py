"""inventory (进销存): a product's stock unit, package size and whether its batches need an
expiry; the stock ledger (append-only movements), the batches stock was received in, stock on
hand by product and batch kept by a trigger, a store's minimum of a product, what a service
uses up (耗材), and the documents: receipts and write-offs, suppliers, purchase orders,
stocktakes with their counts, transfers between stores

Revision ID: 0028_inventory
Revises: 0027_report_indexes
Create Date: 2026-12-07 14:00:00
"""

import sqlalchemy as sa
from alembic import op

from salon_pos.db.types import UTCDateTime

revision = "0028_inventory"
down_revision = "0027_report_indexes"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)

# On hand is the sum of the movements, kept by product and batch ('' for stock of no batch) as
# each is written, whoever writes it (checkout, a pulled change, a bulk insert): the ledger
# stays the truth and this can be worked out again from it (services/stock.py).
ON_HAND_TRIGGER = """
CREATE TRIGGER stock_movement_on_hand AFTER INSERT ON stock_movement
BEGIN
    INSERT INTO stock_on_hand (product_id, batch_key, quantity)
    VALUES (NEW.product_id, coalesce(NEW.batch_id, ''), NEW.quantity)
    ON CONFLICT (product_id, batch_key) DO UPDATE SET quantity = quantity + NEW.quantity;
END
"""


def upgrade() -> None:
    op.add_column(
        "product", sa.Column("unit", sa.String(8), nullable=False, server_default="piece")
    )
    op.add_column(
        "product", sa.Column("pack_size", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column(
        "product",
        sa.Column("needs_expiry", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "stock_batch",
        sa.Column("id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("unit_cost", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_batch_product_id", "stock_batch", ["product_id"])
    op.create_index("ix_stock_batch_expires_on", "stock_batch", ["expires_on"])
    op.create_table(
        "stock_movement",
        sa.Column("id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("batch_id", _ID, nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("line_id", _ID, nullable=True),
        sa.Column("staff_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_stock_movement_product_day", "stock_movement", ["product_id", "business_day"]
    )
    op.create_index("ix_stock_movement_day", "stock_movement", ["business_day"])
    op.create_index("ix_stock_movement_document_id", "stock_movement", ["document_id"])
    op.create_table(
        "stock_on_hand",
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("batch_key", _ID, nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", "batch_key"),
    )
    op.execute(ON_HAND_TRIGGER)
    op.create_table(
        "stock_level",
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=True),
        sa.Column("hlc", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("product_id"),
    )
    op.create_table(
        "service_consumable",
        sa.Column("service_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("service_id", "product_id"),
    )
    op.create_table(
        "consumables_stamp",
        sa.Column("service_id", _ID, nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("service_id"),
    )
    _documents()


def _documents() -> None:
    op.create_table(
        "stock_document",
        sa.Column("id", _ID, nullable=False),
        sa.Column("document", sa.String(16), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("staff_id", _ID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("supplier", sa.String(64), nullable=False),
        sa.Column("supplier_id", _ID, nullable=True),
        sa.Column("purchase_order_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_document_purchase_order_id", "stock_document", ["purchase_order_id"])
    op.create_index("ix_stock_document_day", "stock_document", ["business_day"])
    op.create_table(
        "supplier",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("contact", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "purchase_order",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("supplier_id", _ID, nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", _ID, nullable=False),
        sa.Column("ordered_at", UTCDateTime(), nullable=True),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_purchase_order_created_at", "purchase_order", ["created_at"])
    op.create_table(
        "stocktake",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(12), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("started_by", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("posted_at", UTCDateTime(), nullable=True),
        sa.Column("posted_by", _ID, nullable=True),
        sa.Column("lines", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "stocktake_count",
        sa.Column("id", _ID, nullable=False),
        sa.Column("stocktake_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("counted_at", UTCDateTime(), nullable=False),
        sa.Column("counted_by", _ID, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stocktake_count_stocktake_id", "stocktake_count", ["stocktake_id"])
    op.create_table(
        "stock_transfer",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("from_store_id", _ID, nullable=False),
        sa.Column("to_store_id", _ID, nullable=False),
        sa.Column("from_store_name", sa.String(64), nullable=False),
        sa.Column("to_store_name", sa.String(64), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.Column("sent_by", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("received", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_transfer_sent_at", "stock_transfer", ["sent_at"])
    op.create_table(
        "chain_store",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("told_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS stock_movement_on_hand")
    for table in (
        "chain_store",
        "stock_transfer",
        "stocktake_count",
        "stocktake",
        "purchase_order",
        "supplier",
        "stock_document",
        "consumables_stamp",
        "service_consumable",
        "stock_level",
        "stock_on_hand",
        "stock_movement",
        "stock_batch",
    ):
        op.drop_table(table)
    with op.batch_alter_table("product") as batch:
        batch.drop_column("needs_expiry")
        batch.drop_column("pack_size")
        batch.drop_column("unit")
