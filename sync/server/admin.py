"""What the owner (or a test) does at the server: accounts, stores, codes, prices, devices.
Each function is one transaction; the CLI (cli.py) and the tests call these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, insert, select, update

from sync.server import chain, models
from sync.server.batch import new_server_id
from sync.server.config import utc_now
from sync.server.db import write_transaction
from sync.server.security import code_hash, hash_password, new_enrollment_code

OWNER = models.table_of(models.Owner)
STORE = models.table_of(models.Store)
CODE = models.table_of(models.EnrollmentCode)
DEVICE = models.table_of(models.Device)
LEDGER = models.table_of(models.LedgerEntry)
Clock = Callable[[], datetime]


class AdminError(Exception):
    """Bad input from the person at the command line: shown as a message, not a traceback."""


def create_owner(engine: Engine, email: str, password: str, clock: Clock = utc_now) -> str:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise AdminError(f"not an email address: {email!r}")
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters")
    with write_transaction(engine) as connection:
        if connection.execute(select(OWNER.c.id).where(OWNER.c.email == email)).first():
            raise AdminError(f"an owner {email} exists already")
        owner_id = new_server_id()
        connection.execute(
            insert(OWNER).values(
                id=owner_id, email=email, password_hash=hash_password(password), created_at=clock()
            )
        )
    return owner_id


def create_store(
    engine: Engine,
    owner_email: str,
    name: str,
    time_zone: str = "Asia/Shanghai",
    clock: Clock = utc_now,
) -> str:
    if not name.strip() or len(name) > 100:
        raise AdminError("a store needs a name of 1 to 100 characters")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise AdminError(f"unknown time zone: {time_zone}") from None
    with write_transaction(engine) as connection:
        owner_id = connection.execute(
            select(OWNER.c.id).where(OWNER.c.email == owner_email.strip().lower())
        ).scalar()
        if owner_id is None:
            raise AdminError(f"no owner {owner_email}; create one with create-owner")
        store_id = new_server_id()
        connection.execute(
            insert(STORE).values(
                id=store_id,
                name=name.strip(),
                time_zone=time_zone,
                owner_id=owner_id,
                change_seq=0,
                created_at=clock(),
            )
        )
        chain.queue_chain_for_new_store(connection, store_id, owner_id, clock())
    return store_id


def _require_store(engine: Engine, store_id: str) -> None:
    with engine.connect() as connection:
        if connection.execute(select(STORE.c.id).where(STORE.c.id == store_id)).first() is None:
            raise AdminError(f"no store {store_id}")


def create_enrollment_code(
    engine: Engine, store_id: str, hours: float = 24, clock: Clock = utc_now
) -> str:
    """A one-time code, shown once; only its hash is stored."""
    if not 0 < hours <= 24 * 30:
        raise AdminError("a code is valid for more than 0 and at most 720 hours")
    _require_store(engine, store_id)
    code = new_enrollment_code()
    now = clock()
    with write_transaction(engine) as connection:
        connection.execute(
            insert(CODE).values(
                code_hash=code_hash(code),
                store_id=store_id,
                created_at=now,
                expires_at=now + timedelta(hours=hours),
            )
        )
    return code


def revoke_device(engine: Engine, device_id: str, clock: Clock = utc_now) -> None:
    with write_transaction(engine) as connection:
        done = connection.execute(
            update(DEVICE)
            .where(DEVICE.c.id == device_id, DEVICE.c.revoked_at.is_(None))
            .values(revoked_at=clock())
        )
        if done.rowcount == 0:
            found = connection.execute(select(DEVICE.c.id).where(DEVICE.c.id == device_id))
            if found.first() is None:
                raise AdminError(f"no device {device_id}")


def store_sales_total(engine: Engine, store_id: str) -> int:
    """The store's sales in fen: the sum of its ledger entries."""
    with engine.connect() as connection:
        total = connection.execute(
            select(func.coalesce(func.sum(LEDGER.c.amount), 0)).where(LEDGER.c.store_id == store_id)
        ).scalar_one()
    return int(total)


@dataclass(frozen=True)
class DeviceRow:
    id: str
    store_id: str
    store_name: str
    counter: str
    hostname: str
    cursor: int
    enrolled_at: datetime
    revoked_at: datetime | None
    last_push_at: datetime | None


def list_devices(engine: Engine, store_id: str | None = None) -> list[DeviceRow]:
    query = (
        select(
            DEVICE.c.id,
            DEVICE.c.store_id,
            STORE.c.name,
            DEVICE.c.counter,
            DEVICE.c.hostname,
            DEVICE.c.cursor,
            DEVICE.c.enrolled_at,
            DEVICE.c.revoked_at,
            DEVICE.c.last_push_at,
        )
        .join(STORE, STORE.c.id == DEVICE.c.store_id)
        .order_by(STORE.c.name, DEVICE.c.counter)
    )
    if store_id is not None:
        query = query.where(DEVICE.c.store_id == store_id)
    with engine.connect() as connection:
        return [DeviceRow(*row) for row in connection.execute(query)]
