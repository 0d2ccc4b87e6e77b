"""Schedules, leave, rooms and bookings at the counter: the payloads of their operations, and
applying what the server merged (sync/operations/bookings.py has the offline rules). A pulled
booking keeps the fields this counter changed and has not pushed yet, and never goes back to
an earlier status than the one held here."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from salon_pos.db.models import Booking, BookingResource, StaffLeave, StaffSchedule
from salon_pos.domain.bookings import BookingStatus, status_after
from salon_pos.services.sync_ops.pending import fields_not_pushed
from salon_pos.services.sync_ops.registry import applies, builds
from salon_pos.services.sync_state import observe_hlc
from sync.operations.bookings import (
    BOOKING_CHANGED,
    BOOKING_FIELDS,
    BOOKING_MADE,
    BOOKING_STATUS_SET,
    CHANGE_BOOKING,
    CHANGE_LEAVE,
    CHANGE_RESOURCE,
    CHANGE_SCHEDULE,
    LEAVE_SAVED,
    RESOURCE_SAVED,
    SCHEDULE_SAVED,
    BookedService,
    BookingChanged,
    BookingData,
    BookingMade,
    BookingStatusSet,
    LeaveData,
    LeaveSaved,
    ResourceData,
    ResourceSaved,
    ScheduleData,
    ScheduleSaved,
)
from sync.wire import Change

if TYPE_CHECKING:
    from datetime import date


@builds(SCHEDULE_SAVED)
def schedule_saved(staff_id: str, pattern: dict[str, Any] | None, hlc: str) -> ScheduleSaved:
    return ScheduleSaved(staff_id=staff_id, pattern=pattern, hlc=hlc)


@builds(LEAVE_SAVED)
def leave_saved(
    leave_id: str,
    staff_id: str,
    first_day: date,
    last_day: date,
    reason: str,
    cancelled: bool,
    hlc: str,
) -> LeaveSaved:
    return LeaveSaved(
        id=leave_id,
        staff_id=staff_id,
        first_day=first_day,
        last_day=last_day,
        reason=reason,
        cancelled=cancelled,
        hlc=hlc,
    )


@builds(RESOURCE_SAVED)
def resource_saved(row: BookingResource) -> ResourceSaved:
    return ResourceSaved(
        id=row.id,
        name=row.name,
        kind=row.kind,  # type: ignore[arg-type]
        service_ids=list(row.service_ids),
        active=row.active,
        hlc=row.stamp,
    )


@builds(BOOKING_MADE)
def booking_made(row: Booking, hlc: str) -> BookingMade:
    return BookingMade(
        id=row.id,
        customer_id=row.customer_id,
        technician_id=row.technician_id,
        requested=row.requested,
        resource_id=row.resource_id,
        start=row.start_at,
        end=row.end_at,
        services=[BookedService.model_validate(s) for s in row.services],
        note=row.note,
        status=row.status,  # type: ignore[arg-type]
        source=row.source,  # type: ignore[arg-type]
        made_by=row.made_by,
        hlc=hlc,
    )


@builds(BOOKING_CHANGED)
def booking_changed(
    booking_id: str, changed: dict[str, Any], hlc: str, by: str | None
) -> BookingChanged:
    wire = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in changed.items()}
    return BookingChanged(id=booking_id, changed=wire, changed_by=by, hlc=hlc)


@builds(BOOKING_STATUS_SET)
def booking_status_set(
    booking_id: str,
    status: BookingStatus,
    at: datetime,
    hlc: str,
    by: str | None,
    ticket_id: str | None = None,
) -> BookingStatusSet:
    return BookingStatusSet(
        id=booking_id, status=status.value, set_by=by, at=at, ticket_id=ticket_id, hlc=hlc
    )


# Applying what the server merged


@applies(CHANGE_SCHEDULE)
def schedule(session: Session, change: Change) -> None:
    data = ScheduleData.model_validate(change.data)
    observe_hlc(session, [data.hlc])
    held = session.get(StaffSchedule, data.staff_id)
    if held is None:
        session.execute(
            insert(StaffSchedule).values(
                staff_id=data.staff_id, pattern=data.pattern, stamp=data.hlc
            )
        )
    elif data.hlc >= held.stamp:
        session.execute(
            update(StaffSchedule)
            .where(StaffSchedule.staff_id == data.staff_id)
            .values(pattern=data.pattern, stamp=data.hlc)
        )


@applies(CHANGE_LEAVE)
def leave(session: Session, change: Change) -> None:
    data = LeaveData.model_validate(change.data)
    observe_hlc(session, [data.hlc])
    held = session.get(StaffLeave, data.id)
    if held is not None and data.hlc < held.stamp:
        return  # this counter's later edit is on its way
    values = data.model_dump(exclude={"hlc"}) | {"stamp": data.hlc}
    session.execute(delete(StaffLeave).where(StaffLeave.id == data.id))
    session.execute(insert(StaffLeave).values(values))


@applies(CHANGE_RESOURCE)
def resource(session: Session, change: Change) -> None:
    data = ResourceData.model_validate(change.data)
    observe_hlc(session, [data.hlc])
    held = session.get(BookingResource, data.id)
    if held is not None and data.hlc < held.stamp:
        return
    values = data.model_dump(exclude={"hlc"}) | {"stamp": data.hlc}
    session.execute(delete(BookingResource).where(BookingResource.id == data.id))
    session.execute(insert(BookingResource).values(values))


@applies(CHANGE_BOOKING)
def booking(session: Session, change: Change) -> None:
    data = BookingData.model_validate(change.data)
    observe_hlc(session, list(data.stamps.values()))
    values: dict[str, Any] = {
        "customer_id": data.customer_id,
        "technician_id": data.technician_id,
        "requested": data.requested,
        "resource_id": data.resource_id,
        "start_at": data.start,
        "end_at": data.end,
        "services": [s.model_dump(mode="json") for s in data.services],
        "note": data.note,
        "status": data.status,
        "source": data.source,
        "made_by": data.made_by,
        "ticket_id": data.ticket_id,
        "stamps": data.stamps,
    }
    held = session.get(Booking, data.id)
    if held is None:
        session.execute(
            insert(Booking).values(id=data.id, created_at=change.at, updated_at=change.at, **values)
        )
        return
    pending = fields_not_pushed(session, (BOOKING_CHANGED,), data.id, BOOKING_FIELDS)
    columns = {"start": "start_at", "end": "end_at"}
    for field in pending:
        values.pop(columns.get(field, field), None)
    values["status"] = status_after(BookingStatus(held.status), BookingStatus(data.status)).value
    values["ticket_id"] = data.ticket_id or held.ticket_id
    session.execute(
        update(Booking).where(Booking.id == data.id).values(updated_at=change.at, **values)
    )
