"""Member ledgers at the server (issue 10): entries recorded once, by their ids, and the
overdraft two counters that spent one card while apart leave — the sales stand, the shortfall
is one conflict, and a manager's decision settles it with an entry every counter pulls."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from salon_pos.domain.points_expiry import expiry_id
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.members import POINTS_ADJUSTED, POINTS_EXPIRED
from sync.operations.sales import SALE_COMPLETED, SALE_VOIDED
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def _spend(customer_id: str, fen: int) -> dict[str, Any]:
    """A sale of one service paid all by stored value, with its principal entry."""
    sale = builders.sale([(builders.new_id(), fen)], customer_id)
    sale["payments"] = [sale["payments"][0] | {"kind": "stored_value"}]
    sale["payments"][0] |= {"tendered": fen, "applied": fen}
    entry = builders.balance_entry(customer_id, "principal", -fen, "spend", ticket_id=sale["id"])
    return sale | {"entries": [entry]}


def _balance(server: Server, customer_id: str, account: str = "principal") -> int:
    return server.count(
        "SELECT COALESCE(SUM(amount), 0) FROM balance_entry "
        "WHERE customer_id = :c AND account = :a",
        c=customer_id,
        a=account,
    )


def _topped_up(server: Server, device: Device, fen: int) -> str:
    customer = builders.customer()
    top_up = builders.sale([(customer["id"], fen)], customer["id"])
    top_up["lines"][0]["kind"] = "stored_value"
    top_up["entries"] = [builders.balance_entry(customer["id"], "principal", fen, "top_up")]
    server.push(device, [device.op(CUSTOMER_CREATED, customer), device.op(SALE_COMPLETED, top_up)])
    return str(customer["id"])


def test_two_counters_spending_the_last_300_leave_one_overdraft(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    customer_id = _topped_up(server, device, 30000)
    first, second = _spend(customer_id, 30000), _spend(customer_id, 30000)
    assert server.push(device, [device.op(SALE_COMPLETED, first)])["results"][0]["status"] == (
        "applied"
    )
    answer = server.push(other, [other.op(SALE_COMPLETED, second)])["results"][0]
    assert answer["status"] == "applied_with_flags" and len(answer["conflict_ids"]) == 1
    assert _balance(server, customer_id) == -30000  # both sales stand
    conflicts = [c for c in server.pull(device)["changes"] if c["entity"] == "conflict"]
    assert len(conflicts) == 1
    details = conflicts[0]["data"]["details"]
    assert conflicts[0]["data"]["type"] == "overdraft"
    assert details["shortfall"] == 30000 and details["account"] == "principal"
    assert sorted(details["ticket_ids"]) == sorted([first["id"], second["id"]])
    assert sorted(details["stamps"]) == sorted([device.id, other.id])


def test_an_overdraft_written_off_reaches_every_counter(server: Server, device: Device) -> None:
    other = server.enroll(server.store_id)
    customer_id = _topped_up(server, device, 30000)
    server.push(device, [device.op(SALE_COMPLETED, _spend(customer_id, 30000))])
    answer = server.push(other, [other.op(SALE_COMPLETED, _spend(customer_id, 30000))])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    decision = {
        "conflict_id": conflict_id,
        "resolution": "write_off",
        "resolved_by": builders.new_id(),
        "note": "老顾客，店里承担",
    }
    server.push(device, [device.op(CONFLICT_RESOLVED, decision)])
    assert _balance(server, customer_id) == 0
    pulled = server.pull(other)["changes"]
    settled = [
        c["data"]
        for c in pulled
        if c["entity"] == "balance_entry" and c["data"]["reason"] == "write_off"
    ]
    assert [(e["amount"], e["note"]) for e in settled] == [(30000, "老顾客，店里承担")]
    closed = [c["data"] for c in pulled if c["entity"] == "conflict"][-1]
    assert closed["status"] == "resolved"
    assert closed["details"]["resolution_note"] == "老顾客，店里承担"


def test_a_replayed_sale_adds_no_entry_and_a_void_gives_back(
    server: Server, device: Device
) -> None:
    customer_id = _topped_up(server, device, 50000)
    sale = _spend(customer_id, 20000)
    op = device.op(SALE_COMPLETED, sale)
    server.push(device, [op])
    assert server.push(device, [op])["results"][0]["status"] == "duplicate"
    assert _balance(server, customer_id) == 30000
    void = builders.void(sale)
    void["entries"] = [builders.balance_entry(customer_id, "principal", 20000, "reverse")]
    void_op = device.op(SALE_VOIDED, void)
    server.push(device, [void_op])
    server.push(device, [void_op])
    assert _balance(server, customer_id) == 50000


def test_a_version_1_sale_still_applies(server: Server, device: Device) -> None:
    sale = builders.sale()
    op = device.op(SALE_COMPLETED, sale) | {"payload_version": 1}
    assert server.push(device, [op])["results"][0]["status"] == "applied"


def _tier(server: Server, device: Device, customer_id: str) -> str | None:
    changes = [
        c["data"]
        for c in server.pull(device)["changes"]
        if c["entity"] == "customer" and c["entity_id"] == customer_id
    ]
    return changes[-1].get("tier") if changes else None


def test_the_server_works_out_the_tier_from_every_counters_sales(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    customer = builders.customer()
    server.push(device, [device.op(CUSTOMER_CREATED, customer)])
    first = builders.sale([(builders.new_id(), 300000)], customer["id"])
    server.push(device, [device.op(SALE_COMPLETED, first)])
    assert _tier(server, other, customer["id"]) == "普通"
    second = builders.sale([(builders.new_id(), 250000)], customer["id"])
    server.push(other, [other.op(SALE_COMPLETED, second)])
    assert _tier(server, device, customer["id"]) == "黄金"  # ¥5,500 by the default tiers
    server.push(device, [device.op(SALE_VOIDED, builders.void(second))])
    assert _tier(server, other, customer["id"]) == "普通"


def test_a_ticket_voided_on_two_counters_gives_its_stored_value_back_once(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    customer_id = _topped_up(server, device, 30000)
    sale = _spend(customer_id, 30000)
    server.push(device, [device.op(SALE_COMPLETED, sale)])
    for counter in (device, other):  # each voided it while apart, each giving the ¥300 back
        void = builders.void(sale)
        void["entries"] = [builders.balance_entry(customer_id, "principal", 30000, "reverse")]
        server.push(counter, [counter.op(SALE_VOIDED, void)])
    assert _balance(server, customer_id) == 30000
    taken = [
        c["data"]
        for c in server.pull(other)["changes"]
        if c["entity"] == "balance_entry" and c["data"]["reason"] == "clash"
    ]
    assert [e["amount"] for e in taken] == [-30000]


def test_an_overdraft_repaid_by_a_void_is_not_written_off_again(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    customer_id = _topped_up(server, device, 30000)
    first, second = _spend(customer_id, 30000), _spend(customer_id, 30000)
    server.push(device, [device.op(SALE_COMPLETED, first)])
    answer = server.push(other, [other.op(SALE_COMPLETED, second)])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    void = builders.void(second)
    void["entries"] = [builders.balance_entry(customer_id, "principal", 30000, "reverse")]
    server.push(other, [other.op(SALE_VOIDED, void)])
    assert _balance(server, customer_id) == 0
    decision = {
        "conflict_id": conflict_id,
        "resolution": "write_off",
        "resolved_by": builders.new_id(),
        "note": "已作废",
    }
    server.push(device, [device.op(CONFLICT_RESOLVED, decision)])
    assert _balance(server, customer_id) == 0


def _points_expired(customer_id: str, lot: str, recorded: int, expired: int, at: Any) -> dict:
    """A counter's expiry of lot `lot` from `recorded` to `expired` points (its id computed)."""
    entry = builders.balance_entry(
        customer_id, "points", recorded - expired, "expire", line_id=lot, created_at=at.isoformat()
    )
    return {
        "customer_id": customer_id,
        "entries": [entry | {"id": expiry_id(lot, recorded, expired)}],
    }


