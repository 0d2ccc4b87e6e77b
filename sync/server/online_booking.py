"""Online booking (issue 11, docs/online-booking.md): a store's public page offers its services
with a length, the free starts of a day from what the server holds, found by the counter's own
slot finder, and takes a request for one. The request is checked again under the store's lock
and written as server-side operations (customer.created when the phone is new to the store,
booking.made as "requested" from "online"), so every counter pulls it for the front desk.

A store is named publicly by `booking_key`, a hash of its id: the page never shows the id
(the console's addresses use it), and nothing about customers or staff."""

from __future__ import annotations

import base64
import hashlib
import math
import re
import time as clock_time
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, select

from salon_pos.domain.assignment import assignment_order
from salon_pos.domain.bookings import request_for
from salon_pos.domain.slots import Slot, Span, find_slots, next_quarter
from sync.messages import Message
from sync.operations.bookings import BOOKING_MADE
from sync.operations.customers import CUSTOMER_CREATED
from sync.server import models
from sync.server.batch import BatchWriter, new_server_id
from sync.server.booking_plan import load_plan, local, store_zone, utc
from sync.server.config import utc_now
from sync.server.handlers.customers import phone_holder_query
from sync.server.handlers.registry import run_at_server
from sync.server.master_data import Clock, store_catalog, store_writer
from sync.server.stamps import stamp_after

STORE = models.table_of(models.Store)
DAYS = 14  # today and the 13 days after
LEAD = timedelta(minutes=30)  # the first start offered: half an hour from now, on a quarter
NAME_MAX = 64
MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-()（）.]")


class NameNeeded(Message):
    zh = "请填写您的姓名（1 到 {limit} 个字）。"
    en = "Please give your name (1 to {limit} characters)."


class NotAMobile(Message):
    zh = "请填写 11 位手机号码（以 1 开头，不含区号）。"
    en = "Please give an 11-digit mobile number (starting with 1, no country code)."


class SlotTaken(Message):
    zh = "抱歉，{start} 刚刚被预约了。请从下面仍然空着的时间中另选一个。"
    en = "Sorry, {start} was just taken. Please choose another of the times still free below."


class ServiceGone(Message):
    zh = "这个项目现在不能在网上预约了，请另选一个。"
    en = "This service can no longer be booked online; please choose another."


class RequestRefused(Exception):
    """A request the customer can correct; `message` says how (nothing was written)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


def booking_key(store_id: str) -> str:
    """The store's name in its public address: 16 letters and digits (80 bits of a hash of the
    id), so the id, which the console's addresses carry, is not shown to the public."""
    digest = hashlib.sha256(b"salon-pos online booking\x00" + store_id.encode()).digest()
    return base64.b32encode(digest[:10]).decode().lower()


@dataclass(frozen=True)
class OnlineStore:
    id: str
    name: str
    zone: ZoneInfo


class StoreKeys:
    """Public key → store, read again from the database when a key is not known (a store made
    since), at most every few seconds (keys made up by someone guessing cost no reading);
    per process."""

    REREAD = 5.0  # seconds

    def __init__(self) -> None:
        self._known: dict[str, str] = {}
        self._read_at = -math.inf

    def find(self, engine: Engine, key: str) -> OnlineStore | None:
        if key not in self._known and clock_time.monotonic() - self._read_at >= self.REREAD:
            self._read_at = clock_time.monotonic()
            with engine.connect() as connection:
                ids = connection.execute(select(STORE.c.id)).scalars().all()
            self._known = {booking_key(i): i for i in ids}
        store_id = self._known.get(key)
        if store_id is None:
            return None
        with engine.connect() as connection:
            row = connection.execute(select(STORE.c.name).where(STORE.c.id == store_id)).first()
            if row is None:
                return None
            return OnlineStore(store_id, row.name, store_zone(connection, store_id))


@dataclass(frozen=True)
class OfferedService:
    id: str
    category: str
    name: str
    minutes: int
    price: int  # fen: the store's own price where it has one
    skill: str


def offered_services(connection: Connection, store_id: str) -> list[OfferedService]:
    """The store's active services that have a length, by category and name."""
    return [
        OfferedService(e.id, e.category, e.name, int(e.duration_min), e.price, e.skill)
        for e in store_catalog(connection, store_id)
        if e.kind == "service" and e.active and e.duration_min and e.duration_min > 0
    ]


