"""Nothing pulled is skipped for good: a change this counter cannot apply yet is parked, shown,
and applied on a later pull; a bug stops the page instead of passing for the change's fault;
a decision the server refuses reopens its conflict with the reason."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from salon_pos.db.models import (
    OutboxOperation,
    ParkedChange,
    Refund,
    SyncState,
    Ticket,
    TicketLine,
)
from salon_pos.services.backend import Backend
from salon_pos.services.sync_ops.registry import APPLIERS
from salon_pos.services.sync_outbox import CounterOutbox
from sync.wire import Change, OperationResult
from tests.conftest import Shelf, Team, three_line_sale
from tests.sync.client.feed import Feed
from tests.sync.client.test_sync_status import _conflict


def _outbox(backend: Backend) -> CounterOutbox:
    return CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)


def _parked(backend: Backend) -> dict[str, ParkedChange]:
    with backend.db.read() as session:
        return {p.entity_id: p for p in session.scalars(select(ParkedChange))}


def _cursor(backend: Backend) -> int:
    with backend.db.read() as session:
        state = session.get(SyncState, 1)
        return state.pull_cursor if state else 0


def _sale_and_refund(backend: Backend, team: Team, shelf: Shelf) -> str:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    with backend.db.read() as session:
        first = session.scalars(
            select(TicketLine.id).where(TicketLine.ticket_id == sale.ticket_id)
        ).first()
    assert first is not None
    pin, reason = Team.MANAGER_PIN, "过敏"
    backend.checkout.refund_lines(sale.ticket_id, {first: 1}, pin, reason, team.desk.id)
    return sale.ticket_id


def test_a_ticket_whose_staff_is_missing_waits_with_its_refund_until_the_staff_arrives(
    backend: Backend, other: Backend, team: Team, shelf: Shelf
) -> None:
    ticket_id = _sale_and_refund(backend, team, shelf)
    feed = Feed()
    changes = feed.from_outbox(backend)
    staff = [c for c in changes if c.entity == "staff"]
    rest = [c for c in changes if c.entity != "staff"]

    _outbox(other).apply_changes(rest, rest[-1].seq)  # the staff did not come (yet)

    parked = _parked(other)
    assert set(parked) == {ticket_id, *(c.entity_id for c in rest if c.entity == "refund")}
    assert _cursor(other) == rest[-1].seq  # the feed went on
    with other.db.read() as session:
        assert session.get(Ticket, ticket_id) is None

    _outbox(other).apply_changes(staff, max(c.seq for c in changes))
    applied = _outbox(other).retry_parked_changes()  # the next pull begins with this

    assert applied == 2 and _parked(other) == {}
    with other.db.read() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.status == "completed"
        assert session.scalars(select(Refund.ticket_id)).all() == [ticket_id]


def test_a_newer_change_of_a_parked_record_replaces_it(backend: Backend) -> None:
    feed = Feed()
    product = {"id": "p-1", "kind": "product", "category": "护肤品", "name": "精华", "price": 100}
    old = feed.add("catalog_item", "p-1", product)  # no sku: cannot be a product here
    _outbox(backend).apply_changes([old], old.seq)
    assert _parked(backend)["p-1"].seq == old.seq
    new = feed.add("catalog_item", "p-1", product | {"sku": "SKU-9", "price": 120})
    _outbox(backend).apply_changes([new], new.seq)
    assert _parked(backend) == {}
    assert {p.sku: p.price for p in backend.catalog.products()} == {"SKU-9": 120}


def test_a_bug_in_an_applier_stops_the_page_and_nothing_moves(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(session: object, change: Change) -> None:
        raise KeyError("price")  # a programming error, not the change's fault

    monkeypatch.setitem(APPLIERS, "catalog_item", broken)
    feed = Feed()
    item = {"id": "s-1", "kind": "service", "category": "美发", "name": "洗剪吹", "price": 6800}
    change = feed.add("catalog_item", "s-1", item)
    with pytest.raises(KeyError):
        _outbox(backend).apply_changes([change], change.seq)
    assert _cursor(backend) == 0 and _parked(backend) == {}


def test_a_decision_the_server_refuses_reopens_the_conflict_with_the_reason(
    backend: Backend, team: Team
) -> None:
    feed = Feed()
    _conflict(feed, "k-1", "field_overwritten")
    _outbox(backend).apply_changes(feed.changes, feed.changes[-1].seq)
    backend.sync.resolve("k-1", "use_other", team.manager.id)
    with backend.db.read() as session:
        op = session.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "conflict.resolved")
        ).one()
    assert json.loads(op.payload)["conflict_id"] == "k-1"
    refused = OperationResult(id=op.id, seq=op.seq, status="rejected", reason="unknown conflict")

    _outbox(backend).record_results([refused])

    [row] = backend.sync.conflicts()
    assert (row.id, row.status, row.resolution) == ("k-1", "open", None)
    assert row.rejected_reason == "unknown conflict"
    backend.sync.resolve("k-1", "accept", team.manager.id)  # the manager decides again
