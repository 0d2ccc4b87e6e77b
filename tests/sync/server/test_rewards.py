"""Points for a catalog item at the server (SQLite and PostgreSQL): catalog.item_saved version 4
carries `points_price`, kept and sent down, an older counter's version-3 edit keeps it; a sale
with a line redeemed with points (price 0, the member discount all of it, a points spend tied
to the line) and the refund of that line (no money back, the points back) both apply."""

from __future__ import annotations

from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED
from sync.operations.setup import CATALOG_ITEM_SAVED
from sync.server import master_data
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def test_a_points_price_is_kept_and_an_older_counters_edit_keeps_it(
    server: Server, device: Device
) -> None:
    item = builders.catalog_item(19800) | {"points_price": 2000}
    server.push(device, [device.op(CATALOG_ITEM_SAVED, item)])
    older = device.op(CATALOG_ITEM_SAVED, builders.catalog_item(21800, item["id"]))
    result = server.push(device, [{**older, "payload_version": 3}])  # knows no points price
    assert result["results"][0]["status"] == "applied", result
    fed = [c for c in server.pull(device)["changes"] if c["entity"] == "catalog_item"]
    assert (fed[-1]["data"]["price"], fed[-1]["data"]["points_price"]) == (21800, 2000)
    [entry] = master_data.store_catalog(server.engine.connect(), server.store_id)
    assert entry.points_price == 2000 and entry.fields()["points_price"] == 2000


def test_a_redeemed_line_and_its_refund_apply_with_their_points(
    server: Server, device: Device
) -> None:
    customer = builders.customer()
    sale = builders.sale([(builders.new_id(), 12800), (builders.new_id(), 16800)], customer["id"])
    redeemed = sale["lines"][0]
    redeemed |= {"unit_price": 0, "total": 0, "net_total": 0, "member_discount": 12800}
    sale |= {"subtotal": 16800, "total": 16800, "tendered": 16800}
    sale["payments"] = [sale["payments"][0] | {"tendered": 16800, "applied": 16800}]
    spend = builders.balance_entry(
        customer["id"], "points", -2000, "spend", ticket_id=sale["id"], line_id=redeemed["id"]
    )
    given = builders.balance_entry(customer["id"], "points", 3000, "adjust")
    sale["entries"] = [spend]
    pushed = server.push(
        device,
        [
            device.op(CUSTOMER_CREATED, customer),
            device.op(
                "points.adjusted",
                {
                    "customer_id": customer["id"],
                    "entries": [given],
                    "approved_by": builders.new_id(),
                    "reason": "开业活动",
                },
            ),
            device.op(SALE_COMPLETED, sale),
        ],
    )
    assert [r["status"] for r in pushed["results"]] == ["applied"] * 3, pushed
    refund = builders.refund(sale, 0) | {"tenders": []}
    back = spend | {"id": builders.new_id(), "amount": 2000, "reason": "reverse"}
    refund["entries"] = [back]
    pushed = server.push(device, [device.op(SALE_REFUNDED, refund)])
    assert pushed["results"][0]["status"] == "applied", pushed
    points = server.count(
        "SELECT COALESCE(SUM(amount), 0) FROM balance_entry WHERE customer_id = :c",
        c=customer["id"],
    )
    assert points == 3000
