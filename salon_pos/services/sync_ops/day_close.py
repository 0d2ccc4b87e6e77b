"""The close at the counter: the payload of day.closed, and applying pulled closes (sync/
operations/day_close.py declares them). A day has one close: a pulled close of a day this
counter already holds as closed leaves the first one standing, as the server does."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import DayClose
from salon_pos.services.sync_ops.registry import applies, builds
from sync.operations.day_close import CHANGE_DAY_CLOSE, DAY_CLOSED, DayClosed, DayCloseData
from sync.wire import Change


@builds(DAY_CLOSED)
def day_closed(row: dict[str, Any], waiting: int, unheard: list[str]) -> DayClosed:
    """The close's row as written, and what was still to reach the server when it closed."""
    return DayClosed.model_validate(
        row
        | {
            "figures": json.loads(row["figures"]),
            "waiting_operations": waiting,
            "unheard_counters": unheard,
        }
    )


@applies(CHANGE_DAY_CLOSE)
def day_close(session: Session, change: Change) -> None:
    data = DayCloseData.model_validate(change.data)
    row = data.model_dump(include={"id", "business_day", "closed_at", "closed_by", "note"})
    row |= {
        "device_id": data.device_id or change.origin_device_id or "",
        "figures": json.dumps(data.figures, ensure_ascii=False),
    }
    session.execute(insert(DayClose).values(row).on_conflict_do_nothing())
