"""Each sync round asks whether the server lost operations it had confirmed (it was restored
from a backup; services/sync_recovery.py): the usual round answers with two index lookups,
however long the queue and the history (SQLite's work counted, tests/sqlite_work.py); a server
that lost some gets them queued again, unchanged."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from salon_pos.services.backend import Backend
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.sync_home import Home
from salon_pos.services.sync_recovery import CounterGuard
from tests.sqlite_work import steps_of

AT = datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None).isoformat(" ")  # as stored


def queue(backend: Backend, first: int, pushed: int, pending: int) -> None:
    """Operations `first` … as if sold here: `pushed` confirmed, then `pending` waiting."""
    device = backend.settings.current.device_id
    rows = [
        {
            "id": f"op-{seq:08d}",
            "device": device,
            "seq": seq,
            "at": AT,
            "pushed": AT if seq < first + pushed else None,
            "result": "applied" if seq < first + pushed else None,
        }
        for seq in range(first, first + pushed + pending)
    ]
    with backend.db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO outbox_operation (id, device_id, seq, type, occurred_at,"
                " payload_version, payload, pushed_at, result)"
                " VALUES (:id, :device, :seq, 'customer.created', :at, 1, '{}',"
                " :pushed, :result)"
            ),
            rows,
        )


def check(backend: Backend, cursor: int) -> int:
    guard = CounterGuard(backend.db, backend.clock, Home.of(backend.db.path, "test"), "A1")
    guard._resend_what_the_server_lost(cursor, backend.settings.current.device_id)
    return guard.last_requeued


def test_the_usual_round_does_not_walk_the_queue_or_the_history(backend: Backend) -> None:
    queue(backend, 1, pushed=100, pending=100)
    small = steps_of(backend.db.engine, lambda: check(backend, 100))
    queue(backend, 201, pushed=0, pending=20_000)  # a long day offline
    longer_queue = steps_of(backend.db.engine, lambda: check(backend, 100))
    assert small > 0 and longer_queue < 1.5 * small
    assert outbox_status(backend.db).pending == 20_100  # nothing was touched


def test_what_a_restored_server_lost_is_queued_again_as_it_was(backend: Backend) -> None:
    queue(backend, 1, pushed=30, pending=2)
    assert check(backend, 25) == 7  # 26 … 30 confirmed and lost there, 31 and 32 waiting
    with backend.db.engine.connect() as connection:
        waiting = connection.execute(
            text("SELECT seq, id FROM outbox_operation WHERE pushed_at IS NULL ORDER BY seq")
        ).all()
    assert [(seq, op_id) for seq, op_id in waiting] == [(s, f"op-{s:08d}") for s in range(26, 33)]
    assert check(backend, 25) == 0  # once queued, nothing more to do
