"""Bookings and what they are planned from (issue 11): technicians' working patterns, their
leave, the rooms / beds / chairs, and the bookings with their statuses (docs/bookings.md).

Offline rules, what happens when two counters did it while apart:
- a pattern, a leave or a room: the later edit wins as a whole (its HLC stamp);
- a booking's time, technician, room, services and note: per field, the later edit wins;
- its status only moves forward (salon_pos.domain.bookings.BookingStatus.rank): a completed,
  cancelled or no-show booking is not reopened, nor moved, by an edit arriving late;
- two bookings keeping one technician or room busy at once, from two counters or the online
  page, both stand: the server flags the later as a `double_booking` with alternatives from
  the same slot finder the counter uses; moving or cancelling either clears it everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal

from pydantic import Field

from sync.messages import Both
from sync.operations.kinds import ChangeKind, ConflictKind, Describer, Family, OperationKind, pick
from sync.operations.payloads import Id, Lenient, Moment
from sync.protocol import RESOLUTION_ACCEPT

SCHEDULE_SAVED: Final = "schedule.saved"
LEAVE_SAVED: Final = "leave.saved"
RESOURCE_SAVED: Final = "resource.saved"
BOOKING_MADE: Final = "booking.made"
BOOKING_CHANGED: Final = "booking.changed"
BOOKING_STATUS_SET: Final = "booking.status_set"
CHANGE_SCHEDULE: Final = "schedule"
CHANGE_LEAVE: Final = "leave"
CHANGE_RESOURCE: Final = "resource"
CHANGE_BOOKING: Final = "booking"
CONFLICT_DOUBLE_BOOKING: Final = "double_booking"
RESOLUTION_MOVED: Final = "moved"  # the server's own: one of the two was moved or cancelled

STATUSES = Literal[
    "requested", "booked", "arrived", "in_service", "completed", "cancelled", "no_show"
]
# The fields of a booking that an edit changes, each merged by its own stamp.
BOOKING_FIELDS: Final = (
    "start",
    "end",
    "technician_id",
    "requested",
    "resource_id",
    "services",
    "note",
)


class ScheduleSaved(Lenient):
    """A technician's working pattern (salon_pos.domain.bookings.pattern_data), or none."""

    staff_id: Id
    pattern: dict[str, Any] | None = Field(description="weekly or rotating; None: no schedule")
    hlc: str


class ScheduleData(ScheduleSaved):
    """A pattern in the change feed, as held."""


class LeaveSaved(Lenient):
    """Days off beyond the pattern: whole days first_day…last_day; `cancelled` takes it back."""

    id: Id
    staff_id: Id
    first_day: date
    last_day: date
    reason: str = Field(default="", max_length=200)
    cancelled: bool = False
    hlc: str


class LeaveData(LeaveSaved):
    """Leave in the change feed."""


class ResourceSaved(Lenient):
    """A room, bed or chair, and the services that need one of it."""

    id: Id
    name: str = Field(min_length=1, max_length=64)
    kind: Literal["room", "bed", "chair"]
    service_ids: list[Id] = Field(default_factory=list)
    active: bool = True
    hlc: str


class ResourceData(ResourceSaved):
    """A resource in the change feed."""


class BookedService(Lenient):
    service_id: Id
    name: str = Field(max_length=64)
    minutes: int = Field(gt=0, le=24 * 60)
    price: int = Field(default=0, ge=0)


class BookingMade(Lenient):
    id: Id
    customer_id: Id
    technician_id: Id | None = None
    requested: bool = Field(description="点钟: the customer asked for this technician")
    resource_id: Id | None = None
    start: Moment
    end: Moment
    services: list[BookedService] = Field(min_length=1, max_length=20)
    note: str = Field(default="", max_length=500)
    status: Literal["requested", "booked"] = "booked"
    source: Literal["counter", "online"] = "counter"
    made_by: Id | None = None
    hlc: str


