"""Free slots for a booking (issue 11): when a technician with the skill is on shift and free,
a room or chair the service needs is free, and the customer is not booked elsewhere. Pure:
the caller gives each technician's working time for the window (shifts already expanded from
their weekly or rotating pattern), the time taken out of it (breaks, leave, bookings), and the
same for each resource; the finder answers the starts, a step apart, where all of it fits.

Times are datetimes of one zone (the store's, naive or aware, the caller's choice); inside,
minutes from the start of the window's first day, so a week's search is integer arithmetic.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from salon_pos.domain.errors import UserError


class SlotLengthNotPositive(UserError):
    en = "A booking must last at least a minute; {minutes} minutes cannot be booked."
    zh = "预约时长至少 1 分钟，{minutes} 分钟无法预约。"


@dataclass(frozen=True)
class Span:
    """[start, end): a shift, a break, a leave or a booking."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Worker:
    """A technician for the window: when they work, and what is taken out of it."""

    id: str
    skills: frozenset[str]
    shifts: Sequence[Span]
    away: Sequence[Span] = ()  # breaks, leave, bookings: not free though on shift


@dataclass(frozen=True)
class Resource:
    """A room, bed or chair: always there, busy when booked."""

    id: str
    kind: str
    busy: Sequence[Span] = ()


@dataclass(frozen=True)
class SlotRequest:
    minutes: int  # the services' length, in all
    skill: str = ""  # "" : any technician
    skills: frozenset[str] = frozenset()  # several services: a technician with all of these
    resource_kind: str = ""  # "" : the service needs no room or chair
    technician_id: str | None = None  # None: any suitable one (轮钟 or auto-assigned)
    customer_busy: Sequence[Span] = ()  # the customer's other bookings
    step: int = 15  # minutes between the starts offered, counted from midnight


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    technician_id: str
    resource_id: str | None = None


@dataclass
class _Free:
    """Free minutes as sorted, disjoint [start, end) pairs."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end


def next_quarter(at: datetime) -> datetime:
    """`at` if on a quarter hour, else the next quarter hour: the first start offered from now."""
    whole = at.replace(second=0, microsecond=0)
    extra = (-whole.minute) % 15 or (15 if at != whole else 0)
    return whole + timedelta(minutes=extra)


def _minutes(at: datetime, origin: datetime) -> int:
    return int((at - origin).total_seconds() // 60)


def _free(kept: Iterable[tuple[int, int]], taken: Iterable[tuple[int, int]]) -> _Free:
    """`kept` less `taken`, merged."""
    cuts = sorted((s, e) for s, e in taken if s < e)
    stretches = _Free()  # the shifts merged first: pieces then come in order
    for start, end in sorted((s, e) for s, e in kept if s < e):
        _add(stretches, start, end)
    free = _Free()
    for start, end in zip(stretches.starts, stretches.ends, strict=True):
        at = start
        for cut_start, cut_end in cuts:
            if cut_end <= at or cut_start >= end:
                continue
            if cut_start > at:
                _add(free, at, cut_start)
            at = max(at, cut_end)
        if at < end:
            _add(free, at, end)
    return free


def _add(free: _Free, start: int, end: int) -> None:
    if free.ends and start <= free.ends[-1]:  # touching or overlapping the last: one span
        free.ends[-1] = max(free.ends[-1], end)
    else:
        free.starts.append(start)
        free.ends.append(end)


def suits(request: SlotRequest, worker: Worker) -> bool:
    """Whether the worker has every skill the request needs."""
    return (not request.skill or request.skill in worker.skills) and request.skills <= worker.skills


def find_slots(
    request: SlotRequest,
    workers: Sequence[Worker],
    resources: Sequence[Resource],
    window: Span,
    limit: int = 200,
) -> list[Slot]:
    """The starts within `window` (the whole booking inside it), earliest first, each with
    the first suitable technician in `workers`' order (the caller orders them: skill, the
    customer's favourite, the lightest load) and the first free resource; at most `limit`."""
    if request.minutes <= 0:
        raise SlotLengthNotPositive(minutes=request.minutes)
    origin = window.start.replace(hour=0, minute=0, second=0, microsecond=0)

    def spans(items: Iterable[Span]) -> list[tuple[int, int]]:
        return [(_minutes(s.start, origin), _minutes(s.end, origin)) for s in items]

    first, last = _minutes(window.start, origin), _minutes(window.end, origin)
    everything = [(first, last)]
    suitable = [
        w
        for w in workers
        if (request.technician_id is None or w.id == request.technician_id) and suits(request, w)
    ]
    free_of = [(w, _free(spans(w.shifts), spans(w.away))) for w in suitable]
    rooms = [
        (r, _free(everything, spans(r.busy)))
        for r in resources
        if request.resource_kind and r.kind == request.resource_kind
    ]
    customer = _free(everything, spans(request.customer_busy))
    length, step = request.minutes, max(request.step, 1)
    candidates = sorted(
        {
            at
            for _, free in free_of
            for start, end in zip(free.starts, free.ends, strict=True)
            for at in range(max(start, first) + (-max(start, first)) % step, end - length + 1, step)
        }
    )
    slots: list[Slot] = []
    for at in candidates:
        if at + length > last or not customer.holds(at, at + length):
            continue
        worker = next((w for w, free in free_of if free.holds(at, at + length)), None)
        if worker is None:
            continue
        room = None
        if request.resource_kind:
            room = next((r for r, free in rooms if free.holds(at, at + length)), None)
            if room is None:
                continue
        begins = origin + timedelta(minutes=at)
        slots.append(
            Slot(begins, begins + timedelta(minutes=length), worker.id, room.id if room else None)
        )
        if len(slots) >= limit:
            break
    return slots


