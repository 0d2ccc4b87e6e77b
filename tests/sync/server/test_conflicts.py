"""Conflict rules and their resolution, as records a person sees and changes counters pull."""

from __future__ import annotations

from typing import Any

from sync import protocol
from sync.operations.conflicts import (
    CONFLICT_RESOLVED,
)
from sync.operations.customers import (
    CUSTOMER_CREATED,
    CUSTOMER_UPDATED,
)
from sync.operations.sales import (
    SALE_COMPLETED,
)
from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
    STAFF_SAVED,
)
from sync.server import admin, master_data
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def _conflicts(server: Server, device: Device) -> dict[str, dict[str, Any]]:
    """The newest state of each conflict in the change feed."""
    return {
        c["entity_id"]: c["data"]
        for c in server.pull(device)["changes"]
        if c["entity"] == "conflict"
    }


def _customers(server: Server, device: Device) -> dict[str, dict[str, Any]]:
    return {
        c["entity_id"]: c["data"]
        for c in server.pull(device)["changes"]
        if c["entity"] == "customer"
    }


def test_a_price_changed_at_the_server_flags_the_sale(server: Server, device: Device) -> None:
    item = builders.catalog_item(19800)
    server.push(device, [device.op(CATALOG_ITEM_SAVED, item)])
    master_data.set_price(server.engine, server.store_id, item["id"], 21800, clock=server.clock)
    sale = builders.sale([(item["id"], 19800)])
    answer = server.push(device, [device.op(SALE_COMPLETED, sale)])
    result = answer["results"][0]
    assert result["status"] == "applied_with_flags" and len(result["conflict_ids"]) == 1
    conflict = _conflicts(server, device)[result["conflict_ids"][0]]
    assert conflict["type"] == "price_mismatch" and conflict["suggestion"] == "accept"
    assert conflict["details"]["lines"][0]["server_price"] == 21800
    assert admin.store_sales_total(server.engine, server.store_id) == 19800  # the price paid


def test_a_duplicate_phone_suggests_a_merge_and_merge_folds(server: Server, device: Device) -> None:
    older = builders.customer(notes="对花粉过敏")
    newer = builders.customer(notes="喜欢安静")
    ops = [device.op(CUSTOMER_CREATED, c) for c in (older, newer)]
    answer = server.push(device, ops)
    assert answer["results"][0]["status"] == "applied"
    conflict_id = answer["results"][1]["conflict_ids"][0]
    conflict = _conflicts(server, device)[conflict_id]
    assert conflict["suggestion"] == "merge"
    assert conflict["details"]["other_customer_id"] == older["id"]
    assert server.count("SELECT count(*) FROM customer WHERE merged_into IS NOT NULL") == 0
    resolve = {"conflict_id": conflict_id, "resolution": "merge", "resolved_by": "mgr"}
    server.push(device, [device.op(CONFLICT_RESOLVED, resolve)])
    again = server.push(device, [device.op(CONFLICT_RESOLVED, resolve)])
    assert again["results"][0]["status"] == "applied"  # already resolved: no effect
    customers = _customers(server, device)
    assert customers[newer["id"]]["merged_into"] == older["id"]
    assert "对花粉过敏" in customers[older["id"]]["notes"]
    assert "喜欢安静" in customers[older["id"]]["notes"]
    assert _conflicts(server, device)[conflict_id]["status"] == "resolved"
    assert server.count("SELECT count(*) FROM customer WHERE merged_into IS NOT NULL") == 1


