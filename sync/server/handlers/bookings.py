"""Schedules, leave, rooms and bookings (sync/operations/bookings.py has the offline rules).

A pattern, a leave or a room: the higher stamp wins as a whole. A booking: per field by stamp,
its status forward only, and nothing moves a closed one. Whenever a booking's time, technician,
room or status changes, the server looks again: a new overlap with another booking of the same
technician or room flags this one as a double booking (both stand) with alternatives from the
counter's own slot finder; an overlap that is gone closes its conflict as "moved"."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import and_, insert, or_, select, update

from salon_pos.domain.bookings import BookingStatus, Planned, alternatives, clashes, status_after
from sync.operations.bookings import (
    BOOKING_CHANGED,
    BOOKING_FIELDS,
    BOOKING_MADE,
    BOOKING_STATUS_SET,
    CHANGE_BOOKING,
    CHANGE_LEAVE,
    CHANGE_RESOURCE,
    CHANGE_SCHEDULE,
    CONFLICT_DOUBLE_BOOKING,
    DOUBLE_BOOKING,
    LEAVE_SAVED,
    RESOLUTION_MOVED,
    RESOURCE_SAVED,
    SCHEDULE_SAVED,
    BookedService,
    BookingChanged,
    BookingData,
    BookingMade,
    BookingStatusSet,
    LeaveSaved,
    ResourceSaved,
    ScheduleSaved,
)
from sync.operations.conflicts import CHANGE_CONFLICT
from sync.operations.payloads import Moment
from sync.protocol import CONFLICT_OPEN, CONFLICT_RESOLVED_STATUS
from sync.server import models
from sync.server.batch import Rejected, conflict_data
from sync.server.booking_plan import (
    BOOKING,
    HOLDING,
    LEAVE,
    RESOURCE,
    SCHEDULE,
    load_plan,
    local,
    planned,
    service_skills,
    store_zone,
    utc,
)
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles
from sync.server.stamps import canonical_stamp, merge_fields

CONFLICT = models.table_of(models.Conflict)
_MOMENT: TypeAdapter[datetime] = TypeAdapter(Moment)
_SERVICES: TypeAdapter[list[BookedService]] = TypeAdapter(list[BookedService])


def _stamp(ctx: OpContext, hlc: str) -> str:
    return canonical_stamp(hlc, ctx.now)[0]


def _held(ctx: OpContext, table: Any, key: Any, value: str) -> dict[str, Any] | None:
    row = ctx.connection.execute(select(table).where(key == value)).mappings().first()
    if row is None:
        return None
    same_store(ctx, row["store_id"], table.name)
    return dict(row)


# A pattern, a leave, a room: the later edit as a whole.


@handles(SCHEDULE_SAVED, reads=True, writes=(SCHEDULE,))
def schedule_saved(ctx: OpContext, saved: ScheduleSaved) -> list[str]:
    stamp = _stamp(ctx, saved.hlc)
    held = _held(ctx, SCHEDULE, SCHEDULE.c.staff_id, saved.staff_id)
    pattern = dump_json(saved.pattern) if saved.pattern is not None else None
    values: dict[str, Any] = {"pattern": pattern, "stamp": stamp, "updated_at": ctx.now}
    if held is None:
        ctx.connection.execute(
            insert(SCHEDULE).values(values | {"staff_id": saved.staff_id, "store_id": ctx.store_id})
        )
    elif stamp > held["stamp"]:
        ctx.connection.execute(
            update(SCHEDULE).where(SCHEDULE.c.staff_id == saved.staff_id).values(values)
        )
    else:
        values = held
    data = {
        "staff_id": saved.staff_id,
        "pattern": load_json(values["pattern"]) if values["pattern"] else None,
        "hlc": values["stamp"],
    }
    ctx.writer.change(CHANGE_SCHEDULE, saved.staff_id, data, ctx.device_id)
    return []


def _save_whole(ctx: OpContext, table: Any, entity: str, saved: Any, extra: dict[str, Any]) -> None:
    stamp = _stamp(ctx, saved.hlc)
    held = _held(ctx, table, table.c.id, saved.id)
    data = saved.model_dump(mode="json") | {"hlc": stamp}
    if held is None:
        row = {"id": saved.id, "store_id": ctx.store_id, "data": dump_json(data), "stamp": stamp}
        ctx.connection.execute(insert(table).values(row | extra))
    elif stamp > held["stamp"]:
        row = {"data": dump_json(data), "stamp": stamp}
        ctx.connection.execute(update(table).where(table.c.id == saved.id).values(row | extra))
    else:
        data = load_json(held["data"])
    ctx.writer.change(entity, saved.id, data, ctx.device_id)


@handles(LEAVE_SAVED, reads=True, writes=(LEAVE,))
def leave_saved(ctx: OpContext, saved: LeaveSaved) -> list[str]:
    if saved.last_day < saved.first_day:
        raise Rejected("leave ends before it starts")
    _save_whole(ctx, LEAVE, CHANGE_LEAVE, saved, {"staff_id": saved.staff_id})
    return []


@handles(RESOURCE_SAVED, reads=True, writes=(RESOURCE,))
def resource_saved(ctx: OpContext, saved: ResourceSaved) -> list[str]:
    _save_whole(ctx, RESOURCE, CHANGE_RESOURCE, saved, {})
    return []


# Bookings


def _columns(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "customer_id": data["customer_id"],
        "technician_id": data.get("technician_id"),
        "resource_id": data.get("resource_id"),
        "start_at": _MOMENT.validate_python(data["start"]),
        "end_at": _MOMENT.validate_python(data["end"]),
        "status": data["status"],
    }


def _send(ctx: OpContext, data: dict[str, Any]) -> None:
    ctx.writer.change(CHANGE_BOOKING, data["id"], data, ctx.device_id)


@handles(BOOKING_MADE, reads=True, writes=(BOOKING,))
def booking_made(ctx: OpContext, made: BookingMade) -> list[str]:
    if made.end <= made.start:
        raise Rejected("a booking ends after it starts")
    held = _held(ctx, BOOKING, BOOKING.c.id, made.id)
    if held is not None:  # a re-run (deduplication off): the booking stands as merged
        _send(ctx, load_json(held["data"]))
        return []
    stamp = _stamp(ctx, made.hlc)
    data = BookingData(**made.model_dump(), stamps=dict.fromkeys(BOOKING_FIELDS, stamp))
    row = data.model_dump(mode="json") | {"hlc": stamp}
    ctx.connection.execute(
        insert(BOOKING).values(
            _columns(row)
            | {
                "id": made.id,
                "store_id": ctx.store_id,
                "origin_device_id": ctx.device_id,
                "data": dump_json(row),
                "made_at": ctx.now if ctx.at_server else ctx.op.occurred_at,
                "updated_at": ctx.now,
            }
        )
    )
    _send(ctx, row)
    return _look_again(ctx, row)


def _checked(field: str, value: Any) -> Any:
    """A changed field's value as stored (JSON), or Rejected."""
    try:
        if field in ("start", "end"):
            return _MOMENT.dump_python(_MOMENT.validate_python(value), mode="json")
        if field == "services":
            services = _SERVICES.validate_python(value)
            if not 1 <= len(services) <= 20:
                raise ValueError("1 to 20 services")
            return [s.model_dump(mode="json") for s in services]
        if field == "requested":
            return bool(value)
        if field == "note":
            return str(value)[:500]
        return None if value in (None, "") else str(value)
    except (ValidationError, ValueError, TypeError) as error:
        raise Rejected(f"{field}: {error}") from None


