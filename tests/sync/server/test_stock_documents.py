"""Stock documents at the server (issue 13): a receipt's document kept once; suppliers and
purchase orders last writer wins by stamp; stocktakes started and counted once by id, the
first post standing, a second post (two counters posted while apart) recorded and reversed by
the server with one stocktake_posted_twice conflict."""

from __future__ import annotations

from typing import Any

from sync import protocol
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.inventory import (
    PURCHASE_ORDER_SAVED,
    STOCK_MOVED,
    STOCKTAKE_COUNTED,
    STOCKTAKE_POSTED,
    STOCKTAKE_STARTED,
    SUPPLIER_SAVED,
)
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_inventory import DAY, _movement, _on_hand, _product, _receipt


def _stamp(ms: int) -> str:
    return protocol.hlc_stamp(int(builders.AT.timestamp() * 1000) + ms, 0, "dev")


def _pulled(server: Server, device: Device, entity: str) -> list[dict[str, Any]]:
    return [c for c in server.pull(device)["changes"] if c["entity"] == entity]


def _statuses(answer: Any) -> list[str]:
    return [r["status"] for r in answer["results"]]


def test_a_receipt_keeps_its_document_once_and_sends_it(server: Server, device: Device) -> None:
    product = _product(server, device)
    receipt = _receipt(product, 6) | {
        "supplier_id": builders.new_id(),
        "purchase_order_id": builders.new_id(),
        "reason": "月初进货",
    }
    op = device.op(STOCK_MOVED, receipt)
    server.push(device, [op])
    server.push(device, [op, device.op(STOCK_MOVED, receipt)])  # a replay, then a new seq
    assert server.count("SELECT COUNT(*) FROM stock_document") == 1
    documents = _pulled(server, server.enroll(), "stock_document")
    assert len(documents) == 1
    data = documents[0]["data"]
    assert data["id"] == receipt["id"] and data["document"] == "receipt"
    assert (data["supplier_id"], data["purchase_order_id"]) == (
        receipt["supplier_id"],
        receipt["purchase_order_id"],
    )
    assert (data["supplier"], data["reason"], data["device_id"]) == (
        "广州美妆批发",
        "月初进货",
        device.id,
    )
    assert _on_hand(server, product) == 6


def test_a_document_of_another_store_is_refused(server: Server, device: Device) -> None:
    elsewhere = server.enroll(server.other_store_id)
    product = _product(server, device)
    receipt = _receipt(product, 2)
    server.push(elsewhere, [elsewhere.op(STOCK_MOVED, receipt)])
    copy = receipt | {"movements": [_movement(product, 2, "receipt", receipt["id"])]}
    answer = server.push(device, [device.op(STOCK_MOVED, copy)])
    assert _statuses(answer) == ["rejected"] and "unknown" in answer["results"][0]["reason"]
    assert _on_hand(server, product) == 0


def _supplier(**more: Any) -> dict[str, Any]:
    return {"id": builders.new_id(), "name": "广州美妆批发", "phone": "02088886666"} | more


def test_a_supplier_is_last_writer_wins_by_stamp(server: Server, device: Device) -> None:
    other = server.enroll()
    supplier = _supplier(hlc=_stamp(1000))
    later = supplier | {"name": "广州美妆批发有限公司", "hlc": _stamp(3000)}
    earlier = supplier | {"contact": "王经理", "active": False, "hlc": _stamp(2000)}
    server.push(device, [device.op(SUPPLIER_SAVED, supplier), device.op(SUPPLIER_SAVED, later)])
    answer = server.push(other, [other.op(SUPPLIER_SAVED, earlier)])
    assert _statuses(answer) == ["applied"]
    assert server.count("SELECT COUNT(*) FROM supplier WHERE name = '广州美妆批发有限公司'") == 1
    assert server.count("SELECT COUNT(*) FROM supplier WHERE contact = ''") == 1
    sent = [c["data"] for c in _pulled(server, other, "supplier")]
    names = ["广州美妆批发", "广州美妆批发有限公司", "广州美妆批发有限公司"]
    assert [s["name"] for s in sent] == names  # the edit that lost sends the kept one again
    assert sent[-1]["hlc"] == later["hlc"] and sent[-1]["active"] is True


