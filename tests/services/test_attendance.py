"""Attendance through the service layer, against a real SQLite file: clocking in and out with
the staff member's own PIN (a wrong one records nothing and counts toward the sign-in
lock-out), clocking in twice in a row recorded and said, and the hours report per person."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AttendanceClocking, AuditEntry, OutboxOperation
from salon_pos.domain.attendance import AttendanceNoteTooLong, ClockKind, InvalidPeriod
from salon_pos.domain.errors import InvalidChoice, UnknownStaff
from salon_pos.services.backend import Backend
from salon_pos.services.sign_in import LockedOut, WrongPin
from tests.conftest import FakeClock, Team

TECH_PIN = "2222"
TODAY = date(2026, 11, 20)  # the clock's business day in Shanghai (14:30)
CLOCKED = "attendance.clocked"
OTHER_COUNTER = "0193b1c2-7d4e-7a10-8b2c-3f00a1c4e7b9"


def clockings(backend: Backend) -> int:
    with backend.db.read() as s:
        return s.scalar(select(func.count()).select_from(AttendanceClocking)) or 0


def test_clock_in_and_out_with_the_own_pin_is_recorded_queued_and_audited(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    attendance = backend.attendance
    assert attendance.next_kind(team.tech.id) is ClockKind.IN
    clocked = attendance.clock(team.tech.id, "in", TECH_PIN, actor_id=team.desk.id)
    assert (clocked.clocking.name, clocked.clocking.kind, clocked.repeated) == ("李娜", "in", False)
    assert clocked.clocking.at.strftime("%H:%M") == "14:30"  # the store's local time
    assert attendance.next_kind(team.tech.id) is ClockKind.OUT
    clock.advance(hours=4, minutes=15)
    attendance.clock(team.tech.id, "out", TECH_PIN, note="早走，已请示")
    assert [(c.kind, c.at.strftime("%H:%M")) for c in attendance.today()] == [
        (ClockKind.OUT, "18:45"),
        (ClockKind.IN, "14:30"),
    ]
    with backend.db.read() as s:
        ops = s.scalars(
            select(OutboxOperation.payload).where(OutboxOperation.type == "attendance.clocked")
        )
        payloads = [json.loads(p) for p in ops]
        audits = s.scalars(select(AuditEntry.actor_id).where(AuditEntry.action == CLOCKED))
        assert list(audits) == [team.tech.id, team.tech.id]
        device = s.scalars(select(AttendanceClocking.device_id)).first()
    assert [(p["kind"], p["recorded_by"], p["note"]) for p in payloads] == [
        ("in", team.desk.id, ""),
        ("out", None, "早走，已请示"),
    ]
    assert device == backend.settings.current.device_id
    [line] = [r for r in attendance.hours(TODAY, TODAY) if r.staff_id == team.tech.id]
    assert (line.days_worked, line.minutes, line.missing_clock_outs) == (1, 255, 0)


def test_a_wrong_pin_records_nothing_and_counts_toward_the_lock_out(
    backend: Backend, team: Team
) -> None:
    for _ in range(4):
        with pytest.raises(WrongPin):
            backend.attendance.clock(team.tech.id, "in", "9999")
    with pytest.raises(LockedOut):  # the fifth: the same count as signing in
        backend.sign_in.sign_in(team.tech.id, "9999")
    with pytest.raises(LockedOut):
        backend.attendance.clock(team.tech.id, "in", TECH_PIN)
    assert clockings(backend) == 0
    assert WrongPin(left=3).message("zh_CN").startswith("PIN 不正确")


def test_a_right_pin_starts_the_count_afresh(backend: Backend, team: Team) -> None:
    for _ in range(4):
        with pytest.raises(WrongPin):
            backend.sign_in.sign_in(team.tech.id, "9999")
    backend.attendance.clock(team.tech.id, "in", TECH_PIN)
    with pytest.raises(WrongPin) as raised:
        backend.attendance.clock(team.tech.id, "out", "9999")
    assert "4" in raised.value.message("en")


def test_clocking_in_twice_asks_nothing_is_recorded_and_the_earlier_is_flagged(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    backend.attendance.clock(team.tech.id, "in", TECH_PIN)
    clock.advance(minutes=20)
    again = backend.attendance.clock(team.tech.id, "in", TECH_PIN)
    assert again.repeated and clockings(backend) == 2
    clock.advance(hours=3)
    backend.attendance.clock(team.tech.id, "out", TECH_PIN)
    [line] = [r for r in backend.attendance.hours(TODAY, TODAY) if r.staff_id == team.tech.id]
    assert (line.minutes, line.shifts, line.missing_clock_outs) == (180, 1, 1)


def test_bad_input_records_nothing(backend: Backend, team: Team) -> None:
    with pytest.raises(InvalidChoice):
        backend.attendance.clock(team.tech.id, "lunch", TECH_PIN)
    with pytest.raises(AttendanceNoteTooLong):
        backend.attendance.clock(team.tech.id, "in", TECH_PIN, note="长" * 201)
    with pytest.raises(UnknownStaff):
        backend.attendance.clock("no-such-staff", "in", TECH_PIN)
    with pytest.raises(InvalidPeriod):
        backend.attendance.hours(TODAY, date(2026, 11, 1))
    assert clockings(backend) == 0


def test_the_report_goes_by_business_day_and_lists_every_active_person(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    attendance = backend.attendance
    clock.advance(hours=6)  # 20:30 on the 20th
    attendance.clock(team.desk.id, "in", Team.DESK_PIN)
    clock.advance(hours=6)  # 02:30 on the 21st: still the 20th's business day (cut-over 04:00)
    attendance.clock(team.desk.id, "out", Team.DESK_PIN)
    clock.advance(hours=12)  # 14:30 on the 21st
    attendance.clock(team.tech.id, "in", TECH_PIN)
    rows = {r.name: r for r in attendance.hours(TODAY, TODAY)}
    assert (rows["周小敏"].days_worked, rows["周小敏"].minutes) == (1, 360)
    assert rows["李娜"].days_worked == 0 and rows["王店长"].minutes == 0
    both = {r.name: r for r in attendance.hours(TODAY, date(2026, 11, 21))}
    assert both["李娜"].on_clock_since is not None
    assert both["李娜"].on_clock_since.strftime("%H:%M") == "14:30"
    assert attendance.hours(TODAY, date(2026, 11, 21))[0].name == "周小敏"  # most hours first


def test_a_pulled_clocking_waits_for_its_staff_member_and_applies_once(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    from salon_pos.db.models import ParkedChange
    from salon_pos.services.sync_changes import apply_page
    from sync.wire import Change

    def pulled(seq: int, staff_id: str) -> Change:
        clocking_id = f"0193b1c2-0000-7000-8000-00000000000{seq}"
        data = {
            "id": clocking_id,
            "staff_id": staff_id,
            "kind": "in",
            "at": clock.now().isoformat(),
        }
        return Change(
            seq=seq,
            entity="attendance",
            entity_id=clocking_id,
            data=data,
            origin_device_id=OTHER_COUNTER,
            at=clock.now(),
        )

    unknown, known = pulled(1, "0193b1c2-0000-7000-8000-0000000000ff"), pulled(2, team.tech.id)
    with backend.db.write() as session:
        apply_page(session, [unknown, known, known], None)
    with backend.db.read() as session:
        parked = list(session.scalars(select(ParkedChange.entity_id)))
        kept = session.get(AttendanceClocking, known.entity_id)
        assert kept is not None and kept.device_id == OTHER_COUNTER
    assert parked == [unknown.entity_id] and clockings(backend) == 1
    assert backend.attendance.next_kind(team.tech.id) is ClockKind.OUT  # another counter's in
