"""sale provenance for the close, reports and commission (issue 12): the manager who approved a
ticket's discount, the business day and counter of its void, the counter a refund was made at,
a line's category as sold and 点钟, and technicians' shares of a line several worked on

Revision ID: 0021_sale_provenance
Revises: 0020_reminders
Create Date: 2026-12-07 07:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_sale_provenance"
down_revision = "0020_reminders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch would rebuild tables other tables' foreign keys point at.
    op.add_column("ticket", sa.Column("discount_approved_by", sa.String(length=36), nullable=True))
    op.add_column("ticket", sa.Column("void_business_day", sa.Date(), nullable=True))
    op.add_column("ticket", sa.Column("void_device_id", sa.String(length=36), nullable=True))
    op.add_column("refund", sa.Column("device_id", sa.String(length=36), nullable=True))
    op.add_column(
        "ticket_line", sa.Column("category", sa.Text(), nullable=False, server_default="")
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
        sa.ForeignKeyConstraint(
            ["ticket_line_id"],
            ["ticket_line.id"],
            name="fk_ticket_line_share_ticket_line_id_ticket_line",
        ),
        sa.PrimaryKeyConstraint("ticket_line_id", "staff_id", name="pk_ticket_line_share"),
    )
    # What can be known of what is here: a void so far counted on the sale's own day (and at
    # the counter that sold it); a refund's counter from the operation that made it; a line's
    # category is its item's now.
    op.execute(
        "UPDATE ticket SET void_business_day = business_day, void_device_id = device_id "
        "WHERE voided_at IS NOT NULL"
    )
    op.execute(
        "UPDATE refund SET device_id = (SELECT device_id FROM applied_operation "
        "WHERE applied_operation.id = refund.op_id)"
    )
    op.execute(
        "UPDATE ticket_line SET category = COALESCE((SELECT category FROM catalog_item "
        "WHERE catalog_item.id = ticket_line.item_id), '') WHERE kind IN ('service', 'product')"
    )


def downgrade() -> None:
    op.drop_table("ticket_line_share")
    for table, column in (
        ("ticket_line", "requested"),
        ("ticket_line", "category"),
        ("refund", "device_id"),
        ("ticket", "void_device_id"),
        ("ticket", "void_business_day"),
        ("ticket", "discount_approved_by"),
    ):
        op.drop_column(table, column)  # plain: no rebuild of a table others point at
