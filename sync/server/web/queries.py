"""What the console's pages show, read within the account's scope (deps.store_scope)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from sync.protocol import CONFLICT_OPEN
from sync.server import models
from sync.server.db import load_json
from sync.server.web.accounts import MANAGED, MANAGER, Account
from sync.server.web.deps import DEVICE, STORE, store_scope

REPORT = models.table_of(models.DeviceReport)
STAFF = models.table_of(models.StaffMember)
CONFLICT = models.table_of(models.Conflict)


@dataclass(frozen=True)
class StoreRow:
    id: str
    name: str
    time_zone: str
    counters: int
    last_contact: datetime | None


def stores(engine: Engine, account: Account) -> list[StoreRow]:
    live = DEVICE.c.revoked_at.is_(None)
    contact = func.max(func.coalesce(REPORT.c.seen_at, DEVICE.c.last_push_at))
    push = func.max(DEVICE.c.last_push_at)
    query = (
        select(
            STORE.c.id,
            STORE.c.name,
            STORE.c.time_zone,
            func.count(DEVICE.c.id).filter(live),
            contact,
            push,
        )
        .select_from(STORE)
        .outerjoin(DEVICE, DEVICE.c.store_id == STORE.c.id)
        .outerjoin(REPORT, REPORT.c.device_id == DEVICE.c.id)
        .where(store_scope(account))
        .group_by(STORE.c.id, STORE.c.name, STORE.c.time_zone)
        .order_by(STORE.c.name)
    )
    with engine.connect() as connection:
        return [
            StoreRow(r[0], r[1], r[2], r[3], _later(r[4], r[5])) for r in connection.execute(query)
        ]


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((m for m in (a, b) if m is not None), default=None)


@dataclass(frozen=True)
class CounterRow:
    id: str
    counter: str
    hostname: str
    enrolled_at: datetime
    revoked_at: datetime | None
    last_push_at: datetime | None
    seen_at: datetime | None  # the last status call (each sync round starts with one)
    app_version: str | None
    queued: int | None
    oldest_queued_at: datetime | None

    @property
    def last_contact(self) -> datetime | None:
        return _later(self.seen_at, self.last_push_at)


def counters(engine: Engine, store_id: str) -> list[CounterRow]:
    query = (
        select(
            DEVICE.c.id,
            DEVICE.c.counter,
            DEVICE.c.hostname,
            DEVICE.c.enrolled_at,
            DEVICE.c.revoked_at,
            DEVICE.c.last_push_at,
            REPORT.c.seen_at,
            REPORT.c.app_version,
            REPORT.c.queued,
            REPORT.c.oldest_queued_at,
        )
        .outerjoin(REPORT, REPORT.c.device_id == DEVICE.c.id)
        .where(DEVICE.c.store_id == store_id)
        .order_by(DEVICE.c.revoked_at.is_not(None), DEVICE.c.counter)
    )
    with engine.connect() as connection:
        return [CounterRow(**row._asdict()) for row in connection.execute(query)]


@dataclass(frozen=True)
class ManagerRow:
    id: str
    email: str
    stores: list[str]


def managers(engine: Engine, owner_id: str) -> list[ManagerRow]:
    query = (
        select(MANAGER.c.id, MANAGER.c.email, STORE.c.name)
        .join(MANAGED, MANAGED.c.manager_id == MANAGER.c.id)
        .join(STORE, STORE.c.id == MANAGED.c.store_id)
        .where(MANAGER.c.owner_id == owner_id)
        .order_by(MANAGER.c.email, STORE.c.name)
    )
    found: dict[str, ManagerRow] = {}
    with engine.connect() as connection:
        for manager_id, email, store in connection.execute(query):
            found.setdefault(manager_id, ManagerRow(manager_id, email, [])).stores.append(store)
    return list(found.values())


@dataclass(frozen=True)
class StaffRow:
    """A staff member as the console lists them; whether a PIN is set, never the PIN's hash."""

    id: str
    name: str
    role: str
    skills: tuple[str, ...]
    phone: str
    active: bool
    has_pin: bool

    def matches(self, text: str) -> bool:
        """A search by part of the name or of the phone number."""
        text = text.strip().lower()
        return not text or text in self.name.lower() or text.replace(" ", "") in self.phone


def staff(engine: Engine, store_id: str, search: str = "") -> list[StaffRow]:
    """The store's staff, managers first, then by name."""
    query = select(STAFF.c.id, STAFF.c.role, STAFF.c.pin_hash, STAFF.c.data).where(
        STAFF.c.store_id == store_id
    )
    with engine.connect() as connection:
        rows = [_staff_row(r.id, r.role, r.pin_hash, r.data) for r in connection.execute(query)]
    order = {"owner": 0, "manager": 1, "front_desk": 2, "technician": 3}
    rows.sort(key=lambda r: (order.get(r.role, 4), r.name))
    return [r for r in rows if r.matches(search)]


def _staff_row(staff_id: str, role: str, pin_hash: str | None, data: str) -> StaffRow:
    held = load_json(data)
    return StaffRow(
        staff_id,
        str(held.get("name", "")),
        role,
        tuple(held.get("skills") or ()),
        str(held.get("phone") or ""),
        bool(held.get("active", True)),
        bool(pin_hash),
    )


def open_conflicts(engine: Engine, store_id: str) -> int:
    query = select(func.count()).where(
        CONFLICT.c.store_id == store_id, CONFLICT.c.status == CONFLICT_OPEN
    )
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())
