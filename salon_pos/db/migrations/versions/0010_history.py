"""a counter joining a store pulls what it needs to sell first and the store's past tickets
afterwards: how far that history has come

Revision ID: 0010_history
Revises: 0006_speed
Create Date: 2026-12-06 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_history"
down_revision = "0006_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (not batch mode): keeps the one-row table as it is.
    op.add_column("sync_state", sa.Column("history_until", sa.Integer(), nullable=True))
    op.add_column(
        "sync_state",
        sa.Column("history_cursor", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("sync_state", "history_cursor")
    op.drop_column("sync_state", "history_until")