@handles(BOOKING_CHANGED, reads=True, writes=(BOOKING,))
def booking_changed(ctx: OpContext, edit: BookingChanged) -> list[str]:
    held = _held(ctx, BOOKING, BOOKING.c.id, edit.id)
    if held is None:
        raise Rejected(f"unknown booking {edit.id}")
    unknown = set(edit.changed) - set(BOOKING_FIELDS)
    if unknown:
        raise Rejected(f"not a booking field: {sorted(unknown)}")
    values = {name: _checked(name, value) for name, value in edit.changed.items()}
    data: dict[str, Any] = load_json(held["data"])
    if BookingStatus(data["status"]).closed:  # a late move does not reopen or shift it
        _send(ctx, data)
        return []
    stamps: dict[str, str] = data.setdefault("stamps", {})
    updates = merge_fields(data, stamps, values, values, _stamp(ctx, edit.hlc))
    merged = data | updates
    if _MOMENT.validate_python(merged["end"]) <= _MOMENT.validate_python(merged["start"]):
        raise Rejected("a booking ends after it starts")
    if updates:
        _store(ctx, merged)
    _send(ctx, merged)
    return _look_again(ctx, merged) if updates else []


def _store(ctx: OpContext, data: dict[str, Any]) -> None:
    row = _columns(data) | {"data": dump_json(data), "updated_at": ctx.now}
    ctx.connection.execute(update(BOOKING).where(BOOKING.c.id == data["id"]).values(row))


@handles(BOOKING_STATUS_SET, reads=True, writes=(BOOKING,))
def booking_status_set(ctx: OpContext, status: BookingStatusSet) -> list[str]:
    held = _held(ctx, BOOKING, BOOKING.c.id, status.id)
    if held is None:
        raise Rejected(f"unknown booking {status.id}")
    data: dict[str, Any] = load_json(held["data"])
    now = status_after(BookingStatus(data["status"]), BookingStatus(status.status))
    if now.value == data["status"]:
        _send(ctx, data)
        return []
    data["status"] = now.value
    if status.ticket_id:
        data["ticket_id"] = status.ticket_id
    data.setdefault("stamps", {})["status"] = _stamp(ctx, status.hlc)
    _store(ctx, data)
    _send(ctx, data)
    return _look_again(ctx, data)


