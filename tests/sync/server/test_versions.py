"""Versioned handlers: an operation queued under an older payload version is applied after the
payload moved on (upgraded step by step to the version the handler takes), on SQLite and
PostgreSQL. The "upgrade" happens inside the test: version 3 of customer.created is declared,
its handler registered and the counter's builder switched — with version 2 operations queued.
(Version 2, the profile, is real: a version-1 payload goes through both steps.)"""

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
from sync.operations.customers import CUSTOMER_CREATED, CustomerCreatedV2
from sync.operations.sales import CHANGE_REFUND
from sync.server.context import OpContext
from sync.server.handlers import customers as customer_handlers
from sync.server.handlers.registry import HANDLERS, HandlerSpec
from sync.wire import Change, OperationResult
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.sync.client.feed import open_counter
from tests.sync.server.conftest import Device, Server


class CustomerCreatedV3(CustomerCreatedV2):
    visit_reason: Literal["facial", "nails", "hair", "unknown"]


def _v2_to_v3(v2: CustomerCreatedV2) -> CustomerCreatedV3:
    return CustomerCreatedV3(**v2.model_dump(), visit_reason="unknown")


def move_to_v3(monkeypatch: pytest.MonkeyPatch, seen: list[str]) -> None:
    """What an upgrade of both sides does: v3 declared with the step from v2, the server's
    handler taking v3 only, the counter building v3."""
    current = OPERATIONS[CUSTOMER_CREATED]
    kind = dataclasses.replace(
        current,
        versions={**current.versions, 3: CustomerCreatedV3},
        upgrades={**current.upgrades, 2: _v2_to_v3},
    )
    monkeypatch.setitem(REGISTRY.operations, CUSTOMER_CREATED, kind)
    monkeypatch.setitem(REGISTRY._by_model, CustomerCreatedV3, kind)
    v2 = HANDLERS[(CUSTOMER_CREATED, 2)]
    monkeypatch.delitem(HANDLERS, (CUSTOMER_CREATED, 2))

    def handle_v3(ctx: OpContext, new: CustomerCreatedV3) -> list[str]:
        seen.append(new.visit_reason)
        return customer_handlers.customer_created(ctx, new)

    monkeypatch.setitem(
        HANDLERS, (CUSTOMER_CREATED, 3), HandlerSpec(kind, 3, handle_v3, True, v2.writes)
    )
    build_v2: Callable[..., CustomerCreatedV2] = customer_ops.customer_created

    def build_v3(profile: CustomerProfile, hlc: str, sealed: object = None) -> CustomerCreatedV3:
        return CustomerCreatedV3(**build_v2(profile, hlc).model_dump(), visit_reason="facial")

    monkeypatch.setattr(customer_ops, "customer_created", build_v3)


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


def test_v2_operations_queued_before_an_upgrade_drain_beside_v3_ones(
    server: Server, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = server.enroll(device_id=backend.settings.current.device_id)
    for i in range(3):
        backend.customers.add(f"老客{i}", f"1390000000{i}")
    seen: list[str] = []
    move_to_v3(monkeypatch, seen)
    for i in range(2):
        backend.customers.add(f"新客{i}", f"1380000000{i}")
    with backend.db.read() as session:
        versions = session.scalars(
            select(OutboxOperation.payload_version).order_by(OutboxOperation.seq)
        ).all()
    assert versions == [2, 2, 2, 3, 3]

    results = drain(server, device, backend)

    assert [r.status for r in results] == ["applied"] * 5
    assert seen == ["unknown"] * 3 + ["facial"] * 2  # v2 upgraded on the way in
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
