"""What every console page depends on, in one place: the signed-in session, the CSRF check of
every POST, and which stores the account may see. A store or counter outside the account's
stores is a 404, the same answer as one that does not exist."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Form, Request
from sqlalchemy import ColumnElement, Engine, select

from sync.server import models
from sync.server.auth import engine_of
from sync.server.web import sessions
from sync.server.web.accounts import MANAGED, MANAGER, Account
from sync.server.web.sessions import Session

STORE = models.table_of(models.Store)
DEVICE = models.table_of(models.Device)
STAFF = models.table_of(models.StaffMember)
SESSION_COOKIE = "salon_session"


class SignInNeeded(Exception):
    """No live session: the page answers with the sign-in page."""


class PageNotFound(Exception):
    """Nothing there, or nothing of this account's: both look the same (404)."""


class FormRefused(Exception):
    """A POST without the session's CSRF token (403; nothing is changed)."""


def now_of(request: Request) -> datetime:
    now: datetime = request.app.state.settings.clock()
    return now


def optional_session(request: Request) -> Session | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    return sessions.find(engine_of(request), cookie, now_of(request))


def signed_in(session: Annotated[Session | None, Depends(optional_session)]) -> Session:
    if session is None:
        raise SignInNeeded()
    return session


def checked_form(
    session: Annotated[Session, Depends(signed_in)],
    csrf_token: Annotated[str, Form()] = "",
) -> Session:
    """The session of a POST that carries its CSRF token; else FormRefused before any change."""
    if not secrets.compare_digest(csrf_token.encode(), session.csrf_token.encode()):
        raise FormRefused()
    return session


def owner_only(session: Annotated[Session, Depends(signed_in)]) -> Session:
    if not session.account.is_owner:
        raise PageNotFound()
    return session


def store_scope(account: Account) -> ColumnElement[bool]:
    """The stores this account may see: an owner's own, a manager's managed ones."""
    if account.is_owner:
        return STORE.c.owner_id == account.id
    managed = select(MANAGED.c.store_id).where(MANAGED.c.manager_id == account.id)
    return STORE.c.id.in_(managed)


@dataclass(frozen=True)
class StoreRef:
    id: str
    name: str
    time_zone: str


def visible_store(
    store_id: str, request: Request, session: Annotated[Session, Depends(signed_in)]
) -> StoreRef:
    return _visible_store(engine_of(request), store_id, session.account)


def _visible_store(engine: Engine, store_id: str, account: Account) -> StoreRef:
    query = select(STORE.c.id, STORE.c.name, STORE.c.time_zone).where(
        STORE.c.id == store_id, store_scope(account)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise PageNotFound()
    return StoreRef(row.id, row.name, row.time_zone)


@dataclass(frozen=True)
class DeviceRef:
    id: str
    counter: str
    revoked: bool


def visible_device(
    device_id: str, request: Request, store: Annotated[StoreRef, Depends(visible_store)]
) -> DeviceRef:
    query = select(DEVICE.c.id, DEVICE.c.counter, DEVICE.c.revoked_at).where(
        DEVICE.c.id == device_id, DEVICE.c.store_id == store.id
    )
    with engine_of(request).connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise PageNotFound()
    return DeviceRef(row.id, row.counter, row.revoked_at is not None)


@dataclass(frozen=True)
class StaffRef:
    id: str
    name: str


def visible_staff(
    staff_id: str, request: Request, store: Annotated[StoreRef, Depends(visible_store)]
) -> StaffRef:
    """A staff member of this store; another store's (an id edited in the URL) is a 404."""
    query = select(STAFF.c.id, STAFF.c.name).where(
        STAFF.c.id == staff_id, STAFF.c.store_id == store.id
    )
    with engine_of(request).connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise PageNotFound()
    return StaffRef(row.id, row.name)


@dataclass(frozen=True)
class ManagerRef:
    id: str
    email: str


def own_manager(
    manager_id: str, request: Request, session: Annotated[Session, Depends(owner_only)]
) -> ManagerRef:
    """A manager account the signed-in owner made; anyone else's is a 404."""
    query = select(MANAGER.c.id, MANAGER.c.email).where(
        MANAGER.c.id == manager_id, MANAGER.c.owner_id == session.account.id
    )
    with engine_of(request).connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise PageNotFound()
    return ManagerRef(row.id, row.email)


def visible_store_ids(engine: Engine, account: Account, wanted: list[str]) -> list[str]:
    """`wanted` when every one is the account's; else PageNotFound (ids edited in a form)."""
    for store_id in wanted:
        _visible_store(engine, store_id, account)
    return wanted


CurrentSession = Annotated[Session, Depends(signed_in)]
PostedSession = Annotated[Session, Depends(checked_form)]
OwnerSession = Annotated[Session, Depends(owner_only)]
VisibleStore = Annotated[StoreRef, Depends(visible_store)]
VisibleDevice = Annotated[DeviceRef, Depends(visible_device)]
VisibleStaff = Annotated[StaffRef, Depends(visible_staff)]
OwnManager = Annotated[ManagerRef, Depends(own_manager)]
