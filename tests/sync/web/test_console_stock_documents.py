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
from datetime import date, datetime, timedelta
from html import unescape
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sync.operations.inventory import (
    PURCHASE_ORDER_SAVED,
    STOCKTAKE_POSTED,
    STOCKTAKE_STARTED,
    TRANSFER_SENT,
)
from sync.server.web.routes.stock import ROWS_PER_PAGE
from tests.sync.server import builders
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.stock_documents_scenario import StockDocuments
from tests.sync.web.stock_documents_scenario import _stamp as stamp
from tests.sync.web.test_console_reports import table
from tests.sync.web.test_console_stock import TODAY, StockChain, _csv, _movement, _rows, _yuan

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


# --- the lists' period: the last 90 business days unless asked, read in the SQL

RECENT = TODAY - timedelta(days=89)  # 2026-08-23, the first of the default period's days
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _moment(day: date, hour: int, minute: int = 0) -> str:
    """A moment on the store's clock (Asia/Shanghai), as the counters send it (UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).isoformat()


class Older:
    """StockDocuments, and in the first store documents of earlier days: two orders either
    side of the default period's first business day (04:00 on the store's clock; the one
    before it cancelled), an order placed long before and still awaiting its goods, a
    stocktake started long before it and posted on its first day, one started and left long
    before, and a transfer sent to the second store long before and still on its way."""

    def __init__(self, documents: StockDocuments) -> None:
        self.documents = documents
        store = documents.first
        self.inside = self._order("PO-OLD-IN", _moment(RECENT, 4, 0))
        self.outside = self._order("PO-OLD-OUT", _moment(RECENT, 3, 59), "cancelled")
        self.waiting = self._order(
            "PO-OLD-WAIT", _moment(TODAY - timedelta(days=200), 12), "ordered"
        )  # nothing received: open
        self.late_post = self._stocktake("ST-OLD-POSTED", TODAY - timedelta(days=120), RECENT)
        self.forgotten = self._stocktake("ST-OLD-OPEN", TODAY - timedelta(days=200), None)
        self.transfer = self._transfer(TODAY - timedelta(days=200))
        self.store = store

    def _order(self, number: str, created: str, status: str = "draft") -> Row:
        product = self.documents.chain.products[self.documents.first][0]
        order = {
            "id": builders.new_id(),
            "number": number,
            "supplier_id": self.documents.suppliers[0]["id"],
            "status": status,
            "lines": [{"product_id": product["id"], "packages": 1, "unit_cost": 100}],
            "note": "",
            "created_at": created,
            "created_by": self.documents._staff(self.documents.first),
            "ordered_at": None,
            "hlc": stamp(),
        }
        self.documents._push(self.documents.first, PURCHASE_ORDER_SAVED, order)
        return order

    def _stocktake(self, number: str, started: date, posted: date | None) -> Row:
        store = self.documents.first
        take = {
            "id": builders.new_id(),
            "number": number,
            "scope": "full",
            "categories": [],
            "started_at": _moment(started, 10),
            "started_by": self.documents._staff(store),
            "business_day": started.isoformat(),
        }
        self.documents._push(store, STOCKTAKE_STARTED, take)
        if posted is not None:
            post = {
                "stocktake_id": take["id"],
                "posted_at": _moment(posted, 11),
                "posted_by": self.documents._staff(store),
                "business_day": posted.isoformat(),
                "lines": [],
                "movements": [],
            }
            self.documents._push(store, STOCKTAKE_POSTED, post)
        return take

    def _transfer(self, day: date) -> Row:
        source, target = self.documents.first, self.documents.second
        transfer_id = builders.new_id()
        product = self.documents.chain.products[source][-1]["id"]  # the chain item
        sent = {
            "id": transfer_id,
            "number": "TR-OLD-0001",
            "to_store_id": target,
            "sent_at": _moment(day, 12),
            "sent_by": self.documents._staff(source),
            "business_day": day.isoformat(),
            "note": "",
            "lines": [{"product_id": product, "batch": None, "quantity": 1}],
            "movements": [_movement(product, -1, "transfer_out", day, transfer_id)],
        }
        self.documents._push(source, TRANSFER_SENT, sent)
        return sent


@pytest.fixture
def older(documents: StockDocuments) -> Older:
    return Older(documents)


def _listed(browser: Browser, path: str, name: str) -> set[str]:
    page = browser.client.get(path)
    assert page.status_code == 200, page.text
    return set(table(page.text, name))


def _csv_numbers(browser: Browser, path: str, column: int) -> set[str]:
    return {r[column] for r in _csv(browser, path)[1:]}


def test_the_lists_show_the_last_90_days_unless_asked(
    server: Server, owner: Browser, documents: StockDocuments, older: Older
) -> None:
    recent_orders = {o["id"] for o in documents.orders.values()}
    old_ones = {older.inside["id"], older.waiting["id"]}  # the day's first minute; still open
    assert _listed(owner, "/console/stock/orders", "orders") == recent_orders | old_ones
    csv_orders = _csv_numbers(owner, "/console/stock/orders?format=csv", 1)
    assert {"PO-OLD-IN", "PO-OLD-WAIT"} <= csv_orders and "PO-OLD-OUT" not in csv_orders
    takes = _listed(owner, "/console/stock/stocktakes", "stocktakes")
    assert {older.late_post["id"], older.forgotten["id"]} <= takes  # posted in it; not posted
    csv_takes = _csv_numbers(owner, "/console/stock/stocktakes?format=csv", 1)
    assert {"ST-OLD-POSTED", "ST-OLD-OPEN"} <= csv_takes
    transfers = _listed(owner, "/console/stock/transfers", "transfers")
    on_their_way = {documents.short["id"], documents.in_transit["id"], older.transfer["id"]}
    assert transfers == on_their_way
    assert "TR-OLD-0001" in _csv_numbers(owner, "/console/stock/transfers?format=csv", 0)
    page = owner.client.get("/console/stock/orders")
    assert f'value="{RECENT.isoformat()}"' in page.text and f'value="{TODAY}"' in page.text
    assert "最近 90 天" not in page.text  # the default: no link back to it


def test_a_period_asked_lists_its_documents_only_in_the_page_and_the_csv(
    server: Server, owner: Browser, documents: StockDocuments, older: Older
) -> None:
    long_ago = TODAY - timedelta(days=200)
    before = f"from={long_ago}&to={RECENT - timedelta(days=1)}"
    orders = _listed(owner, f"/console/stock/orders?{before}", "orders")
    assert orders == {older.outside["id"], older.waiting["id"]}  # 03:59: the 22nd's day
    csv_orders = _csv_numbers(owner, f"/console/stock/orders?{before}&format=csv", 1)
    assert csv_orders == {"PO-OLD-OUT", "PO-OLD-WAIT"}  # not the open ones made after it
    takes = _listed(owner, f"/console/stock/stocktakes?{before}", "stocktakes")
    assert takes == {older.late_post["id"], older.forgotten["id"]}  # started then
    for store in (server.store_id, server.other_store_id):  # sent from the one, to the other
        path = f"/console/stock/transfers?store={store}&{before}"
        assert _listed(owner, path, "transfers") == {older.transfer["id"]}
        assert _csv_numbers(owner, f"{path}&format=csv", 0) == {"TR-OLD-0001"}
    one_day = f"from={RECENT}&to={RECENT}"
    assert _listed(owner, f"/console/stock/orders?{one_day}", "orders") == {
        older.inside["id"],
        older.waiting["id"],  # placed before that day and awaiting goods since
    }
    assert _listed(owner, f"/console/stock/stocktakes?{one_day}", "stocktakes") == {
        older.late_post["id"],  # posted that day
        older.forgotten["id"],  # started before, not posted yet
    }
    page = owner.client.get(f"/console/stock/transfers?{before}")
    assert "最近 90 天" in page.text and 'href="/console/stock/transfers?"' in page.text
    # a document of any age is still found on its own page
    for path in (
        f"/console/stores/{server.store_id}/stock/orders/{older.outside['id']}",
        f"/console/stores/{server.store_id}/stock/stocktakes/{older.forgotten['id']}",
        f"/console/stores/{server.store_id}/stock/transfers/{older.transfer['id']}",
    ):
        assert owner.client.get(path).status_code == 200, path


def test_the_pager_and_the_steps_keep_the_period_and_the_filters(
    server: Server, owner: Browser, documents: StockDocuments, older: Older
) -> None:
    march = [older._order(f"PO-MAR-{n:04d}", _moment(date(2026, 3, 1 + n % 31), 12), "ordered")
             for n in range(ROWS_PER_PAGE + 1)]  # fmt: skip
    april = older._order("PO-APR-0001", _moment(date(2026, 4, 1), 12), "ordered")
    asked = f"store={server.store_id}&state=ordered&from=2026-03-01&to=2026-03-31"
    first = owner.client.get(f"/console/stock/orders?{asked}")
    assert len(table(first.text, "orders")) == ROWS_PER_PAGE
    following = re.search(r'href="([^"]+)" data-testid="next-page"', first.text)
    assert following
    link = unescape(following.group(1))
    for part in [*asked.split("&"), "page=2"]:
        assert part in link, part
    rest = table(owner.client.get(link).text, "orders")
    seen = set(table(first.text, "orders")) | set(rest)
    assert seen == {o["id"] for o in march}  # every one of March, none of April
    steps = {
        name: unescape(m)
        for m, name in re.findall(r'href="([^"]+)" data-testid="period-(\w+)"', first.text)
    }
    assert "from=2026-01-29&to=2026-02-28" in steps["earlier"]  # as long, just before
    assert "from=2026-04-01&to=2026-05-01" in steps["later"]
    for link in steps.values():
        assert "state=ordered" in link and f"store={server.store_id}" in link
        assert "page=" not in link
    later = set(table(owner.client.get(steps["later"]).text, "orders"))  # its first page
    assert april["id"] in later and later <= {april["id"]} | seen  # March's still await goods


@pytest.mark.parametrize("tab", ["orders", "documents", "stocktakes", "transfers"])
def test_a_bad_period_is_answered_with_the_reason(
    server: Server, owner: Browser, documents: StockDocuments, tab: str
) -> None:
    for asked, reason in (
        ("from=2026-11-20&to=2026-11-01", "结束日期（2026-11-01）早于开始日期（2026-11-20）"),
        ("from=2026-13-40", "“2026-13-40”不是有效日期"),
        ("to=2026-02-30", "“2026-02-30”不是有效日期"),
        ("from=9999-12-01&to=9999-12-31", "“9999-12-31”不是有效日期"),
        ("from=2020-01-01&to=2026-11-20", "最多覆盖 1098 天"),
    ):
        for extra in ("", "&format=csv"):
            page = owner.client.get(f"/console/stock/{tab}?{asked}{extra}")
            assert page.status_code == 400, (asked, page.status_code)
            assert 'data-testid="period-problem"' in page.text and reason in page.text, asked
            assert 'data-testid="csv-link"' not in page.text
            assert "最近 90 天" in page.text  # a way back
    owner.client.cookies.set("salon_lang", "en")
    page = owner.client.get(f"/console/stock/{tab}?from=2026-11-20&to=2026-11-01")
    assert page.status_code == 400 and "ends (2026-11-01) before it starts (2026-11-20)" in (
        page.text
    )


def test_a_period_leaves_the_scope_as_it_was(
    server: Server, manager: Browser, rival: Browser, documents: StockDocuments, older: Older
) -> None:
    every = f"from={TODAY - timedelta(days=300)}&to={TODAY}"
    other = server.other_store_id
    for tab in ("orders", "documents", "stocktakes", "transfers"):
        assert manager.client.get(f"/console/stock/{tab}?store={other}&{every}").status_code == 404
        assert rival.client.get(f"/console/stock/{tab}?store={other}&{every}").status_code == 404
        assert len(_csv(rival, f"/console/stock/{tab}?{every}&format=csv")) == 1  # the header
        bad = rival.client.get(f"/console/stock/{tab}?store={other}&from=2026-13-01")
        assert bad.status_code == 404  # another's store: not found, whatever the period
    takes = _listed(manager, f"/console/stock/stocktakes?{every}", "stocktakes")
    assert takes == {documents.posted["id"], older.late_post["id"], older.forgotten["id"]}
    transfers = _listed(manager, f"/console/stock/transfers?{every}", "transfers")
    assert older.transfer["id"] in transfers
