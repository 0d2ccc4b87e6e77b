"""Push: exactly once, replays answered from storage, skip-ahead, parking, the test-only flag."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sync.operations.sales import (
    SALE_COMPLETED,
    SALE_REFUNDED,
    SALE_VOIDED,
)
from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
)
from sync.server import admin
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server, make_server


def test_the_same_batch_twice_is_applied_once(server: Server, device: Device) -> None:
    item = builders.catalog_item(10000)
    sales = [builders.sale([(item["id"], 9000)]) for _ in range(3)] + [builders.sale()]
    ops = [device.op(CATALOG_ITEM_SAVED, item)]
    ops += [device.op(SALE_COMPLETED, s) for s in sales]
    first = server.push(device, ops)
    second = server.push(device, ops)
    assert [r["status"] for r in first["results"]] == ["applied"] + ["applied_with_flags"] * 3 + [
        "applied"
    ]
    assert {r["status"] for r in second["results"]} == {"duplicate"}
    assert [r["conflict_ids"] for r in second["results"]] == [
        r["conflict_ids"] for r in first["results"]
    ]
    assert second["cursor"] == first["cursor"] == 5
    assert admin.store_sales_total(server.engine, server.store_id) == sum(s["total"] for s in sales)
    assert server.count("SELECT count(*) FROM ticket") == 4
    assert server.count("SELECT count(*) FROM ticket_line") == 3 + 3
    assert server.count("SELECT count(*) FROM alert") == 0


def test_a_replay_with_another_payload_raises_an_alert(server: Server, device: Device) -> None:
    op = device.op(SALE_COMPLETED, builders.sale())
    server.push(device, [op])
    changed = {**op, "payload": {**op["payload"], "total": 1}}
    answer = server.push(device, [changed])
    assert answer["results"][0]["status"] == "duplicate"
    assert server.count("SELECT count(*) FROM alert WHERE op_id = :o", o=op["id"]) == 1
    assert admin.store_sales_total(server.engine, server.store_id) == op["payload"]["total"]


def test_skipping_ahead_answers_where_to_resend_from(server: Server, device: Device) -> None:
    ops = [device.op(SALE_COMPLETED, builders.sale()) for _ in range(4)]
    answer = server.push(device, [ops[0], ops[2], ops[3]])
    assert answer["resend_from"] == 2 and answer["cursor"] == 1
    assert [r["seq"] for r in answer["results"]] == [1]
    answer = server.push(device, ops[1:])
    assert answer["cursor"] == 4 and answer["resend_from"] is None
    assert server.count("SELECT count(*) FROM ticket") == 4


def test_a_malformed_op_is_parked_and_the_rest_go_through(server: Server, device: Device) -> None:
    broken = builders.sale()
    del broken["lines"]
    ops = [
        device.op(SALE_COMPLETED, builders.sale()),
        device.op(SALE_COMPLETED, broken),
        device.op("booking.teleported", {}),
        device.op(SALE_COMPLETED, builders.sale()),
    ]
    ops[2]["payload_version"] = 1
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == [
        "applied",
        "rejected",
        "rejected",
        "applied",
    ]
    assert "lines" in answer["results"][1]["reason"]
    assert "unknown operation type" in answer["results"][2]["reason"]
    assert answer["cursor"] == 4
    parked = server.count("SELECT count(*) FROM applied_operation WHERE status = 'rejected'")
    assert parked == 2
    assert server.count("SELECT count(*) FROM ticket") == 2


def test_a_row_the_database_refuses_is_found_and_rejected(server: Server, device: Device) -> None:
    """Two sales share a line id: the bulk write fails, one-by-one finds the second."""
    first, second, third = builders.sale(), builders.sale(), builders.sale()
    second["lines"][0]["id"] = first["lines"][0]["id"]
    ops = [device.op(SALE_COMPLETED, s) for s in (first, second, third)]
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    assert admin.store_sales_total(server.engine, server.store_id) == (
        first["total"] + third["total"]
    )
    assert server.count("SELECT count(*) FROM applied_operation") == 3


def test_a_ticket_sent_under_a_new_operation_is_rejected(server: Server, device: Device) -> None:
    sale = builders.sale()
    server.push(device, [device.op(SALE_COMPLETED, sale)])
    answer = server.push(device, [device.op(SALE_COMPLETED, sale)])
    assert answer["results"][0]["status"] == "rejected"
    assert admin.store_sales_total(server.engine, server.store_id) == sale["total"]


def test_void_and_refund_follow_the_ledger(server: Server, device: Device) -> None:
    one, two = builders.sale(), builders.sale()
    ops = [device.op(SALE_COMPLETED, s) for s in (one, two)]
    ops.append(device.op(SALE_VOIDED, builders.void(one)))
    ops.append(device.op(SALE_REFUNDED, builders.refund(two, 5000)))
    ops.append(device.op(SALE_VOIDED, {**builders.void(one), "ticket_id": "nope"}))
    answer = server.push(device, ops)
    statuses = [r["status"] for r in answer["results"]]
    assert statuses == ["applied"] * 4 + ["rejected"]
    assert admin.store_sales_total(server.engine, server.store_id) == two["total"] - 5000
    tickets = {c["entity_id"]: c["data"] for c in server.pull(device)["changes"]}
    assert tickets[one["id"]]["status"] == "voided"
    assert tickets[one["id"]]["void_reason"] == "录错了"


def test_money_handed_back_twice_is_on_the_ledger_and_flagged(
    server: Server, device: Device
) -> None:
    """Two counters, offline, both void or refund one sale: the money really left both
    drawers. The ledger says so, and the manager gets a conflict (never a rejection)."""
    one, two = builders.sale(), builders.sale()
    ops = [device.op(SALE_COMPLETED, s) for s in (one, two)]
    ops.append(device.op(SALE_REFUNDED, builders.refund(one, one["total"], whole=True)))
    ops.append(device.op(SALE_VOIDED, builders.void(one)))  # voided after a refund
    ops.append(device.op(SALE_VOIDED, builders.void(two)))
    ops.append(device.op(SALE_VOIDED, builders.void(two)))  # voided twice
    ops.append(device.op(SALE_REFUNDED, builders.refund(two, 1000)))  # refund after void
    answer = server.push(device, ops)
    statuses = [r["status"] for r in answer["results"]]
    assert (
        statuses == ["applied"] * 3 + ["applied_with_flags", "applied"] + ["applied_with_flags"] * 2
    )
    handed_back = one["total"] + one["total"] + two["total"] + two["total"] + 1000
    expected = one["total"] + two["total"] - handed_back
    assert admin.store_sales_total(server.engine, server.store_id) == expected
    flagged = "SELECT count(*) FROM conflict WHERE type = 'money_back_twice'"
    assert server.count(flagged) == 3


@pytest.fixture
def careless_server(server_database_url: str) -> Iterator[Server]:
    yield from make_server(server_database_url, deduplicate=False)


def test_without_deduplication_replays_double_the_ledger(careless_server: Server) -> None:
    """The test-only switch really breaks exactly-once: what the stateful test must catch."""
    device = careless_server.enroll()
    ops = [device.op(SALE_COMPLETED, builders.sale()) for _ in range(2)]
    careless_server.push(device, ops)
    careless_server.push(device, ops)
    total = sum(op["payload"]["total"] for op in ops)
    assert admin.store_sales_total(careless_server.engine, careless_server.store_id) == 2 * total
    assert careless_server.count("SELECT count(*) FROM ticket") == 2
