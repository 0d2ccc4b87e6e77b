"""A sale's stock put back once (issue 13, docs/inventory.md "Server"): a sale voided on two
counters while apart, or voided on one and refunded on another, comes back twice from the
counters (each with movement ids of its own). The server records both as facts and reverses
what goes beyond what the sale took, per product and batch, by adjustments every counter
pulls; the money side raises money_back_twice as before."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from sync.operations.inventory import STOCK_MOVED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_inventory import _movement, _on_hand, _product, _receipt, _sale_of


def _sold(server: Server, device: Device, units: int = 2) -> tuple[str, dict[str, Any]]:
    """A product received (10) and a sale of `units` of it, from its batch."""
    product = _product(server, device)
    receipt = _receipt(product, 10)
    server.push(device, [device.op(STOCK_MOVED, receipt)])
    batch = receipt["batches"][0]["id"]
    sold = _sale_of(product, units)
    sold["stock"][0]["batch_id"] = batch
    assert (
        server.push(device, [device.op(SALE_COMPLETED, sold)])["results"][0]["status"] == "applied"
    )
    return product, sold


def _void(sold: dict[str, Any], units: int) -> dict[str, Any]:
    taken = sold["stock"][0]
    back = _movement(taken["product_id"], units, "void", sold["id"], batch_id=taken["batch_id"])
    return builders.void(sold) | {"stock": [back]}


def _refund(sold: dict[str, Any], units: int, amount: int) -> dict[str, Any]:
    refund = builders.refund(sold, amount)
    taken = sold["stock"][0]
    refund["stock"] = [
        _movement(taken["product_id"], units, "refund", refund["id"], batch_id=taken["batch_id"])
    ]
    return refund


def _rows(server: Server, sql: str, **params: Any) -> list[Any]:
    with server.engine.connect() as connection:
        return list(connection.execute(text(sql), params))


def _server_made(server: Server, product: str) -> list[tuple[str, int, str]]:
    """The movements made at the server (kind, units, document), each from the sale's batch."""
    rows = _rows(
        server,
        "SELECT m.kind, m.quantity, m.document_id, m.batch_id, t.batch_id AS taken "
        "FROM stock_movement m JOIN stock_movement t ON t.product_id = m.product_id "
        "AND t.kind = 'sale' WHERE m.product_id = :p AND m.device_id IS NULL ORDER BY m.id",
        p=product,
    )
    assert all(r.batch_id == r.taken for r in rows)
    return [(r.kind, r.quantity, r.document_id) for r in rows]


def _money_back_twice(server: Server) -> list[str]:
    return [r.id for r in _rows(server, "SELECT id FROM conflict WHERE type = 'money_back_twice'")]


def test_a_sale_voided_on_two_counters_puts_its_stock_back_once(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product, sold = _sold(server, device)
    first = server.push(device, [device.op(SALE_VOIDED, _void(sold, 2))])
    assert first["results"][0]["status"] == "applied"
    assert _on_hand(server, product) == 10
    second = server.push(other, [other.op(SALE_VOIDED, _void(sold, 2))])
    assert second["results"][0]["status"] == "applied_with_flags"
    assert _on_hand(server, product) == 10
    [conflict] = _money_back_twice(server)
    assert second["results"][0]["conflict_ids"] == [conflict]
    assert _server_made(server, product) == [("adjustment", -2, conflict)]
    # the other counter's void movement and the reversal reach the first counter
    pulled = [c["data"] for c in server.pull(device)["changes"] if c["entity"] == "stock_movement"]
    assert sorted((m["kind"], m["quantity"], m["device_id"]) for m in pulled[-2:]) == [
        ("adjustment", -2, None),
        ("void", 2, other.id),
    ]


def test_a_refund_then_a_void_on_another_counter_put_back_what_the_sale_took(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product, sold = _sold(server, device)
    server.push(device, [device.op(SALE_REFUNDED, _refund(sold, 1, 16800))])
    assert _on_hand(server, product) == 9
    server.push(other, [other.op(SALE_VOIDED, _void(sold, 2))])
    assert _on_hand(server, product) == 10
    [conflict] = _money_back_twice(server)
    assert _server_made(server, product) == [("adjustment", -1, conflict)]


def test_a_void_then_a_refund_on_another_counter_put_back_what_the_sale_took(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product, sold = _sold(server, device)
    server.push(device, [device.op(SALE_VOIDED, _void(sold, 2))])
    server.push(other, [other.op(SALE_REFUNDED, _refund(sold, 1, 16800))])
    assert _on_hand(server, product) == 10
    [conflict] = _money_back_twice(server)
    assert _server_made(server, product) == [("adjustment", -1, conflict)]


def test_refunds_of_the_same_units_without_a_money_clash_are_reversed_under_the_refund(
    server: Server, device: Device
) -> None:
    """Two counters each refund both units for half the money: no money clash, but the units
    came back twice; the second refund's reversal is recorded under that refund."""
    other = server.enroll()
    product, sold = _sold(server, device)
    half = sold["total"] // 2
    server.push(device, [device.op(SALE_REFUNDED, _refund(sold, 2, half))])
    second = _refund(sold, 2, half)
    answer = server.push(other, [other.op(SALE_REFUNDED, second)])
    assert answer["results"][0]["status"] == "applied"
    assert _on_hand(server, product) == 10
    assert _money_back_twice(server) == []
    assert _server_made(server, product) == [("adjustment", -2, second["id"])]


def test_a_partial_refund_and_the_rest_refunded_elsewhere_reverse_nothing(
    server: Server, device: Device
) -> None:
    other = server.enroll()
    product, sold = _sold(server, device)
    half = sold["total"] // 2
    server.push(device, [device.op(SALE_REFUNDED, _refund(sold, 1, half))])
    server.push(other, [other.op(SALE_REFUNDED, _refund(sold, 1, half))])
    assert _on_hand(server, product) == 10
    assert _server_made(server, product) == []


def test_a_void_sent_again_reverses_nothing_more(server: Server, device: Device) -> None:
    other = server.enroll()
    product, sold = _sold(server, device)
    server.push(device, [device.op(SALE_VOIDED, _void(sold, 2))])
    second = other.op(SALE_VOIDED, _void(sold, 2))
    server.push(other, [second])
    assert server.push(other, [second])["results"][0]["status"] == "duplicate"
    again = _void(sold, 2) | {"stock": second["payload"]["stock"]}  # same movements, a new op
    server.push(other, [other.op(SALE_VOIDED, again)])
    assert _on_hand(server, product) == 10
    assert len(_server_made(server, product)) == 1


def test_three_voids_on_three_counters_put_the_stock_back_once(
    server: Server, device: Device
) -> None:
    """The reversals already made count: a third void reverses its own units only."""
    other, third = server.enroll(), server.enroll()
    product, sold = _sold(server, device, units=3)
    server.push(device, [device.op(SALE_VOIDED, _void(sold, 3))])
    server.push(other, [other.op(SALE_VOIDED, _void(sold, 3))])
    server.push(third, [third.op(SALE_VOIDED, _void(sold, 3))])
    assert _on_hand(server, product) == 10
    assert sorted(q for _, q, _ in _server_made(server, product)) == [-3, -3]
