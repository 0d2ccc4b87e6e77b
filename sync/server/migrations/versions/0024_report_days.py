"""the reports' per-day sums: sales_item_day (store, day, item as sold), sales_staff_day
(store, day, technician), sales_staff_customer and sales_staff_served (customers served per
technician and day, week, month), kept in each push batch; filled here from what the
server already holds

Revision ID: 0024_report_days
Revises: 0023_day_close
Create Date: 2026-12-07 10:30:00
"""

import sqlalchemy as sa
from alembic import op

from sync.server.report_days import fill_from_tickets

revision = "0024_report_days"
down_revision = "0023_day_close"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sales_item_day",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_sales_item_day_store_id_store"
        ),
        sa.PrimaryKeyConstraint(
            "store_id", "business_day", "kind", "item_id", "category", name="pk_sales_item_day"
        ),
    )
    op.create_table(
        "sales_staff_day",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("tickets", sa.BigInteger(), nullable=False),
        sa.Column("requested", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_sales_staff_day_store_id_store"
        ),
        sa.PrimaryKeyConstraint("store_id", "business_day", "staff_id", name="pk_sales_staff_day"),
    )
    op.create_table(
        "sales_staff_customer",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("tickets", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_sales_staff_customer_store_id_store"
        ),
        sa.PrimaryKeyConstraint(
            "store_id",
            "grain",
            "period_start",
            "staff_id",
            "customer_id",
            name="pk_sales_staff_customer",
        ),
    )
    op.create_table(
        "sales_staff_served",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("customers", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name="fk_sales_staff_served_store_id_store"
        ),
        sa.PrimaryKeyConstraint(
            "store_id", "grain", "period_start", "staff_id", name="pk_sales_staff_served"
        ),
    )
    fill_from_tickets(op.get_bind())


def downgrade() -> None:
    op.drop_table("sales_staff_served")
    op.drop_table("sales_staff_customer")
    op.drop_table("sales_staff_day")
    op.drop_table("sales_item_day")
