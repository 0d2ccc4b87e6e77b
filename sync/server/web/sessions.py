"""Browser sessions kept in the database: the cookie holds a random id and only its SHA-256
is stored, with the session's CSRF token, its expiry and when it was last used."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from sync.server import models
from sync.server.db import write_transaction
from sync.server.security import sha256_hex
from sync.server.web.accounts import MANAGER, OWNER, Account

SESSION = models.table_of(models.WebSession)
LIFETIME = timedelta(hours=12)  # signed in for a working day at most
IDLE = timedelta(hours=2)  # and out after two hours without a page
TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often


@dataclass(frozen=True)
class Session:
    id_hash: str
    account: Account
    csrf_token: str


def start(engine: Engine, account: Account, now: datetime) -> str:
    """A new session; returns the cookie's value (never stored)."""
    session_id = secrets.token_urlsafe(32)
    with write_transaction(engine) as connection:
        connection.execute(delete(SESSION).where(SESSION.c.expires_at <= now))
        connection.execute(
            insert(SESSION).values(
                id_hash=sha256_hex(session_id),
                account_id=account.id,
                account_kind=account.kind,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + LIFETIME,
                last_seen_at=now,
            )
        )
    return session_id


def find(engine: Engine, session_id: str, now: datetime) -> Session | None:
    """The live session of this cookie value, or None (unknown, expired or idle too long)."""
    id_hash = sha256_hex(session_id)
    with engine.connect() as connection:
        row = connection.execute(select(SESSION).where(SESSION.c.id_hash == id_hash)).first()
        if row is None or row.expires_at <= now or row.last_seen_at + IDLE <= now:
            return None
        account = _account(connection, row.account_kind, row.account_id)
    if account is None:
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        with write_transaction(engine) as connection:
            connection.execute(
                update(SESSION).where(SESSION.c.id_hash == id_hash).values(last_seen_at=now)
            )
    return Session(id_hash, account, row.csrf_token)


def _account(connection: Connection, kind: str, account_id: str) -> Account | None:
    if kind == "owner":
        email = connection.execute(select(OWNER.c.email).where(OWNER.c.id == account_id)).scalar()
        return None if email is None else Account(account_id, kind, email, account_id)
    row = connection.execute(
        select(MANAGER.c.email, MANAGER.c.owner_id).where(MANAGER.c.id == account_id)
    ).first()
    return None if row is None else Account(account_id, kind, row.email, row.owner_id)


def end(engine: Engine, id_hash: str) -> None:
    with write_transaction(engine) as connection:
        connection.execute(delete(SESSION).where(SESSION.c.id_hash == id_hash))
