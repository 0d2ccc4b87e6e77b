"""How much is waiting to reach the server: for the status bar and, later, the sync worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from salon_pos.db.database import Database
from salon_pos.db.models import OutboxOperation

_PENDING = select(func.count(), func.min(OutboxOperation.occurred_at)).where(
    OutboxOperation.pushed_at.is_(None)
)


@dataclass(frozen=True)
class OutboxStatus:
    pending: int
    oldest_at: datetime | None


def outbox_status(db: Database) -> OutboxStatus:
    with db.read() as session:
        pending, oldest = session.execute(_PENDING).one()
    return OutboxStatus(int(pending), oldest)
