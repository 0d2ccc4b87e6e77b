"""Bookings at the counter (issue 11): free slots, and the bookings themselves — made, moved,
resized, checked in and moved along their statuses — each written with its synced operation
and audit entry in one transaction (docs/bookings.md). Patterns, leave and rooms:
booking_setup.py; a booking's ticket: booking_tickets.py.

The counter never double-books: a booking made or moved here is checked against everything
this counter holds (`slots.check_booking`) and refused with a reason a person can act on. One
arriving by sync is never refused; an overlap it makes shows in the calendar as a clash, and
the server records it as a double booking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import (
    Booking,
    BookingResource,
    Customer,
    ServiceItem,
    Staff,
    StaffLeave,
    StaffSchedule,
    SyncConflict,
)
from salon_pos.domain.assignment import assignment_order
from salon_pos.domain.bookings import (
    BookingClosed,
    BookingStatus,
    DayPlan,
    Planned,
    RoomOrChair,
    Technician,
    check_status,
    clashes,
    pattern_of,
    request_for,
)
from salon_pos.domain.errors import (
    TooLong,
    UnknownCustomer,
    UnknownItem,
    UserError,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.schedule import whole_days
from salon_pos.domain.slots import (
    Slot,
    SlotRequest,
    Span,
    Worker,
    check_booking,
    find_slots,
    next_quarter,
    suits,
)
from salon_pos.services.booking_setup import BookingSetup
from salon_pos.services.sync_state import next_hlc
from sync.messages import Both

HOLDING = tuple(s.value for s in BookingStatus if s.holds_time)
# sync.operations.bookings.BOOKING_FIELDS (not imported at start: pydantic after the first paint)
BOOKING_FIELDS = ("start", "end", "technician_id", "requested", "resource_id", "services", "note")
MAX_NOTE = 500
MAX_SERVICES = 20


class NoServiceChosen(UserError):
    en = "Choose at least one service for the booking."
    zh = "请至少选择一个服务项目。"


class NoFreeTechnician(UserError):
    en = "No technician who does this is free from {start} to {end}: try “next free slot”."
    zh = "{start}–{end} 没有能做此项目的空闲技师，请试试“下一个空档”。"


class UnknownBooking(UserError):
    en = "No booking has the id {booking_id}."
    zh = "没有 id 为 {booking_id} 的预约。"


@dataclass(frozen=True)
class BookingView:
    """A booking as the calendar and the lists show it, in the store's time."""

    id: str
    customer_id: str
    customer_name: str
    customer_phone: str
    technician_id: str | None
    technician_name: str
    requested: bool
    resource_id: str | None
    resource_name: str
    start: datetime  # the store's wall-clock time
    end: datetime
    services: list[dict[str, Any]]
    note: str
    status: BookingStatus
    source: str
    ticket_id: str | None
    clash: bool  # another booking keeps its technician or room busy at the same time
    flagged: bool  # the server recorded it as a double booking, not yet resolved

    @property
    def title(self) -> str:
        return "、".join(str(s["name"]) for s in self.services)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class ServiceChoice:
    id: str
    name: str
    minutes: int
    price: int
    skill: str


