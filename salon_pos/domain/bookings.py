"""Bookings (issue 11): their statuses, which only move forward, the pattern of a technician's
working time as stored and synced, and the day a store plans from what it holds — the same on
the counter and on the server, so the alternatives the server suggests for a double booking are
the slots the counter would offer (docs/bookings.md).

Times here are the store's wall-clock time (naive datetimes in the store's zone): the caller
converts the synced, zoned times before and after."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from salon_pos.domain.errors import UserError
from salon_pos.domain.schedule import Hours, RotatingPattern, WeeklyPattern, working_time
from salon_pos.domain.slots import Resource, SlotRequest, Span, Worker, find_slots
from sync.messages import Both


class BookingStatus(StrEnum):
    REQUESTED = "requested"  # from the online page: the front desk confirms it
    BOOKED = "booked"
    ARRIVED = "arrived"
    IN_SERVICE = "in_service"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def rank(self) -> int:
        """How far along: a status moves only to a higher rank. Completed outranks cancelled
        and no-show: a service that was done stands whatever another counter said."""
        return _RANKS[self]

    @property
    def closed(self) -> bool:
        """Nothing moves it any more; it takes no time in the calendar unless completed."""
        return self in (BookingStatus.COMPLETED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW)

    @property
    def holds_time(self) -> bool:
        """Whether it keeps its technician and room busy (a cancelled one frees them)."""
        return self not in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW)

    @property
    def words(self) -> Both:
        return STATUS_WORDS[self]


_RANKS = {
    BookingStatus.REQUESTED: 0,
    BookingStatus.BOOKED: 1,
    BookingStatus.ARRIVED: 2,
    BookingStatus.IN_SERVICE: 3,
    BookingStatus.CANCELLED: 4,
    BookingStatus.NO_SHOW: 4,
    BookingStatus.COMPLETED: 5,
}

STATUS_WORDS = {
    BookingStatus.REQUESTED: Both("待确认", "requested"),
    BookingStatus.BOOKED: Both("已预约", "booked"),
    BookingStatus.ARRIVED: Both("已到店", "arrived"),
    BookingStatus.IN_SERVICE: Both("服务中", "in service"),
    BookingStatus.COMPLETED: Both("已完成", "completed"),
    BookingStatus.CANCELLED: Both("已取消", "cancelled"),
    BookingStatus.NO_SHOW: Both("爽约", "no-show"),
}


class StatusCannotGoBack(UserError):
    en = "This booking is {held} already; it cannot be marked {wanted}."
    zh = "该预约已是“{held}”，不能再改为“{wanted}”。"


class BookingClosed(UserError):
    en = "This booking is {held}: it can no longer be moved or changed."
    zh = "该预约已是“{held}”，不能再移动或修改。"


def status_after(held: BookingStatus, wanted: BookingStatus) -> BookingStatus:
    """The status a booking ends with when `wanted` arrives: forward only, so a late or
    replayed status never undoes a later one. (Sync keeps the higher; the counter refuses
    going back with StatusCannotGoBack, see `check_status`.)"""
    return wanted if wanted.rank > held.rank else held


def check_status(held: BookingStatus, wanted: BookingStatus) -> None:
    if wanted.rank <= held.rank:
        raise StatusCannotGoBack(held=held.words, wanted=wanted.words)


# A technician's pattern, as stored and synced: {"kind": "weekly", "days": [7 × day]} or
# {"kind": "rotating", "first_day": "2026-12-07", "cycle": [1..28 × day]}; a day is null (off)
# or {"start": "09:00", "end": "18:00", "breaks": [["12:00", "12:30"]]}.
PatternData = dict[str, Any]


def _hours_data(hours: Hours | None) -> dict[str, Any] | None:
    if hours is None:
        return None
    return {"start": hours.start, "end": hours.end, "breaks": [list(b) for b in hours.breaks]}


def _hours(data: Mapping[str, Any] | None) -> Hours | None:
    if data is None:
        return None
    breaks = tuple((str(s), str(e)) for s, e in data.get("breaks", ()))
    hours = Hours(str(data["start"]), str(data["end"]), breaks)
    hours.on(date(2026, 1, 5))  # checks every time of day (InvalidHours)
    return hours


def pattern_data(pattern: WeeklyPattern | RotatingPattern) -> PatternData:
    if isinstance(pattern, WeeklyPattern):
        return {"kind": "weekly", "days": [_hours_data(h) for h in pattern.days]}
    return {
        "kind": "rotating",
        "first_day": pattern.first_day.isoformat(),
        "cycle": [_hours_data(h) for h in pattern.cycle],
    }


class InvalidPattern(UserError):
    en = "This working pattern cannot be read: {problem}."
    zh = "排班规则无法读取：{problem}。"


def pattern_of(data: Mapping[str, Any]) -> WeeklyPattern | RotatingPattern:
    """The pattern stored data describes; InvalidHours, InvalidCycle or InvalidPattern."""
    try:
        if data.get("kind") == "weekly":
            days = [_hours(d) for d in data["days"]]
            if len(days) != 7:
                raise InvalidPattern(problem="a week has 7 days")
            return WeeklyPattern(tuple(days))
        if data.get("kind") == "rotating":
            cycle = tuple(_hours(d) for d in data["cycle"])
            return RotatingPattern(date.fromisoformat(str(data["first_day"])), cycle)
    except (KeyError, TypeError, ValueError) as problem:
        raise InvalidPattern(problem=type(problem).__name__) from None
    raise InvalidPattern(problem="kind is weekly or rotating")


@dataclass(frozen=True)
class Planned:
    """A booking as the planner sees it: who and what it keeps busy, in the store's time."""

    id: str
    technician_id: str | None
    resource_id: str | None
    customer_id: str | None
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Technician:
    id: str
    name: str
    skills: frozenset[str]
    pattern: WeeklyPattern | RotatingPattern | None  # None: no schedule, never on shift
    leave: Sequence[Span] = ()


