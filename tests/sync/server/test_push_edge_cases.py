"""Edge cases found in review: a rejection after a flagged start, a sequence number reused by
another operation, and enrollment that could collide prefixes or take a device over."""

from __future__ import annotations

from sync.operations.customers import (
    CUSTOMER_CREATED,
)
from sync.operations.sales import (
    SALE_COMPLETED,
)
from sync.protocol import API
from sync.server import admin
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server

AHEAD_MS = int(builders.AT.timestamp() * 1000) + 3_600_000  # an hour ahead of the server


def test_a_rejection_after_a_flag_leaves_the_change_numbers_whole(server: Server) -> None:
    a, b = server.enroll(), server.enroll()
    too_long = builders.customer(hlc_ms=AHEAD_MS, notes="备" * 10_001)  # clock flag, then refused
    first = server.push(
        a,
        [a.op(SALE_COMPLETED, builders.sale()), a.op(CUSTOMER_CREATED, too_long)],
    )
    assert [r["status"] for r in first["results"]] == ["applied", "rejected"]
    sales = [builders.sale() for _ in range(3)]
    later = server.push(b, [b.op(SALE_COMPLETED, s) for s in sales])
    assert {r["status"] for r in later["results"]} == {"applied"}
    assert server.count("SELECT count(*) FROM ledger_entry") == 4
    numbered = server.count("SELECT count(*) FROM change")
    assert server.count("SELECT count(DISTINCT seq) FROM change") == numbered
    assert server.count("SELECT max(seq) FROM change") == numbered
    assert server.count("SELECT change_seq FROM store WHERE id = :s", s=server.store_id) == numbered
    assert server.count("SELECT count(*) FROM conflict") == 0  # the flag went with the rejection


def test_another_operation_under_a_used_number_is_refused_not_called_delivered(
    server: Server, device: Device
) -> None:
    first = device.op(SALE_COMPLETED, builders.sale())
    server.push(device, [first])
    reused = builders.operation(device.id, 1, SALE_COMPLETED, builders.sale())
    answer = server.push(device, [reused])
    result = answer["results"][0]
    assert result["status"] == "rejected"
    assert "sequence number 1 was already used by" in result["reason"]
    assert server.count("SELECT count(*) FROM alert WHERE op_id = :o", o=reused["id"]) == 1
    assert admin.store_sales_total(server.engine, server.store_id) == first["payload"]["total"]


def _enroll(server: Server, device_id: str, counter: str) -> int:
    code = admin.create_enrollment_code(server.engine, server.store_id, clock=server.clock)
    body = {"code": code, "device_id": device_id, "counter": counter}
    return server.client.post(f"{API}/enroll", json=body).status_code


def test_two_counters_of_a_store_cannot_share_a_ticket_prefix(server: Server) -> None:
    assert _enroll(server, builders.new_id(), "B1") == 200
    assert _enroll(server, builders.new_id(), "B1") == 409
    assert server.count("SELECT count(*) FROM device WHERE counter = 'B1'") == 1


def test_an_enrolled_device_is_revoked_before_it_enrolls_again(server: Server) -> None:
    device_id = builders.new_id()
    assert _enroll(server, device_id, "B2") == 200
    assert _enroll(server, device_id, "B2") == 409  # else any code could take a device over
    admin.revoke_device(server.engine, device_id)
    assert _enroll(server, device_id, "B2") == 200
    assert server.count("SELECT count(*) FROM device WHERE revoked_at IS NULL") == 1