class BookingService(BookingSetup):
    """Planning and bookings; the store's time, patterns, leave and rooms: BookingSetup."""

    # Planning

    def services(self, service_ids: Sequence[str]) -> list[ServiceChoice]:
        with self._db.read() as session:
            return _services(session, service_ids)

    def plan(
        self, first_day: date, last_day: date, without: Sequence[str] = ()
    ) -> tuple[DayPlan, dict[str, str]]:
        """What this counter holds for the days, and the names of its technicians and rooms."""
        with self._db.read() as session:
            return self._plan(session, first_day, last_day, without)

    def _plan(
        self, session: Session, first_day: date, last_day: date, without: Sequence[str] = ()
    ) -> tuple[DayPlan, dict[str, str]]:
        patterns = {s.staff_id: s.pattern for s in session.scalars(select(StaffSchedule))}
        leave: dict[str, list[Span]] = {}
        held_leave = session.scalars(
            select(StaffLeave).where(
                and_(
                    StaffLeave.cancelled.is_(False),
                    StaffLeave.last_day >= first_day,
                    StaffLeave.first_day <= last_day,
                )
            )
        )
        for off in held_leave:
            leave.setdefault(off.staff_id, []).append(whole_days(off.first_day, off.last_day))
        names: dict[str, str] = {}
        technicians = []
        for staff in session.scalars(select(Staff).order_by(Staff.name)):
            names[staff.id] = staff.name
            if not staff.active or staff.role != "technician":
                continue
            data = patterns.get(staff.id)
            technicians.append(
                Technician(
                    staff.id,
                    staff.name,
                    frozenset(staff.skills or ()),
                    pattern_of(data) if data else None,
                    tuple(leave.get(staff.id, ())),
                )
            )
        rooms = []
        for room in session.scalars(select(BookingResource)):
            names[room.id] = room.name
            if room.active:
                rooms.append(
                    RoomOrChair(room.id, room.name, room.kind, frozenset(room.service_ids))
                )
        start = self._utc(datetime.combine(first_day, time()))
        end = self._utc(datetime.combine(last_day + timedelta(days=2), time()))
        held = session.scalars(
            select(Booking).where(
                and_(Booking.start_at < end, Booking.end_at > start, Booking.status.in_(HOLDING))
            )
        )
        bookings = [self._planned(b) for b in held]
        plan = DayPlan(technicians, rooms, bookings, first_day, last_day, frozenset(without))
        return plan, names

    def _planned(self, row: Booking) -> Planned:
        return Planned(
            row.id,
            row.technician_id,
            row.resource_id,
            row.customer_id,
            self._wall(row.start_at),
            self._wall(row.end_at),
        )

    def _request(
        self,
        session: Session,
        plan: DayPlan,
        chosen: list[ServiceChoice],
        customer_id: str | None,
        technician_id: str | None,
    ) -> tuple[SlotRequest, list[Any], list[Worker]]:
        minutes = sum(s.minutes for s in chosen)
        skills = [s.skill for s in chosen]
        request, resources = request_for(
            plan, minutes, skills, [s.id for s in chosen], customer_id, technician_id
        )
        favourite = None
        if customer_id:
            customer = session.get(Customer, customer_id)
            favourite = customer.favourite_technician_id if customer else None
        loads = plan.loads()
        workers = plan.workers()
        skill = request.skill or next(iter(sorted(request.skills)), "")
        ordered = assignment_order(workers, skill, favourite, loads)
        return request, resources, ordered

    def free_slots(
        self,
        service_ids: Sequence[str],
        day: date,
        *,
        customer_id: str | None = None,
        technician_id: str | None = None,
        days: int = 1,
        limit: int = 200,
        without: Sequence[str] = (),
    ) -> list[Slot]:
        """Every free start of the days from `day` (from now on, today), earliest first, each
        with the technician it would be given (the customer's favourite first, then the
        lightest day) and a free room if the services need one."""
        last = day + timedelta(days=days - 1)
        with self._db.read() as session:
            chosen = _services(session, service_ids)
            plan, _ = self._plan(session, day, last, without)
            request, resources, workers = self._request(
                session, plan, chosen, customer_id, technician_id
            )
        start = max(datetime.combine(day, time()), next_quarter(self.now()))
        window = Span(start, datetime.combine(last + timedelta(days=1), time()))
        if window.end <= window.start:
            return []
        return find_slots(request, workers, resources, window, limit)

    def next_free_slot(
        self,
        service_ids: Sequence[str],
        *,
        customer_id: str | None = None,
        technician_id: str | None = None,
        within_days: int = 14,
    ) -> Slot | None:
        found = self.free_slots(
            service_ids,
            self.now().date(),
            customer_id=customer_id,
            technician_id=technician_id,
            days=within_days,
            limit=1,
        )
        return found[0] if found else None

    # Bookings

    def book(
        self,
        customer_id: str,
        service_ids: Sequence[str],
        start: datetime,
        *,
        technician_id: str | None = None,
        resource_id: str | None = None,
        note: str = "",
        status: BookingStatus = BookingStatus.BOOKED,
        actor_id: str | None = None,
    ) -> BookingView:
        """Book `service_ids` one after another from `start` (the store's time). A technician
        named is the customer's choice (点钟); None: the first suitable one free (the customer's
        favourite, then the lightest day: 轮钟). Refused, writing nothing, with the reason."""
        from salon_pos.services.sync_ops import bookings as ops

        if not service_ids:
            raise NoServiceChosen()
        if len(service_ids) > MAX_SERVICES:
            raise TooLong(field=Both("服务项目", "services"), length=len(service_ids), limit=20)
        note = _checked_note(note)
        now = self._clock.now()
        with self._db.write() as session:
            if session.get(Customer, customer_id) is None:
                raise UnknownCustomer(customer_id=customer_id)
            chosen = _services(session, service_ids)
            day = start.date()
            plan, names = self._plan(session, day, day)
            request, resources, workers = self._request(
                session, plan, chosen, customer_id, technician_id
            )
            end = start + timedelta(minutes=request.minutes)
            worker, room = self._place(
                request, resources, workers, start, end, technician_id, resource_id, names
            )
            row = {
                "id": new_id(),
                "customer_id": customer_id,
                "technician_id": worker.id,
                "requested": technician_id is not None,
                "resource_id": room,
                "start_at": self._utc(start),
                "end_at": self._utc(end),
                "services": [
                    {"service_id": s.id, "name": s.name, "minutes": s.minutes, "price": s.price}
                    for s in chosen
                ],
                "note": note,
                "status": status.value,
                "source": "counter",
                "made_by": actor_id,
                "ticket_id": None,
                "created_at": now,
                "updated_at": now,
            }
            hlc = next_hlc(session, now, self._journal().device_id)
            row["stamps"] = dict.fromkeys(BOOKING_FIELDS, hlc)
            session.execute(insert(Booking).values(row))
            booking = session.get(Booking, row["id"])
            assert booking is not None
            audit = AuditRecord(
                actor_id, "booking.made", "booking", booking.id,
                after={"customer_id": customer_id, "technician_id": worker.id,
                       "start": start.isoformat(), "minutes": request.minutes},
            )  # fmt: skip
            self._journal().record(session, now, audit, ops.booking_made(booking, hlc))
            booking_id = booking.id
        return self.booking(booking_id)

    def _place(
        self,
        request: SlotRequest,
        resources: list[Any],
        workers: list[Worker],
        start: datetime,
        end: datetime,
        technician_id: str | None,
        resource_id: str | None,
        names: dict[str, str],
    ) -> tuple[Worker, str | None]:
        """The technician and room a booking at `start` gets, or the refusal that explains
        why not (checked against the first suitable technician when none was named)."""
        now = self.now()
        rooms = [r for r in resources if resource_id is None or r.id == resource_id]
        if technician_id is not None:
            named = [w for w in workers if w.id == technician_id]
            worker = named[0] if named else Worker(technician_id, frozenset(), ())
            room = _free_room(rooms, start, end)
            check_booking(request, start, worker, room or _first(rooms), now, names)
            return worker, room.id if room else None
        for worker in workers:
            if not suits(request, worker):
                continue
            room = _free_room(rooms, start, end)
            try:
                check_booking(request, start, worker, room or _first(rooms), now, names)
            except UserError:
                continue
            return worker, room.id if room else None
        if workers:  # nobody: say why of the first who has the skill
            fit = [w for w in workers if suits(request, w)] or workers
            check_booking(request, start, fit[0], _first(rooms), now, names)
        raise NoFreeTechnician(start=start.strftime("%H:%M"), end=end.strftime("%H:%M"))

    def move(
        self,
        booking_id: str,
        start: datetime | None = None,
        *,
        end: datetime | None = None,
        technician_id: str | None = None,
        resource_id: str | None = None,
        note: str | None = None,
        actor_id: str | None = None,
    ) -> BookingView:
        """Move a booking (another start, technician or room) or change its length (`end`),
        checked as a new booking would be, its own time left out."""
        from salon_pos.services.sync_ops import bookings as ops

        now = self._clock.now()
        with self._db.write() as session:
            row = _booking(session, booking_id)
            status = BookingStatus(row.status)
            if status.closed:
                raise BookingClosed(held=status.words)
            old_start, old_end = self._wall(row.start_at), self._wall(row.end_at)
            new_start = start or old_start
            new_end = end or (new_start + (old_end - old_start))
            tech = technician_id or row.technician_id
            changed: dict[str, Any] = {}
            if new_start != old_start:
                changed["start"] = self._utc(new_start)
            if new_end != old_end:
                changed["end"] = self._utc(new_end)
            if tech != row.technician_id:
                changed["technician_id"] = tech
            if resource_id is not None and resource_id != row.resource_id:
                changed["resource_id"] = resource_id or None
            if note is not None and _checked_note(note) != row.note:
                changed["note"] = _checked_note(note)
            if not changed:
                return self.booking(booking_id)
            if {"start", "end", "technician_id", "resource_id"} & set(changed):
                self._check_move(session, row, new_start, new_end, tech, changed)
            columns = {"start": "start_at", "end": "end_at"}
            values = {columns.get(k, k): v for k, v in changed.items()}
            hlc = next_hlc(session, now, self._journal().device_id)
            stamps = dict(row.stamps or {}) | dict.fromkeys(changed, hlc)
            session.execute(
                update(Booking)
                .where(Booking.id == booking_id)
                .values(updated_at=now, stamps=stamps, **values)
            )
            audit = AuditRecord(
                actor_id, "booking.changed", "booking", booking_id,
                before={"start": old_start.isoformat(), "end": old_end.isoformat(),
                        "technician_id": row.technician_id},
                after={"start": new_start.isoformat(), "end": new_end.isoformat(),
                       "technician_id": tech},
            )  # fmt: skip
            payload = ops.booking_changed(booking_id, changed, hlc, actor_id)
            self._journal().record(session, now, audit, payload)
        return self.booking(booking_id)

    def _check_move(
        self,
        session: Session,
        row: Booking,
        start: datetime,
        end: datetime,
        technician_id: str | None,
        changed: dict[str, Any],
    ) -> None:
        plan, names = self._plan(session, start.date(), start.date(), without=[row.id])
        chosen = _services(session, [str(s["service_id"]) for s in row.services], any_state=True)
        request, resources, workers = self._request(
            session, plan, chosen, row.customer_id, technician_id
        )
        minutes = int((end - start).total_seconds() // 60)
        request = SlotRequest(
            minutes=minutes,
            skill=request.skill,
            skills=request.skills,
            resource_kind=request.resource_kind,
            technician_id=technician_id,
            customer_busy=request.customer_busy,
        )
        room_id = changed.get("resource_id", row.resource_id)
        named = [w for w in workers if w.id == technician_id]
        worker = named[0] if named else Worker(technician_id or "", frozenset(), ())
        room = next((r for r in resources if r.id == room_id), None)
        check_booking(request, start, worker, room, self.now(), names)

    def set_status(
        self,
        booking_id: str,
        status: BookingStatus,
        *,
        ticket_id: str | None = None,
        actor_id: str | None = None,
    ) -> BookingView:
        """Move a booking along: requested → booked → arrived → in service → completed, or
        cancelled / no-show; never back (StatusCannotGoBack)."""
        from salon_pos.services.sync_ops import bookings as ops

        now = self._clock.now()
        with self._db.write() as session:
            row = _booking(session, booking_id)
            held = BookingStatus(row.status)
            check_status(held, status)
            hlc = next_hlc(session, now, self._journal().device_id)
            values: dict[str, Any] = {"status": status.value, "updated_at": now}
            if ticket_id:
                values["ticket_id"] = ticket_id
            session.execute(update(Booking).where(Booking.id == booking_id).values(values))
            audit = AuditRecord(
                actor_id, "booking.status_set", "booking", booking_id,
                before={"status": held.value}, after={"status": status.value},
            )  # fmt: skip
            payload = ops.booking_status_set(booking_id, status, now, hlc, actor_id, ticket_id)
            self._journal().record(session, now, audit, payload)
        return self.booking(booking_id)

    def check_in(self, booking_id: str, by: str) -> str:
        """The customer has arrived: the booking is marked arrived and its ticket is opened —
        parked under the booking's id with each service at today's price and the booking's
        technician — in one transaction; the parked ticket's id. Paying that ticket completes
        the booking (`complete_paid`). A booking already arrived opens its ticket again."""
        from salon_pos.services.booking_tickets import booking_ticket
        from salon_pos.services.parked_tickets import park_in
        from salon_pos.services.sync_ops import bookings as ops

        now = self._clock.now()
        with self._db.write() as session:
            row = _booking(session, booking_id)
            held = BookingStatus(row.status)
            if held is not BookingStatus.ARRIVED:
                check_status(held, BookingStatus.ARRIVED)
                session.execute(
                    update(Booking)
                    .where(Booking.id == booking_id)
                    .values(status=BookingStatus.ARRIVED.value, updated_at=now)
                )
                hlc = next_hlc(session, now, self._journal().device_id)
                audit = AuditRecord(
                    by, "booking.status_set", "booking", booking_id,
                    before={"status": held.value}, after={"status": "arrived"},
                )  # fmt: skip
                payload = ops.booking_status_set(
                    booking_id, BookingStatus.ARRIVED, now, hlc, by, None
                )
                self._journal().record(session, now, audit, payload)
            draft = booking_ticket(session, row, self._wall(row.start_at))
            park_in(
                session, self._journal(), now, self._settings.current.rounding, draft, by,
                parked_id=booking_id,
            )  # fmt: skip
        return booking_id

    # Reading

    def booking(self, booking_id: str) -> BookingView:
        with self._db.read() as session:
            row = _booking(session, booking_id)
            return self._views(session, [row])[0]

    def day(self, day: date) -> list[BookingView]:
        """The bookings of the store's day, in order of start, cancelled ones too."""
        start = self._utc(datetime.combine(day, time()))
        end = self._utc(datetime.combine(day + timedelta(days=1), time()))
        with self._db.read() as session:
            rows = session.scalars(
                select(Booking)
                .where(and_(Booking.start_at < end, Booking.end_at > start))
                .order_by(Booking.start_at, Booking.id)
            ).all()
            return self._views(session, list(rows))

    def alternatives(self, booking_id: str) -> list[tuple[str, datetime]]:
        """For a booking the server flagged as a double booking (open): the free alternatives
        it suggested, each the technician's name and the start in the store's time."""
        from sync.operations.bookings import CONFLICT_DOUBLE_BOOKING

        with self._db.read() as session:
            rows = session.scalars(
                select(SyncConflict).where(
                    and_(
                        SyncConflict.type == CONFLICT_DOUBLE_BOOKING,
                        SyncConflict.status == "open",
                        SyncConflict.entity_id == booking_id,
                    )
                )
            ).all()
        found = []
        for row in rows:
            suggested = row.details.get("alternatives")
            for alternative in suggested if isinstance(suggested, list) else []:
                if isinstance(alternative, dict) and alternative.get("start"):
                    start = self._wall(datetime.fromisoformat(str(alternative["start"])))
                    found.append((str(alternative.get("technician_name") or ""), start))
        return found

    def of_customer(self, customer_id: str) -> list[BookingView]:
        with self._db.read() as session:
            rows = session.scalars(
                select(Booking)
                .where(Booking.customer_id == customer_id)
                .order_by(Booking.start_at.desc())
            ).all()
            return self._views(session, list(rows))

    def _views(self, session: Session, rows: list[Booking]) -> list[BookingView]:
        if not rows:
            return []
        first = min(self._wall(r.start_at) for r in rows).date()
        last = max(self._wall(r.end_at) for r in rows).date()
        plan, names = self._plan(session, first, last)
        flagged = _flagged(session)
        customers = {
            c.id: c
            for c in session.scalars(
                select(Customer).where(Customer.id.in_({r.customer_id for r in rows}))
            )
        }
        views = []
        for row in rows:
            me = self._planned(row)
            status = BookingStatus(row.status)
            clash = status.holds_time and bool(clashes(me, plan.bookings))
            customer = customers.get(row.customer_id)
            views.append(
                BookingView(
                    id=row.id,
                    customer_id=row.customer_id,
                    customer_name=customer.name if customer else "",
                    customer_phone=customer.phone if customer else "",
                    technician_id=row.technician_id,
                    technician_name=names.get(row.technician_id or "", ""),
                    requested=row.requested,
                    resource_id=row.resource_id,
                    resource_name=names.get(row.resource_id or "", ""),
                    start=me.start,
                    end=me.end,
                    services=list(row.services),
                    note=row.note,
                    status=status,
                    source=row.source,
                    ticket_id=row.ticket_id,
                    clash=clash,
                    flagged=row.id in flagged,
                )
            )
        return views


def _free_room(rooms: list[Any], start: datetime, end: datetime) -> Any:
    for room in rooms:
        if not any(b.start < end and start < b.end for b in room.busy):
            return room
    return None


def _first(rooms: list[Any]) -> Any:
    return rooms[0] if rooms else None


def _booking(session: Session, booking_id: str) -> Booking:
    row = session.get(Booking, booking_id)
    if row is None:
        raise UnknownBooking(booking_id=booking_id)
    return row


def _services(
    session: Session, service_ids: Sequence[str], any_state: bool = False
) -> list[ServiceChoice]:
    if not service_ids:
        raise NoServiceChosen()
    found = {
        s.id: s
        for s in session.scalars(select(ServiceItem).where(ServiceItem.id.in_(set(service_ids))))
    }
    chosen = []
    for service_id in service_ids:
        item = found.get(service_id)
        if item is None or not (item.active or any_state):
            raise UnknownItem(item_id=service_id)
        chosen.append(
            ServiceChoice(item.id, item.name, max(item.duration_min, 1), item.price, item.skill)
        )
    return chosen


def _checked_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise TooLong(field=Both("备注", "note"), length=len(note), limit=MAX_NOTE)
    return note


def _flagged(session: Session) -> set[str]:
    """Bookings the server flagged as double bookings, not yet resolved."""
    from sync.operations.bookings import CONFLICT_DOUBLE_BOOKING

    rows = session.scalars(
        select(SyncConflict).where(
            and_(SyncConflict.type == CONFLICT_DOUBLE_BOOKING, SyncConflict.status == "open")
        )
    )
    return {row.entity_id for row in rows}
