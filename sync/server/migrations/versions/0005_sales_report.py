"""the owner's sales pages read a period of a store's (or a chain's) sales by business day:
indexes on (store, business day) for the sales ledger and the tickets, a tender ledger
(money by tender, signed) filled from the payments, voids and refunds already recorded, and
the two ledgers' sums per store, day, kind and tender (sales_day) filled from them

Revision ID: 0005_sales_report
Revises: 0003_web_console
Create Date: 2026-12-06 16:30:00
"""

import json
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0005_sales_report"
down_revision = "0003_web_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # INCLUDE (PostgreSQL): a period's sums come from the index alone.
    op.create_index(
        "ix_ledger_entry_store_day",
        "ledger_entry",
        ["store_id", "business_day"],
        postgresql_include=["kind", "amount"],
    )
    op.create_index(
        "ix_ticket_store_day",
        "ticket",
        ["store_id", "business_day", "completed_at"],
        postgresql_include=["status", "total"],
    )
    tender = op.create_table(
        "tender_entry",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("tender", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_tender_entry_store_id_store")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tender_entry")),
    )
    op.create_index(
        "ix_tender_entry_store_day",
        "tender_entry",
        ["store_id", "business_day"],
        postgresql_include=["tender", "amount"],
    )
    _fill(tender)
    op.create_table(
        "sales_day",
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("tender", sa.String(length=16), nullable=False),
        sa.Column("entries", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["store.id"], name=op.f("fk_sales_day_store_id_store")
        ),
        sa.PrimaryKeyConstraint(
            "store_id", "business_day", "kind", "tender", name=op.f("pk_sales_day")
        ),
    )
    for source, column, by in (("ledger_entry", "''", ""), ("tender_entry", "tender", ", tender")):
        op.execute(
            "INSERT INTO sales_day (store_id, business_day, kind, tender, entries, amount) "
            f"SELECT store_id, business_day, kind, {column}, count(*), sum(amount) "
            f"FROM {source} GROUP BY store_id, business_day, kind{by}"
        )


def _fill(tender: sa.Table) -> None:
    """What the sales and voids took by tender, from their payments; refunds from their own."""
    columns = "store_id, ticket_id, business_day, kind, tender, amount"
    for kind, sign, voided in (("sale", "", ""), ("void", "-", " WHERE t.status = 'voided'")):
        op.execute(
            f"INSERT INTO tender_entry ({columns}) SELECT t.store_id, t.id, t.business_day, "
            f"'{kind}', p.kind, {sign}p.applied FROM payment p JOIN ticket t ON p.ticket_id = t.id"
            + voided
        )
    connection = op.get_bind()
    refunds = connection.execute(
        sa.text("SELECT store_id, ticket_id, business_day, payload FROM refund")
    ).all()
    rows = [
        {
            "store_id": store_id,
            "ticket_id": ticket_id,
            "business_day": day if isinstance(day, date) else date.fromisoformat(day),
            "kind": "refund",
            "tender": given["kind"],
            "amount": -given["amount"],
        }
        for store_id, ticket_id, day, payload in refunds
        for given in json.loads(payload).get("tenders", [])
    ]
    if rows:
        op.bulk_insert(tender, rows)


def downgrade() -> None:
    op.drop_table("sales_day")
    op.drop_index("ix_tender_entry_store_day", table_name="tender_entry")
    op.drop_table("tender_entry")
    op.drop_index("ix_ticket_store_day", table_name="ticket")
    op.drop_index("ix_ledger_entry_store_day", table_name="ledger_entry")
