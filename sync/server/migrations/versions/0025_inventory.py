"""inventory: a product's unit, pack size and whether its batches need an expiry date; the
stock ledger (stock_movement), the batches received (stock_batch), a store's minimum and cost
of a product (stock_level), and the consumables a service uses (service_consumable, stamped
per service in service_consumables)

Revision ID: 0025_inventory
Revises: 0024_report_days
Create Date: 2026-12-07 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0025_inventory"
down_revision = "0024_report_days"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)


def _store(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["store_id"], ["store.id"], name=f"fk_{table}_store_id_store")


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch would rebuild a table other tables' foreign keys point at.
    unit = sa.Column("unit", sa.String(length=8), nullable=False, server_default="piece")
    op.add_column("catalog_item", unit)
    op.add_column(
        "catalog_item", sa.Column("pack_size", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column(
        "catalog_item",
        sa.Column("needs_expiry", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "stock_batch",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unit_cost", sa.BigInteger(), nullable=True),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        _store("stock_batch"),
        sa.PrimaryKeyConstraint("id", name="pk_stock_batch"),
    )
    op.create_index("ix_stock_batch_product", "stock_batch", ["store_id", "product_id"])
    op.create_table(
        "stock_movement",
        sa.Column("id", _ID, nullable=False),
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("batch_id", _ID, nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("line_id", _ID, nullable=True),
        sa.Column("staff_id", _ID, nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("op_id", _ID, nullable=False),
        _store("stock_movement"),
        sa.PrimaryKeyConstraint("id", name="pk_stock_movement"),
    )
    op.create_index(
        "ix_stock_movement_product",
        "stock_movement",
        ["store_id", "product_id", "batch_id"],
        postgresql_include=["quantity"],
    )
    op.create_index("ix_stock_movement_store_day", "stock_movement", ["store_id", "business_day"])
    op.create_table(
        "stock_level",
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("minimum", sa.BigInteger(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        _store("stock_level"),
        sa.PrimaryKeyConstraint("store_id", "product_id", name="pk_stock_level"),
    )
    op.create_table(
        "service_consumables",
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("service_id", _ID, nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _store("service_consumables"),
        sa.PrimaryKeyConstraint("store_id", "service_id", name="pk_service_consumables"),
    )
    op.create_table(
        "service_consumable",
        sa.Column("store_id", _ID, nullable=False),
        sa.Column("service_id", _ID, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _store("service_consumable"),
        sa.PrimaryKeyConstraint(
            "store_id", "service_id", "product_id", name="pk_service_consumable"
        ),
    )


def downgrade() -> None:
    op.drop_table("service_consumable")
    op.drop_table("service_consumables")
    op.drop_table("stock_level")
    op.drop_index("ix_stock_movement_store_day", table_name="stock_movement")
    op.drop_index("ix_stock_movement_product", table_name="stock_movement")
    op.drop_table("stock_movement")
    op.drop_index("ix_stock_batch_product", table_name="stock_batch")
    op.drop_table("stock_batch")
    for column in ("needs_expiry", "pack_size", "unit"):
        op.drop_column("catalog_item", column)  # plain: no rebuild of a table others point at
