"""Bookings' setup at the counter: the store's time, technicians' working patterns and leave,
and the rooms / beds / chairs with the services that need them — each saved with its synced
operation (the later edit wins as a whole) and audit entry (docs/bookings.md). The base of
services.bookings.BookingService, which plans and books from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import (
    BookingResource,
    ServiceItem,
    Staff,
    StaffLeave,
    StaffSchedule,
)
from salon_pos.domain.bookings import RoomOrChair, pattern_data, pattern_of
from salon_pos.domain.errors import InvalidChoice, TooLong, UnknownItem, UnknownStaff, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.schedule import RotatingPattern, WeeklyPattern, check_pattern
from salon_pos.services.counter import CounterService
from salon_pos.services.sync_state import next_hlc
from sync.messages import Both


class LeaveEndsBeforeItStarts(UserError):
    en = "Leave from {first} cannot end on {last}: the last day comes on or after the first."
    zh = "请假从 {first} 开始，不能在 {last} 结束：结束日须不早于开始日。"


class NameMissing(UserError):
    en = "Give the room, bed or chair a name."
    zh = "请填写房间、床位或座椅的名称。"


@dataclass(frozen=True)
class LeaveView:
    id: str
    staff_id: str
    first_day: date
    last_day: date
    reason: str
    cancelled: bool

    @property
    def active(self) -> bool:  # the lists grey what is not
        return not self.cancelled

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class ResourceView:
    """A room, bed or chair as the manager's list shows it."""

    id: str
    name: str
    kind: str  # room / bed / chair
    service_ids: tuple[str, ...]
    active: bool


