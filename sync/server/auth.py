"""Bearer-token auth: a device is who its token says, and only within its own store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select

from sync.server import models
from sync.server.security import sha256_hex

DEVICE = models.table_of(models.Device)
STORE = models.table_of(models.Store)
bearer = HTTPBearer(auto_error=False, description="the device token from enrollment")


@dataclass(frozen=True)
class Caller:
    device_id: str
    store_id: str
    store_name: str
    cursor: int


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def authenticated(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None or not credentials.credentials:
        raise HTTPException(401, "no bearer token", headers={"WWW-Authenticate": "Bearer"})
    query = (
        select(DEVICE.c.id, DEVICE.c.store_id, DEVICE.c.cursor, DEVICE.c.revoked_at, STORE.c.name)
        .join(STORE, STORE.c.id == DEVICE.c.store_id)
        .where(DEVICE.c.token_hash == sha256_hex(credentials.credentials))
    )
    with engine_of(request).connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise HTTPException(401, "unknown token", headers={"WWW-Authenticate": "Bearer"})
    if row.revoked_at is not None:
        raise HTTPException(403, "this device has been revoked")
    return Caller(row.id, row.store_id, row.name, row.cursor)


def in_store(store_id: str, caller: Annotated[Caller, Depends(authenticated)]) -> Caller:
    if caller.store_id != store_id:
        raise HTTPException(403, "not a device of this store")
    return caller


def as_device(
    store_id: str, device_id: str, caller: Annotated[Caller, Depends(in_store)]
) -> Caller:
    if caller.device_id != device_id:
        raise HTTPException(403, "not this device")
    return caller
