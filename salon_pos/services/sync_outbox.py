"""The counter's outbox as the sender sees it (sync.client.OutboxPort): each call is one short
transaction, so a sale at the counter never waits for the network."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session

from salon_pos.db.database import Database
from salon_pos.db.models import OutboxOperation, SyncConflict, SyncState
from salon_pos.domain.clock import Clock
from salon_pos.services import stock_snapshot
from salon_pos.services.changes import Changes
from salon_pos.services.sync_changes import apply_page, retry_parked
from salon_pos.services.sync_state import RESOLVING, ROW, sync_state
from sync.operations.conflicts import CHANGE_CONFLICT, CONFLICT_RESOLVED
from sync.operations.inventory import CHANGE_STOCK_MOVEMENT
from sync.protocol import CONFLICT_OPEN, REJECTED
from sync.pull import HistoryPull
from sync.wire import Change, Operation, OperationResult, StockSnapshot

_PENDING = (
    select(
        OutboxOperation.id,
        OutboxOperation.device_id,
        OutboxOperation.seq,
        OutboxOperation.type,
        OutboxOperation.occurred_at,
        OutboxOperation.payload_version,
        OutboxOperation.payload,
    )
    .where(OutboxOperation.pushed_at.is_(None))
    .order_by(OutboxOperation.seq)
)


# The final local result of an operation the server never received, sent again as a new one
# after this counter was found restored from a backup (services/sync_recovery.py).
SUPERSEDED = "superseded"

# An operation's bytes on the wire beyond its payload: ids, seq, type, time, keys (generous).
_ENVELOPE_BYTES = 320

# One executemany per batch of results (a statement per row cost more than the push itself).
_RECORD = (
    update(OutboxOperation)
    .where(OutboxOperation.id == bindparam("op_id"))
    .values(pushed_at=bindparam("pushed_at"), result=bindparam("result"))
)


def requeue_from(session: Session, device_id: str, seq: int) -> int:
    """Queue this device's live operations from `seq` on again, as they are (same ids, same
    seqs): the server has not got them, whatever it answered before. How many there were."""
    done = session.execute(
        update(OutboxOperation)
        .where(
            OutboxOperation.device_id == device_id,
            OutboxOperation.seq >= seq,
            OutboxOperation.result.is_distinct_from(SUPERSEDED),
        )
        .values(pushed_at=None, result=None)
    )
    return int(done.rowcount)  # type: ignore[attr-defined]


def _operation(row: tuple[str, str, int, str, datetime, int, str]) -> Operation:
    op_id, device_id, seq, op_type, occurred_at, version, payload = row
    return Operation(
        id=op_id,
        device_id=device_id,
        seq=seq,
        type=op_type,
        occurred_at=occurred_at,
        payload_version=version,
        payload=json.loads(payload),
    )


class CounterOutbox:
    """OutboxPort over this counter's database."""

    def __init__(self, db: Database, clock: Clock, device_id: str) -> None:
        self._db = db
        self._clock = clock
        self._device_id = device_id
        self.changed: list[Changes] = []  # since the last take_changes()

    def pending_batch(
        self, max_operations: int, max_bytes: int, after_seq: int = 0
    ) -> list[Operation]:
        query = _PENDING.where(
            OutboxOperation.device_id == self._device_id, OutboxOperation.seq > after_seq
        ).limit(max_operations)
        with self._db.read_connection() as connection:
            rows = connection.execute(query).all()
        batch: list[Operation] = []
        size = len('{"operations":[]}')
        for row in rows:
            size += len(row.payload.encode()) + _ENVELOPE_BYTES
            if batch and size > max_bytes:
                break
            batch.append(_operation(tuple(row)))  # type: ignore[arg-type]
        return batch

    def record_results(self, results: Sequence[OperationResult]) -> None:
        if not results:
            return
        now = self._clock.now()
        rows = [{"op_id": r.id, "pushed_at": now, "result": r.status} for r in results]
        refused = {r.id: r.reason or "" for r in results if r.status == REJECTED}
        with self._db.write_connection() as connection:
            connection.execute(_RECORD, rows)
            if refused:
                self.changed.append(reopen_refused_decisions(connection, refused))

    def requeue_from(self, seq: int) -> None:
        with self._db.write() as session:
            requeue_from(session, self._device_id, seq)

    def pull_cursor(self) -> int:
        with self._db.read() as session:
            state = session.get(SyncState, ROW)
            return state.pull_cursor if state is not None else 0

    def apply_changes(self, changes: Sequence[Change], cursor: int) -> int:
        with self._db.write() as session:
            outcome = apply_page(session, changes, cursor)
        self.changed.append(outcome.changes)
        return outcome.applied

    def history_pull(self) -> HistoryPull | None:
        with self._db.read() as session:
            state = session.get(SyncState, ROW)
            if state is None or state.history_until is None:
                return None
            return HistoryPull(state.history_until, state.history_cursor)

    def start_history(self, until: int | None, stock: StockSnapshot | None = None) -> None:
        with self._db.write() as session:
            stock_snapshot.supersede(session)  # a history begun again: its snapshot is void
            state = sync_state(session)
            state.history_until, state.history_cursor = until, 0
            if until is not None and stock is not None:
                held = ((s.product_id, s.batch_id, s.quantity) for s in stock.stock)
                stock_snapshot.take_snapshot(session, held)
        if stock is not None and stock.stock:
            self.changed.append(Changes.of(CHANGE_STOCK_MOVEMENT))

    def apply_history(self, changes: Sequence[Change], cursor: int) -> int:
        with self._db.write() as session:
            snapshot = stock_snapshot.snapshot_held(session)
            others = stock_snapshot.others_movements(changes, self._device_id) if snapshot else []
            before = stock_snapshot.held(session, others)
            outcome = apply_page(session, changes, None)
            stock_snapshot.history_arrived(session, [m for m in others if m not in before])
            state = sync_state(session)
            state.history_cursor = cursor
            if state.history_until is not None and cursor >= state.history_until:
                state.history_until = None  # the store's past is all here
                stock_snapshot.supersede(session)
        self.changed.append(outcome.changes)
        return outcome.applied

    def retry_parked_changes(self) -> int:
        with self._db.write() as session:
            counted = stock_snapshot.parked_in_snapshot(session, self._device_id)
            outcome = retry_parked(session)
            stock_snapshot.history_arrived(session, sorted(stock_snapshot.held(session, counted)))
        self.changed.append(outcome.changes)
        return outcome.applied

    def take_changes(self) -> Changes:
        """What the pulls since the last call changed (for the screens to refresh)."""
        changed, self.changed = self.changed, []
        return Changes.union(changed)


def reopen_refused_decisions(connection: Connection, refused: dict[str, str]) -> Changes:
    """A manager's decision the server refused (operation id → reason): the conflict is open
    again, with the reason to read, instead of "resolving" for ever."""
    decisions = connection.execute(
        select(OutboxOperation.id, OutboxOperation.payload).where(
            OutboxOperation.id.in_(list(refused)), OutboxOperation.type == CONFLICT_RESOLVED
        )
    ).all()
    reopened = []
    for op_id, payload in decisions:
        conflict_id = json.loads(payload)["conflict_id"]
        connection.execute(
            update(SyncConflict)
            .where(SyncConflict.id == conflict_id, SyncConflict.status == RESOLVING)
            .values(
                status=CONFLICT_OPEN,
                resolution=None,
                resolved_by=None,
                rejected_reason=refused[op_id] or "refused by the server",
            )
        )
        reopened.append(conflict_id)
    return Changes.of(CHANGE_CONFLICT, *reopened) if reopened else Changes()
