"""A negative_stock conflict on the owner's console: shown with the product and the tickets,
and settled by `record_found` through the same handler a counter's decision goes through."""

from __future__ import annotations

import html

from sync.operations.inventory import STOCK_MOVED
from sync.operations.sales import SALE_COMPLETED
from tests.sync.server.conftest import Server
from tests.sync.server.test_inventory import _on_hand, _product, _receipt, _sale_of
from tests.sync.web.conftest import Browser


def test_record_found_in_the_console_brings_the_stock_back_and_reaches_the_counters(
    server: Server, owner: Browser
) -> None:
    device, other = server.enroll(), server.enroll()
    product = _product(server, device)
    server.push(device, [device.op(STOCK_MOVED, _receipt(product, 1))])
    server.push(device, [device.op(SALE_COMPLETED, _sale_of(product))])
    sold_too = _sale_of(product)
    answer = server.push(other, [other.op(SALE_COMPLETED, sold_too)])
    conflict_id = answer["results"][0]["conflict_ids"][0]
    conflicts = f"/console/stores/{server.store_id}/conflicts"
    page = html.unescape(owner.client.get(conflicts).text)
    assert "库存为负" in page and "玻尿酸精华" in page and sold_too["number"] in page
    assert 'value="record_found"' in page
    done = owner.post(f"{conflicts}/{conflict_id}", conflicts, resolution="record_found")
    assert done.status_code == 303
    assert _on_hand(server, product) == 0
    pulled = server.pull(device)["changes"]
    found = [c for c in pulled if c["entity"] == "stock_movement"][-1]
    assert (found["data"]["kind"], found["data"]["quantity"]) == ("adjustment", 1)
    assert found["data"]["document_id"] == conflict_id and found["origin_device_id"] is None
    again = owner.post(f"{conflicts}/{conflict_id}", conflicts, resolution="record_found")
    assert again.status_code == 409  # decided once
    assert _on_hand(server, product) == 0