def test_another_stores_supplier_is_not_this_stores_to_edit(server: Server, device: Device) -> None:
    elsewhere = server.enroll(server.other_store_id)
    supplier = _supplier(hlc=_stamp(1000))
    server.push(elsewhere, [elsewhere.op(SUPPLIER_SAVED, supplier)])
    answer = server.push(device, [device.op(SUPPLIER_SAVED, supplier | {"hlc": _stamp(2000)})])
    assert _statuses(answer) == ["rejected"]
    assert _pulled(server, device, "supplier") == []


def _order(product_id: str, **more: Any) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "number": "PO-C1-0001",
        "status": "draft",
        "lines": [{"product_id": product_id, "packages": 3, "unit_cost": 4500}],
        "created_at": builders.AT.isoformat(),
        "created_by": builders.new_id(),
    } | more


def test_a_purchase_order_is_last_writer_wins_whole(server: Server, device: Device) -> None:
    product = _product(server, device)
    draft = _order(product, hlc=_stamp(1000))
    ordered = draft | {
        "status": "ordered",
        "ordered_at": builders.AT.isoformat(),
        "lines": [{"product_id": product, "packages": 5, "unit_cost": 4200}],
        "hlc": _stamp(3000),
    }
    stale = draft | {"status": "cancelled", "hlc": _stamp(2000)}
    ops = [device.op(PURCHASE_ORDER_SAVED, p) for p in (draft, ordered, stale)]
    assert _statuses(server.push(device, ops)) == ["applied"] * 3
    assert server.count("SELECT COUNT(*) FROM purchase_order WHERE status = 'ordered'") == 1
    sent = [c["data"] for c in _pulled(server, device, "purchase_order")]
    assert [o["status"] for o in sent] == ["draft", "ordered", "ordered"]
    assert sent[-1]["lines"] == [{"product_id": product, "packages": 5, "unit_cost": 4200}]
    assert sent[-1]["ordered_at"] is not None


def _stamped(device: Device, ms: int) -> str:
    return protocol.hlc_stamp(int(builders.AT.timestamp() * 1000) + ms, 0, device.id)


def test_a_purchase_order_changed_on_two_counters_apart_is_one_conflict(
    server: Server, device: Device
) -> None:
    """Both counters held the draft; each changed it offline. The later change stands, and the
    manager hears that the other counter's change was not kept: nothing is lost silently."""
    other = server.enroll()
    product = _product(server, device)
    draft = _order(product, hlc=_stamped(device, 1000))
    server.push(device, [device.op(PURCHASE_ORDER_SAVED, draft)])
    placed = draft | {"status": "ordered", "hlc": _stamped(device, 2000), "base_hlc": draft["hlc"]}
    more = [{"product_id": product, "packages": 9, "unit_cost": 4500}]
    edited = draft | {"lines": more, "hlc": _stamped(other, 3000), "base_hlc": draft["hlc"]}
    assert _statuses(server.push(device, [device.op(PURCHASE_ORDER_SAVED, placed)])) == ["applied"]
    edit_op = other.op(PURCHASE_ORDER_SAVED, edited)
    answer = server.push(other, [edit_op])["results"][0]
    assert answer["status"] == "applied_with_flags" and len(answer["conflict_ids"]) == 1
    server.push(other, [edit_op])  # a replay: no second conflict
    assert server.count("SELECT COUNT(*) FROM conflict") == 1
    assert server.count("SELECT COUNT(*) FROM purchase_order WHERE status = 'draft'") == 1
    conflict = next(c["data"] for c in _pulled(server, device, "conflict"))
    assert conflict["type"] == "purchase_order_edited_twice"
    assert conflict["entity_id"] == draft["id"]
    details = conflict["details"]
    assert details["number"] == draft["number"]
    assert (details["kept"], details["lost"]) == (edited["hlc"], placed["hlc"])
    sent = [c["data"] for c in _pulled(server, device, "purchase_order")]
    assert "base_hlc" not in sent[-1] and sent[-1]["lines"] == more


