"""The demo salon's appointments: each technician a weekly pattern (early or late, a break, a day
off that is never today or tomorrow), rooms and chairs for facial, body, nail and lash services,
and about fifteen bookings today and tomorrow — the past ones of today completed, one under
way, one whose customer is late, a few asked for by name (点钟) and online requests to confirm —
so the bookings screen shows a working day. Patterns only for technicians without one, rooms
into a store with none, bookings into a store with none."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from salon_pos.db.models import Booking
from salon_pos.domain.bookings import BookingStatus
from salon_pos.domain.errors import UserError
from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.domain.staff import Role
from salon_pos.services.backend import Backend
from salon_pos.services.bookings import BookingService, BookingView
from salon_pos.services.demo_sales import ShopClock, local_moment
from salon_pos.services.staff import StaffMember

EARLY = Hours("09:00", "18:00", (("12:00", "12:30"),))
LATE = Hours("11:00", "21:00", (("17:00", "17:30"),))
PER_DAY = 8


def ensure_demo_schedules(backend: Backend, staff: Sequence[StaffMember], today: date) -> None:
    technicians = [s for s in staff if s.role is Role.TECHNICIAN]
    for n, tech in enumerate(technicians):
        if backend.bookings.schedule_of(tech.id) is not None:
            continue
        off = (today.weekday() + 2 + n % 5) % 7  # never today or tomorrow
        hours = EARLY if n % 2 else LATE
        days = tuple(None if weekday == off else hours for weekday in range(7))
        backend.bookings.save_schedule(tech.id, WeeklyPattern(days))


ROOMS = (
    ("美容房 1", "room", ("facial", "body")),
    ("美容房 2", "room", ("facial", "body")),
    ("美甲位 1", "chair", ("nail", "lash")),
    ("美甲位 2", "chair", ("nail", "lash")),
)  # hair care needs none


def ensure_demo_rooms(backend: Backend) -> None:
    if backend.bookings.resources():
        return
    services = backend.catalog.services()
    for name, kind, skills in ROOMS:
        serves = [s.id for s in services if s.skill in skills]
        if serves:
            backend.bookings.save_resource(name, kind, serves)


def _booking_count(backend: Backend) -> int:
    with backend.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Booking)) or 0)


def ensure_demo_bookings(
    backend: Backend, customers: Sequence[str], rng: random.Random, today: date
) -> int:
    """About PER_DAY bookings today and tomorrow; how many were made."""
    if _booking_count(backend) or not customers:
        return 0
    zone = ZoneInfo(backend.settings.current.time_zone)
    # Booked before the shop opened: this morning's bookings were made in advance.
    early = BookingService(
        backend.db, backend.settings, ShopClock(local_moment(today, 8 * 60, 0, zone))
    )
    services = [s.id for s in backend.catalog.services() if s.skill]
    if not services:
        return 0
    made: list[BookingView] = []
    for day in (today, today + timedelta(days=1)):
        for _ in range(PER_DAY * 3):
            if sum(v.start.date() == day for v in made) >= PER_DAY:
                break
            booked = _one(early, rng, customers, services, day, len(made))
            if booked is not None:
                made.append(booked)
    _move_along(backend.bookings, made)
    return len(made)


def _one(
    bookings: BookingService,
    rng: random.Random,
    customers: Sequence[str],
    services: Sequence[str],
    day: date,
    count: int,
) -> BookingView | None:
    customer = rng.choice(customers)
    chosen = [rng.choice(services)]
    try:
        slots = bookings.free_slots(chosen, day, customer_id=customer)
        if not slots:
            return None
        slot = rng.choice(slots[: max(len(slots) // 2, 1)] if count % 2 else slots)
        by_name = rng.random() < 0.25
        online = day > bookings.now().date() and count % 5 == 4
        return bookings.book(
            customer,
            chosen,
            slot.start,
            technician_id=slot.technician_id if by_name else None,
            status=BookingStatus.REQUESTED if online else BookingStatus.BOOKED,
        )
    except UserError:
        return None


def _move_along(bookings: BookingService, made: Sequence[BookingView]) -> None:
    """What the day has done by now: the past completed, the present under way, one late."""
    now = bookings.now()
    late_left = 1
    for view in made:
        if view.end <= now:
            bookings.set_status(view.id, BookingStatus.COMPLETED)
        elif view.start <= now and late_left:
            late_left -= 1  # her customer has not come yet
        elif view.start <= now:
            bookings.set_status(view.id, BookingStatus.IN_SERVICE)
