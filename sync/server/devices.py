"""What the server knows of one device, for the counter's check at the start of each round
(docs/adr/0007-counter-identity.md): its cursor and the operation there, its highest ticket
number, where its data folder lives, and the operations it holds from it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Engine, func, or_, select, update

from sync.server import models
from sync.server.auth import Caller
from sync.server.db import write_transaction
from sync.wire import (
    ChainStore,
    ChainStores,
    DeviceOperation,
    DeviceOperations,
    DeviceStatus,
    StoreCounter,
    StoreCounters,
)

APPLIED_OP = models.table_of(models.AppliedOperation)
DEVICE = models.table_of(models.Device)
STORE = models.table_of(models.Store)
TICKET = models.table_of(models.Ticket)
REPORT = models.table_of(models.DeviceReport)


def device_status(
    engine: Engine, caller: Caller, now: datetime, home: str | None, claim: str | None
) -> DeviceStatus:
    """`home`: where the asking copy lives. It is recorded when the device has no home yet (a
    counter enrolled before homes were kept) or when the home on record is `claim` (the
    counter moved its folder on the same PC); never over another copy's home."""
    with engine.connect() as connection:
        status = _status(connection, caller, now)
    if home is None or status.home == home or status.home not in (None, claim):
        return status  # the usual round: a read, no write lock
    with write_transaction(engine) as connection:
        taken: ColumnElement[bool] = DEVICE.c.home.is_(None)
        if claim is not None:
            taken = or_(taken, DEVICE.c.home == claim)
        connection.execute(
            update(DEVICE).where(DEVICE.c.id == caller.device_id, taken).values(home=home)
        )
        return _status(connection, caller, now)


def _status(connection: Connection, caller: Caller, now: datetime) -> DeviceStatus:
    cursor, home = connection.execute(
        select(DEVICE.c.cursor, DEVICE.c.home).where(DEVICE.c.id == caller.device_id)
    ).one()
    at_cursor = connection.execute(
        select(APPLIED_OP.c.id).where(
            APPLIED_OP.c.device_id == caller.device_id, APPLIED_OP.c.seq == cursor
        )
    ).scalar()
    last_ticket = connection.execute(
        select(func.max(TICKET.c.number)).where(TICKET.c.device_id == caller.device_id)
    ).scalar()
    change_seq = connection.execute(
        select(STORE.c.change_seq).where(STORE.c.id == caller.store_id)
    ).scalar_one()
    return DeviceStatus(
        store_id=caller.store_id,
        store_name=caller.store_name,
        device_id=caller.device_id,
        cursor=cursor,
        change_seq=change_seq,
        server_time=now,
        cursor_op_id=at_cursor,
        last_ticket_number=last_ticket,
        home=home,
    )


def device_operations(engine: Engine, caller: Caller, after: int, limit: int) -> DeviceOperations:
    query = (
        select(APPLIED_OP.c.seq, APPLIED_OP.c.id)
        .where(APPLIED_OP.c.device_id == caller.device_id, APPLIED_OP.c.seq > after)
        .order_by(APPLIED_OP.c.seq)
        .limit(limit + 1)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    found = [DeviceOperation(seq=row.seq, id=row.id) for row in rows[:limit]]
    return DeviceOperations(operations=found, more=len(rows) > limit)


def store_counters(engine: Engine, caller: Caller) -> StoreCounters:
    """The caller's store's counters, each with the later of its last push and status call."""
    query = (
        select(DEVICE.c.id, DEVICE.c.counter, DEVICE.c.last_push_at, REPORT.c.seen_at)
        .outerjoin(REPORT, REPORT.c.device_id == DEVICE.c.id)
        .where(DEVICE.c.store_id == caller.store_id, DEVICE.c.revoked_at.is_(None))
        .order_by(DEVICE.c.counter)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return StoreCounters(
        counters=[
            StoreCounter(
                device_id=row.id,
                counter=row.counter,
                last_heard_at=max((t for t in (row.last_push_at, row.seen_at) if t), default=None),
            )
            for row in rows
        ]
    )


def chain_stores(engine: Engine, caller: Caller) -> ChainStores:
    """Every store of the caller's owner, its own among them (a counter leaves itself out):
    where its stock may be transferred to. A store is never closed on this server yet, so
    every one is open."""
    owner = select(STORE.c.owner_id).where(STORE.c.id == caller.store_id).scalar_subquery()
    query = select(STORE.c.id, STORE.c.name).where(STORE.c.owner_id == owner).order_by(STORE.c.name)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return ChainStores(stores=[ChainStore(id=row.id, name=row.name[:64]) for row in rows])
