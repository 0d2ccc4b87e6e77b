"""master data: catalog ids the server folded into another (an item created twice offline)

Revision ID: 0008_master_data
Revises: 0007_staff_catalog
Create Date: 2026-12-06 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_master_data"
down_revision = "0007_staff_catalog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_alias",
        sa.Column("alias_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("alias_id"),
    )
    op.create_index("ix_catalog_alias_item_id", "catalog_alias", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_catalog_alias_item_id", table_name="catalog_alias")
    op.drop_table("catalog_alias")
