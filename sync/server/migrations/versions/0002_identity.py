"""where each device's data folder lives (a copy elsewhere is refused); a device's highest
ticket number found by index (a counter restored from a backup renumbers after it)

Revision ID: 0002_identity
Revises: 0001_initial
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_identity"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: nullable, so no table rebuild on SQLite.
    op.add_column("device", sa.Column("home", sa.String(length=64), nullable=True))
    op.create_index("ix_ticket_device_number", "ticket", ["device_id", "number"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ticket_device_number", table_name="ticket")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("home")