def test_an_earlier_change_arriving_late_loses_and_is_a_conflict_too(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product = _product(server, device)
    draft = _order(product, hlc=_stamped(device, 1000))
    placed = draft | {"status": "ordered", "hlc": _stamped(device, 3000), "base_hlc": draft["hlc"]}
    cancelled = draft | {
        "status": "cancelled",
        "hlc": _stamped(other, 2000),
        "base_hlc": draft["hlc"],
    }
    server.push(device, [device.op(PURCHASE_ORDER_SAVED, p) for p in (draft, placed)])
    answer = server.push(other, [other.op(PURCHASE_ORDER_SAVED, cancelled)])["results"][0]
    assert answer["status"] == "applied_with_flags"
    assert server.count("SELECT COUNT(*) FROM purchase_order WHERE status = 'ordered'") == 1
    details = next(c["data"] for c in _pulled(server, device, "conflict"))["details"]
    assert (details["kept"], details["lost"]) == (placed["hlc"], cancelled["hlc"])


def test_a_counter_whose_clock_runs_fast_edits_its_own_order_without_a_conflict(
    server: Server, device: Device
) -> None:
    """The server clamps a stamp five minutes ahead of it and keeps the clamped one; the
    counter keeps its own, and its next edit names that as its base. Its own edits in a row
    are no clash; another counter's edit from the version before still is."""
    product = _product(server, device)
    ahead = 5 * 60 * 1000
    draft = _order(product, hlc=_stamped(device, ahead))
    edited = draft | {"note": "加急", "hlc": _stamped(device, ahead + 1), "base_hlc": draft["hlc"]}
    ops = [device.op(PURCHASE_ORDER_SAVED, p) for p in (draft, edited)]
    assert _statuses(server.push(device, ops)) == ["applied", "applied"]
    assert server.count("SELECT COUNT(*) FROM purchase_order WHERE hlc = :h", h=draft["hlc"]) == 0
    assert server.count("SELECT COUNT(*) FROM conflict") == 0
    other = server.enroll()
    stale = draft | {"status": "cancelled", "hlc": _stamped(other, 1000), "base_hlc": "坏的"}
    assert _statuses(server.push(other, [other.op(PURCHASE_ORDER_SAVED, stale)])) == ["applied"]
    assert server.count("SELECT COUNT(*) FROM conflict") == 0  # no stamp to tell a clash by


def test_changes_made_one_after_another_are_no_conflict(server: Server, device: Device) -> None:
    """One counter's edits in a row, another's made from the version it pulled, and an order
    from a counter of before base_hlc: last writer wins, and no conflict."""
    other = server.enroll()
    product = _product(server, device)
    draft = _order(product, hlc=_stamped(device, 1000))
    edited = draft | {"note": "加急", "hlc": _stamped(device, 2000), "base_hlc": draft["hlc"]}
    placed = edited | {
        "status": "ordered",
        "hlc": _stamped(device, 3000),
        "base_hlc": edited["hlc"],
    }
    server.push(device, [device.op(PURCHASE_ORDER_SAVED, p) for p in (draft, edited, placed)])
    cancelled = placed | {
        "status": "cancelled",
        "hlc": _stamped(other, 4000),
        "base_hlc": placed["hlc"],
    }
    old_counter = cancelled | {"note": "旧版收银台", "hlc": _stamped(other, 5000), "base_hlc": ""}
    statuses = _statuses(
        server.push(other, [other.op(PURCHASE_ORDER_SAVED, p) for p in (cancelled, old_counter)])
    )
    assert statuses == ["applied", "applied"]
    assert server.count("SELECT COUNT(*) FROM conflict") == 0
    assert server.count("SELECT COUNT(*) FROM purchase_order WHERE note = '旧版收银台'") == 1


def _stocktake(**more: Any) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "number": "ST-C1-0001",
        "scope": "categories",
        "categories": ["护肤品"],
        "started_at": builders.AT.isoformat(),
        "started_by": builders.new_id(),
        "business_day": DAY,
    } | more


