"""Attendance (考勤): clock-ins and clock-outs are kept as recorded, never edited, from every
counter of the store; what they add up to is decided when they are read (docs/attendance.md).

Per person, in time order (ties by id, so the order they arrived in never matters):
- an in is paired with the next clocking of that person when it is an out, at most
  MAX_SHIFT later: the pair is a worked interval;
- an in followed by another in is a missing clock-out (the later in starts the next pair);
- an out with no open in before it (or more than MAX_SHIFT after it) is a stray clock-out;
- the person's last in with no out after it is "on the clock" while it is less than
  MAX_SHIFT old, and a missing clock-out after that.
No interval is negative or longer than MAX_SHIFT: a forgotten clock-out followed by the next
day's clock-out is two flags, not a 30-hour day."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from salon_pos.domain.errors import UserError

MAX_SHIFT = timedelta(hours=16)
MAX_NOTE = 200


class ClockKind(StrEnum):
    IN = "in"  # 上班
    OUT = "out"  # 下班


class AttendanceNoteTooLong(UserError):
    en = "The note is too long: at most {most} characters."
    zh = "备注太长，最多 {most} 个字。"


class InvalidPeriod(UserError):
    en = "The period ends ({last}) before it starts ({first})."
    zh = "结束日期（{last}）早于开始日期（{first}）。"


@dataclass(frozen=True)
class Clocking:
    id: str
    staff_id: str
    kind: ClockKind
    at: datetime  # timezone-aware
    recorded_by: str | None = None
    note: str = ""
    device_id: str | None = None

    @property
    def order(self) -> tuple[datetime, str]:
        return (self.at, self.id)


@dataclass(frozen=True)
class Shift:
    """A worked interval: a clock-in and the clock-out paired with it."""

    clock_in: Clocking
    clock_out: Clocking

    @property
    def length(self) -> timedelta:
        return self.clock_out.at - self.clock_in.at


@dataclass(frozen=True)
class Timesheet:
    """One person's clockings, paired. Every clocking is in exactly one of the four."""

    staff_id: str
    shifts: tuple[Shift, ...] = ()
    missing_out: tuple[Clocking, ...] = ()  # ins never closed
    stray_out: tuple[Clocking, ...] = ()  # outs with no in to close
    on_clock: Clocking | None = None  # the last in, still open and recent

    @property
    def worked(self) -> timedelta:
        return sum((shift.length for shift in self.shifts), timedelta())


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise AttendanceNoteTooLong(most=MAX_NOTE)
    return note


def check_period(first: date, last: date) -> None:
    if last < first:
        raise InvalidPeriod(first=first.isoformat(), last=last.isoformat())


def timesheets(clockings: Iterable[Clocking], now: datetime) -> dict[str, Timesheet]:
    """Each person's timesheet, by staff id."""
    by_person: dict[str, list[Clocking]] = {}
    for clocking in clockings:
        by_person.setdefault(clocking.staff_id, []).append(clocking)
    return {staff: timesheet(staff, items, now) for staff, items in by_person.items()}


def timesheet(staff_id: str, clockings: Iterable[Clocking], now: datetime) -> Timesheet:
    """One person's clockings paired (the rule in the module's docstring)."""
    ordered = sorted({c.id: c for c in clockings}.values(), key=lambda c: c.order)
    shifts: list[Shift] = []
    missing: list[Clocking] = []
    stray: list[Clocking] = []
    open_in: Clocking | None = None
    for clocking in ordered:
        if clocking.kind is ClockKind.IN:
            if open_in is not None:
                missing.append(open_in)
            open_in = clocking
        elif open_in is not None and clocking.at - open_in.at <= MAX_SHIFT:
            shifts.append(Shift(open_in, clocking))
            open_in = None
        else:
            if open_in is not None:  # the in was too long ago: forgotten, not a 30-hour day
                missing.append(open_in)
                open_in = None
            stray.append(clocking)
    on_clock = None
    if open_in is not None:
        if now - open_in.at < MAX_SHIFT:
            on_clock = open_in
        else:
            missing.append(open_in)
    return Timesheet(staff_id, tuple(shifts), tuple(missing), tuple(stray), on_clock)


@dataclass(frozen=True)
class HoursLine:
    """One person's attendance over a period of business days."""

    staff_id: str
    days_worked: int = 0  # business days with a clock-in
    worked: timedelta = timedelta()  # the paired intervals that started in the period
    shifts: int = 0
    missing_clock_outs: int = 0
    stray_clock_outs: int = 0
    on_clock_since: datetime | None = None
    days: frozenset[date] = field(default=frozenset(), repr=False)

    @property
    def minutes(self) -> int:
        return int(self.worked.total_seconds()) // 60


def hours_report(
    clockings: Iterable[Clocking],
    first: date,
    last: date,
    day_of: Callable[[datetime], date],
    now: datetime,
) -> dict[str, HoursLine]:
    """Per person with a clocking in the period (by the business day `day_of` gives): days
    with a clock-in, the worked time of the intervals starting in it, and the flags. Pass the
    clockings of a little more than the period (MAX_SHIFT either side) so that pairs across
    its edges are found."""
    check_period(first, last)

    def inside(clocking: Clocking) -> bool:
        return first <= day_of(clocking.at) <= last

    report: dict[str, HoursLine] = {}
    for staff_id, sheet in timesheets(clockings, now).items():
        shifts = [s for s in sheet.shifts if inside(s.clock_in)]
        missing = [c for c in sheet.missing_out if inside(c)]
        stray = [c for c in sheet.stray_out if inside(c)]
        open_in = sheet.on_clock if sheet.on_clock and inside(sheet.on_clock) else None
        ins = [s.clock_in for s in shifts] + missing + ([open_in] if open_in else [])
        if not (ins or stray):
            continue
        days = frozenset(day_of(c.at) for c in ins)
        report[staff_id] = HoursLine(
            staff_id,
            days_worked=len(days),
            worked=sum((s.length for s in shifts), timedelta()),
            shifts=len(shifts),
            missing_clock_outs=len(missing),
            stray_clock_outs=len(stray),
            on_clock_since=open_in.at if open_in else None,
            days=days,
        )
    return report


def next_kind(last: Clocking | None, now: datetime) -> ClockKind:
    """What a person most likely clocks next: out while on the clock, in otherwise."""
    if last is not None and last.kind is ClockKind.IN and now - last.at < MAX_SHIFT:
        return ClockKind.OUT
    return ClockKind.IN
