"""Attendance (考勤) at the counter: a staff member clocks in or out with their own PIN, and a
manager reads the hours per person over a period of business days. Clockings are append-only
and synced to every counter of the store; pairing them is the domain's rule, applied when
reading (salon_pos/domain/attendance.py, docs/attendance.md).

The PIN is checked as signing in checks it (services/sign_in.py): wrong PINs count toward the
same lock-out. Clocking in twice in a row is not refused or asked about: it is recorded, the
answer says so, and the report flags the earlier clock-in as a missing clock-out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import AttendanceClocking, Staff
from salon_pos.domain.attendance import (
    MAX_SHIFT,
    Clocking,
    ClockKind,
    HoursLine,
    check_note,
    check_period,
    hours_report,
    next_kind,
)
from salon_pos.domain.business_day import business_day
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import InvalidChoice
from salon_pos.domain.ids import new_id
from salon_pos.services.counter import CounterService
from salon_pos.services.settings import SettingsService
from salon_pos.services.sign_in import SignInService

CLOCKED = "attendance.clocked"  # the audit action


@dataclass(frozen=True)
class ClockingView:
    """A clocking as a screen shows it: who, in or out, the store's local time."""

    id: str
    staff_id: str
    name: str
    kind: ClockKind
    at: datetime  # in the store's time zone
    note: str = ""


@dataclass(frozen=True)
class Clocked:
    """What clocking answers: the clocking, and whether the person's clocking before it was of
    the same kind (in twice in a row: recorded, and shown as such)."""

    clocking: ClockingView
    repeated: bool


@dataclass(frozen=True)
class HoursRow:
    """One person's line of the hours report."""

    staff_id: str
    name: str
    days_worked: int
    minutes: int
    shifts: int
    missing_clock_outs: int
    stray_clock_outs: int
    on_clock_since: datetime | None  # in the store's time zone

    @property
    def id(self) -> str:
        return self.staff_id


def _clocking(row: AttendanceClocking) -> Clocking:
    return Clocking(
        row.id, row.staff_id, ClockKind(row.kind), row.at, row.recorded_by, row.note, row.device_id
    )


class AttendanceService(CounterService):
    def __init__(
        self, db: Database, settings: SettingsService, clock: Clock, sign_in: SignInService
    ) -> None:
        super().__init__(db, settings, clock)
        self._sign_in = sign_in

    def clock(
        self,
        staff_id: str,
        kind: str,
        pin: str,
        *,
        note: str = "",
        actor_id: str | None = None,
    ) -> Clocked:
        """Record a clock-in or clock-out of `staff_id`, whose PIN this must be (WrongPin,
        LockedOut, UnknownStaff otherwise: nothing recorded). `actor_id`: who is signed in."""
        from salon_pos.services.sync_ops import attendance as ops  # lazy: pydantic after paint

        try:
            clock_kind = ClockKind(kind)
        except ValueError:
            raise InvalidChoice(text=kind, choices="in / out") from None
        note = check_note(note)
        member = self._sign_in.check_pin(staff_id, pin, purpose=CLOCKED)
        now = self._clock.now()
        clocking = Clocking(new_id(), staff_id, clock_kind, now, actor_id, note)
        with self._db.write() as session:
            last = self._last_of(session, staff_id)
            payload = ops.attendance_clocked(clocking)
            row = payload.model_dump() | {"device_id": self._settings.current.device_id}
            session.execute(insert(AttendanceClocking).values(row))
            after = {"staff_id": staff_id, "kind": kind, "at": now.isoformat(), "note": note}
            audit = AuditRecord(staff_id, CLOCKED, "attendance", clocking.id, after=after)
            self._journal().record(session, now, audit, payload)
        view = self._view(clocking, member.name)
        return Clocked(view, repeated=last is not None and last.kind is clock_kind)

    def next_kind(self, staff_id: str) -> ClockKind:
        """What the person most likely clocks now: out while on the clock, in otherwise."""
        with self._db.read() as session:
            return next_kind(self._last_of(session, staff_id), self._clock.now())

    def today(self) -> list[ClockingView]:
        """The clockings of the current business day, newest first."""
        start = self._day_start(self.business_today())
        with self._db.read() as session:
            rows = session.execute(
                select(AttendanceClocking, Staff.name)
                .join(Staff, Staff.id == AttendanceClocking.staff_id)
                .where(AttendanceClocking.at >= start)
                .order_by(AttendanceClocking.at.desc(), AttendanceClocking.id.desc())
            ).all()
        return [self._view(_clocking(row), name) for row, name in rows]

    def hours(self, first: date, last: date) -> list[HoursRow]:
        """Per person, over the business days first..last: days with a clock-in, hours of the
        paired intervals, missing and stray clock-outs, and who is on the clock. Every active
        staff member has a line; others only if they clocked in the period."""
        check_period(first, last)
        since = self._day_start(first) - MAX_SHIFT
        until = self._day_start(last + timedelta(days=1)) + MAX_SHIFT
        with self._db.read() as session:
            rows = session.scalars(
                select(AttendanceClocking).where(
                    AttendanceClocking.at >= since, AttendanceClocking.at < until
                )
            ).all()
            clockings = [_clocking(row) for row in rows]
            staff = session.execute(select(Staff.id, Staff.name, Staff.active)).all()
        report = hours_report(clockings, first, last, self._day_of, self._clock.now())
        lines = [
            self._row(report.get(staff_id, HoursLine(staff_id)), name)
            for staff_id, name, active in staff
            if active or staff_id in report
        ]
        return sorted(lines, key=lambda line: (-line.minutes, line.name))

    def business_today(self) -> date:
        return self._day_of(self._clock.now())

    def _day_of(self, moment: datetime) -> date:
        settings = self._settings.current
        return business_day(moment, settings.time_zone, settings.cutover_hour)

    def _day_start(self, day: date) -> datetime:
        """When a business day starts: its cut-over hour, local time."""
        settings = self._settings.current
        local = datetime.combine(day, time(settings.cutover_hour), ZoneInfo(settings.time_zone))
        return local.astimezone(ZoneInfo("UTC"))

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self._settings.current.time_zone))

    def _view(self, clocking: Clocking, name: str) -> ClockingView:
        return ClockingView(
            clocking.id, clocking.staff_id, name, clocking.kind, self._local(clocking.at),
            clocking.note,
        )  # fmt: skip

    def _row(self, line: HoursLine, name: str) -> HoursRow:
        since = self._local(line.on_clock_since) if line.on_clock_since else None
        return HoursRow(
            line.staff_id, name, line.days_worked, line.minutes, line.shifts,
            line.missing_clock_outs, line.stray_clock_outs, since,
        )  # fmt: skip

    @staticmethod
    def _last_of(session: Session, staff_id: str) -> Clocking | None:
        row = session.scalars(
            select(AttendanceClocking)
            .where(AttendanceClocking.staff_id == staff_id)
            .order_by(AttendanceClocking.at.desc(), AttendanceClocking.id.desc())
            .limit(1)
        ).first()
        return _clocking(row) if row is not None else None