def _count(stocktake_id: str, product_id: str, quantity: int) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "stocktake_id": stocktake_id,
        "product_id": product_id,
        "quantity": quantity,
        "counted_at": builders.AT.isoformat(),
        "counted_by": builders.new_id(),
    }


def _post(
    stocktake_id: str, product_id: str, counted: int, expected: int, minutes: int = 0
) -> dict[str, Any]:
    difference = counted - expected
    at = builders.AT.replace(minute=40 + minutes).isoformat()
    line = {
        "product_id": product_id,
        "counted": counted,
        "expected": expected,
        "difference": difference,
        "value": difference * 5000,
    }
    moved = _movement(product_id, difference, "stocktake", stocktake_id) | {"at": at}
    return {
        "stocktake_id": stocktake_id,
        "posted_at": at,
        "posted_by": builders.new_id(),
        "business_day": DAY,
        "lines": [line],
        "movements": [moved] if difference else [],
    }


def test_a_stocktake_and_its_counts_are_kept_once(server: Server, device: Device) -> None:
    other = server.enroll()
    product = _product(server, device)
    take = _stocktake()
    start = device.op(STOCKTAKE_STARTED, take)
    shelf, room = _count(take["id"], product, 4), _count(take["id"], product, 2)
    server.push(device, [start, device.op(STOCKTAKE_COUNTED, shelf)])
    server.push(device, [start, device.op(STOCKTAKE_STARTED, take)])  # a replay, a new seq
    answer = server.push(
        other, [other.op(STOCKTAKE_COUNTED, room), other.op(STOCKTAKE_COUNTED, room)]
    )
    assert _statuses(answer) == ["applied", "applied"]
    assert server.count("SELECT COUNT(*) FROM stocktake") == 1
    assert server.count("SELECT SUM(quantity) FROM stocktake_count") == 6
    pulled = server.pull(device)["changes"]
    takes = [c["data"] for c in pulled if c["entity"] == "stocktake"]
    assert len(takes) == 1 and takes[0]["categories"] == ["护肤品"]
    assert takes[0]["posted"] is None and takes[0]["device_id"] == device.id
    counts = [c["data"] for c in pulled if c["entity"] == "stocktake_count"]
    assert sorted(c["quantity"] for c in counts) == [2, 4]


def test_a_count_of_a_stocktake_unknown_here_is_refused(server: Server, device: Device) -> None:
    elsewhere = server.enroll(server.other_store_id)
    product = _product(server, device)
    theirs = _stocktake()
    server.push(elsewhere, [elsewhere.op(STOCKTAKE_STARTED, theirs)])
    ops = [
        device.op(STOCKTAKE_COUNTED, _count(builders.new_id(), product, 3)),
        device.op(STOCKTAKE_COUNTED, _count(theirs["id"], product, 3)),
        device.op(STOCKTAKE_POSTED, _post(theirs["id"], product, 3, 0)),
    ]
    answer = server.push(device, ops)
    assert _statuses(answer) == ["rejected"] * 3
    assert all("unknown stocktake" in r["reason"] for r in answer["results"])
    assert server.count("SELECT COUNT(*) FROM stocktake_count") == 0
    assert _on_hand(server, product) == 0


