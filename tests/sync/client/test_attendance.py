"""Attendance between counters through the real server (SQLite and PostgreSQL): a person
clocked in at one counter and out at the other while both were offline; once synced, both
counters hold both clockings (with the counter each was clocked at) and report the same hours."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select

from salon_pos.db.models import AttendanceClocking
from salon_pos.domain.attendance import ClockKind
from salon_pos.services.backend import Backend
from sync.server import models
from tests.conftest import FakeClock
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_team
from tests.sync.live_server import LiveServer

ATTENDANCE = models.table_of(models.AttendanceClocking)
TECH_PIN = "2222"
TODAY = date(2026, 11, 20)


def test_clockings_at_two_counters_offline_reach_both_and_pair_alike(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team = seed_team(a1)
    for counter in (a1, b1):
        assert sync_once(counter).error is None  # B1 knows the staff and their PINs

    live_server.stop()
    clock_in = a1.attendance.clock(team.tech.id, "in", TECH_PIN, actor_id=team.desk.id)
    clock.advance(hours=7, minutes=45)
    assert b1.attendance.next_kind(team.tech.id) is ClockKind.IN  # B1 has not heard yet
    clock_out = b1.attendance.clock(team.tech.id, "out", TECH_PIN)

    live_server.start()
    for counter in (a1, b1, a1):
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report
    for counter, other in ((a1, b1), (b1, a1)):
        ids = [c.id for c in counter.attendance.today()]
        assert ids == [clock_out.clocking.id, clock_in.clocking.id]
        [line] = [r for r in counter.attendance.hours(TODAY, TODAY) if r.staff_id == team.tech.id]
        assert (line.days_worked, line.minutes, line.missing_clock_outs) == (1, 465, 0)
        with counter.db.read() as session:
            origin = session.get(
                AttendanceClocking, (clock_in if counter is b1 else clock_out).clocking.id
            )
            assert origin is not None
            assert origin.device_id == other.settings.current.device_id
    with server_engine.connect() as connection:
        kept = connection.execute(
            select(ATTENDANCE.c.id, ATTENDANCE.c.device_id).where(ATTENDANCE.c.store_id == store_id)
        )
        assert {row.id: row.device_id for row in kept} == {
            clock_in.clocking.id: a1.settings.current.device_id,
            clock_out.clocking.id: b1.settings.current.device_id,
        }
