"""inventory, the rest of the family: the stock documents of stock.moved (stock_document),
suppliers, purchase orders, stocktakes and their counts, transfers between an owner's stores
(stock_transfer) and the queue that sends a transfer to the other store's feed
(transfer_publish); a batch is kept per store (a transfer brings it to a second store under
the same id)

Revision ID: 0026_stock_documents
Revises: 0025_inventory
Create Date: 2026-12-07 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0026_stock_documents"
down_revision = "0025_inventory"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)
_AT = sa.DateTime(timezone=True)


def _store(table: str, column: str = "store_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["store.id"], name=f"fk_{table}_{column}_store")


def upgrade() -> None:
    # Nothing points at stock_batch: rebuilding it (SQLite) is safe.
    with op.batch_alter_table("stock_batch") as batch:
        batch.drop_constraint("pk_stock_batch", type_="primary")
        batch.create_primary_key("pk_stock_batch", ["store_id", "id"])
    _documents()
    _stocktakes()
    _transfers()


def _documents() -> None:
    op.create_table(
        "stock_document",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("document", sa.String(length=16), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("at", _AT, nullable=False),
        sa.Column("staff_id", _ID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("supplier", sa.String(length=64), nullable=False),
        sa.Column("supplier_id", _ID, nullable=True),
        sa.Column("purchase_order_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        _store("stock_document"),
        sa.PrimaryKeyConstraint("id", name="pk_stock_document"),
    )
    op.create_index("ix_stock_document_store_day", "stock_document", ["store_id", "business_day"])
    op.create_index("ix_stock_document_purchase_order_id", "stock_document", ["purchase_order_id"])
    op.create_table(
        "supplier",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("contact", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("updated_at", _AT, nullable=False),
        _store("supplier"),
        sa.PrimaryKeyConstraint("id", name="pk_supplier"),
    )
    op.create_index("ix_supplier_store_id", "supplier", ["store_id"])
    op.create_table(
        "purchase_order",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("supplier_id", _ID, nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", _AT, nullable=False),
        sa.Column("created_by", _ID, nullable=False),
        sa.Column("ordered_at", _AT, nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("updated_at", _AT, nullable=False),
        _store("purchase_order"),
        sa.PrimaryKeyConstraint("id", name="pk_purchase_order"),
    )
    op.create_index("ix_purchase_order_store_id", "purchase_order", ["store_id"])


def _stocktakes() -> None:
    op.create_table(
        "stocktake",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("started_at", _AT, nullable=False),
        sa.Column("started_by", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        sa.Column("posted_at", _AT, nullable=True),
        sa.Column("posted_by", _ID, nullable=True),
        sa.Column("posted_business_day", sa.Date(), nullable=True),
        sa.Column("posted_device_id", _ID, nullable=True),
        sa.Column("post_op_id", _ID, nullable=True),
        sa.Column("lines", sa.Text(), nullable=True),
        _store("stocktake"),
        sa.PrimaryKeyConstraint("id", name="pk_stocktake"),
    )
    op.create_index("ix_stocktake_store_id", "stocktake", ["store_id"])
    op.create_table(
        "stocktake_count",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("stocktake_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("counted_at", _AT, nullable=False),
        sa.Column("counted_by", _ID, nullable=False),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        _store("stocktake_count"),
        sa.ForeignKeyConstraint(
            ["stocktake_id"], ["stocktake.id"], name="fk_stocktake_count_stocktake_id_stocktake"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stocktake_count"),
    )
    op.create_index("ix_stocktake_count_stocktake_id", "stocktake_count", ["stocktake_id"])


def _transfers() -> None:
    op.create_table(
        "stock_transfer",
        sa.Column("id", _ID, nullable=False),
        sa.Column("from_store_id", _ID, nullable=False),
        sa.Column("to_store_id", _ID, nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("sent_at", _AT, nullable=False),
        sa.Column("sent_by", _ID, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        sa.Column("received", sa.Text(), nullable=True),
        sa.Column("received_device_id", _ID, nullable=True),
        sa.Column("receive_op_id", _ID, nullable=True),
        _store("stock_transfer", "from_store_id"),
        _store("stock_transfer", "to_store_id"),
        sa.PrimaryKeyConstraint("id", name="pk_stock_transfer"),
    )
    op.create_index("ix_stock_transfer_from_store_id", "stock_transfer", ["from_store_id"])
    op.create_index("ix_stock_transfer_to_store_id", "stock_transfer", ["to_store_id"])
    op.create_table(
        "transfer_publish",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("transfer_id", _ID, nullable=False),
        sa.Column("queued_at", _AT, nullable=False),
        _store("transfer_publish"),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["stock_transfer.id"],
            name="fk_transfer_publish_transfer_id_stock_transfer",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_transfer_publish"),
    )
    op.create_index("ix_transfer_publish_store_id", "transfer_publish", ["store_id"])


def downgrade() -> None:
    op.drop_index("ix_transfer_publish_store_id", table_name="transfer_publish")
    op.drop_table("transfer_publish")
    op.drop_index("ix_stock_transfer_to_store_id", table_name="stock_transfer")
    op.drop_index("ix_stock_transfer_from_store_id", table_name="stock_transfer")
    op.drop_table("stock_transfer")
    op.drop_index("ix_stocktake_count_stocktake_id", table_name="stocktake_count")
    op.drop_table("stocktake_count")
    op.drop_index("ix_stocktake_store_id", table_name="stocktake")
    op.drop_table("stocktake")
    op.drop_index("ix_purchase_order_store_id", table_name="purchase_order")
    op.drop_table("purchase_order")
    op.drop_index("ix_supplier_store_id", table_name="supplier")
    op.drop_table("supplier")
    op.drop_index("ix_stock_document_purchase_order_id", table_name="stock_document")
    op.drop_index("ix_stock_document_store_day", table_name="stock_document")
    op.drop_table("stock_document")
    # A batch kept in two stores would clash under one id: one store's row stays.
    op.execute(
        "DELETE FROM stock_batch WHERE EXISTS (SELECT 1 FROM stock_batch AS kept"
        " WHERE kept.id = stock_batch.id AND kept.store_id < stock_batch.store_id)"
    )
    with op.batch_alter_table("stock_batch") as batch:
        batch.drop_constraint("pk_stock_batch", type_="primary")
        batch.create_primary_key("pk_stock_batch", ["id"])
