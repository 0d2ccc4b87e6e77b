"""indexes for the close and the reports over a busy year: a ticket's void day and a refund's
business day (voids and refunds count on the day they happen: read by day, they were read by a
scan of every ticket and refund), and a member ledger entry's time (the close reads the entries
of a few days around it)

Revision ID: 0027_report_indexes
Revises: 0026_day_close
Create Date: 2026-12-07 10:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0027_report_indexes"
down_revision = "0026_day_close"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ticket_void_business_day",
        "ticket",
        ["void_business_day"],
        sqlite_where=sa.text("void_business_day IS NOT NULL"),
    )
    op.create_index("ix_refund_business_day", "refund", ["business_day"])
    op.create_index("ix_balance_entry_created_at", "balance_entry", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_balance_entry_created_at", "balance_entry")
    op.drop_index("ix_refund_business_day", "refund")
    op.drop_index("ix_ticket_void_business_day", "ticket")
