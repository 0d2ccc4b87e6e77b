"""Web-console accounts: owners (made at the command line) and the store managers an owner
makes; signing in with the lock after five wrong passwords; password changes.

Each function is one transaction; the routes call them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select, update

from sync.server import models
from sync.server.batch import new_server_id
from sync.server.db import write_transaction
from sync.server.security import hash_password, password_matches

OWNER = models.table_of(models.Owner)
MANAGER = models.table_of(models.StoreManager)
MANAGED = models.table_of(models.ManagedStore)
FAILURE = models.table_of(models.LoginFailure)
SESSION = models.table_of(models.WebSession)

MAX_FAILURES = 5
LOCK = timedelta(minutes=15)
MIN_PASSWORD = 8
# Compared against when the email is unknown, so a wrong email costs the same time as a wrong
# password and does not tell which emails have accounts.
_DECOY_HASH = hash_password("not anybody's password")


@dataclass(frozen=True)
class Account:
    id: str
    kind: str  # owner, manager
    email: str
    owner_id: str  # the owner's own id, or the owner who made the manager

    @property
    def is_owner(self) -> bool:
        return self.kind == "owner"


class SignInRefused(Exception):
    """Wrong email or password; `locked_until` is set when the account is locked."""

    def __init__(self, locked_until: datetime | None = None) -> None:
        super().__init__("sign-in refused")
        self.locked_until = locked_until


def _find(connection: Connection, email: str) -> tuple[Account, str] | None:
    owner = connection.execute(
        select(OWNER.c.id, OWNER.c.password_hash).where(OWNER.c.email == email)
    ).first()
    if owner is not None:
        return Account(owner.id, "owner", email, owner.id), owner.password_hash
    manager = connection.execute(
        select(MANAGER.c.id, MANAGER.c.owner_id, MANAGER.c.password_hash).where(
            MANAGER.c.email == email
        )
    ).first()
    if manager is not None:
        return Account(manager.id, "manager", email, manager.owner_id), manager.password_hash
    return None


def sign_in(engine: Engine, email: str, password: str, now: datetime) -> Account:
    """The account, or SignInRefused. A locked account is refused even with the right password;
    the fifth wrong password in a row locks it for 15 minutes. The password is checked outside
    the write transaction (argon2 takes a while; SQLite's write lock is shared with the
    counters), and the lock is checked again inside it."""
    email = email.strip().lower()
    with engine.connect() as connection:
        found = _find(connection, email)
        locked = None if found is None else _locked_until(connection, found[0].id, now)
    if found is None:
        password_matches(_DECOY_HASH, password)
        raise SignInRefused()
    if locked is not None:
        raise SignInRefused(locked)
    account, password_hash = found
    right = password_matches(password_hash, password)
    with write_transaction(engine) as connection:
        failures = connection.execute(
            select(FAILURE.c.failures).where(FAILURE.c.account_id == account.id).with_for_update()
        ).scalar()
        locked = _locked_until(connection, account.id, now)
        if right and locked is None:
            connection.execute(delete(FAILURE).where(FAILURE.c.account_id == account.id))
            return account
        if locked is None:
            count = (failures or 0) + 1
            locked = now + LOCK if count >= MAX_FAILURES else None
            values = {"failures": 0 if locked else count, "locked_until": locked}
            if failures is None:
                connection.execute(insert(FAILURE).values(account_id=account.id, **values))
            else:
                connection.execute(
                    update(FAILURE).where(FAILURE.c.account_id == account.id).values(values)
                )
    # Outside the transaction: the count is kept although the answer is a refusal.
    raise SignInRefused(locked)


def _locked_until(connection: Connection, account_id: str, now: datetime) -> datetime | None:
    until = connection.execute(
        select(FAILURE.c.locked_until).where(FAILURE.c.account_id == account_id)
    ).scalar()
    return until if until is not None and until > now else None


def change_password(
    engine: Engine, account: Account, old: str, new: str, keep_session: str
) -> bool:
    """False when `old` is wrong. Signs the account out everywhere but `keep_session`."""
    table = OWNER if account.is_owner else MANAGER
    with write_transaction(engine) as connection:
        current = connection.execute(
            select(table.c.password_hash).where(table.c.id == account.id)
        ).scalar_one()
        if not password_matches(current, old):
            return False
        connection.execute(
            update(table).where(table.c.id == account.id).values(password_hash=hash_password(new))
        )
        connection.execute(
            delete(SESSION).where(
                SESSION.c.account_id == account.id, SESSION.c.id_hash != keep_session
            )
        )
    return True


def email_taken(engine: Engine, email: str) -> bool:
    with engine.connect() as connection:
        return _find(connection, email.strip().lower()) is not None


def create_manager(
    engine: Engine, owner_id: str, email: str, password: str, store_ids: list[str], now: datetime
) -> str:
    """A manager of `store_ids` (the caller checked they are the owner's)."""
    manager_id = new_server_id()
    with write_transaction(engine) as connection:
        connection.execute(
            insert(MANAGER).values(
                id=manager_id,
                owner_id=owner_id,
                email=email.strip().lower(),
                password_hash=hash_password(password),
                created_at=now,
            )
        )
        connection.execute(
            insert(MANAGED), [{"manager_id": manager_id, "store_id": s} for s in store_ids]
        )
    return manager_id


def remove_manager(engine: Engine, manager_id: str) -> None:
    """The account, its stores, its sessions and its wrong-password count, all gone."""
    with write_transaction(engine) as connection:
        connection.execute(delete(SESSION).where(SESSION.c.account_id == manager_id))
        connection.execute(delete(FAILURE).where(FAILURE.c.account_id == manager_id))
        connection.execute(delete(MANAGED).where(MANAGED.c.manager_id == manager_id))
        connection.execute(delete(MANAGER).where(MANAGER.c.id == manager_id))
