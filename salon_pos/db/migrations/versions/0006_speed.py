"""speed: indexes that keep the tickets list, the status bar and the lockout checks flat

Revision ID: 0006_speed
Revises: 0005_identity
Create Date: 2026-12-06 13:30:00

- ticket (completed_at, number): the tickets list, newest first, reads only the rows it shows.
- outbox_operation (seq) WHERE result = 'rejected': the status bar's parked count.
- audit_entry (entity_type, entity_id): the sign-in lockout's last attempts of one person.
- audit_entry (action, at): the approval lockout's wrong PINs of the last minute.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_speed"
down_revision = "0005_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ticket_completed", "ticket", ["completed_at", "number"])
    op.create_index(
        "ix_outbox_parked",
        "outbox_operation",
        ["seq"],
        sqlite_where=sa.text("result = 'rejected'"),
    )
    op.create_index("ix_audit_entity", "audit_entry", ["entity_type", "entity_id"])
    op.create_index("ix_audit_action_at", "audit_entry", ["action", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_action_at", table_name="audit_entry")
    op.drop_index("ix_audit_entity", table_name="audit_entry")
    op.drop_index("ix_outbox_parked", table_name="outbox_operation")
    op.drop_index("ix_ticket_completed", table_name="ticket")
