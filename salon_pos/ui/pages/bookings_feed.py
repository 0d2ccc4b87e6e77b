"""What the bookings page feeds the calendar and its side panel, from what the booking service
answers: the columns (technicians on shift, or with a booking; rooms; a week's days), the
bookings as calendar items after the front desk's filters, who is next in rotation (轮钟) and
what a manager should look at now (in service, running late, not arrived). No Qt here: the
page's tests and the screenshots read the same answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from salon_pos.domain.assignment import ServiceStart, rotation_queue
from salon_pos.domain.bookings import BookingStatus, DayPlan, RoomOrChair
from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem
from salon_pos.domain.slots import Span
from salon_pos.services.bookings import BookingView

TECHNICIANS, ROOMS = "technicians", "rooms"  # whose columns the day shows
ALL, ACTIVE, REQUESTED = "all", "active", "requested"  # the status filter
NO_ROOM = "no-room"  # the rooms view's column of bookings that need no room
STARTED = (BookingStatus.IN_SERVICE, BookingStatus.COMPLETED)


def without(shifts: Iterable[Span], away: Iterable[Span]) -> list[Span]:
    """The shifts less breaks and leave: when the technician is there to work."""
    free = sorted(shifts, key=lambda s: s.start)
    for gap in sorted(away, key=lambda s: s.start):
        kept: list[Span] = []
        for span in free:
            if gap.end <= span.start or span.end <= gap.start:
                kept.append(span)
                continue
            if span.start < gap.start:
                kept.append(Span(span.start, gap.start))
            if gap.end < span.end:
                kept.append(Span(gap.end, span.end))
        free = kept
    return free


def working(plan: DayPlan) -> dict[str, list[Span]]:
    """Each technician with a schedule: on shift, less breaks and leave (not bookings)."""
    bare = DayPlan(plan.technicians, plan.rooms, [], plan.first_day, plan.last_day)
    return {w.id: without(w.shifts, w.away) for w in bare.workers()}


def shown(
    views: Sequence[BookingView], status: str = ALL, who: str | None = None, mode: str = ""
) -> list[BookingView]:
    """The bookings the filters let through: by status (all; active: not cancelled or no-show;
    requested: waiting for the front desk to confirm), and one technician's or room's."""
    kept = []
    for view in views:
        if status == ACTIVE and not view.status.holds_time:
            continue
        if status == REQUESTED and view.status is not BookingStatus.REQUESTED:
            continue
        if who and (view.resource_id if mode == ROOMS else view.technician_id) != who:
            continue
        kept.append(view)
    return kept


def technician_columns(plan: DayPlan, views: Sequence[BookingView]) -> list[CalendarColumn]:
    """The technicians on shift that day, and any other with a booking that day, in the
    roster's order."""
    hours = working(plan)
    booked = {v.technician_id for v in views if v.technician_id}
    columns = [
        CalendarColumn(t.id, t.name, hours.get(t.id, []))
        for t in plan.technicians
        if hours.get(t.id) or t.id in booked
    ]
    known = {c.id for c in columns}
    for view in views:  # someone no longer a technician, or inactive: their bookings still show
        if view.technician_id and view.technician_id not in known:
            known.add(view.technician_id)
            columns.append(CalendarColumn(view.technician_id, view.technician_name or "—"))
    return columns


def room_columns(
    rooms: Sequence[RoomOrChair], views: Sequence[BookingView], day: date, no_room: str
) -> list[CalendarColumn]:
    whole_day = [Span(datetime.combine(day, time()), datetime.combine(day, time()) + _DAY)]
    columns = [CalendarColumn(r.id, r.name, whole_day) for r in rooms]
    if any(not v.resource_id for v in views):
        columns.append(CalendarColumn(NO_ROOM, no_room, whole_day))
    return columns


_DAY = timedelta(days=1)


def week_working(plan: DayPlan, who: str | None) -> dict[date, list[Span]]:
    """A week's working time by day: one technician's, or everybody's together."""
    by_day: dict[date, list[Span]] = {}
    for tech_id, spans in working(plan).items():
        if who and tech_id != who:
            continue
        for span in spans:
            by_day.setdefault(span.start.date(), []).append(span)
    return by_day


def items(views: Sequence[BookingView], mode: str, week: bool = False) -> list[CalendarItem]:
    return [
        CalendarItem(
            id=v.id,
            column_id=_column_of(v, mode, week),
            start=v.start,
            end=v.end,
            title=v.customer_name,
            detail=v.title,
            status=v.status.value,
            clash=v.clash or v.flagged,
            requested=v.requested,
        )
        for v in views
    ]


def _column_of(view: BookingView, mode: str, week: bool) -> str:
    if week:
        return view.start.date().isoformat()
    if mode == ROOMS:
        return view.resource_id or NO_ROOM
    return view.technician_id or ""


def next_in_rotation(plan: DayPlan, views: Sequence[BookingView], now: datetime) -> list[str]:
    """The technicians on shift now, the next in rotation (轮钟) first: today's services
    started (in service or completed) count, those asked for by name (点钟) do not."""
    on_shift = [
        tech_id
        for tech_id, spans in working(plan).items()
        if any(s.start <= now < s.end for s in spans)
    ]
    starts = [
        ServiceStart(v.technician_id, v.start, v.requested)
        for v in views
        if v.technician_id and v.status in STARTED
    ]
    return rotation_queue(on_shift, starts)


@dataclass(frozen=True)
class Attention:
    kind: str  # in_service, overrunning (its end has passed), not_arrived (its start has)
    view: BookingView
    minutes: int  # how long over: past the end, or past the start


def needing_attention(views: Sequence[BookingView], now: datetime) -> list[Attention]:
    """What a manager watches: services under way, those running past their end, and bookings
    whose start has passed with nobody arrived; the most overdue first within each kind."""
    found = []
    for view in views:
        status = view.status
        if status in (BookingStatus.IN_SERVICE, BookingStatus.ARRIVED) and view.end <= now:
            found.append(Attention("overrunning", view, _minutes(now - view.end)))
        elif status is BookingStatus.IN_SERVICE:
            found.append(Attention("in_service", view, 0))
        elif status in (BookingStatus.BOOKED, BookingStatus.REQUESTED) and view.start < now:
            found.append(Attention("not_arrived", view, _minutes(now - view.start)))
    order = {"overrunning": 0, "not_arrived": 1, "in_service": 2}
    return sorted(found, key=lambda a: (order[a.kind], -a.minutes, a.view.start))


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)
