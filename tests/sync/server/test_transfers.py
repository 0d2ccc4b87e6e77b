"""Transfers between an owner's stores at the server (issue 13): out of the sending store when
sent, into the receiving store when received (with what arrived), both stores' feeds told;
never to the store it comes from nor to another owner's store; received only there, and once:
a second receipt (two counters, apart) is reversed with a transfer_received_twice conflict.
The chain-stores endpoint names every store of the owner."""

from __future__ import annotations

from typing import Any

from sync.operations.inventory import STOCK_MOVED, TRANSFER_RECEIVED, TRANSFER_SENT
from sync.protocol import API
from sync.server import admin
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_inventory import DAY, _movement, _on_hand, _product, _receipt


def _transfer(to_store_id: str, receipt: dict[str, Any], quantity: int) -> dict[str, Any]:
    """`quantity` of the receipt's batch sent to another store."""
    batch = receipt["batches"][0]
    product = batch["product_id"]
    transfer_id = builders.new_id()
    out = _movement(product, -quantity, "transfer_out", transfer_id, batch_id=batch["id"])
    return {
        "id": transfer_id,
        "number": "TR-C1-0001",
        "to_store_id": to_store_id,
        "sent_at": builders.AT.isoformat(),
        "sent_by": builders.new_id(),
        "business_day": DAY,
        "note": "二店缺货",
        "lines": [{"product_id": product, "batch": batch, "quantity": quantity}],
        "movements": [out],
    }


def _receipt_of(transfer: dict[str, Any], came: int) -> dict[str, Any]:
    line = transfer["lines"][0]
    batch_id = line["batch"]["id"]
    moved = _movement(line["product_id"], came, "transfer_in", transfer["id"], batch_id=batch_id)
    return {
        "transfer_id": transfer["id"],
        "received_at": builders.AT.isoformat(),
        "received_by": builders.new_id(),
        "business_day": DAY,
        "note": "少了一瓶",
        "lines": [
            {
                "product_id": line["product_id"],
                "batch_id": batch_id,
                "sent": line["quantity"],
                "received": came,
            }
        ],
        "movements": [moved],
    }


def _transfers(server: Server, device: Device) -> list[dict[str, Any]]:
    return [c["data"] for c in server.pull(device)["changes"] if c["entity"] == "stock_transfer"]


def _statuses(answer: Any) -> list[str]:
    return [r["status"] for r in answer["results"]]


def test_a_transfer_sent_and_received_short_moves_stock_between_the_stores(
    server: Server, device: Device
) -> None:
    there = server.enroll(server.other_store_id)
    product = _product(server, device)
    receipt = _receipt(product, 10)
    server.push(device, [device.op(STOCK_MOVED, receipt)])
    transfer = _transfer(server.other_store_id, receipt, 5)
    sent = device.op(TRANSFER_SENT, transfer)
    assert _statuses(server.push(device, [sent])) == ["applied"]
    server.push(device, [sent, device.op(TRANSFER_SENT, transfer)])  # a replay, a new seq
    assert _on_hand(server, product) == 5
    arrived = _transfers(server, there)
    assert len(arrived) == 1 and arrived[0]["received"] is None
    assert arrived[0]["from_store_id"] == server.store_id
    assert (arrived[0]["from_store_name"], arrived[0]["to_store_name"]) == (
        "丽人美容 一店",
        "丽人美容 二店",
    )
    assert arrived[0]["lines"][0]["batch"]["id"] == receipt["batches"][0]["id"]
    received = there.op(TRANSFER_RECEIVED, _receipt_of(transfer, 4))
    assert _statuses(server.push(there, [received])) == ["applied"]
    server.push(there, [received])  # a replay
    assert _on_hand(server, product) == 5
    assert _on_hand(server, product, server.other_store_id) == 4
    batches = server.count(
        "SELECT COUNT(*) FROM stock_batch WHERE store_id = :s", s=server.other_store_id
    )
    assert batches == 1  # the batch sent, kept in the receiving store too, under its id
    mine, theirs = _transfers(server, device), _transfers(server, there)
    assert [t["received"] is None for t in mine] == [True, False]
    assert [t["received"] is None for t in theirs] == [True, False]
    assert mine[-1]["received"]["lines"][0] == {
        "product_id": product,
        "batch_id": receipt["batches"][0]["id"],
        "sent": 5,
        "received": 4,
    }
    pulled = server.pull(there)["changes"]
    moved = [c["data"] for c in pulled if c["entity"] == "stock_movement"]
    assert [(m["kind"], m["quantity"]) for m in moved] == [("transfer_in", 4)]
    assert [c["entity_id"] for c in pulled if c["entity"] == "stock_batch"] == [
        receipt["batches"][0]["id"]
    ]


