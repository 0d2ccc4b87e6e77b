"""The change feed: in order, paged, per store."""

from __future__ import annotations

from sync.operations.sales import (
    SALE_COMPLETED,
)
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def test_changes_come_in_order_and_in_pages(server: Server, device: Device) -> None:
    ops = [device.op(SALE_COMPLETED, builders.sale()) for _ in range(7)]
    server.push(device, ops)
    seen, after, pages = [], 0, 0
    while True:
        page = server.pull(device, after=after, limit=3)
        seen += page["changes"]
        pages += 1
        assert page["last_seq"] == 7
        if not page["more"]:
            break
        after = page["changes"][-1]["seq"]
    assert pages == 3
    assert [c["seq"] for c in seen] == list(range(1, 8))
    assert [c["entity_id"] for c in seen] == [op["payload"]["id"] for op in ops]
    assert all(c["origin_device_id"] == device.id for c in seen)
    assert server.pull(device, after=7) == {"changes": [], "last_seq": 7, "more": False}
