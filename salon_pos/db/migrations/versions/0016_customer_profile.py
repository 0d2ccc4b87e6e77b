"""a customer's profile: skin and hair, preferences, tags, member card, source; allergies and
health notes sealed with the store's key (never plain in this file), and a plain flag that the
customer has allergies for the cashier's warning

Revision ID: 0016_customer_profile
Revises: 0015_member_tier
Create Date: 2026-12-06 21:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_customer_profile"
down_revision = "0015_member_tier"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    "skin_type",
    "skin_condition",
    "hair_condition",
    "allergies",
    "health_notes",
    "product_style",
    "member_card",
    "source",
)


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode): a customer table of 100,000 rows is not copied.
    for name in TEXT_COLUMNS:
        op.add_column("customer", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "customer",
        sa.Column("has_allergies", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    for name in ("preferences", "tags"):
        op.add_column("customer", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
    for name in ("favourite_technician_id", "referred_by"):
        op.add_column("customer", sa.Column(name, sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer") as batch_op:
        for name in (*TEXT_COLUMNS, "has_allergies", "preferences", "tags"):
            batch_op.drop_column(name)
        batch_op.drop_column("favourite_technician_id")
        batch_op.drop_column("referred_by")
