"""member ledgers: balance entries (points, stored value principal and bonus, package
sessions) as the counters made them, package cards sold, the package plans a store sells

Revision ID: 0010_members
Revises: 0009_chain_catalog
Create Date: 2026-12-06 22:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_members"
down_revision = "0009_chain_catalog"
branch_labels = None
depends_on = None

ID = sa.String(length=36)
MOMENT = sa.DateTime(timezone=True)


def _store(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["store_id"], ["store.id"], name=f"fk_{table}_store_id_store")


def upgrade() -> None:
    op.create_table(
        "package_plan",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("service_ids", sa.Text(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("valid_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        _store("package_plan"),
        sa.PrimaryKeyConstraint("id", name="pk_package_plan"),
    )
    op.create_index("ix_package_plan_store_id", "package_plan", ["store_id"])
    op.create_table(
        "package_card",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("plan_id", ID, nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("service_ids", sa.Text(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("ticket_id", ID, nullable=True),
        sa.Column("line_id", ID, nullable=True),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("op_id", ID, nullable=False),
        _store("package_card"),
        sa.PrimaryKeyConstraint("id", name="pk_package_card"),
    )
    op.create_index("ix_package_card_store_id", "package_card", ["store_id"])
    op.create_table(
        "balance_entry",
        sa.Column("id", ID, nullable=False),
        sa.Column("store_id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("account", sa.String(length=12), nullable=False),
        sa.Column("card_id", ID, nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", ID, nullable=True),
        sa.Column("line_id", ID, nullable=True),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("device_id", ID, nullable=True),
        sa.Column("op_id", ID, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _store("balance_entry"),
        sa.PrimaryKeyConstraint("id", name="pk_balance_entry"),
    )
    op.create_index(
        "ix_balance_entry_account",
        "balance_entry",
        ["store_id", "customer_id", "account", "card_id"],
        postgresql_include=["amount"],
    )


def downgrade() -> None:
    op.drop_table("balance_entry")
    op.drop_table("package_card")
    op.drop_table("package_plan")