class BookingSetup(CounterService):
    # The store's time

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self._settings.current.time_zone)

    def now(self) -> datetime:
        """The store's wall-clock time now."""
        return self._clock.now().astimezone(self.zone()).replace(tzinfo=None)

    def _utc(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.zone()).astimezone(UTC)

    def _wall(self, moment: datetime) -> datetime:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.zone()).replace(tzinfo=None)

    # Schedules, leave, rooms

    def save_schedule(
        self,
        staff_id: str,
        pattern: WeeklyPattern | RotatingPattern | None,
        actor_id: str | None = None,
    ) -> None:
        from salon_pos.services.sync_ops import bookings as ops  # lazy: pydantic after paint

        if pattern is not None:
            check_pattern(pattern)
        data = pattern_data(pattern) if pattern is not None else None
        now = self._clock.now()
        with self._db.write() as session:
            _technician(session, staff_id)
            held = session.get(StaffSchedule, staff_id)
            hlc = next_hlc(session, now, self._journal().device_id)
            if held is None:
                session.execute(
                    insert(StaffSchedule).values(staff_id=staff_id, pattern=data, stamp=hlc)
                )
            else:
                session.execute(
                    update(StaffSchedule)
                    .where(StaffSchedule.staff_id == staff_id)
                    .values(pattern=data, stamp=hlc)
                )
            audit = AuditRecord(
                actor_id, "schedule.saved", "staff", staff_id,
                before={"pattern": held.pattern} if held else None, after={"pattern": data},
            )  # fmt: skip
            self._journal().record(session, now, audit, ops.schedule_saved(staff_id, data, hlc))

    def schedule_of(self, staff_id: str) -> WeeklyPattern | RotatingPattern | None:
        with self._db.read() as session:
            held = session.get(StaffSchedule, staff_id)
            return pattern_of(held.pattern) if held is not None and held.pattern else None

    def schedule_kinds(self) -> dict[str, str]:
        """The kind of pattern ("weekly" or "rotating") of each staff member who has one."""
        with self._db.read() as session:
            rows = session.scalars(select(StaffSchedule).where(StaffSchedule.pattern.is_not(None)))
            return {r.staff_id: str((r.pattern or {}).get("kind", "")) for r in rows if r.pattern}

    def leave_of(self, staff_id: str, since: date | None = None) -> list[LeaveView]:
        """A person's leave that ends on or after `since` (30 days before today unless given),
        the cancelled too, in order of first day."""
        since = since or self.now().date() - timedelta(days=30)
        with self._db.read() as session:
            rows = session.scalars(
                select(StaffLeave)
                .where(and_(StaffLeave.staff_id == staff_id, StaffLeave.last_day >= since))
                .order_by(StaffLeave.first_day, StaffLeave.last_day, StaffLeave.id)
            )
            return [
                LeaveView(r.id, r.staff_id, r.first_day, r.last_day, r.reason, r.cancelled)
                for r in rows
            ]

    def save_leave(
        self,
        staff_id: str,
        first_day: date,
        last_day: date,
        reason: str = "",
        *,
        leave_id: str | None = None,
        cancelled: bool = False,
        actor_id: str | None = None,
    ) -> str:
        """Record (or change, or with `cancelled` take back) whole days off; the leave's id."""
        from salon_pos.services.sync_ops import bookings as ops

        if last_day < first_day:
            raise LeaveEndsBeforeItStarts(first=first_day.isoformat(), last=last_day.isoformat())
        reason = reason.strip()
        if len(reason) > 200:
            raise TooLong(field=Both("原因", "reason"), length=len(reason), limit=200)
        leave_id = leave_id or new_id()
        now = self._clock.now()
        with self._db.write() as session:
            _technician(session, staff_id)
            hlc = next_hlc(session, now, self._journal().device_id)
            values = {
                "staff_id": staff_id,
                "first_day": first_day,
                "last_day": last_day,
                "reason": reason,
                "cancelled": cancelled,
                "stamp": hlc,
            }
            if session.get(StaffLeave, leave_id) is None:
                session.execute(insert(StaffLeave).values(id=leave_id, **values))
            else:
                session.execute(update(StaffLeave).where(StaffLeave.id == leave_id).values(values))
            payload = ops.leave_saved(
                leave_id, staff_id, first_day, last_day, reason, cancelled, hlc
            )
            after = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat()}
            audit = AuditRecord(actor_id, "leave.saved", "staff", staff_id, after=after)
            self._journal().record(session, now, audit, payload)
        return leave_id

    def save_resource(
        self,
        name: str,
        kind: str,
        service_ids: Sequence[str] = (),
        *,
        resource_id: str | None = None,
        active: bool = True,
        actor_id: str | None = None,
    ) -> str:
        from salon_pos.services.sync_ops import bookings as ops

        name = name.strip()
        if not name:
            raise NameMissing()
        if len(name) > 64:
            raise TooLong(field=Both("名称", "name"), length=len(name), limit=64)
        if kind not in ("room", "bed", "chair"):
            raise InvalidChoice(text=kind, choices="room / bed / chair")
        resource_id = resource_id or new_id()
        now = self._clock.now()
        with self._db.write() as session:
            for service_id in service_ids:
                if session.get(ServiceItem, service_id) is None:
                    raise UnknownItem(item_id=service_id)
            hlc = next_hlc(session, now, self._journal().device_id)
            values = {
                "name": name,
                "kind": kind,
                "service_ids": list(service_ids),
                "active": active,
                "stamp": hlc,
            }
            if session.get(BookingResource, resource_id) is None:
                session.execute(insert(BookingResource).values(id=resource_id, **values))
            else:
                session.execute(
                    update(BookingResource).where(BookingResource.id == resource_id).values(values)
                )
            row = session.get(BookingResource, resource_id)
            assert row is not None
            session.refresh(row)
            audit = AuditRecord(actor_id, "resource.saved", "resource", resource_id, after=values)
            self._journal().record(session, now, audit, ops.resource_saved(row))
        return resource_id

    def resources(self) -> list[RoomOrChair]:
        with self._db.read() as session:
            return [
                RoomOrChair(r.id, r.name, r.kind, frozenset(r.service_ids))
                for r in session.scalars(
                    select(BookingResource)
                    .where(BookingResource.active.is_(True))
                    .order_by(BookingResource.name)
                )
            ]

    def resource_list(self) -> list[ResourceView]:
        """Every room, bed and chair for the manager's list, the inactive last."""
        with self._db.read() as session:
            rows = session.scalars(
                select(BookingResource).order_by(
                    BookingResource.active.desc(), BookingResource.name
                )
            )
            return [
                ResourceView(r.id, r.name, r.kind, tuple(r.service_ids), r.active) for r in rows
            ]


def _technician(session: Session, staff_id: str) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise UnknownStaff(staff_id=staff_id)
    return staff
