"""Enrollment: a one-time code makes a counter PC a device of one store, with its own token."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

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
    """Register the device and answer its token. The same counter asking again with the token
    it made (its answer was lost, or the request arrived twice) gets the same answer: the
    device is enrolled already, with that very token (docs/adr/0007-counter-identity.md)."""
    hashed = code_hash(request.code)
    token = request.token or new_token()
    with write_transaction(engine) as connection:
        code = connection.execute(
            select(CODE).where(CODE.c.code_hash == hashed).with_for_update()
        ).first()
        if code is None:
            raise EnrollmentRefused(403, "the enrollment code is unknown, used or expired")
        known = connection.execute(
            select(DEVICE.c.store_id, DEVICE.c.revoked_at, DEVICE.c.token_hash).where(
                DEVICE.c.id == request.device_id
            )
        ).first()
        if _asks_again(request, code, known, now):
            return _answer(connection, code.store_id, request.device_id, token)
        if code.used_at is not None or code.expires_at <= now:
            raise EnrollmentRefused(403, "the enrollment code is unknown, used or expired")
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
        _check_prefix(connection, code.store_id, request)
        device = {
            "counter": request.counter,
            "hostname": request.hostname,
            "token_hash": sha256_hex(token),
            "enrolled_at": now,
            "revoked_at": None,
            "home": request.home,
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
        return _answer(connection, code.store_id, request.device_id, token)


def _asks_again(request: EnrollRequest, code: Any, known: Any, now: datetime) -> bool:
    """The device is enrolled (not revoked) in the code's store with the token it sends, and
    the code is the one that enrolled it or one still good: a retry, not a takeover (only the
    counter that made the token knows it). A new code is not spent on it."""
    if request.token is None or known is None or known.revoked_at is not None:
        return False
    if known.store_id != code.store_id or known.token_hash != sha256_hex(request.token):
        return False
    unused = code.used_at is None and code.expires_at > now
    return bool(code.device_id == request.device_id or unused)


def _check_prefix(connection: Connection, store_id: str, request: EnrollRequest) -> None:
    prefix_taken = connection.execute(
        select(DEVICE.c.id).where(
            DEVICE.c.store_id == store_id,
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


def _answer(connection: Connection, store_id: str, device_id: str, token: str) -> EnrollResponse:
    name = connection.execute(select(STORE.c.name).where(STORE.c.id == store_id))
    return EnrollResponse(
        store_id=store_id, store_name=name.scalar_one(), device_id=device_id, token=token
    )
