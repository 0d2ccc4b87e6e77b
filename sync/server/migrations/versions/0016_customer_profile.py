"""a customer's profile: skin and hair, preferences, tags, member card, source; allergies and
health notes as the counters sealed them (the server's copy of the store key is a file, never in
this database), and the plain flag that the customer has allergies

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
    with op.batch_alter_table("customer", schema=None) as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("has_allergies", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        for name in ("preferences", "tags"):  # JSON lists as text, as `stamps`
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default="[]"))
        for name in ("favourite_technician_id", "referred_by"):
            batch_op.add_column(sa.Column(name, sa.String(length=36), nullable=True))
    with op.batch_alter_table("customer_field_history", schema=None) as batch_op:
        batch_op.alter_column(  # "favourite_technician_id" is longer than 16
            "field", existing_type=sa.String(length=16), type_=sa.String(length=32)
        )


def downgrade() -> None:
    with op.batch_alter_table("customer_field_history", schema=None) as batch_op:
        batch_op.alter_column(
            "field", existing_type=sa.String(length=32), type_=sa.String(length=16)
        )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        for name in (*TEXT_COLUMNS, "has_allergies", "preferences", "tags"):
            batch_op.drop_column(name)
        batch_op.drop_column("favourite_technician_id")
        batch_op.drop_column("referred_by")
