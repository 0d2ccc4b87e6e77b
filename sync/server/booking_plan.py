"""What the server plans bookings from, for a store and a stretch of days: its technicians with
their skills, patterns and leave, its rooms, and the bookings that hold time — read into the
same DayPlan the counter builds (salon_pos.domain.bookings), so both find the same slots.

Times in a plan are the store's wall-clock time; `local` and `utc` convert."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, select

from salon_pos.domain.bookings import (
    BookingStatus,
    DayPlan,
    InvalidPattern,
    Planned,
    RoomOrChair,
    Technician,
    pattern_of,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.schedule import whole_days
from sync.server import models
from sync.server.db import load_json

STORE = models.table_of(models.Store)
STAFF = models.table_of(models.StaffMember)
SCHEDULE = models.table_of(models.StaffSchedule)
LEAVE = models.table_of(models.StaffLeave)
RESOURCE = models.table_of(models.BookingResource)
BOOKING = models.table_of(models.Booking)
CATALOG = models.table_of(models.CatalogItem)
HOLDING = tuple(s.value for s in BookingStatus if s.holds_time)


def store_zone(connection: Connection, store_id: str) -> ZoneInfo:
    name = connection.execute(select(STORE.c.time_zone).where(STORE.c.id == store_id)).scalar()
    try:
        return ZoneInfo(name or "Asia/Shanghai")
    except (ValueError, KeyError):
        return ZoneInfo("Asia/Shanghai")


def local(moment: datetime, zone: ZoneInfo) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone).replace(tzinfo=None)


def utc(wall: datetime, zone: ZoneInfo) -> datetime:
    return wall.replace(tzinfo=zone).astimezone(UTC)


def planned(row: Any, zone: ZoneInfo) -> Planned:
    return Planned(
        row.id,
        row.technician_id,
        row.resource_id,
        row.customer_id,
        local(row.start_at, zone),
        local(row.end_at, zone),
    )


def load_plan(
    connection: Connection, store_id: str, first_day: date, last_day: date, zone: ZoneInfo
) -> tuple[DayPlan, dict[str, str], dict[str, str]]:
    """The plan of the days first_day…last_day, and the names of technicians and rooms."""
    start = utc(datetime.combine(first_day, time()), zone)
    end = utc(datetime.combine(last_day + timedelta(days=2), time()), zone)  # late shifts
    patterns = {
        r.staff_id: r.pattern
        for r in connection.execute(
            select(SCHEDULE.c.staff_id, SCHEDULE.c.pattern).where(SCHEDULE.c.store_id == store_id)
        )
    }
    leave: dict[str, list[Any]] = {}
    for r in connection.execute(select(LEAVE.c.data).where(LEAVE.c.store_id == store_id)):
        data = load_json(r.data)
        if data.get("cancelled"):
            continue
        first, last = date.fromisoformat(data["first_day"]), date.fromisoformat(data["last_day"])
        if last >= first_day and first <= last_day:
            leave.setdefault(data["staff_id"], []).append(whole_days(first, last))
    technicians, names = [], {}
    staff = connection.execute(select(STAFF.c.id, STAFF.c.data).where(STAFF.c.store_id == store_id))
    for r in staff:
        data = load_json(r.data)
        names[r.id] = str(data.get("name", ""))
        if not data.get("active", True) or data.get("role") != "technician":
            continue
        pattern = None
        if patterns.get(r.id):
            try:
                pattern = pattern_of(load_json(patterns[r.id]))
            except (InvalidPattern, UserError):
                pattern = None
        technicians.append(
            Technician(
                r.id,
                names[r.id],
                frozenset(data.get("skills") or ()),
                pattern,
                tuple(leave.get(r.id, ())),
            )
        )
    rooms, room_names = [], {}
    for r in connection.execute(select(RESOURCE.c.data).where(RESOURCE.c.store_id == store_id)):
        data = load_json(r.data)
        room_names[data["id"]] = str(data.get("name", ""))
        if data.get("active", True):
            rooms.append(
                RoomOrChair(
                    data["id"], data["name"], data["kind"], frozenset(data.get("service_ids", ()))
                )
            )
    held = connection.execute(
        select(BOOKING).where(
            and_(
                BOOKING.c.store_id == store_id,
                BOOKING.c.start_at < end,
                BOOKING.c.end_at > start,
                BOOKING.c.status.in_(HOLDING),
            )
        )
    )
    bookings = [planned(r, zone) for r in held]
    plan = DayPlan(technicians, rooms, bookings, first_day, last_day)
    return plan, names, room_names


def service_skills(connection: Connection, store_id: str, service_ids: list[str]) -> list[str]:
    """The skills the services need, as the store's catalog says."""
    rows = connection.execute(
        select(CATALOG.c.data).where(CATALOG.c.id.in_(service_ids or [""]))
    ).all()
    return [str(load_json(r.data).get("skill") or "") for r in rows]
