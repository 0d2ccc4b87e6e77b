"""Stock at the server (issue 13): movements recorded once by their id, whatever operation
carries them; a product taken below zero by counters that were apart is one negative_stock
conflict, and a manager's record_found brings it back to zero with a movement every counter
pulls. Levels and consumables are last writer wins by stamp."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import protocol
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.inventory import CONSUMABLES_SET, STOCK_LEVEL_SET, STOCK_MOVED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import CATALOG_ITEM_SAVED
from sync.server.master_data import share_item
from sync.server.resolutions import resolve_conflict
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server

DAY = "2026-11-20"


def _product(server: Server, device: Device, unit: str = "piece") -> str:
    item = builders.catalog_item(16800) | {
        "kind": "product",
        "category": "护肤品",
        "name": "玻尿酸精华",
        "duration_min": None,
        "sku": f"SKU-{builders.new_id()[-8:]}",
        "unit": unit,
        "pack_size": 30 if unit == "ml" else 1,
        "needs_expiry": True,
    }
    answer = server.push(device, [device.op(CATALOG_ITEM_SAVED, item)])
    assert answer["results"][0]["status"] == "applied"
    return str(item["id"])


def _movement(
    product_id: str, quantity: int, kind: str, document_id: str, **more: Any
) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "product_id": product_id,
        "kind": kind,
        "quantity": quantity,
        "at": builders.AT.isoformat(),
        "business_day": DAY,
        "document_id": document_id,
        **more,
    }


def _receipt(product_id: str, quantity: int, cost: int = 5000) -> dict[str, Any]:
    document = builders.new_id()
    batch = {
        "id": builders.new_id(),
        "product_id": product_id,
        "code": "L2026",
        "expires_on": "2027-06-30",
        "received_at": builders.AT.isoformat(),
        "unit_cost": cost,
    }
    movement = _movement(product_id, quantity, "receipt", document, batch_id=batch["id"])
    return {
        "id": document,
        "document": "receipt",
        "business_day": DAY,
        "at": builders.AT.isoformat(),
        "staff_id": builders.new_id(),
        "supplier": "广州美妆批发",
        "batches": [batch],
        "movements": [movement],
        "costs": {product_id: cost},
    }


def _sale_of(product_id: str, quantity: int = 1) -> dict[str, Any]:
    sale = builders.sale([(product_id, 16800)])
    line = sale["lines"][0] | {"kind": "product", "quantity": quantity}
    sale["lines"] = [line]
    sale["stock"] = [_movement(product_id, -quantity, "sale", sale["id"], line_id=line["id"])]
    return sale


def _on_hand(server: Server, product_id: str, store_id: str | None = None) -> int:
    return server.count(
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_movement "
        "WHERE store_id = :s AND product_id = :p",
        s=store_id or server.store_id,
        p=product_id,
    )


def _conflicts(server: Server, device: Device) -> list[dict[str, Any]]:
    changes = server.pull(device)["changes"]
    return [c["data"] for c in changes if c["entity"] == "conflict"]


def test_a_receipt_records_its_batch_movement_and_cost_once(server: Server, device: Device) -> None:
    product = _product(server, device, unit="ml")
    op = device.op(STOCK_MOVED, _receipt(product, 300, cost=9000))
    assert server.push(device, [op])["results"][0]["status"] == "applied"
    assert server.push(device, [op])["results"][0]["status"] == "duplicate"
    assert _on_hand(server, product) == 300
    assert server.count("SELECT COUNT(*) FROM stock_batch") == 1
    assert server.count("SELECT cost FROM stock_level WHERE product_id = :p", p=product) == 9000
    changes = server.pull(server.enroll())["changes"]
    entities = [c["entity"] for c in changes]
    assert entities.count("stock_movement") == 1 and entities.count("stock_batch") == 1
    level = [c["data"] for c in changes if c["entity"] == "stock_level"]
    assert level == [{"product_id": product, "minimum": 0, "hlc": "", "cost": 9000}]
    moved = next(c for c in changes if c["entity"] == "stock_movement")
    assert moved["data"]["device_id"] == device.id and moved["data"]["quantity"] == 300


def test_the_same_movements_in_a_second_operation_add_nothing(
    server: Server, device: Device
) -> None:
    product = _product(server, device)
    receipt = _receipt(product, 5)
    server.push(device, [device.op(STOCK_MOVED, receipt)])
    again = server.push(device, [device.op(STOCK_MOVED, receipt)])  # a new seq, same document
    assert again["results"][0]["status"] == "applied"
    assert _on_hand(server, product) == 5
    assert server.count("SELECT COUNT(*) FROM stock_batch") == 1


def test_a_sale_void_and_refund_move_stock_once(server: Server, device: Device) -> None:
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 10))])
    sold, refunded = _sale_of(product, 2), _sale_of(product, 3)
    sale_op = device.op(SALE_COMPLETED, sold)
    server.push(device, [sale_op, device.op(SALE_COMPLETED, refunded)])
    server.push(device, [sale_op])  # a replay
    assert _on_hand(server, product) == 5
    void = builders.void(sold) | {"stock": [_movement(product, 2, "void", sold["id"])]}
    refund = builders.refund(refunded, 16800)
    refund["stock"] = [_movement(product, 1, "refund", refund["id"])]
    void_op, refund_op = device.op(SALE_VOIDED, void), device.op(SALE_REFUNDED, refund)
    server.push(device, [void_op, refund_op])
    server.push(device, [void_op, refund_op])
    assert _on_hand(server, product) == 8
    kinds = server.count("SELECT COUNT(DISTINCT kind) FROM stock_movement")
    assert kinds == 4  # receipt, sale, void, refund
    payload = server.count("SELECT COUNT(*) FROM ticket WHERE payload LIKE '%\"stock\"%'")
    assert payload == 0  # the movements are kept once, in stock_movement


def test_a_version_3_sale_upgrades_with_no_stock(server: Server, device: Device) -> None:
    sale = builders.sale()
    op = device.op(SALE_COMPLETED, sale) | {"payload_version": 3}
    assert server.push(device, [op])["results"][0]["status"] == "applied"
    assert server.count("SELECT COUNT(*) FROM stock_movement") == 0
    assert server.count("SELECT COUNT(*) FROM ticket") == 1


def test_two_counters_selling_the_last_unit_leave_one_negative_stock(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    first, second, third = _sale_of(product), _sale_of(product), _sale_of(product)
    assert server.push(device, [device.op(SALE_COMPLETED, first)])["results"][0]["status"] == (
        "applied"
    )
    answer = server.push(other, [other.op(SALE_COMPLETED, second)])["results"][0]
    assert answer["status"] == "applied_with_flags" and len(answer["conflict_ids"]) == 1
    later = server.push(device, [device.op(SALE_COMPLETED, third)])["results"][0]
    assert later["status"] == "applied"  # still below zero: no second conflict
    assert _on_hand(server, product) == -2  # every sale stands
    conflicts = _conflicts(server, device)
    assert [c["type"] for c in conflicts] == ["negative_stock"]
    details = conflicts[0]["details"]
    assert details["product_id"] == product and details["name"] == "玻尿酸精华"
    assert (details["on_hand"], details["shortfall"], details["unit"]) == (-1, 1, "piece")
    assert details["numbers"] == [first["number"], second["number"]]
    assert sorted(details["stamps"]) == sorted([device.id, other.id])
    assert details["op_type"] == SALE_COMPLETED


def test_one_batch_taking_a_product_below_zero_twice_raises_it_once(
    server: Server, device: Device
) -> None:
    product = _product(server, device)
    ops = [device.op(STOCK_MOVED, _receipt(product, 1))]
    ops += [device.op(SALE_COMPLETED, _sale_of(product)) for _ in range(3)]
    results = server.push(device, ops)["results"]
    statuses = ["applied", "applied", "applied_with_flags", "applied"]
    assert [r["status"] for r in results] == statuses


def test_a_product_whose_stock_the_store_never_kept_goes_below_zero_without_a_conflict(
    server: Server, device: Device
) -> None:
    """A salon that does not use inventory sells products it never received: no conflicts."""
    product = _product(server, device)
    ops = [device.op(SALE_COMPLETED, _sale_of(product)) for _ in range(2)]
    assert [r["status"] for r in server.push(device, ops)["results"]] == ["applied", "applied"]
    assert _on_hand(server, product) == -2


def test_record_found_at_a_counter_brings_the_stock_back_to_zero(
    server: Server, device: Device
) -> None:
    other = server.enroll(server.store_id)
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    server.push(device, [device.op(SALE_COMPLETED, _sale_of(product))])
    answer = server.push(other, [other.op(SALE_COMPLETED, _sale_of(product))])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    decision = {
        "conflict_id": conflict_id,
        "resolution": "record_found",
        "resolved_by": builders.new_id(),
        "note": "仓库里还有一瓶",
    }
    resolved = server.push(device, [device.op(CONFLICT_RESOLVED, decision)])
    assert resolved["results"][0]["status"] == "applied"
    assert _on_hand(server, product) == 0
    found = [c for c in server.pull(other)["changes"] if c["entity"] == "stock_movement"]
    adjustment = found[-1]
    assert adjustment["origin_device_id"] is None  # every counter pulls it, the deciding one too
    data = adjustment["data"]
    assert (data["kind"], data["quantity"], data["device_id"]) == ("adjustment", 1, None)
    assert (data["document_id"], data["reason"]) == (conflict_id, "仓库里还有一瓶")
    server.push(other, [other.op(CONFLICT_RESOLVED, decision | {"resolved_by": other.id})])
    assert _on_hand(server, product) == 0  # decided before: the first decision stands


def test_record_found_on_the_web_console_never_goes_above_zero(
    server: Server, device: Device
) -> None:
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    answer = server.push(device, [device.op(SALE_COMPLETED, _sale_of(product, 4))])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 2))])  # -1 now
    resolve_conflict(
        server.engine, server.store_id, conflict_id, "record_found", "owner", server.clock
    )
    assert _on_hand(server, product) == 0
    pulled = server.pull(device)["changes"]
    adjustment = [c["data"] for c in pulled if c["entity"] == "stock_movement"][-1]
    assert adjustment["quantity"] == 1 and adjustment["reason"]
    assert [c["data"]["status"] for c in pulled if c["entity"] == "conflict"][-1] == "resolved"


def test_accept_changes_no_stock(server: Server, device: Device) -> None:
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    answer = server.push(device, [device.op(SALE_COMPLETED, _sale_of(product, 2))])
    decision = {
        "conflict_id": answer["results"][0]["conflict_ids"][0],
        "resolution": "accept",
        "resolved_by": builders.new_id(),
    }
    server.push(device, [device.op(CONFLICT_RESOLVED, decision)])
    assert _on_hand(server, product) == -1
    assert server.count("SELECT COUNT(*) FROM stock_movement") == 2


def test_a_store_never_counts_another_stores_stock(server: Server, device: Device) -> None:
    elsewhere = server.enroll(server.other_store_id)
    product = _product(server, device)
    server.push(elsewhere, [elsewhere.op(STOCK_MOVED, _receipt(product, 5))])
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    answer = server.push(device, [device.op(SALE_COMPLETED, _sale_of(product, 2))])
    assert answer["results"][0]["status"] == "applied_with_flags"  # store A held one
    assert _on_hand(server, product) == -1
    assert _on_hand(server, product, server.other_store_id) == 5
    mine = [c for c in server.pull(device)["changes"] if c["entity"] == "stock_movement"]
    assert len(mine) == 2


def test_a_malformed_movement_is_rejected_and_changes_nothing(
    server: Server, device: Device
) -> None:
    product = _product(server, device)
    receipt = _receipt(product, 5)
    receipt["movements"][0]["kind"] = "gift"
    wrong_place = _sale_of(product)
    wrong_place["stock"][0]["kind"] = "receipt"  # a sale carries sales and consumption only
    results = server.push(
        device, [device.op(STOCK_MOVED, receipt), device.op(SALE_COMPLETED, wrong_place)]
    )["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "kind" in results[0]["reason"] and "receipt" in results[1]["reason"]
    assert server.count("SELECT COUNT(*) FROM stock_movement") == 0
    assert server.count("SELECT COUNT(*) FROM stock_batch") == 0


def _stamp(ms: int) -> str:
    return protocol.hlc_stamp(int(builders.AT.timestamp() * 1000) + ms, 0, "dev")


def test_a_minimum_is_last_writer_wins_by_stamp(server: Server, device: Device) -> None:
    product = _product(server, device)
    later = {"product_id": product, "minimum": 5, "hlc": _stamp(2000)}
    earlier = {"product_id": product, "minimum": 9, "hlc": _stamp(1000)}
    server.push(device, [device.op(STOCK_LEVEL_SET, later), device.op(STOCK_LEVEL_SET, earlier)])
    assert server.count("SELECT minimum FROM stock_level") == 5
    levels = [c["data"] for c in server.pull(device)["changes"] if c["entity"] == "stock_level"]
    assert [lv["minimum"] for lv in levels] == [5, 5]  # the loser takes the kept value back


def test_consumables_replace_the_list_by_stamp(server: Server, device: Device) -> None:
    product, other_product = _product(server, device, "ml"), _product(server, device, "g")
    service = builders.new_id()
    first = {
        "service_id": service,
        "consumables": [
            {"product_id": product, "quantity": 5, "unit": "ml"},
            {"product_id": other_product, "quantity": 2, "unit": "g"},
        ],
        "hlc": _stamp(1000),
    }
    second = first | {
        "consumables": [{"product_id": product, "quantity": 8, "unit": "ml"}],
        "hlc": _stamp(3000),
    }
    stale = first | {"hlc": _stamp(2000)}
    ops = [device.op(CONSUMABLES_SET, p) for p in (first, second, stale)]
    assert [r["status"] for r in server.push(device, ops)["results"]] == ["applied"] * 3
    assert server.count("SELECT COUNT(*) FROM service_consumable") == 1
    assert server.count("SELECT quantity FROM service_consumable") == 8
    sent = [
        c["data"] for c in server.pull(device)["changes"] if c["entity"] == "service_consumables"
    ]
    assert [len(s["consumables"]) for s in sent] == [2, 1, 1]
    twice = first | {"consumables": first["consumables"][:1] * 2, "hlc": _stamp(4000)}
    result = server.push(device, [device.op(CONSUMABLES_SET, twice)])["results"][0]
    assert result["status"] == "rejected"


def test_a_products_stock_fields_are_stored_and_sent(server: Server, device: Device) -> None:
    product = _product(server, device, unit="ml")
    assert server.count("SELECT pack_size FROM catalog_item WHERE id = :p", p=product) == 30
    item = [c["data"] for c in server.pull(device)["changes"] if c["entity"] == "catalog_item"]
    assert (item[0]["unit"], item[0]["pack_size"], item[0]["needs_expiry"]) == ("ml", 30, True)
    edit = {
        "id": product,
        "kind": "product",
        "category": "护肤品",
        "name": "玻尿酸精华",
        "price": 16800,
        "sku": "ignored",
        "unit": "g",
        "pack_size": 50,
        "needs_expiry": False,
        "hlc": _stamp(5000),
        "changed": ["pack_size"],
    }
    server.push(device, [device.op(CATALOG_ITEM_SAVED, edit)])
    item = [c["data"] for c in server.pull(device)["changes"] if c["entity"] == "catalog_item"]
    assert (item[-1]["unit"], item[-1]["pack_size"], item[-1]["needs_expiry"]) == ("ml", 50, True)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    takes=st.lists(
        st.tuples(st.integers(0, 2), st.integers(-3, 3).filter(bool), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_negative_stock_is_raised_once_each_time_stock_crosses_zero(
    server: Server, device: Device, takes: list[tuple[int, int, bool]]
) -> None:
    """Sales (a take) and receipts (a give) from three counters, in batches of any size: on
    hand is the sum of what was sent, and a conflict is raised exactly when a take moves the
    stock from zero or more to below zero."""
    counters = [device, server.enroll(), server.enroll()]
    product = _product(server, device)
    held, expected, raised, kept = 0, 0, 0, False
    pending: list[tuple[Device, dict[str, Any]]] = []
    for counter_no, quantity, send_now in takes:
        counter = counters[counter_no]
        if quantity < 0:
            op = counter.op(SALE_COMPLETED, _sale_of(product, -quantity))
        else:
            op = counter.op(STOCK_MOVED, _receipt(product, quantity))
        kept = kept or quantity >= 0  # stock is kept once a receipt came
        expected += int(held >= 0 > held + quantity and kept)
        held += quantity
        pending.append((counter, op))
        if send_now:
            raised += _send(server, pending)
    raised += _send(server, pending)
    assert _on_hand(server, product) == held
    assert raised == expected


def _send(server: Server, pending: list[tuple[Device, dict[str, Any]]]) -> int:
    """Push what is queued, each counter's operations in one batch, in the order queued
    (counters alternate: a batch ends where another counter's operation comes)."""
    flags = 0
    while pending:
        counter = pending[0][0]
        batch = []
        while pending and pending[0][0] is counter:
            batch.append(pending.pop(0)[1])
        for result in server.push(counter, batch)["results"]:
            flags += len(result["conflict_ids"])
    return flags


def test_a_chain_products_stock_fields_reach_the_owners_other_stores(
    server: Server, device: Device
) -> None:
    elsewhere = server.enroll(server.other_store_id)
    product = _product(server, device, unit="ml")
    share_item(server.engine, product, server.clock)
    edit = {
        "id": product,
        "kind": "product",
        "category": "护肤品",
        "name": "玻尿酸精华",
        "price": 16800,
        "pack_size": 50,
        "hlc": _stamp(5000),
        "changed": ["pack_size"],
    }
    server.push(device, [device.op(CATALOG_ITEM_SAVED, edit)])
    items = [c["data"] for c in server.pull(elsewhere)["changes"] if c["entity"] == "catalog_item"]
    assert (items[-1]["unit"], items[-1]["pack_size"]) == ("ml", 50)