@dataclass(frozen=True)
class RoomOrChair:
    id: str
    name: str
    kind: str  # room / bed / chair
    service_ids: frozenset[str] = frozenset()


@dataclass
class DayPlan:
    """What a store holds for a stretch of days: everyone's working time less breaks, leave
    and bookings, and the rooms with their bookings. `without` leaves one booking out (the
    one being moved, or the one flagged as a double booking)."""

    technicians: Sequence[Technician]
    rooms: Sequence[RoomOrChair]
    bookings: Sequence[Planned]
    first_day: date
    last_day: date
    without: frozenset[str] = field(default_factory=frozenset)

    def _kept(self) -> list[Planned]:
        return [b for b in self.bookings if b.id not in self.without]

    def workers(self, order: Sequence[str] | None = None) -> list[Worker]:
        taken: dict[str, list[Span]] = {}
        for b in self._kept():
            if b.technician_id:
                taken.setdefault(b.technician_id, []).append(Span(b.start, b.end))
        by_id = {t.id: t for t in self.technicians}
        ids = list(order) if order is not None else list(by_id)
        out = []
        for tech_id in ids:
            tech = by_id.get(tech_id)
            if tech is None or tech.pattern is None:
                continue
            shifts, away = working_time(tech.pattern, self.first_day, self.last_day, tech.leave)
            out.append(Worker(tech.id, tech.skills, shifts, [*away, *taken.get(tech.id, [])]))
        return out

    def resources(self, service_ids: Iterable[str]) -> list[Resource]:
        """The rooms or chairs that serve all of `service_ids`, as the slot finder's kind
        "needed"; none when no room lists any of them (the services need no room)."""
        wanted = set(service_ids)
        listing = [r for r in self.rooms if r.service_ids & wanted]
        if not listing:
            return []
        busy: dict[str, list[Span]] = {}
        for b in self._kept():
            if b.resource_id:
                busy.setdefault(b.resource_id, []).append(Span(b.start, b.end))
        return [
            Resource(r.id, NEEDED, busy.get(r.id, [])) for r in listing if wanted <= r.service_ids
        ] or [Resource("", NEEDED, [Span(datetime.min, datetime.max)])]  # none serves all

    def loads(self) -> dict[str, int]:
        """Minutes booked per technician over the plan's days: the lighter day goes first."""
        loads: dict[str, int] = {}
        for b in self.bookings:
            if b.technician_id:
                minutes = int((b.end - b.start).total_seconds() // 60)
                loads[b.technician_id] = loads.get(b.technician_id, 0) + minutes
        return loads

    def customer_busy(self, customer_id: str | None) -> list[Span]:
        if not customer_id:
            return []
        return [Span(b.start, b.end) for b in self._kept() if b.customer_id == customer_id]


NEEDED = "needed"  # the resource kind a plan's request asks for


def request_for(
    plan: DayPlan,
    minutes: int,
    skills: Iterable[str],
    service_ids: Iterable[str],
    customer_id: str | None,
    technician_id: str | None = None,
) -> tuple[SlotRequest, list[Resource]]:
    """The slot request of a booking of these services, and the resources it may use."""
    resources = plan.resources(service_ids)
    needed = sorted({s for s in skills if s})
    return (
        SlotRequest(
            minutes=minutes,
            skill=needed[0] if len(needed) == 1 else "",
            skills=frozenset(needed),
            resource_kind=NEEDED if resources else "",
            technician_id=technician_id,
            customer_busy=plan.customer_busy(customer_id),
        ),
        resources,
    )


def alternatives(
    plan: DayPlan,
    booking: Planned,
    skills: Iterable[str],
    service_ids: Iterable[str],
    limit: int = 3,
) -> list[dict[str, Any]]:
    """For a booking flagged as a double booking: another suitable technician at the same
    time, then the next free starts of its own technician (any suitable one if it has none),
    from its start on, at most `limit` in all."""
    minutes = int((booking.end - booking.start).total_seconds() // 60)
    if minutes <= 0:
        return []
    alone = DayPlan(
        plan.technicians,
        plan.rooms,
        plan.bookings,
        plan.first_day,
        plan.last_day,
        plan.without | {booking.id},
    )
    request, resources = request_for(alone, minutes, skills, service_ids, booking.customer_id)
    workers = alone.workers()
    found: list[dict[str, Any]] = []
    others = [w for w in workers if w.id != booking.technician_id]
    for slot in find_slots(request, others, resources, Span(booking.start, booking.end), 1):
        found.append(_alternative(slot.technician_id, slot.start, slot.end, slot.resource_id))
    own = [w for w in workers if w.id == booking.technician_id] or workers
    last = datetime.combine(plan.last_day + timedelta(days=1), datetime.min.time())
    for slot in find_slots(request, own, resources, Span(booking.start, last), limit):
        candidate = _alternative(slot.technician_id, slot.start, slot.end, slot.resource_id)
        if candidate not in found and len(found) < limit:
            found.append(candidate)
    return found


def _alternative(
    technician_id: str, start: datetime, end: datetime, resource_id: str | None
) -> dict[str, Any]:
    return {
        "technician_id": technician_id,
        "start": start.isoformat(timespec="minutes"),
        "end": end.isoformat(timespec="minutes"),
        "resource_id": resource_id or None,
    }


def overlaps(a: Planned, b: Planned) -> bool:
    return a.start < b.end and b.start < a.end


def clashes(booking: Planned, others: Iterable[Planned]) -> list[tuple[Planned, str]]:
    """The other bookings that keep the same technician or room busy at an overlapping time,
    each with what they share ("technician" or "resource")."""
    found = []
    for other in others:
        if other.id == booking.id or not overlaps(booking, other):
            continue
        if booking.technician_id and other.technician_id == booking.technician_id:
            found.append((other, "technician"))
        elif booking.resource_id and other.resource_id == booking.resource_id:
            found.append((other, "resource"))
    return found