def test_the_higher_stamp_wins_and_both_values_are_kept(server: Server) -> None:
    a, b = server.enroll(), server.enroll()
    ms = int(server.clock().timestamp() * 1000)
    base = builders.customer(hlc_ms=ms - 10_000)
    server.push(a, [a.op(CUSTOMER_CREATED, base)])
    late = {"id": base["id"], "changed": {"name": "张三丰"}, "before": {"name": "张三"},
            "hlc": protocol.hlc_stamp(ms - 1000, 0, "b")}  # fmt: skip
    early = {"id": base["id"], "changed": {"name": "张小三"}, "before": {"name": "张三"},
             "hlc": protocol.hlc_stamp(ms - 2000, 0, "a")}  # fmt: skip
    server.push(b, [b.op(CUSTOMER_UPDATED, late)])
    answer = server.push(a, [a.op(CUSTOMER_UPDATED, early)])
    assert answer["results"][0]["status"] == "applied_with_flags"
    conflict = _conflicts(server, a)[answer["results"][0]["conflict_ids"][0]]
    assert conflict["type"] == "field_overwritten"
    assert conflict["details"]["winner"]["value"] == "张三丰"
    assert conflict["details"]["loser"]["value"] == "张小三"
    assert _customers(server, a)[base["id"]]["name"] == "张三丰"
    kept = "SELECT count(*) FROM customer_field_history WHERE field = 'name'"
    assert server.count(kept) == 3
    use_other = {"conflict_id": conflict["id"], "resolution": "use_other", "resolved_by": "mgr"}
    server.push(a, [a.op(CONFLICT_RESOLVED, use_other)])
    restored = _customers(server, a)[base["id"]]
    assert restored["name"] == "张小三"
    assert restored["stamps"]["name"] > late["hlc"]


def test_a_stamp_from_the_future_is_clamped_and_flagged(server: Server, device: Device) -> None:
    ahead = int(server.clock().timestamp() * 1000) + 3_600_000
    new = builders.customer(hlc_ms=ahead)
    answer = server.push(device, [device.op(CUSTOMER_CREATED, new)])
    conflict = _conflicts(server, device)[answer["results"][0]["conflict_ids"][0]]
    assert conflict["type"] == "clock_ahead"
    stamp = _customers(server, device)[new["id"]]["stamps"]["name"]
    assert protocol.hlc_parts(stamp)[0] == int(server.clock().timestamp() * 1000)


def test_notes_are_only_appended(server: Server) -> None:
    a, b = server.enroll(), server.enroll()
    new = builders.customer(notes="对花粉过敏")
    server.push(a, [a.op(CUSTOMER_CREATED, new)])
    ms = int(server.clock().timestamp() * 1000)
    edit_a = {"id": new["id"], "changed": {"notes": "对花粉过敏\n偏好下午"},
              "before": {"notes": "对花粉过敏"}, "hlc": protocol.hlc_stamp(ms, 1, "a")}  # fmt: skip
    edit_b = {"id": new["id"], "changed": {"notes": "孕期"},
              "before": {"notes": "对花粉过敏"}, "hlc": protocol.hlc_stamp(ms, 2, "b")}  # fmt: skip
    server.push(a, [a.op(CUSTOMER_UPDATED, edit_a)])
    server.push(b, [b.op(CUSTOMER_UPDATED, edit_b)])
    notes = _customers(server, a)[new["id"]]["notes"]
    assert notes == "对花粉过敏\n偏好下午\n孕期"


def test_resolutions_must_fit_the_conflict(server: Server, device: Device) -> None:
    ahead = int(server.clock().timestamp() * 1000) + 3_600_000
    answer = server.push(device, [device.op(CUSTOMER_CREATED, builders.customer(hlc_ms=ahead))])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    merge = {"conflict_id": conflict_id, "resolution": "merge", "resolved_by": "mgr"}
    unknown = {"conflict_id": "nope", "resolution": "accept", "resolved_by": "mgr"}
    ops = [device.op(CONFLICT_RESOLVED, p) for p in (merge, unknown)]
    assert {r["status"] for r in server.push(device, ops)["results"]} == {"rejected"}
    accept = {**merge, "resolution": "accept"}
    server.push(device, [device.op(CONFLICT_RESOLVED, accept)])
    assert _conflicts(server, device)[conflict_id]["resolution"] == "accept"


def test_staff_and_catalog_seeded_by_a_counter_flow_down(server: Server, device: Device) -> None:
    member, item = builders.staff(), builders.catalog_item(9900)
    ops = [device.op(STAFF_SAVED, member), device.op(CATALOG_ITEM_SAVED, item)]
    server.push(device, ops)
    item2 = {**item, "price": 8800}
    server.push(device, [device.op(CATALOG_ITEM_SAVED, item2)])
    changes = server.pull(device)["changes"]
    assert [c["entity"] for c in changes] == ["staff", "catalog_item", "catalog_item"]
    assert changes[0]["data"]["pin_hash"] == member["pin_hash"]
    assert changes[2]["data"]["price"] == 8800
