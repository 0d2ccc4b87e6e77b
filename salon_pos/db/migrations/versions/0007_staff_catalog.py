"""staff and catalog at the counter: a staff member's phone

Revision ID: 0007_staff_catalog
Revises: 0006_speed
Create Date: 2026-12-06 15:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_staff_catalog"
down_revision = "0006_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(
            sa.Column("phone", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("phone")