def test_a_transfer_is_received_once_and_only_where_it_was_sent(
    server: Server, device: Device
) -> None:
    there = server.enroll(server.other_store_id)
    product = _product(server, device)
    receipt = _receipt(product, 10)
    transfer = _transfer(server.other_store_id, receipt, 3)
    server.push(device, [device.op(STOCK_MOVED, receipt), device.op(TRANSFER_SENT, transfer)])
    by_sender = server.push(device, [device.op(TRANSFER_RECEIVED, _receipt_of(transfer, 3))])
    assert _statuses(by_sender) == ["rejected"]
    assert "sent to" in by_sender["results"][0]["reason"]
    first = there.op(TRANSFER_RECEIVED, _receipt_of(transfer, 3))
    again = there.op(TRANSFER_RECEIVED, _receipt_of(transfer, 2))
    answer = server.push(there, [first, again])
    assert _statuses(answer) == ["applied", "applied_with_flags"]  # the second is reversed
    assert _on_hand(server, product, server.other_store_id) == 3
    stands = there.op(TRANSFER_RECEIVED, first["payload"])  # the first again, a new seq
    assert _statuses(server.push(there, [stands])) == ["applied"]
    assert _on_hand(server, product, server.other_store_id) == 3
    assert server.count("SELECT COUNT(*) FROM conflict") == 1
    wrong = _receipt_of(transfer, 3)
    wrong["movements"][0]["kind"] = "receipt"  # a receipt carries transfer_in only
    assert _statuses(server.push(there, [there.op(TRANSFER_RECEIVED, wrong)])) == ["rejected"]


def test_a_transfer_to_its_own_store_or_another_owners_is_refused(
    server: Server, device: Device
) -> None:
    admin.create_owner(server.engine, "rival@example.com", "another horse", clock=server.clock)
    rival = admin.create_store(server.engine, "rival@example.com", "对面美容", clock=server.clock)
    product = _product(server, device)
    receipt = _receipt(product, 10)
    server.push(device, [device.op(STOCK_MOVED, receipt)])
    ops = [
        device.op(TRANSFER_SENT, _transfer(server.store_id, receipt, 2)),
        device.op(TRANSFER_SENT, _transfer(rival, receipt, 2)),
        device.op(TRANSFER_SENT, _transfer(builders.new_id(), receipt, 2)),
    ]
    answer = server.push(device, ops)
    assert _statuses(answer) == ["rejected"] * 3
    assert "another store" in answer["results"][0]["reason"]
    assert [r["reason"] for r in answer["results"][1:]] == ["unknown store", "unknown store"]
    assert _on_hand(server, product) == 10
    assert server.count("SELECT COUNT(*) FROM stock_transfer") == 0
    assert server.count("SELECT COUNT(*) FROM transfer_publish") == 0


def _chain_stores(server: Server, device: Device) -> Any:
    answer = server.client.get(
        f"{API}/stores/{device.store_id}/devices/{device.id}/chain-stores",
        headers=device.headers,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_chain_stores_names_every_store_of_the_owner(server: Server, device: Device) -> None:
    there = server.enroll(server.other_store_id)
    admin.create_owner(server.engine, "rival@example.com", "another horse", clock=server.clock)
    admin.create_store(server.engine, "rival@example.com", "对面美容", clock=server.clock)
    expected = {
        "stores": [
            {"id": server.store_id, "name": "丽人美容 一店"},
            {"id": server.other_store_id, "name": "丽人美容 二店"},
        ]
    }
    assert _chain_stores(server, device) == expected
    assert _chain_stores(server, there) == expected
    elsewhere = server.client.get(
        f"{API}/stores/{server.other_store_id}/devices/{device.id}/chain-stores",
        headers=device.headers,
    )
    assert elsewhere.status_code == 403


def test_a_transfer_received_on_two_counters_counts_the_first_receipt_once(
    server: Server, device: Device
) -> None:
    """Both counters of the receiving store received it while apart: the first receipt to
    arrive stands; the second's movements are recorded and reversed by the server (under the
    conflict), one transfer_received_twice is raised, and no negative_stock."""
    there, also = server.enroll(server.other_store_id), server.enroll(server.other_store_id)
    product = _product(server, device)
    receipt = _receipt(product, 10)
    transfer = _transfer(server.other_store_id, receipt, 4)
    server.push(device, [device.op(STOCK_MOVED, receipt), device.op(TRANSFER_SENT, transfer)])
    assert _statuses(
        server.push(there, [there.op(TRANSFER_RECEIVED, _receipt_of(transfer, 4))])
    ) == ["applied"]
    second = also.op(TRANSFER_RECEIVED, _receipt_of(transfer, 3))
    answer = server.push(also, [second])
    assert _statuses(answer) == ["applied_with_flags"]
    assert _on_hand(server, product, server.other_store_id) == 4
    conflicts = [c["data"] for c in server.pull(there)["changes"] if c["entity"] == "conflict"]
    assert [(c["type"], c["suggestion"]) for c in conflicts] == [
        ("transfer_received_twice", "accept")
    ]
    [conflict] = conflicts
    assert answer["results"][0]["conflict_ids"] == [conflict["id"]]
    assert conflict["details"]["stamps"] == [there.id, also.id]
    assert (conflict["details"]["number"], conflict["details"]["reversed"]) == ("TR-C1-0001", 1)
    moved = [c["data"] for c in server.pull(there)["changes"] if c["entity"] == "stock_movement"]
    assert [(m["kind"], m["quantity"], m["device_id"]) for m in moved] == [
        ("transfer_in", 4, there.id),
        ("transfer_in", 3, also.id),
        ("adjustment", -3, None),
    ]
    assert moved[-1]["document_id"] == conflict["id"]
    assert moved[-1]["batch_id"] == receipt["batches"][0]["id"]
    # the same second receipt again (a new operation): nothing more
    again = also.op(TRANSFER_RECEIVED, second["payload"])
    assert _statuses(server.push(also, [second, again])) == ["duplicate", "applied"]
    assert _on_hand(server, product, server.other_store_id) == 4
    assert server.count("SELECT COUNT(*) FROM conflict") == 1  # no negative_stock either
    held = _transfers(server, device)[-1]["received"]
    assert held["lines"][0]["received"] == 4  # the first receipt stands