def test_a_posted_stocktake_moves_stock_once_and_goes_down_posted(
    server: Server, device: Device
) -> None:
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 10))])
    take = _stocktake()
    start = device.op(STOCKTAKE_STARTED, take)
    post = device.op(STOCKTAKE_POSTED, _post(take["id"], product, 7, 10))
    server.push(device, [start, post])
    server.push(device, [post])  # a replay
    assert _on_hand(server, product) == 7
    row = server.count("SELECT COUNT(*) FROM stocktake WHERE posted_at IS NOT NULL")
    assert row == 1
    takes = [c["data"] for c in _pulled(server, server.enroll(), "stocktake")]
    assert takes[0]["posted"] is None and takes[-1]["posted"] is not None
    assert takes[-1]["posted"]["lines"][0]["difference"] == -3
    wrong = _post(take["id"], product, 7, 10)
    wrong["movements"][0]["kind"] = "adjustment"  # a post carries stocktake movements only
    assert _statuses(server.push(device, [device.op(STOCKTAKE_POSTED, wrong)])) == ["rejected"]


def test_a_stocktake_posted_on_two_counters_leaves_the_first_post_and_one_conflict(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 10))])
    take = _stocktake()
    server.push(device, [device.op(STOCKTAKE_STARTED, take)])
    first = _post(take["id"], product, 7, 10)  # 3 short
    second = _post(take["id"], product, 12, 10, minutes=5)  # 2 over, counted elsewhere
    assert _statuses(server.push(device, [device.op(STOCKTAKE_POSTED, first)])) == ["applied"]
    second_op = other.op(STOCKTAKE_POSTED, second)
    answer = server.push(other, [second_op])["results"][0]
    assert answer["status"] == "applied_with_flags" and len(answer["conflict_ids"]) == 1
    server.push(other, [second_op, other.op(STOCKTAKE_POSTED, second)])  # replayed, resent
    assert _on_hand(server, product) == 7  # the first post only
    assert server.count("SELECT COUNT(*) FROM conflict") == 1
    conflict = next(c["data"] for c in _pulled(server, device, "conflict"))
    assert conflict["type"] == "stocktake_posted_twice" and conflict["entity_id"] == take["id"]
    details = conflict["details"]
    assert details["number"] == take["number"] and details["stocktake_id"] == take["id"]
    assert details["stamps"] == [device.id, other.id]
    moved = _pulled(server, device, "stock_movement")
    counters = [m["data"] for m in moved if m["data"]["device_id"] == other.id]
    reversal = [m for m in moved if m["data"]["device_id"] is None]
    assert [m["quantity"] for m in counters] == [2]  # the second post, as its counter made it
    assert len(reversal) == 1 and reversal[0]["origin_device_id"] is None
    data = reversal[0]["data"]
    assert (data["kind"], data["quantity"], data["document_id"]) == (
        "adjustment",
        -2,
        answer["conflict_ids"][0],
    )
    decision = {
        "conflict_id": answer["conflict_ids"][0],
        "resolution": "record_found",
        "resolved_by": builders.new_id(),
    }
    refused = server.push(device, [device.op(CONFLICT_RESOLVED, decision)])
    assert _statuses(refused) == ["rejected"]  # accept only
    accepted = server.push(
        device, [device.op(CONFLICT_RESOLVED, decision | {"resolution": "accept"})]
    )
    assert _statuses(accepted) == ["applied"]
    assert _on_hand(server, product) == 7


def test_a_second_post_taking_stock_below_zero_raises_no_negative_stock(
    server: Server, device: Device
) -> None:
    """The second post's loss and its reversal move nothing together: no negative_stock."""
    other = server.enroll()
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 2))])
    take = _stocktake()
    server.push(device, [device.op(STOCKTAKE_STARTED, take)])
    server.push(device, [device.op(STOCKTAKE_POSTED, _post(take["id"], product, 2, 2))])
    answer = server.push(other, [other.op(STOCKTAKE_POSTED, _post(take["id"], product, 0, 5, 5))])
    assert len(answer["results"][0]["conflict_ids"]) == 1
    types = [c["data"]["type"] for c in _pulled(server, device, "conflict")]
    assert types == ["stocktake_posted_twice"]
    assert _on_hand(server, product) == 2