def _points_adjusted(customer_id: str, points: int, at: Any) -> dict[str, Any]:
    entry = builders.balance_entry(
        customer_id, "points", points, "adjust", created_at=at.isoformat()
    )
    return {"customer_id": customer_id, "entries": [entry], "approved_by": builders.new_id(),
            "reason": "测试"}  # fmt: skip


def test_an_expiry_two_counters_wrote_is_recorded_once_and_one_too_large_is_corrected(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    customer = builders.customer()
    earned = _points_adjusted(customer["id"], 100, builders.AT)
    lot = earned["entries"][0]["id"]
    server.push(device, [device.op(CUSTOMER_CREATED, customer), device.op(POINTS_ADJUSTED, earned)])
    expiry = _points_expired(customer["id"], lot, 0, 100, builders.AT + timedelta(days=30))
    for counter in (device, other, device):  # each counter expired the lot blind; one replays
        answer = server.push(counter, [counter.op(POINTS_EXPIRED, expiry)])
        assert answer["results"][0]["status"] in ("applied", "duplicate")
    assert _balance(server, customer["id"], "points") == 0
    assert server.count("SELECT COUNT(*) FROM balance_entry WHERE reason = 'expire'") == 1

    # A spend of 60 made on the other counter before the expiry arrives: the expiry took those
    # points too, and is corrected with it — no overdraft.
    spent = _points_adjusted(customer["id"], -60, builders.AT + timedelta(days=10))
    answer = server.push(other, [other.op(POINTS_ADJUSTED, spent)])["results"][0]
    assert answer["status"] == "applied", answer
    assert _balance(server, customer["id"], "points") == 0
    corrected = server.count(
        "SELECT SUM(amount) FROM balance_entry WHERE reason = 'expire' AND id = :i",
        i=expiry_id(lot, 100, 40),
    )
    assert corrected == 60
    # The counter that computes the same correction later sends it: recorded once.
    again = _points_expired(customer["id"], lot, 100, 40, builders.AT + timedelta(days=30))
    server.push(device, [device.op(POINTS_EXPIRED, again)])
    assert server.count("SELECT COUNT(*) FROM balance_entry WHERE reason = 'expire'") == 2
    assert _balance(server, customer["id"], "points") == 0
