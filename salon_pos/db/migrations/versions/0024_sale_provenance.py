"""sale provenance for the close, reports and commission (issue 12): the counter a ticket was
sold at, the manager who approved its discount, the business day and counter of its void; the
counter a refund was made at; a line's category as sold, whether its technician was asked for
by name (点钟), and the technicians' shares of a line several worked on (多人合作)

Revision ID: 0024_sale_provenance
Revises: 0023_outgoing_message
Create Date: 2026-12-07 07:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_sale_provenance"
down_revision = "0023_outgoing_message"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no foreign keys: SQLite would need a table rebuild for those).
    for column in (
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("discount_approved_by", sa.String(length=36), nullable=True),
        sa.Column("void_business_day", sa.Date(), nullable=True),
        sa.Column("void_device_id", sa.String(length=36), nullable=True),
    ):
        op.add_column("ticket", column)
    op.add_column("refund", sa.Column("device_id", sa.String(length=36), nullable=True))
    op.add_column(
        "ticket_line",
        sa.Column("category", sa.String(length=32), nullable=False, server_default=""),
    )
    op.add_column(
        "ticket_line",
        sa.Column("requested", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "ticket_line_share",
        sa.Column("ticket_line_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("share", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_line_id"], ["ticket_line.id"]),
        sa.PrimaryKeyConstraint("ticket_line_id", "staff_id"),
    )
    op.create_index("ix_ticket_device_completed", "ticket", ["device_id", "completed_at"])
    # What can be known of the tickets already here: this counter's own carry its prefix; a
    # line's category is its item's now; a void so far counted on the sale's own day.
    op.execute(
        "UPDATE ticket SET device_id = (SELECT value FROM setting WHERE key = 'device_id') "
        "WHERE number LIKE (SELECT value FROM setting WHERE key = 'counter_prefix') || '-%'"
    )
    op.execute(
        "UPDATE ticket SET void_business_day = business_day, void_device_id = device_id "
        "WHERE voided_at IS NOT NULL"
    )
    for kind, table in (("service", "service_item"), ("product", "product")):
        op.execute(
            f"UPDATE ticket_line SET category = COALESCE((SELECT category FROM {table} "
            f"WHERE {table}.id = ticket_line.item_id), '') WHERE kind = '{kind}'"
        )


def downgrade() -> None:
    op.drop_table("ticket_line_share")
    op.drop_index("ix_ticket_device_completed", table_name="ticket")
    for table, column in (
        ("ticket_line", "requested"),
        ("ticket_line", "category"),
        ("refund", "device_id"),
        ("ticket", "void_device_id"),
        ("ticket", "void_business_day"),
        ("ticket", "discount_approved_by"),
        ("ticket", "device_id"),
    ):
        op.drop_column(table, column)  # plain: no rebuild of a table others point at
