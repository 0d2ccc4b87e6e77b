"""Versioned handlers: an operation queued under an older payload version is applied after the
payload moved on (upgraded step by step to the version the handler takes), on SQLite and
PostgreSQL. The "upgrade" happens inside the test: version 2 of customer.created is declared,
its handler registered and the counter's builder switched — with version 1 operations queued."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest
from sqlalchemy import select

from salon_pos.db.models import OutboxOperation, ParkedChange, Refund, Ticket, TicketLine
from salon_pos.services.backend import Backend
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.sync_ops import customers as customer_ops
from salon_pos.services.sync_ops.registry import APPLIERS
from salon_pos.services.sync_outbox import CounterOutbox
from sync.operations import OPERATIONS, REGISTRY
from sync.operations.customers import CUSTOMER_CREATED, CustomerCreated
from sync.operations.sales import CHANGE_REFUND
from sync.server.context import OpContext
from sync.server.handlers import customers as customer_handlers
from sync.server.handlers.registry import HANDLERS, HandlerSpec
from sync.wire import Change, OperationResult
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.sync.client.feed import open_counter
from tests.sync.server.conftest import Device, Server


class CustomerCreatedV2(CustomerCreated):
    source: Literal["walk_in", "referral", "online", "unknown"]


def _v1_to_v2(v1: CustomerCreated) -> CustomerCreatedV2:
    return CustomerCreatedV2(**v1.model_dump(), source="unknown")


def move_to_v2(monkeypatch: pytest.MonkeyPatch, seen: list[str]) -> None:
    """What an upgrade of both sides does: v2 declared with the step from v1, the server's
    handler taking v2 only, the counter building v2."""
    kind = dataclasses.replace(
        OPERATIONS[CUSTOMER_CREATED],
        versions={1: CustomerCreated, 2: CustomerCreatedV2},
        upgrades={1: _v1_to_v2},
    )
    monkeypatch.setitem(REGISTRY.operations, CUSTOMER_CREATED, kind)
    monkeypatch.setitem(REGISTRY._by_model, CustomerCreatedV2, kind)
    v1 = HANDLERS[(CUSTOMER_CREATED, 1)]
    monkeypatch.delitem(HANDLERS, (CUSTOMER_CREATED, 1))

    def handle_v2(ctx: OpContext, new: CustomerCreatedV2) -> list[str]:
        seen.append(new.source)
        return customer_handlers.customer_created(ctx, new)

    monkeypatch.setitem(
        HANDLERS, (CUSTOMER_CREATED, 2), HandlerSpec(kind, 2, handle_v2, True, v1.writes)
    )
    build_v1: Callable[[CustomerProfile, str], CustomerCreated] = customer_ops.customer_created

    def build_v2(profile: CustomerProfile, hlc: str) -> CustomerCreatedV2:
        return CustomerCreatedV2(**build_v1(profile, hlc).model_dump(), source="referral")

    monkeypatch.setattr(customer_ops, "customer_created", build_v2)


def drain(server: Server, device: Device, counter: Backend) -> list[OperationResult]:
    """Push the counter's whole outbox, batch by batch, recording the answers as the sender does."""
    outbox = CounterOutbox(counter.db, counter.clock, counter.settings.current.device_id)
    results: list[OperationResult] = []
    while batch := outbox.pending_batch(400, 512 * 1024):
        answer = server.push(device, [op.model_dump(mode="json") for op in batch])
        done = [OperationResult.model_validate(r) for r in answer["results"]]
        outbox.record_results(done)
        results += done
    return results


def test_v1_operations_queued_before_an_upgrade_drain_beside_v2_ones(
    server: Server, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = server.enroll(device_id=backend.settings.current.device_id)
    for i in range(3):
        backend.customers.add(f"老客{i}", f"1390000000{i}")
    seen: list[str] = []
    move_to_v2(monkeypatch, seen)
    for i in range(2):
        backend.customers.add(f"新客{i}", f"1380000000{i}")
    with backend.db.read() as session:
        versions = session.scalars(
            select(OutboxOperation.payload_version).order_by(OutboxOperation.seq)
        ).all()
    assert versions == [1, 1, 1, 2, 2]

    results = drain(server, device, backend)

    assert [r.status for r in results] == ["applied"] * 5
    assert seen == ["unknown"] * 3 + ["referral"] * 2  # v1 upgraded on the way in
    assert server.count("SELECT count(*) FROM customer WHERE store_id = :s", s=server.store_id) == 5


def test_a_version_nothing_takes_is_parked_with_the_reason(server: Server, device: Device) -> None:
    op = device.op(CUSTOMER_CREATED, {"id": "c-9", "name": "王", "phone": "139", "hlc": "x"})
    op["payload_version"] = 7
    [result] = server.push(device, [op])["results"]
    assert result["status"] == "rejected"
    assert result["reason"] == "unknown payload version 7 of customer.created"


def test_an_older_counter_keeps_a_change_it_does_not_know_and_applies_it_once_upgraded(
    server: Server,
    backend: Backend,
    team: Team,
    shelf: Shelf,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seller = server.enroll(device_id=backend.settings.current.device_id)
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    with backend.db.read() as session:
        line = session.scalars(select(TicketLine.id).where(TicketLine.ticket_id == sale.ticket_id))
        first = line.first()
    assert first is not None
    backend.checkout.refund_lines(sale.ticket_id, {first: 1}, "8888", "过敏", team.desk.id)
    assert {r.status for r in drain(server, seller, backend)} == {"applied"}
    older = open_counter(tmp_path / "b1", migrated_template, clock, "B1")
    reader = server.enroll(device_id=older.settings.current.device_id)
    try:
        monkeypatch.delitem(APPLIERS, CHANGE_REFUND)  # this counter's app predates refunds
        feed = [Change.model_validate(c) for c in server.pull(reader)["changes"]]
        outbox = CounterOutbox(older.db, older.clock, older.settings.current.device_id)
        outbox.apply_changes(feed, feed[-1].seq)
        with older.db.read() as session:
            parked = session.scalars(select(ParkedChange.entity)).all()
            assert parked == [CHANGE_REFUND] and session.scalar(select(Refund.id)) is None
            assert session.get(Ticket, sale.ticket_id) is not None

        monkeypatch.undo()  # the upgrade
        assert outbox.retry_parked_changes() == 1

        with older.db.read() as session:
            assert session.scalars(select(ParkedChange)).all() == []
            assert session.scalars(select(Refund.ticket_id)).all() == [sale.ticket_id]
    finally:
        older.close()