def days_offered(now: datetime, zone: ZoneInfo) -> list[date]:
    today = local(now, zone).date()
    return [today + timedelta(days=n) for n in range(DAYS)]


def free_slots(
    connection: Connection,
    store_id: str,
    service: OfferedService,
    day: date,
    now: datetime,
    zone: ZoneInfo,
) -> list[Slot]:
    """The free starts of `day` (the store's time) for the service, each with the technician
    the counter would give it: any with the skill, the lightest day first."""
    if day not in days_offered(now, zone):
        return []
    plan, _, _ = load_plan(connection, store_id, day, day, zone)
    request, resources = request_for(plan, service.minutes, [service.skill], [service.id], None)
    workers = assignment_order(plan.workers(), request.skill, None, plan.loads())
    earliest = next_quarter(local(now, zone) + LEAD)
    midnight = datetime.combine(day + timedelta(days=1), time())
    window = Span(max(datetime.combine(day, time()), earliest), midnight)
    if window.end <= window.start:
        return []
    return find_slots(request, workers, resources, window)


def checked_name(name: str) -> str:
    name = " ".join(name.split())
    unprintable = any(unicodedata.category(c).startswith("C") for c in name)
    if not 1 <= len(name) <= NAME_MAX or unprintable:
        raise RequestRefused(NameNeeded(limit=NAME_MAX))
    return name


def checked_mobile(phone: str) -> str:
    """'+86 138-0013-8000' → '13800138000'; anything but a mainland mobile is refused."""
    digits = _SEPARATORS.sub("", phone.strip())
    for prefix in ("+86", "0086"):
        digits = digits.removeprefix(prefix)
    if not (digits.isascii() and MOBILE.fullmatch(digits)):
        raise RequestRefused(NotAMobile())
    return digits


@dataclass(frozen=True)
class Requested:
    booking_id: str
    service: OfferedService
    start: datetime  # the store's time


def request_booking(
    engine: Engine,
    store_id: str,
    service_id: str,
    start: datetime,
    name: str,
    phone: str,
    clock: Clock = utc_now,
) -> Requested:
    """Book `start` (the store's time) for the customer with this phone, as a request the front
    desk confirms; RequestRefused (nothing written) when the name or phone will not do, the
    service is not offered, or the start is not free any more (checked under the store's lock,
    so two requests for one start cannot both pass)."""
    name, phone = checked_name(name), checked_mobile(phone)
    with store_writer(engine, store_id, clock) as writer:
        connection = writer.connection
        zone = store_zone(connection, store_id)
        service = next(
            (s for s in offered_services(connection, store_id) if s.id == service_id), None
        )
        if service is None:
            raise RequestRefused(ServiceGone())
        free = free_slots(connection, store_id, service, start.date(), writer.now, zone)
        slot = next((s for s in free if s.start == start), None)
        if slot is None:
            raise RequestRefused(SlotTaken(start=start.strftime("%m-%d %H:%M")))
        holder = connection.execute(phone_holder_query(store_id, [phone])).first()
        customer_id = holder.id if holder is not None else _new_customer(writer, name, phone)
        writer.flush()
        booking_id = _new_booking(writer, customer_id, service, slot, zone)
    return Requested(booking_id, service, start)


def _new_customer(writer: BatchWriter, name: str, phone: str) -> str:
    customer_id = new_server_id()
    payload = {"id": customer_id, "name": name, "phone": phone, "hlc": stamp_after(writer.now, "")}
    run_at_server(writer, CUSTOMER_CREATED, payload, writer.store_id)
    return customer_id


def _new_booking(
    writer: BatchWriter, customer_id: str, service: OfferedService, slot: Slot, zone: ZoneInfo
) -> str:
    booking_id = new_server_id()
    booked = {"service_id": service.id, "name": service.name[:64], "minutes": service.minutes}
    payload = {
        "id": booking_id,
        "customer_id": customer_id,
        "technician_id": slot.technician_id,
        "requested": False,  # the slot finder chose her: nobody asked for her by name
        "resource_id": slot.resource_id or None,
        "start": utc(slot.start, zone).isoformat(),
        "end": utc(slot.end, zone).isoformat(),
        "services": [booked | {"price": service.price}],
        "status": "requested",
        "source": "online",
        "hlc": stamp_after(writer.now, ""),
    }
    run_at_server(writer, BOOKING_MADE, payload, writer.store_id)
    return booking_id