class BookingChanged(Lenient):
    """A move, a new length, another technician or room, other services, a note: only the
    fields changed, each merged by `hlc`."""

    id: Id
    changed: dict[str, Any] = Field(description="field (BOOKING_FIELDS) → its new value")
    changed_by: Id | None = None
    hlc: str


class BookingStatusSet(Lenient):
    id: Id
    status: STATUSES
    set_by: Id | None = None
    at: Moment
    ticket_id: Id | None = Field(default=None, description="the ticket a check-in opened")
    hlc: str


class BookingData(BookingMade):
    """A booking in the change feed: as merged, with its status and the stamp of each field."""

    status: STATUSES = "booked"  # type: ignore[assignment]
    ticket_id: Id | None = None
    stamps: dict[str, str] = Field(default_factory=dict)


def _double(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    alternatives = [
        f"{a.get('technician_name') or ''} {say.moment(a.get('start'))[5:16]}".strip()
        for a in (pick(d, "alternatives") or [])
        if isinstance(a, Mapping)
    ]
    none = Both("（没有空档）", "(no free slot)").text(say.language)
    return {
        "customer": say.unknown(say.customer(pick(d, "customer_id"))),
        "who": say.unknown(pick(d, "technician_name", "resource_name")),
        "start": say.moment(pick(d, "start")),
        "other": say.unknown(say.customer(pick(d, "other_customer_id"))),
        "alternatives": Both("；", "; ").text(say.language).join(alternatives) or none,
    }


DOUBLE_BOOKING = ConflictKind(
    name=CONFLICT_DOUBLE_BOOKING,
    resolutions=(RESOLUTION_ACCEPT,),  # RESOLUTION_MOVED: the server's, when one is moved
    title=Both("重复预约", "Double booking"),
    explanation=Both(
        "{customer}在 {start} 预约了{who}，但{who}同一时间已有{other}的预约（两台收银机或网上预约"
        "各订了一次）。两个预约都保留着。可改约到：{alternatives}。把其中一个改时间、换人或取消后，"
        "此提示自动消除；若两位确实可以同时服务，请选“两个都保留”。",
        "{customer} is booked with {who} at {start}, but {who} already has {other} booked at "
        "that time (two counters or the online page each booked it). Both bookings stand. "
        "Free instead: {alternatives}. Moving, reassigning or cancelling either clears this; "
        "choose Keep both if both can really be served at once.",
    ),
    facts=_double,
    concerns=lambda d, say: [
        say.customer(pick(d, "customer_id")),
        pick(d, "technician_name", "resource_name"),
    ],
    resolution_words={
        RESOLUTION_ACCEPT: Both("两个都保留", "Keep both"),
        RESOLUTION_MOVED: Both("已改约", "Rebooked"),
    },
)

FAMILY = Family(
    name="bookings",
    operations=(
        OperationKind(SCHEDULE_SAVED, {1: ScheduleSaved}, changes=(CHANGE_SCHEDULE,)),
        OperationKind(LEAVE_SAVED, {1: LeaveSaved}, changes=(CHANGE_LEAVE,)),
        OperationKind(RESOURCE_SAVED, {1: ResourceSaved}, changes=(CHANGE_RESOURCE,)),
        OperationKind(BOOKING_MADE, {1: BookingMade}, changes=(CHANGE_BOOKING,)),
        OperationKind(BOOKING_CHANGED, {1: BookingChanged}, changes=(CHANGE_BOOKING,)),
        OperationKind(BOOKING_STATUS_SET, {1: BookingStatusSet}, changes=(CHANGE_BOOKING,)),
    ),
    changes=(
        ChangeKind(CHANGE_SCHEDULE, ScheduleData),
        ChangeKind(CHANGE_LEAVE, LeaveData),
        ChangeKind(CHANGE_RESOURCE, ResourceData),
        ChangeKind(CHANGE_BOOKING, BookingData),
    ),
    conflicts=(DOUBLE_BOOKING,),
)
