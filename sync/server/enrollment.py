"""Enrollment: a one-time code makes a counter PC a device of one store, with its own token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, insert, select, update

from sync.server import models
from sync.server.db import write_transaction
from sync.server.security import code_hash, new_token, sha256_hex
from sync.wire import EnrollRequest, EnrollResponse

CODE = models.table_of(models.EnrollmentCode)
DEVICE = models.table_of(models.Device)
STORE = models.table_of(models.Store)


class EnrollmentRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def enroll(engine: Engine, request: EnrollRequest, now: datetime) -> EnrollResponse:
    hashed = code_hash(request.code)
    with write_transaction(engine) as connection:
        code = connection.execute(
            select(CODE).where(CODE.c.code_hash == hashed).with_for_update()
        ).first()
        if code is None or code.used_at is not None or code.expires_at <= now:
            raise EnrollmentRefused(403, "the enrollment code is unknown, used or expired")
        known = connection.execute(
            select(DEVICE.c.store_id, DEVICE.c.revoked_at).where(DEVICE.c.id == request.device_id)
        ).first()
        holder = known.store_id if known is not None else None
        if holder is not None and holder != code.store_id:
            raise EnrollmentRefused(409, "this device id belongs to another store")
        if known is not None and known.revoked_at is None:
            # Else anyone with a code could take over a device whose id they have seen (ids
            # travel in the change feed). A counter that lost its token is revoked, then
            # enrolled again: it keeps its cursor.
            raise EnrollmentRefused(
                409, "this device is enrolled already: revoke it first to enroll it again"
            )
        prefix_taken = connection.execute(
            select(DEVICE.c.id).where(
                DEVICE.c.store_id == code.store_id,
                DEVICE.c.counter == request.counter,
                DEVICE.c.id != request.device_id,
                DEVICE.c.revoked_at.is_(None),
            )
        ).first()
        if prefix_taken is not None:
            # Ticket numbers are <prefix>-<n>: two counters with one prefix would make the same
            # numbers, and neither could hold the other's tickets.
            raise EnrollmentRefused(
                409, f"another counter of this store already uses the prefix {request.counter}"
            )
        token = new_token()
        device = {
            "counter": request.counter,
            "hostname": request.hostname,
            "token_hash": sha256_hex(token),
            "enrolled_at": now,
            "revoked_at": None,
        }
        if holder is None:
            values = {**device, "id": request.device_id, "store_id": code.store_id, "cursor": 0}
            connection.execute(insert(DEVICE).values(values))
        else:  # revoked, then enrolled again with a new code: new token, same cursor
            connection.execute(
                update(DEVICE).where(DEVICE.c.id == request.device_id).values(device)
            )
        connection.execute(
            update(CODE)
            .where(CODE.c.code_hash == hashed)
            .values(used_at=now, device_id=request.device_id)
        )
        name = connection.execute(select(STORE.c.name).where(STORE.c.id == code.store_id))
        return EnrollResponse(
            store_id=code.store_id,
            store_name=name.scalar_one(),
            device_id=request.device_id,
            token=token,
        )
