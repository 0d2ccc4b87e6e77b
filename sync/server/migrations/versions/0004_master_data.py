"""master data: per-field stamps on staff and catalog items, the keys two counters may both
create offline (sku, barcode) as columns, aliases of duplicate items, the store's shared
settings, and the chain catalog (owner's items, per-store prices)

Revision ID: 0004_master_data
Revises: 0003_web_console
Create Date: 2026-12-06 16:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_master_data"
down_revision = "0003_web_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sku", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("barcode", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("stamps", sa.Text(), server_default="{}", nullable=False))
        batch_op.add_column(sa.Column("owner_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key("fk_catalog_item_owner_id_owner", "owner", ["owner_id"], ["id"])
        batch_op.create_index("ix_catalog_item_store_sku", ["store_id", "sku"])
        batch_op.create_index("ix_catalog_item_store_barcode", ["store_id", "barcode"])
        batch_op.create_index(
            "ix_catalog_item_store_name", ["store_id", "kind", "category", "name"]
        )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stamps", sa.Text(), server_default="{}", nullable=False))
    _fill_codes()
    op.create_table(
        "catalog_alias",
        sa.Column("alias_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_catalog_alias_store_id_store"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["catalog_item.id"], name="fk_catalog_alias_item_id_catalog_item"
        ),
        sa.PrimaryKeyConstraint("alias_id", name="pk_catalog_alias"),
    )
    op.create_index("ix_catalog_alias_store_id", "catalog_alias", ["store_id"])
    op.create_index("ix_catalog_alias_item_id", "catalog_alias", ["item_id"])
    op.create_table(
        "store_price",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["store.id"], name="fk_store_price_store_id_store"),
        sa.ForeignKeyConstraint(
            ["item_id"], ["catalog_item.id"], name="fk_store_price_item_id_catalog_item"
        ),
        sa.PrimaryKeyConstraint("store_id", "item_id", name="pk_store_price"),
    )
    op.create_table(
        "store_settings",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("stamps", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_store_settings_store_id_store"
        ),
        sa.PrimaryKeyConstraint("store_id", name="pk_store_settings"),
    )


def _fill_codes() -> None:
    """sku and barcode of the products already held, from their stored fields."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, data FROM catalog_item WHERE kind = 'product'"))
    for row in rows.all():
        data = json.loads(row.data)
        bind.execute(
            sa.text("UPDATE catalog_item SET sku = :sku, barcode = :barcode WHERE id = :id"),
            {"sku": data.get("sku"), "barcode": data.get("barcode") or None, "id": row.id},
        )


def downgrade() -> None:
    op.drop_table("store_settings")
    op.drop_table("store_price")
    op.drop_index("ix_catalog_alias_item_id", table_name="catalog_alias")
    op.drop_index("ix_catalog_alias_store_id", table_name="catalog_alias")
    op.drop_table("catalog_alias")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("stamps")
    with op.batch_alter_table("catalog_item", schema=None) as batch_op:
        batch_op.drop_index("ix_catalog_item_store_name")
        batch_op.drop_index("ix_catalog_item_store_barcode")
        batch_op.drop_index("ix_catalog_item_store_sku")
        batch_op.drop_constraint("fk_catalog_item_owner_id_owner", type_="foreignkey")
        batch_op.drop_column("owner_id")
        batch_op.drop_column("stamps")
        batch_op.drop_column("barcode")
        batch_op.drop_column("sku")