class BookingInThePast(UserError):
    en = "{start} has passed: a booking starts from now on."
    zh = "{start} 已经过去，预约须从现在以后开始。"


class OutsideShift(UserError):
    en = "{technician} is not on shift from {start} to {end}: choose another time or technician."
    zh = "{technician} 在 {start}–{end} 不全在班，请换时间或换技师。"


class LacksSkill(UserError):
    en = "{technician} does not do {skill}: choose a technician with that skill."
    zh = "{technician} 不会做“{skill}”类项目，请选择有此技能的技师。"


class TechnicianBusy(UserError):
    en = "{technician} is busy during {start} to {end} (a booking, a break or leave)."
    zh = "{technician} 在 {start}–{end} 已有安排（预约、休息或请假）。"


class ResourceBusy(UserError):
    en = "{resource} is taken during {start} to {end}: choose another room or time."
    zh = "{resource} 在 {start}–{end} 已被占用，请换房间或时间。"


class CustomerBusy(UserError):
    en = "The customer already has a booking during {start} to {end}."
    zh = "该顾客在 {start}–{end} 已有预约。"


def _clock(at: datetime) -> str:
    return at.strftime("%m-%d %H:%M")


def check_booking(
    request: SlotRequest,
    start: datetime,
    worker: Worker,
    resource: Resource | None,
    now: datetime,
    names: dict[str, str] | None = None,
) -> None:
    """A booking made or moved at the counter, refused with the reason a person can act on:
    in the past, of no length, for a technician without the skill, outside their shift, onto
    their break, leave or another booking, onto a busy room, or over the customer's other
    booking. (One arriving by sync is never refused: an overlap is a conflict.)"""
    if request.minutes <= 0:
        raise SlotLengthNotPositive(minutes=request.minutes)
    end = start + timedelta(minutes=request.minutes)
    said = {
        "start": _clock(start),
        "end": end.strftime("%H:%M") if end.date() == start.date() else _clock(end),
    }
    who = (names or {}).get(worker.id, worker.id)
    if start < now:
        raise BookingInThePast(start=_clock(start))
    if not suits(request, worker):
        lacking = sorted(({request.skill} | request.skills) - worker.skills - {""})
        raise LacksSkill(technician=who, skill="、".join(lacking))
    origin = start.replace(hour=0, minute=0, second=0, microsecond=0)

    def spans(items: Iterable[Span]) -> list[tuple[int, int]]:
        return [(_minutes(s.start, origin), _minutes(s.end, origin)) for s in items]

    first, last = _minutes(start, origin), _minutes(end, origin)
    if not _free(spans(worker.shifts), []).holds(first, last):
        raise OutsideShift(technician=who, **said)
    if not _free(spans(worker.shifts), spans(worker.away)).holds(first, last):
        raise TechnicianBusy(technician=who, **said)
    if resource is not None and not _free([(first, last)], spans(resource.busy)).holds(first, last):
        raise ResourceBusy(resource=(names or {}).get(resource.id, resource.id), **said)
    if not _free([(first, last)], spans(request.customer_busy)).holds(first, last):
        raise CustomerBusy(**said)


def next_free_slot(
    request: SlotRequest, workers: Sequence[Worker], resources: Sequence[Resource], window: Span
) -> Slot | None:
    found = find_slots(request, workers, resources, window, limit=1)
    return found[0] if found else None
