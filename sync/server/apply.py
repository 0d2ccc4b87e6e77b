"""Apply one pushed batch in one transaction (docs/sync.md, "Push, on the server").

Fast path: handlers add rows to a BatchWriter, written with one executemany per table. If that
fails (a row the database refuses), the transaction is rolled back and the batch is applied
again one operation at a time, each in a savepoint, so the culprit is rejected and parked and
the rest go through."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import (
    CompoundSelect,
    Connection,
    Engine,
    and_,
    func,
    null,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from sync.operations import OPERATIONS
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED
from sync.protocol import APPLIED, APPLIED_WITH_FLAGS, DUPLICATE, REJECTED
from sync.server import models
from sync.server.batch import BatchWriter, Rejected
from sync.server.chain import STORE_PRICE, sold_by
from sync.server.context import BatchCache, OpContext
from sync.server.db import dump_json, fast_json, load_json, write_transaction
from sync.server.handlers.customers import CUSTOMER, phone_holder_query
from sync.server.handlers.day_close import settle_closed_days
from sync.server.handlers.inventory import moved_products, prefetch_stock
from sync.server.handlers.members import prefetch_balances, prefetch_expiring
from sync.server.handlers.registry import resolve
from sync.server.tiers import refresh_tiers
from sync.wire import Operation, OperationResult

log = logging.getLogger("sync.server.apply")
STORE = models.table_of(models.Store)
DEVICE = models.table_of(models.Device)
APPLIED_OP = models.table_of(models.AppliedOperation)
ALERT = models.table_of(models.Alert)
TICKET = models.table_of(models.Ticket)
CATALOG = models.table_of(models.CatalogItem)
ALIAS = models.table_of(models.CatalogAlias)
UNAVAILABLE = (OperationalError, InterfaceError, DisconnectionError)


class StorageUnavailable(Exception):
    """The database cannot be reached or is busy: nothing of the batch was written."""


@dataclass
class PushOutcome:
    results: list[OperationResult]
    cursor: int
    resend_from: int | None
    counts: Counter[str] = field(default_factory=Counter)
    careful: bool = False


@dataclass(frozen=True)
class Stored:
    op_id: str
    payload_hash: str
    conflict_ids: list[str]
    reason: str | None
    status: str = APPLIED


def payload_text(op: Operation) -> str:
    """Stable for a replay: a counter resends the very text it stored, so keys come in the
    same order (and the hash is of that text, not of a sorted re-encoding)."""
    return fast_json(op.payload)


def payload_hash(op: Operation, text: str | None = None) -> str:
    """What a replay is compared by: type, version and canonical payload."""
    text = payload_text(op) if text is None else text
    return hashlib.sha256(f"{op.type}\n{op.payload_version}\n{text}".encode()).hexdigest()


def printable(text: str, limit: int = 500) -> str:
    """A reason safe to store anywhere: no NUL, no lone surrogates."""
    return "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else "?" for c in text)[
        :limit
    ]


def apply_push(
    engine: Engine,
    store_id: str,
    device_id: str,
    ops: list[Operation],
    now: datetime,
    deduplicate: bool = True,
) -> PushOutcome:
    run = BatchRun(store_id, device_id, ops, now, deduplicate)
    try:
        return run.apply(engine, careful=False)
    except UNAVAILABLE as error:
        raise StorageUnavailable(str(error)) from error
    except Exception:
        log.warning("batch refused by the database; applying one by one", exc_info=True)
    try:
        return BatchRun(store_id, device_id, ops, now, deduplicate).apply(engine, careful=True)
    except UNAVAILABLE as error:
        raise StorageUnavailable(str(error)) from error


@dataclass
class BatchRun:
    store_id: str
    device_id: str
    ops: list[Operation]
    now: datetime
    deduplicate: bool

    def apply(self, engine: Engine, careful: bool) -> PushOutcome:
        with write_transaction(engine) as connection:
            return self._apply(connection, careful)

    def _apply(self, connection: Connection, careful: bool) -> PushOutcome:
        change_seq = connection.execute(
            select(STORE.c.change_seq)
            .where(STORE.c.id == self.store_id)
            .with_for_update(key_share=True)
        ).scalar_one()
        cursor = connection.execute(
            select(DEVICE.c.cursor).where(DEVICE.c.id == self.device_id)
        ).scalar_one()
        writer = BatchWriter(connection, self.store_id, self.now, change_seq)
        fresh = [o for o in self.ops if o.seq > cursor or not self.deduplicate]
        cache = prefetch(connection, self.store_id, fresh)
        stored = stored_results(
            connection, self.device_id, [o.seq for o in self.ops if o.seq <= cursor]
        )
        outcome = PushOutcome([], cursor, None, careful=careful)
        for op in self.ops:
            if op.seq <= outcome.cursor and self.deduplicate:
                outcome.results.append(self._replay(writer, op, stored.get(op.seq)))
            elif op.seq > outcome.cursor + 1:
                outcome.resend_from = outcome.cursor + 1
                break
            else:
                text = payload_text(op)
                digest = payload_hash(op, text)
                result = self._apply_one(writer, cache, op, careful)
                if op.seq > outcome.cursor:
                    writer.add(APPLIED_OP, self._result_row(op, result, text, digest))
                    if careful:
                        writer.flush()
                stored[op.seq] = Stored(
                    op.id, digest, result.conflict_ids, result.reason, result.status
                )
                outcome.results.append(result)
                outcome.cursor = max(outcome.cursor, op.seq)
            outcome.counts[outcome.results[-1].status] += 1
        writer.flush()
        refresh_tiers(writer, cache.standing_changed)
        settle_closed_days(writer, cache.closes, cache.days_touched)
        connection.execute(
            update(DEVICE)
            .where(DEVICE.c.id == self.device_id)
            .values(cursor=outcome.cursor, last_push_at=self.now)
        )
        if writer.change_seq != change_seq:
            connection.execute(
                update(STORE)
                .where(STORE.c.id == self.store_id)
                .values(change_seq=writer.change_seq)
            )
        return outcome

    def _replay(self, writer: BatchWriter, op: Operation, prior: Stored | None) -> OperationResult:
        if prior is None or prior.op_id != op.id or prior.payload_hash != payload_hash(op):
            details = {
                "seq": op.seq,
                "op_id": op.id,
                "stored_op_id": prior.op_id if prior else None,
                "payload": op.payload,
            }
            writer.add(
                ALERT,
                {
                    "store_id": self.store_id,
                    "device_id": self.device_id,
                    "op_id": op.id,
                    "kind": "replay_differs",
                    "details": dump_json(details),
                    "created_at": self.now,
                },
            )
        if prior is None or prior.op_id != op.id:
            # Not a replay: another operation under a used number (a counter restored from a
            # backup, or a copied PC). Never "duplicate": that would mark a sale delivered that
            # the server never applied. Refused, and the alert above keeps its payload.
            used_by = prior.op_id if prior else "an operation no longer on record"
            return OperationResult(
                id=op.id,
                seq=op.seq,
                status=REJECTED,
                reason=f"sequence number {op.seq} was already used by {used_by}",
            )
        # A parked operation stays "rejected" when asked again (its first answer may have been
        # lost): the counter must still count it as refused, not as delivered.
        rejected = prior.status == REJECTED
        return OperationResult(
            id=op.id,
            seq=op.seq,
            status=REJECTED if rejected else DUPLICATE,
            conflict_ids=prior.conflict_ids,
            reason=prior.reason,
        )

    def _apply_one(
        self, writer: BatchWriter, cache: BatchCache, op: Operation, careful: bool
    ) -> OperationResult:
        if _reads(op):
            writer.flush()  # before the mark: a rewind must never reach rows already flushed
        mark = writer.mark()
        status: Literal["applied", "applied_with_flags", "rejected"]
        try:
            if careful:
                with writer.connection.begin_nested():
                    conflict_ids = run_handler(writer, cache, op, self.now)
                    writer.flush()
            else:
                conflict_ids = run_handler(writer, cache, op, self.now)
            status, reason = (APPLIED_WITH_FLAGS if conflict_ids else APPLIED), None
        except Rejected as rejected:
            writer.rewind(mark)
            cache.forget_balances()
            conflict_ids, status, reason = [], REJECTED, printable(rejected.reason)
        except UNAVAILABLE:
            raise
        except Exception as error:
            if not careful:
                raise
            log.exception("operation %s could not be stored", op.id)
            writer.rewind(mark)
            cache.customers.clear()  # it may have noted rows that were not written
            cache.phone_holders.clear()
            cache.forget_balances()
            conflict_ids, status = [], REJECTED
            reason = printable(f"could not be stored: {type(error).__name__}")
        return OperationResult(
            id=op.id, seq=op.seq, status=status, conflict_ids=conflict_ids, reason=reason
        )

    def _result_row(
        self, op: Operation, result: OperationResult, text: str, digest: str
    ) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": op.seq,
            "id": op.id,
            "store_id": self.store_id,
            "type": op.type,
            "payload_version": op.payload_version,
            "occurred_at": op.occurred_at,
            # Only a parked operation keeps its payload (for the person who looks at it); an
            # applied one lives on in the tables its handler wrote, and its hash is enough to
            # recognise a replay. Writing every payload a third time cost a fifth of a push.
            "payload": text if result.status == REJECTED else "",
            "payload_hash": digest,
            "status": result.status,
            "conflict_ids": dump_json(result.conflict_ids),
            "reason": result.reason,
            "applied_at": self.now,
        }


def _reads(op: Operation) -> bool:
    found = resolve(op.type, op.payload_version)
    return found is not None and found.spec.reads


def run_handler(writer: BatchWriter, cache: BatchCache, op: Operation, now: datetime) -> list[str]:
    found = resolve(op.type, op.payload_version)
    if found is None:
        if op.type not in OPERATIONS:
            raise Rejected(f"unknown operation type {op.type!r}")
        raise Rejected(f"unknown payload version {op.payload_version} of {op.type}")
    try:
        payload = found.payload(op.payload)
    except ValidationError as error:
        raise Rejected(f"malformed payload: {error}") from None
    # A handler that reads finds the batch flushed: _apply_one did it, before its mark.
    return found.spec.handle(OpContext(writer, cache, op, now), payload)


def prefetch(connection: Connection, store_id: str, ops: list[Operation]) -> BatchCache:
    """Tickets already known and the catalog prices of the items sold; customers already known
    and who holds the phones of those created; the member balances of the customers whose
    entries the batch carries; the stock of the products it moves: a query each."""
    ticket_ids: set[str] = set()
    item_ids: set[str] = set()
    customer_ids: set[str] = set()
    phones: set[str] = set()
    ledgers: set[str] = set()
    products: set[str] = set()
    for op in ops:
        products |= moved_products(op.payload)
        entries = op.payload.get("entries")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("customer_id"), str):
                ledgers.add(entry["customer_id"])
        if op.type == CUSTOMER_CREATED:
            customer_ids.add(str(op.payload.get("id")))
            phones.add(str(op.payload.get("phone")))
        if op.type != SALE_COMPLETED:
            continue
        if isinstance(op.payload.get("id"), str):
            ticket_ids.add(op.payload["id"])
        lines = op.payload.get("lines")
        for line in lines if isinstance(lines, list) else []:
            if isinstance(line, dict) and isinstance(line.get("item_id"), str):
                item_ids.add(line["item_id"])
    cache = BatchCache()
    if products:
        cache.stock, cache.aliases, cache.kept = prefetch_stock(connection, store_id, products)
    if ledgers:
        cache.balances = prefetch_balances(connection, store_id, ledgers)
        cache.ledgers = ledgers
        cache.expiring = prefetch_expiring(connection, store_id, ledgers)
    if ticket_ids:
        found = select(TICKET.c.id, TICKET.c.store_id, TICKET.c.op_id).where(
            TICKET.c.id.in_(ticket_ids)
        )
        cache.tickets = {row.id: (row.store_id, row.op_id) for row in connection.execute(found)}
    if item_ids:
        for row in connection.execute(_prices_query(store_id, item_ids)):
            cache.prices[row.id] = row.price
            if row.kept is not None:
                cache.aliases[row.id] = row.kept
    if customer_ids:
        cache.customers = dict.fromkeys(customer_ids)
        known = select(CUSTOMER.c.id, CUSTOMER.c.store_id).where(CUSTOMER.c.id.in_(customer_ids))
        cache.customers.update({row.id: row.store_id for row in connection.execute(known)})
        cache.phone_holders = dict.fromkeys(phones)
        holders = connection.execute(phone_holder_query(store_id, sorted(phones)))
        cache.phone_holders.update({row.phone: row.id for row in holders})
    return cache


def _prices_query(store_id: str, item_ids: set[str]) -> CompoundSelect[tuple[str, int, str | None]]:
    """Prices of the items sold, by their own id or by an alias (then with the item kept): one
    query a batch."""
    mine = and_(STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == CATALOG.c.id)
    price = func.coalesce(STORE_PRICE.c.price, CATALOG.c.price).label("price")  # chain: store price
    own = (
        select(CATALOG.c.id, price, null().label("kept"))
        .outerjoin(STORE_PRICE, mine)
        .where(sold_by(store_id), CATALOG.c.id.in_(item_ids))
    )
    aliased = (
        select(ALIAS.c.alias_id, price, ALIAS.c.item_id)
        .join(CATALOG, CATALOG.c.id == ALIAS.c.item_id)
        .outerjoin(STORE_PRICE, mine)
        .where(ALIAS.c.store_id == store_id, ALIAS.c.alias_id.in_(item_ids))
    )
    return union_all(own, aliased)


def stored_results(connection: Connection, device_id: str, seqs: list[int]) -> dict[int, Stored]:
    if not seqs:
        return {}
    rows = connection.execute(
        select(
            APPLIED_OP.c.seq,
            APPLIED_OP.c.id,
            APPLIED_OP.c.payload_hash,
            APPLIED_OP.c.conflict_ids,
            APPLIED_OP.c.reason,
            APPLIED_OP.c.status,
        ).where(APPLIED_OP.c.device_id == device_id, APPLIED_OP.c.seq.in_(seqs))
    )
    return {
        row.seq: Stored(
            row.id, row.payload_hash, load_json(row.conflict_ids), row.reason, row.status
        )
        for row in rows
    }
