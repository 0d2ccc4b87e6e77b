"""Reminders across two counters and a server (SQLite and PostgreSQL), with a fake clock: both
counters are set to send reminders, but they are enrolled with a server, so only the server
does; a booking made offline on one counter gets exactly its two reminders, however often the
server's loop runs or restarts and whichever counter moves it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.services.backend import Backend
from sync.reminder_senders import FileSender
from sync.server.reminders import ReminderLoop
from tests.conftest import FakeClock
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

EVERY_DAY = WeeklyPattern((Hours("09:00", "21:00"),) * 7)


def _shanghai(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def test_each_booking_gets_its_two_reminders_once_from_the_server_only(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    a1.bookings.save_schedule(team.tech.id, EVERY_DAY)
    zhang = a1.customers.add("张三", "13800138000").id
    for counter in (a1, b1):
        counter.settings.update(reminders_here=True)
    live_server.stop()  # made offline
    made = a1.bookings.book(
        zhang, [shelf.facial], datetime(2026, 11, 21, 15, 0), technician_id=team.tech.id
    )
    live_server.start()
    for counter in (a1, b1, a1):
        assert sync_once(counter).error is None
    b1.bookings.move(made.id, note="靠窗")  # an edit elsewhere changes nothing to send
    assert sync_once(b1).error is None

    server_log = tmp_path / "server.jsonl"
    for day, hour in ((20, 15), (20, 15), (20, 20), (21, 13), (21, 13), (21, 14)):
        clock.current = _shanghai(day, hour)
        ReminderLoop(server_engine, FileSender(server_log), lambda: clock.current).run_once()
        for counter in (a1, b1):  # their sync rounds: enrolled, so they never send
            assert sync_once(counter).error is None
            assert counter.reminders.run_if_due(tmp_path / "counter.jsonl") is None
    lines = [json.loads(line) for line in server_log.read_text(encoding="utf-8").splitlines()]
    assert [line["key"] for line in lines] == [
        f"booking_day_before:{made.id}",
        f"booking_soon:{made.id}",
    ]
    assert not (tmp_path / "counter.jsonl").exists()
    assert a1.reminders.recent() == [] and b1.reminders.recent() == []
