"""The stock document pages (SQLite and PostgreSQL): suppliers, purchase orders, stocktakes
and transfers pushed by two stores' counters (stock_documents_scenario.py on StockChain's
ledgers), and every figure the pages show — each order's state, ordered and received
packages and totals, each stocktake's sheet and variance, each transfer's lines sent and
received — equals a computation written here from the server's raw rows. And the scope: a
manager sees their store's documents only, another owner nothing."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html import unescape
from typing import Any

import pytest

from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.stock_documents_scenario import StockDocuments
from tests.sync.web.test_console_reports import table
from tests.sync.web.test_console_stock import StockChain, _csv, _rows, _yuan

Row = dict[str, Any]


@pytest.fixture
def documents(server: Server) -> StockDocuments:
    return StockDocuments(StockChain(server))


def _money(fen: int) -> str:
    return f"{'-' if fen < 0 else ''}¥{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def _orders_from_rows(server: Server) -> dict[str, Row]:
    """Each order's state, packages ordered and received, and total, the long way: what
    arrived is the receipts' movements naming the order, in whole packages."""
    packs = {r["id"]: r["pack_size"] for r in _rows(server, "SELECT * FROM catalog_item")}
    documents = {
        r["id"]: r["purchase_order_id"]
        for r in _rows(server, "SELECT * FROM stock_document")
        if r["purchase_order_id"]
    }
    units: dict[tuple[str, str], int] = defaultdict(int)
    for m in _rows(server, "SELECT * FROM stock_movement"):
        if m["document_id"] in documents:
            units[documents[m["document_id"]], m["product_id"]] += m["quantity"]
    found = {}
    for order in _rows(server, "SELECT * FROM purchase_order"):
        lines = json.loads(order["lines"])
        came = {
            line["product_id"]: units[order["id"], line["product_id"]] // packs[line["product_id"]]
            for line in lines
        }
        state = order["status"]
        if state == "ordered" and any(came.values()):
            whole = all(came[x["product_id"]] >= x["packages"] for x in lines)
            state = "received" if whole else "partly_received"
        found[order["number"]] = {
            "state": state,
            "ordered": sum(x["packages"] for x in lines),
            "received": sum(came.values()),
            "total": sum(x["packages"] * x["unit_cost"] for x in lines),
            "lines": {x["product_id"]: (x["packages"], came[x["product_id"]]) for x in lines},
        }
    return found


STATE_WORDS = {
    "draft": "草稿",
    "ordered": "已下单",
    "partly_received": "部分到货",
    "received": "已到货",
    "cancelled": "已取消",
}