# Double bookings


def _open_double_bookings(ctx: OpContext, booking_id: str) -> list[dict[str, Any]]:
    rows = ctx.connection.execute(
        select(CONFLICT).where(
            and_(
                CONFLICT.c.store_id == ctx.store_id,
                CONFLICT.c.type == CONFLICT_DOUBLE_BOOKING,
                CONFLICT.c.status == CONFLICT_OPEN,
            )
        )
    ).mappings()
    found = []
    for row in rows:
        details = load_json(row["details"])
        if booking_id in (details.get("booking_id"), details.get("other_booking_id")):
            found.append(dict(row) | {"details_data": details})
    return found


def _look_again(ctx: OpContext, data: dict[str, Any]) -> list[str]:
    """Close the double bookings this booking no longer makes; flag the ones it makes now."""
    zone = store_zone(ctx.connection, ctx.store_id)
    me = Planned(
        data["id"],
        data.get("technician_id"),
        data.get("resource_id"),
        data["customer_id"],
        local(_MOMENT.validate_python(data["start"]), zone),
        local(_MOMENT.validate_python(data["end"]), zone),
    )
    holds = BookingStatus(data["status"]).holds_time
    near = _near(ctx, data, zone) if holds else []
    clashing = {other.id: shared for other, shared in clashes(me, near)}
    flagged = set()
    for conflict in _open_double_bookings(ctx, data["id"]):
        details = conflict["details_data"]
        other = (
            details["other_booking_id"]
            if details["booking_id"] == data["id"]
            else details["booking_id"]
        )
        if other in clashing:
            flagged.add(other)
        else:
            _close(ctx, conflict)
    created = []
    for other in near:
        if other.id in clashing and other.id not in flagged:
            created.append(_flag(ctx, data, me, other, clashing[other.id], zone))
    return created


def _near(ctx: OpContext, data: dict[str, Any], zone: ZoneInfo) -> list[Planned]:
    start = _MOMENT.validate_python(data["start"])
    end = _MOMENT.validate_python(data["end"])
    sharing = []
    if data.get("technician_id"):
        sharing.append(BOOKING.c.technician_id == data["technician_id"])
    if data.get("resource_id"):
        sharing.append(BOOKING.c.resource_id == data["resource_id"])
    if not sharing:
        return []
    rows = ctx.connection.execute(
        select(BOOKING).where(
            and_(
                BOOKING.c.store_id == ctx.store_id,
                BOOKING.c.id != data["id"],
                BOOKING.c.start_at < end,
                BOOKING.c.end_at > start,
                BOOKING.c.status.in_(HOLDING),
                or_(*sharing),
            )
        )
    )
    return [planned(r, zone) for r in rows]


def _close(ctx: OpContext, conflict: dict[str, Any]) -> None:
    closed = {
        "status": CONFLICT_RESOLVED_STATUS,
        "resolution": RESOLUTION_MOVED,
        "resolved_by": None,
        "resolved_at": ctx.now,
    }
    ctx.connection.execute(update(CONFLICT).where(CONFLICT.c.id == conflict["id"]).values(closed))
    row = {k: v for k, v in conflict.items() if k != "details_data"} | closed
    ctx.writer.change(CHANGE_CONFLICT, row["id"], conflict_data(row), None)


def _flag(
    ctx: OpContext,
    data: dict[str, Any],
    me: Planned,
    other: Planned,
    shared: str,
    zone: ZoneInfo,
) -> str:
    day = me.start.date()
    plan, names, rooms = load_plan(ctx.connection, ctx.store_id, day, day + timedelta(days=6), zone)
    service_ids = [s["service_id"] for s in data["services"]]
    skills = service_skills(ctx.connection, ctx.store_id, service_ids)
    free = alternatives(plan, me, skills, service_ids)
    for alternative in free:
        alternative["technician_name"] = names.get(alternative["technician_id"], "")
        for end in ("start", "end"):
            wall = datetime.fromisoformat(alternative[end])
            alternative[end] = _MOMENT.dump_python(utc(wall, zone), mode="json")
    details = {
        "booking_id": me.id,
        "other_booking_id": other.id,
        "customer_id": me.customer_id,
        "other_customer_id": other.customer_id,
        "shared": shared,
        "technician_id": me.technician_id if shared == "technician" else None,
        "technician_name": names.get(me.technician_id or "") if shared == "technician" else None,
        "resource_id": me.resource_id if shared == "resource" else None,
        "resource_name": rooms.get(me.resource_id or "") if shared == "resource" else None,
        "start": data["start"],
        "end": data["end"],
        "alternatives": free,
    }
    ops = [ctx.op.id] if not ctx.at_server else []
    return ctx.writer.conflict(DOUBLE_BOOKING, CHANGE_BOOKING, me.id, ops, details, ctx.device_id)
