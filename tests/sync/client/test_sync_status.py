"""The status bar's figures and the conflict inbox."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from salon_pos.db.models import AuditEntry, OutboxOperation
from salon_pos.domain.errors import InvalidChoice
from salon_pos.services.backend import Backend
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_status import (
    ConflictNotOpen,
    ConnectionState,
    ResolveNeedsManager,
    UnknownConflict,
)
from tests.conftest import FakeClock, Team
from tests.sync.client.feed import Feed


def _conflict(feed: Feed, conflict_id: str, kind: str, status: str = "open") -> dict[str, object]:
    data: dict[str, object] = {
        "id": conflict_id,
        "type": kind,
        "status": status,
        "entity": "customer",
        "entity_id": "c-1",
        "op_ids": ["op-1", "op-2"],
        "details": {"field": "name", "kept": "周敏", "other": "周女士"},
        "suggestion": "accept",
        "resolution": None,
        "resolved_by": None,
        "created_at": "2026-11-20T07:00:00+00:00",
        "resolved_at": None,
    }
    feed.add("conflict", conflict_id, data)
    return data


def _pull(backend: Backend, feed: Feed) -> None:
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    outbox.apply_changes(feed.changes, feed.changes[-1].seq)


def test_a_fresh_counter_is_not_enrolled_and_counts_its_queue(
    backend: Backend, clock: FakeClock
) -> None:
    start = clock.now()
    backend.customers.add("张三", "13800138000")
    clock.advance(minutes=5)
    backend.customers.add("李四", "13800138001")
    status = backend.sync.status()
    assert status.state is ConnectionState.NOT_ENROLLED and status.server_url is None
    assert status.pending == 2 and status.oldest_pending_at == start
    assert status.parked == 0 and status.open_conflicts == 0 and status.last_sync_at is None


def test_pulled_conflicts_are_listed_and_a_manager_resolves_one(
    backend: Backend, team: Team, clock: FakeClock
) -> None:
    feed = Feed()
    _conflict(feed, "k-1", "field_overwritten")
    _conflict(feed, "k-2", "duplicate_customer")
    _pull(backend, feed)
    assert backend.sync.status().open_conflicts == 2
    rows = backend.sync.conflicts()
    assert {r.id for r in rows} == {"k-1", "k-2"}
    assert rows[0].details["kept"] == "周敏" and rows[0].status == "open"
    with pytest.raises(ResolveNeedsManager):
        backend.sync.resolve("k-1", "accept", team.desk.id)
    with pytest.raises(InvalidChoice):
        backend.sync.resolve("k-2", "accept", team.manager.id)  # duplicates: merge or keep both
    with pytest.raises(UnknownConflict):
        backend.sync.resolve("k-9", "accept", team.manager.id)
    backend.sync.resolve("k-1", "use_other", team.manager.id)
    with pytest.raises(ConflictNotOpen):
        backend.sync.resolve("k-1", "accept", team.manager.id)
    assert [r.id for r in backend.sync.conflicts()] == ["k-2"]
    resolving = {r.id: r for r in backend.sync.conflicts(open_only=False)}["k-1"]
    assert resolving.status == "resolving" and resolving.resolution == "use_other"
    with backend.db.read() as session:
        op = session.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "conflict.resolved")
        ).one()
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "conflict.resolved")
        ).one()
    assert json.loads(op.payload) == {
        "conflict_id": "k-1",
        "resolution": "use_other",
        "note": "",
        "resolved_by": team.manager.id,
    }
    assert audit.actor_id == team.manager.id and audit.entity_id == "k-1"


def test_the_feed_confirms_a_resolution_but_a_stale_open_does_not_undo_it(
    backend: Backend, team: Team
) -> None:
    feed = Feed()
    _conflict(feed, "k-1", "price_mismatch")
    _pull(backend, feed)
    backend.sync.resolve("k-1", "accept", team.manager.id)
    _pull(backend, feed)  # the same "open" record again
    assert backend.sync.conflicts(open_only=False)[0].status == "resolving"
    _conflict(feed, "k-1", "price_mismatch", status="resolved")
    _pull(backend, feed)
    row = backend.sync.conflicts(open_only=False)[0]
    assert row.status == "resolved" and backend.sync.status().open_conflicts == 0


def test_status_after_rounds(backend: Backend, clock: FakeClock) -> None:
    backend.sync.record_attempt(ConnectionState.ONLINE, None)
    assert backend.sync.status().last_sync_at == clock.now()
    clock.advance(minutes=1)
    backend.sync.record_attempt(ConnectionState.OFFLINE, "离线")
    status = backend.sync.status()
    assert status.last_sync_at == clock.now() - timedelta(minutes=1)
    assert status.last_error == "离线"
    assert status.state is ConnectionState.NOT_ENROLLED  # still no server to talk to