def test_purchase_orders_show_their_state_and_what_came(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    expected = _orders_from_rows(server)
    assert {e["state"] for e in expected.values()} == set(STATE_WORDS)
    store = server.store_id
    page = owner.client.get(f"/console/stock/orders?store={store}")
    assert page.status_code == 200
    rows = table(page.text, "orders")
    numbers = {o["id"]: o["number"] for o in documents.orders.values()}
    got = {numbers[k]: c for k, c in rows.items()}
    assert set(got) == set(expected)
    for number, cells in got.items():
        e = expected[number]
        assert STATE_WORDS[e["state"]] in cells[2], number
        assert cells[-2] == f"{e['received']}/{e['ordered']}"
        assert cells[-1] == _money(e["total"])
    text = unescape(page.text)
    assert (
        f'data-testid="orders-total">{_money(sum(e["total"] for e in expected.values()))}<' in text
    )
    partly = documents.orders["partly_received"]
    only = table(owner.client.get("/console/stock/orders?state=partly_received").text, "orders")
    assert list(only) == [partly["id"]]
    lines = _csv(owner, f"/console/stock/orders?store={store}&format=csv")
    assert lines[0][:4] == ["门店", "单号", "供应商", "状态"]
    by_line = {(r[1], r[6]): (int(r[9]), int(r[10]), int(r[11]), r[13]) for r in lines[1:]}
    names = {r["id"]: r["name"] for r in _rows(server, "SELECT id, name FROM catalog_item")}
    want = {}
    for number, e in expected.items():
        order = next(o for o in documents.orders.values() if o["number"] == number)
        for x in order["lines"]:
            ordered, came = e["lines"][x["product_id"]]
            want[number, names[x["product_id"]]] = (
                ordered, came, max(0, ordered - came), _yuan(ordered * x["unit_cost"])
            )  # fmt: skip
    assert by_line == want


def test_an_orders_page_lays_ordered_beside_received(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    expected = _orders_from_rows(server)
    order = documents.orders["partly_received"]
    e = expected[order["number"]]
    path = f"/console/stores/{server.store_id}/stock/orders/{order['id']}"
    page = owner.client.get(path)
    assert page.status_code == 200 and "部分到货" in page.text
    lines = table(page.text, "order-lines")
    assert {p: (int(c[1]), int(c[2]), int(c[3])) for p, c in lines.items()} == {
        p: (ordered, came, max(0, ordered - came)) for p, (ordered, came) in e["lines"].items()
    }
    assert any(came for _, came in e["lines"].values())
    assert f'data-testid="order-total">{_money(e["total"])}<' in unescape(page.text)
    supplier = next(s for s in documents.suppliers if s["id"] == order["supplier_id"])
    assert supplier["name"] in page.text
    elsewhere = f"/console/stores/{server.other_store_id}/stock/orders/{order['id']}"
    assert owner.client.get(elsewhere).status_code == 404  # not that store's order


def test_suppliers_with_their_orders(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    page = owner.client.get(f"/console/stock/suppliers?store={server.store_id}")
    rows = table(page.text, "suppliers")
    orders: dict[str, int] = defaultdict(int)
    for o in _rows(server, "SELECT * FROM purchase_order"):
        orders[o["supplier_id"]] += 1
    assert set(rows) == {s["id"] for s in documents.suppliers}
    for supplier in documents.suppliers:
        cells = rows[supplier["id"]]
        assert cells[0].startswith(supplier["name"]) and cells[3] == str(orders[supplier["id"]])
    assert page.text.count('data-testid="inactive-mark"') == 1
    lines = _csv(owner, "/console/stock/suppliers?format=csv")
    assert {r[1]: r[5] for r in lines[1:]} == {
        s["name"]: "" if s["active"] else "1" for s in documents.suppliers
    }


def test_stocktakes_list_and_posted_sheet_equal_the_rows(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    takes = {r["id"]: r for r in _rows(server, "SELECT * FROM stocktake")}
    posted = takes[documents.posted["id"]]
    sheet = json.loads(posted["lines"])
    variance = sum(x["value"] for x in sheet)
    assert variance < 0 and takes[documents.counting["id"]]["lines"] is None
    page = owner.client.get("/console/stock/stocktakes")
    rows = table(page.text, "stocktakes")
    assert set(rows) == set(takes)
    assert rows[posted["id"]][-1] == _money(variance)
    assert rows[posted["id"]][-2] == str(sum(1 for x in sheet if x["difference"]))
    assert "已过账" in rows[posted["id"]][3] and "盘点中" in rows[documents.counting["id"]][3]
    assert "全店" in rows[posted["id"]][2] and "护肤品" in rows[documents.counting["id"]][2]
    path = f"/console/stores/{server.store_id}/stock/stocktakes/{posted['id']}"
    detail = owner.client.get(path)
    lines = table(detail.text, "sheet")
    assert {p: [c[1], c[2], c[3], c[4]] for p, c in lines.items()} == {
        x["product_id"]: [
            str(x["expected"]),
            str(x["counted"]),
            f"{x['difference']:+d}" if x["difference"] else "0",
            _money(x["value"]),
        ]
        for x in sheet
    }
    assert f'data-testid="stocktake-variance" class="negative">{_money(variance)}<' in unescape(
        detail.text
    )
    csv_lines = _csv(owner, f"{path}?format=csv")
    assert sorted((int(r[3]), int(r[4]), int(r[5]), r[6]) for r in csv_lines[1:]) == sorted(
        (x["expected"], x["counted"], x["difference"], _yuan(x["value"])) for x in sheet
    )
    listed = _csv(owner, "/console/stock/stocktakes?format=csv")
    assert {r[1]: r[8] for r in listed[1:]} == {
        posted["number"]: _yuan(variance),
        takes[documents.counting["id"]]["number"]: "",
    }


def test_an_open_stocktake_shows_the_counts_so_far(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    take = documents.counting
    path = f"/console/stores/{server.other_store_id}/stock/stocktakes/{take['id']}"
    page = owner.client.get(path)
    assert page.status_code == 200 and "盘点中" in page.text
    lines = table(page.text, "sheet")
    counts: dict[str, int] = defaultdict(int)
    for c in _rows(server, "SELECT * FROM stocktake_count"):
        if c["stocktake_id"] == take["id"]:
            counts[c["product_id"]] += c["quantity"]
    assert {p: int(c[1]) for p, c in lines.items()} == counts == take["counted"]
    untouched = documents._start(server.other_store_id, "full", [])
    empty = owner.client.get(path.replace(take["id"], untouched["id"]))
    assert empty.status_code == 200 and "还没有清点任何商品。" in empty.text


def test_transfers_between_the_stores_sent_beside_received(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    held = {r["id"]: r for r in _rows(server, "SELECT * FROM stock_transfer")}
    assert set(held) == {documents.short["id"], documents.in_transit["id"]}
    short = held[documents.short["id"]]
    sent = json.loads(short["lines"])
    came = json.loads(short["received"])["lines"]
    gone = sum(x["quantity"] for x in sent) - sum(x["received"] for x in came)
    assert gone > 0
    for store, direction in ((server.store_id, "调出"), (server.other_store_id, "调入")):
        rows = table(owner.client.get(f"/console/stock/transfers?store={store}").text, "transfers")
        assert set(rows) == set(held)
        cells = rows[short["id"]]
        assert cells[1] == direction and "已收货（有差异）" in cells[4]
        figures = [sum(x["quantity"] for x in sent), sum(x["received"] for x in came), gone]
        assert cells[-3:] == [str(n) for n in figures]
        assert "在途" in rows[documents.in_transit["id"]][4]
    path = f"/console/stores/{server.other_store_id}/stock/transfers/{short['id']}"
    lines = table(owner.client.get(path).text, "transfer-lines")
    assert {p: (int(c[2]), int(c[3])) for p, c in lines.items()} == {
        x["product_id"]: (x["quantity"], y["received"]) for x, y in zip(sent, came, strict=True)
    }
    csv_lines = _csv(owner, "/console/stock/transfers?format=csv")
    pairs = zip(sent, came, strict=True)
    want = [(short["number"], x["quantity"], str(y["received"])) for x, y in pairs]
    want += [
        (documents.in_transit["number"], x["quantity"], "") for x in documents.in_transit["lines"]
    ]
    assert sorted((r[0], int(r[9]), r[10]) for r in csv_lines[1:]) == sorted(want)


def test_a_manager_sees_their_stores_documents_and_another_owner_nothing(
    server: Server, manager: Browser, rival: Browser, documents: StockDocuments
) -> None:
    other = server.other_store_id
    for tab in ("suppliers", "orders", "stocktakes", "transfers"):
        assert manager.client.get(f"/console/stock/{tab}?store={other}").status_code == 404
        assert rival.client.get(f"/console/stock/{tab}?store={other}").status_code == 404
        assert rival.client.get(f"/console/stock/{tab}?store={server.store_id}").status_code == 404
        assert len(_csv(rival, f"/console/stock/{tab}?format=csv")) == 1  # the header alone
    takes = table(manager.client.get("/console/stock/stocktakes").text, "stocktakes")
    assert list(takes) == [documents.posted["id"]]  # the second store's is not theirs
    for path in (
        f"/console/stores/{other}/stock/stocktakes/{documents.counting['id']}",
        f"/console/stores/{other}/stock/transfers/{documents.short['id']}",
        f"/console/stores/{server.store_id}/stock/stocktakes/{documents.counting['id']}",
        f"/console/stores/{server.store_id}/stock/orders/{documents.orders['draft']['id']}",
        f"/console/stores/{server.store_id}/stock/transfers/{documents.short['id']}",
    ):
        assert rival.client.get(path).status_code == 404, path
    mine = f"/console/stores/{server.store_id}/stock/transfers/{documents.short['id']}"
    page = manager.client.get(mine)  # sent from their store: theirs to see, the other named
    assert page.status_code == 200 and "丽人美容 二店" in page.text
    manager_orders = table(manager.client.get("/console/stock/orders").text, "orders")
    assert set(manager_orders) == {o["id"] for o in documents.orders.values()}
    # one store in scope and none picked: the direction as theirs, each link to a page of it
    listed = manager.client.get("/console/stock/transfers")
    rows = table(listed.text, "transfers")
    assert rows[documents.short["id"]][1] == "调出"
    links = re.findall(r'href="(/console/stores/[^"]*/stock/transfers/[^"]+)"', listed.text)
    assert links and all(manager.client.get(link).status_code == 200 for link in links)


def test_the_document_pages_speak_english_when_asked(
    server: Server, owner: Browser, documents: StockDocuments
) -> None:
    owner.client.cookies.set("salon_lang", "en")
    for tab, word in (
        ("suppliers", "Contact"),
        ("orders", "Partly received"),
        ("stocktakes", "Variance at cost"),
        ("transfers", "In transit"),
    ):
        page = owner.client.get(f"/console/stock/{tab}")
        assert page.status_code == 200 and 'lang="en"' in page.text and word in page.text, tab
