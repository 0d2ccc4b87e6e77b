"""Getting the store's key from the sync server, once per counter: at enrollment (or joining),
and at the start of a sync round while the server has not confirmed the key this counter holds
(a counter enrolled before the key existed, or whose first try failed).

A counter that sealed health data before it enrolled made its own key and offers it; if the
store already has another, everything this counter sealed (customers' rows, and operations
not pushed yet) is sealed again with the store's key before anything is pushed, so the server
and the other counters can open it. The same old value always becomes the same new value, so
an edit's `before` still matches what the server holds."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from salon_pos.db.database import Database
from salon_pos.db.models import Customer, OutboxOperation
from salon_pos.db.outbox import append_encoded
from salon_pos.domain.clock import Clock
from salon_pos.domain.customer_profile import SEALED_FIELDS
from salon_pos.domain.errors import UserError
from salon_pos.domain.sealed import CannotOpen, sealed_key_id
from salon_pos.security.field_crypto import StoreKey, StoreKeys, decode_key, encode_key
from salon_pos.services.sync_outbox import SUPERSEDED
from sync.client import ProtocolError, SyncClient
from sync.operations.customers import CUSTOMER_CREATED, CUSTOMER_UPDATED

log = logging.getLogger(__name__)


class StoreKeySettler:
    def __init__(self, db: Database, clock: Clock, keys: StoreKeys) -> None:
        self._db = db
        self._clock = clock
        self._keys = keys

    def settle(self, client: SyncClient, store_id: str, device_id: str) -> bool:
        """Ask the server for the store's key unless it has confirmed ours; True if asked.
        SyncError if the server cannot be asked (the round stops: nothing sealed with a key
        the store does not know is pushed)."""
        try:
            held = self._keys.load()
        except UserError as problem:  # the token was read a moment ago: a keyring gone odd
            log.warning("store key not read: %s", problem.text("en"))
            return False
        if held is not None and held.confirmed:
            return False
        offer = encode_key(held.key) if held is not None else None
        try:
            answer = client.store_key(store_id, device_id, offer)
        except ProtocolError as error:
            if error.status not in (404, 405):
                raise
            log.warning("the sync server gives no store key (an older version)")
            return False
        key = decode_key(answer.key)
        target = StoreKey(key) if held is None else held.replaced_by(key)
        self._keys.save(target)  # first: a crash below leaves a key that opens both
        if target.old:
            with self._db.write() as session:
                count = reseal(session, target, self._clock.now())
            log.info("sealed %d values again with the store's key", count)
        self._keys.save(replace(target, confirmed=True))
        return True


class _Resealer:
    """Seals again what an old key sealed; the same old value gives the same new one."""

    def __init__(self, key: StoreKey) -> None:
        self.key = key
        self.done: dict[str, str] = {}

    def __call__(self, value: Any, customer_id: str, name: str) -> Any:
        if not isinstance(value, str) or not value or sealed_key_id(value) == self.key.key_id:
            return value
        if value not in self.done:
            try:
                text = self.key.open(value, customer_id, name)
            except CannotOpen:
                log.warning("customer %s: %s sealed with a key never held here", customer_id, name)
                return value
            self.done[value] = self.key.seal(text, customer_id, name)
        return self.done[value]


def _queue_again(session: Session, op: OutboxOperation, payload: str, now: datetime) -> None:
    """A queued operation is a fact and is never edited: one the server never got is
    superseded and queued again, under the same seq (the order of the queue stays)."""
    session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.id == op.id)
        .values(result=SUPERSEDED, pushed_at=now)
    )
    append_encoded(
        session, op.device_id, op.type, op.payload_version, payload, op.occurred_at, op.seq
    )


def reseal(session: Session, key: StoreKey, now: datetime) -> int:
    """Seal with `key` every sealed value of the customers and of the unpushed customer
    operations that another key sealed; the number of values changed."""
    again = _Resealer(key)
    sealed_rows = session.execute(
        select(Customer.id, Customer.allergies, Customer.health_notes).where(
            or_(Customer.allergies != "", Customer.health_notes != "")
        )
    )
    for customer_id, *values in sealed_rows.all():
        new = {n: again(v, customer_id, n) for n, v in zip(SEALED_FIELDS, values, strict=True)}
        if list(new.values()) != values:
            session.execute(update(Customer).where(Customer.id == customer_id).values(**new))
    queued = session.scalars(
        select(OutboxOperation)
        .where(
            OutboxOperation.pushed_at.is_(None),
            OutboxOperation.type.in_((CUSTOMER_CREATED, CUSTOMER_UPDATED)),
        )
        .order_by(OutboxOperation.seq)
    )
    for op in queued.all():
        payload = json.loads(op.payload)
        created = op.type == CUSTOMER_CREATED
        parts = [payload] if created else [payload["changed"], payload.get("before", {})]
        before = json.dumps(payload)
        for part in parts:
            for name in SEALED_FIELDS:
                if name in part:
                    part[name] = again(part[name], payload["id"], name)
        if json.dumps(payload) != before:
            _queue_again(session, op, json.dumps(payload, ensure_ascii=False), now)
    return len(again.done)
