"""What a counter says of itself on its status call at the start of each sync round: its app
version and its queue (operations not yet pushed, and when the oldest was made). All optional:
an older counter sends none of it and is still "seen". Kept in device_report for the owner's
console; written at most once a minute per device unless what it says changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from sync.server import models
from sync.server.db import write_transaction

REPORT = models.table_of(models.DeviceReport)
QUIET = timedelta(minutes=1)


@dataclass(frozen=True)
class CounterReport:
    app_version: str | None = None
    queued: int | None = None
    oldest_queued_at: datetime | None = None


def record(engine: Engine, device_id: str, report: CounterReport, now: datetime) -> None:
    values = {
        "seen_at": now,
        "app_version": report.app_version,
        "queued": report.queued,
        "oldest_queued_at": report.oldest_queued_at,
    }
    with engine.connect() as connection:
        last = connection.execute(select(REPORT).where(REPORT.c.device_id == device_id)).first()
    if last is not None and now - last.seen_at < QUIET and _same(last, report):
        return  # the usual round: a read, no write lock
    with write_transaction(engine) as connection:
        done = connection.execute(
            update(REPORT).where(REPORT.c.device_id == device_id).values(values)
        )
        if done.rowcount == 0:
            connection.execute(insert(REPORT).values(device_id=device_id, **values))


def _same(last: Any, report: CounterReport) -> bool:
    held = (last.app_version, last.queued, last.oldest_queued_at)
    return bool(held == (report.app_version, report.queued, report.oldest_queued_at))
