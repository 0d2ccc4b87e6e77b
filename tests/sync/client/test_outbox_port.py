"""The counter's outbox as the sender sees it: batches in seq order within the limits, results
recorded, requeue, and a queue that can be neither edited nor discarded."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError

from salon_pos.db.models import OutboxOperation
from salon_pos.services.backend import Backend
from salon_pos.services.sync_outbox import CounterOutbox
from sync.protocol import MAX_BATCH_BYTES, MAX_BATCH_OPERATIONS
from sync.wire import OperationResult, PushRequest


def _outbox(backend: Backend) -> CounterOutbox:
    return CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)


def _add_customers(backend: Backend, count: int, notes: str = "") -> None:
    for i in range(count):
        backend.customers.add(f"客户{i}", f"1380013{i:04d}", notes=notes)


def _pending(backend: Backend) -> int:
    with backend.db.read() as session:
        return session.scalar(select(func.count()).where(OutboxOperation.pushed_at.is_(None))) or 0


def test_batch_is_in_seq_order_and_bounded_by_count(backend: Backend) -> None:
    _add_customers(backend, 12)
    batch = _outbox(backend).pending_batch(5, MAX_BATCH_BYTES)
    assert [op.seq for op in batch] == [1, 2, 3, 4, 5]
    assert all(op.type == "customer.created" for op in batch)
    assert all(op.device_id == backend.settings.current.device_id for op in batch)
    assert batch[0].payload["name"] == "客户0" and "hlc" in batch[0].payload


def test_batch_is_bounded_by_bytes_but_never_empty(backend: Backend) -> None:
    _add_customers(backend, 20, notes="过敏：" + "很长的备注" * 200)  # about 3 KB each
    outbox = _outbox(backend)
    batch = outbox.pending_batch(MAX_BATCH_OPERATIONS, 20_000)
    body = PushRequest(operations=batch).model_dump_json().encode()
    assert 1 < len(batch) < 20
    assert len(body) <= 20_000
    one = outbox.pending_batch(MAX_BATCH_OPERATIONS, 10)  # smaller than one operation
    assert len(one) == 1


def test_recorded_results_leave_the_queue_and_retry_later_stays(backend: Backend) -> None:
    _add_customers(backend, 4)
    outbox = _outbox(backend)
    batch = outbox.pending_batch(10, MAX_BATCH_BYTES)
    results = [
        OperationResult(id=batch[0].id, seq=batch[0].seq, status="applied"),
        OperationResult(id=batch[1].id, seq=batch[1].seq, status="rejected", reason="bad"),
    ]
    outbox.record_results(results)
    assert [op.id for op in outbox.pending_batch(10, MAX_BATCH_BYTES)] == [
        op.id for op in batch[2:]
    ]
    assert backend.sync.status().parked == 1
    assert backend.sync.status().pending == 2


def test_requeue_from_a_seq_sends_the_same_operations_again(backend: Backend) -> None:
    _add_customers(backend, 5)
    outbox = _outbox(backend)
    batch = outbox.pending_batch(10, MAX_BATCH_BYTES)
    outbox.record_results([OperationResult(id=op.id, seq=op.seq, status="applied") for op in batch])
    assert outbox.pending_batch(10, MAX_BATCH_BYTES) == []
    outbox.requeue_from(batch[2].seq)
    again = outbox.pending_batch(10, MAX_BATCH_BYTES)
    assert again == batch[2:]  # same ids, seqs, payloads


def test_queued_operations_cannot_be_edited_or_deleted(backend: Backend) -> None:
    _add_customers(backend, 1)
    with pytest.raises(IntegrityError, match="never discarded"), backend.db.write() as s:
        s.execute(delete(OutboxOperation))
    with pytest.raises(IntegrityError, match="not edited"), backend.db.write() as s:
        s.execute(update(OutboxOperation).values(payload="{}"))
    with backend.db.write() as s:  # only pushed_at and result may change
        s.execute(update(OutboxOperation).values(result="applied"))
    assert _pending(backend) == 1


def test_the_pending_query_uses_the_partial_index(backend: Backend) -> None:
    with backend.db.read_connection() as connection:
        plan = connection.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT id FROM outbox_operation "
                "WHERE pushed_at IS NULL ORDER BY seq LIMIT 200"
            )
        ).all()
    assert "ix_outbox_pending" in " ".join(str(row) for row in plan)
