"""import: index customer search keys by customer

Revision ID: 0004_import
Revises: 0003_parked_changes
Create Date: 2026-12-06 13:40:00

Every customer write replaces that customer's search keys (delete by customer_id, then insert).
Without this index the delete scanned the whole table: 36 ms a customer at 337,000 keys, which
made imports, demo data and pulled customers quadratic in the number of customers.
"""

from alembic import op

revision = "0004_import"
down_revision = "0003_parked_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_customer_search_key_customer_id", "customer_search_key", ["customer_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_customer_search_key_customer_id", table_name="customer_search_key")
