"""The receipts (入库) and write-offs (报损) on the console (SQLite and PostgreSQL): StockChain's
receipts and write-offs, StockDocuments' receipts against purchase orders, and a write-off of
expired stock and a receipt with a note pushed here, all by the stores' counters. Every figure
the pages and the CSV show — each document's kind, staff, reason, units and value at cost, its
lines, the totals — equals a computation written here from the server's raw rows. The kind
filter; a receipt against an order links to it. And the scope: a manager sees their store's
documents only, another owner nothing. The lists show the last 90 business days unless asked
(StockChain's ledgers go back further: those before are left out)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from html import unescape
from typing import Any

import pytest

from sync.operations.inventory import STOCK_MOVED
from tests.sync.server import builders
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser
from tests.sync.web.stock_documents_scenario import StockDocuments
from tests.sync.web.test_console_reports import table
from tests.sync.web.test_console_stock import (
    START,
    TODAY,
    Ledger,
    StockChain,
    _at,
    _csv,
    _movement,
    _rows,
    _yuan,
)
from tests.sync.web.test_console_stock_documents import _money

Row = dict[str, Any]
KIND_WORDS = {"receipt": "入库", "write_off": "报损"}
PATH = "/console/stock/documents"
RECENT = TODAY - timedelta(days=89)  # the first of the lists' 90 business days up to today


class Shelf:
    """StockDocuments, and in the first store a write-off of expired stock of two products
    (one from a batch) and a receipt with a note from a supplier named by hand."""

    def __init__(self, documents: StockDocuments) -> None:
        self.documents = documents
        store = self.store = documents.first
        chain = documents.chain
        serum, cream = chain.products[store][0], chain.products[store][1]
        batch = chain.batches[store, serum["id"]][0]
        self.write_off = self._push(
            "write_off",
            [(serum["id"], -45, batch), (cream["id"], -2, None)],
            reason="过期",
        )
        self.receipt = self._push(
            "receipt", [(cream["id"], 6, None)], reason="月初补货", supplier="本地批发"
        )

    def _push(self, kind: str, lines: list[tuple[str, int, str | None]], **more: Any) -> str:
        document, day = builders.new_id(), TODAY
        moves = [
            _movement(product, units, kind, day, document, batch_id=batch, reason="")
            for product, units, batch in lines
        ]
        self.documents._push(
            self.store,
            STOCK_MOVED,
            {
                "id": document,
                "document": kind,
                "business_day": day.isoformat(),
                "at": _at(day),
                "staff_id": self.documents._staff(self.store),
                "movements": moves,
                **more,
            },
        )
        return document


@pytest.fixture
def shelf(server: Server) -> Shelf:
    return Shelf(StockDocuments(StockChain(server)))


def _signed(units: int, cost: int, pack: int) -> int:
    value = (2 * abs(units) * cost + pack) // (2 * pack)
    return -value if units < 0 else value


def _documents_from_rows(server: Server, first: date = RECENT) -> dict[str, Row]:
    """Each receipt's and write-off's figures from the business day `first` on, the long way:
    its movements in its store, each at the store's cost of the product now (else the
    catalog's)."""
    ledger = Ledger(server)
    orders = {r["id"]: r["number"] for r in _rows(server, "SELECT * FROM purchase_order")}
    suppliers = {r["id"]: r["name"] for r in _rows(server, "SELECT * FROM supplier")}
    found = {}
    for d in _rows(server, "SELECT * FROM stock_document"):
        if d["business_day"] < first:
            continue
        store = d["store_id"]
        lines = []
        for m in ledger.moves:
            if m["store_id"] == store and m["document_id"] == d["id"]:
                item = ledger.items[m["product_id"]]
                cost = ledger.cost(store, m["product_id"])
                code = ledger.batches[m["batch_id"]]["code"] if m["batch_id"] else ""
                value = _signed(m["quantity"], cost, item["pack_size"])
                lines.append((item["name"], code, m["quantity"], value))
        found[d["id"]] = {
            "store": store,
            "kind": d["document"],
            "staff": ledger.staff[d["staff_id"]],
            "reason": d["reason"],
            "supplier": d["supplier"] or suppliers.get(d["supplier_id"] or "", ""),
            "order": orders.get(d["purchase_order_id"] or ""),
            "order_id": d["purchase_order_id"],
            "lines": sorted(lines),
            "units": sum(x[2] for x in lines),
            "value": sum(x[3] for x in lines),
        }
    return found


def test_a_stores_receipts_and_write_offs_with_units_value_and_reason(
    server: Server, owner: Browser, shelf: Shelf
) -> None:
    expected = _documents_from_rows(server)
    mine = {k: e for k, e in expected.items() if e["store"] == shelf.store}
    assert {e["kind"] for e in mine.values()} == {"receipt", "write_off"}
    page = owner.client.get(f"{PATH}?store={shelf.store}")
    assert page.status_code == 200
    rows = table(page.text, "documents")
    assert set(rows) == set(mine)
    for key, cells in rows.items():  # when, kind, products, by, reason, supplier, units, value
        e = mine[key]
        assert cells[1] == KIND_WORDS[e["kind"]] and cells[3] == e["staff"], key
        assert cells[4] == (e["reason"] or "—") and cells[5].startswith(e["supplier"] or "—")
        assert cells[6].split()[0] == str(e["units"]) and cells[7] == _money(e["value"]), key
    off = rows[shelf.write_off]
    assert off[2] == "保湿面霜 等 2 种" and off[4] == "过期" and off[6] == "-47"
    assert rows[shelf.receipt][6] == "6 件" and rows[shelf.receipt][5] == "本地批发"
    assert expected[shelf.write_off]["value"] < 0 < expected[shelf.receipt]["value"]
    text = unescape(page.text)
    for kind, testid in (("receipt", "documents-received"), ("write_off", "documents-written-off")):
        total = sum(e["value"] for e in mine.values() if e["kind"] == kind)
        assert f'data-testid="{testid}"' in text and f">{_money(total)}</strong>" in text
    against = [k for k, e in mine.items() if e["order"]]
    assert len(against) == 3  # StockDocuments' receipts against two orders
    for key in against:  # each links to its order
        row = re.search(rf'<tr data-key="{key}">(.*?)</tr>', page.text, re.S)
        link = f'href="/console/stores/{shelf.store}/stock/orders/{mine[key]["order_id"]}"'
        assert row and link in row.group(1) and mine[key]["order"] in row.group(1), key
    every = table(owner.client.get(PATH).text, "documents")  # the chain: both stores
    assert set(every) == set(expected) and len({e["store"] for e in expected.values()}) == 2


def test_the_kind_filter(server: Server, owner: Browser, shelf: Shelf) -> None:
    expected = _documents_from_rows(server)
    for kind in ("receipt", "write_off"):
        page = owner.client.get(f"{PATH}?kind={kind}")
        assert page.status_code == 200
        rows = table(page.text, "documents")
        assert set(rows) == {k for k, e in expected.items() if e["kind"] == kind}, kind
        assert f'<option value="{kind}" selected>' in page.text
    nothing = owner.client.get(f"{PATH}?kind=adjustment")
    assert nothing.status_code == 200 and "没有入库或报损记录。" in nothing.text


def test_the_period_leaves_out_older_documents_in_the_page_and_the_csv(
    server: Server, owner: Browser, shelf: Shelf
) -> None:
    every = _documents_from_rows(server, START)
    recent = _documents_from_rows(server)
    older = set(every) - set(recent)
    assert older and recent  # StockChain's ledgers go back to START, before the 90 days
    assert set(table(owner.client.get(PATH).text, "documents")) == set(recent)
    lines = _csv(owner, f"{PATH}?format=csv")[1:]
    assert len(lines) == sum(len(e["lines"]) for e in recent.values())
    assert min(date.fromisoformat(r[2]) for r in lines) >= RECENT
    asked = f"{PATH}?kind=receipt&from={START}&to={RECENT - timedelta(days=1)}"
    wanted = {k for k in older if every[k]["kind"] == "receipt"}
    page = owner.client.get(asked)
    assert wanted and set(table(page.text, "documents")) == wanted
    received = sum(every[k]["value"] for k in wanted)
    assert f'data-testid="documents-received">{_money(received)}<' in unescape(page.text)
    got = _csv(owner, f"{asked}&format=csv")[1:]
    assert len(got) == sum(len(every[k]["lines"]) for k in wanted)
    assert {r[3] for r in got} == {"入库"} and max(r[2] for r in got) < RECENT.isoformat()
    link = f"/console/stores/{every[min(older)]['store']}/stock/documents/{min(older)}"
    assert owner.client.get(link).status_code == 200  # its own page finds it at any age


def test_a_write_off_and_a_receipt_against_an_order_on_their_pages(
    server: Server, owner: Browser, shelf: Shelf
) -> None:
    expected = _documents_from_rows(server)
    e = expected[shelf.write_off]
    page = owner.client.get(f"/console/stores/{shelf.store}/stock/documents/{shelf.write_off}")
    assert page.status_code == 200
    lines = table(page.text, "document-lines")  # product, batch, expires, units, packages, value
    got = sorted((c[1].replace("—", ""), int(c[3]), c[5]) for c in lines.values())
    assert got == sorted((code, units, _money(v)) for _, code, units, v in e["lines"])
    assert sorted(c[0] for c in lines.values()) == [
        "保湿面霜护肤品 · 件",
        "玻尿酸精华护肤品 · 毫升",
    ]
    assert lines[shelf.documents.chain.products[shelf.store][0]["id"]][4] == "-1.5"  # 45 of 30 ml
    text = unescape(page.text)
    assert f'data-testid="document-value" class="negative">{_money(e["value"])}<' in text
    assert f'data-testid="document-units" class="negative">{e["units"]}<' in text
    assert "过期" in text and "李娜" in text and "报损" in text
    order = shelf.documents.orders["partly_received"]
    receipt = next(k for k, x in expected.items() if x["order"] == order["number"])
    path = f"/console/stores/{shelf.store}/stock/documents/{receipt}"
    page = owner.client.get(path)
    link = f'href="/console/stores/{shelf.store}/stock/orders/{order["id"]}"'
    assert page.status_code == 200 and link in page.text and order["number"] in page.text
    assert owner.client.get(link[6:-1]).status_code == 200
    assert "广州美妆批发" in page.text  # the order's supplier, by its id
    assert f'data-testid="document-value" class="">{_money(expected[receipt]["value"])}<' in (
        unescape(page.text)
    )


def test_the_csv_is_a_row_a_line(server: Server, owner: Browser, shelf: Shelf) -> None:
    expected = _documents_from_rows(server)
    names = {r["id"]: r["name"] for r in _rows(server, "SELECT id, name FROM store")}
    lines = _csv(owner, f"{PATH}?format=csv")
    assert lines[0][:6] == ["门店", "时间", "营业日", "类型", "经手人", "原因/备注"]
    got = Counter((r[0], r[3], r[4], r[5], r[9], r[11], int(r[13]), r[14]) for r in lines[1:])
    want = Counter(
        (names[e["store"]], KIND_WORDS[e["kind"]], e["staff"], e["reason"], name, code, units,
         _yuan(value))
        for e in expected.values()
        for name, code, units, value in e["lines"]
    )  # fmt: skip
    assert got == want
    off = _csv(owner, f"{PATH}?kind=write_off&store={shelf.store}&format=csv")
    assert {r[3] for r in off[1:]} == {"报损"} and {r[0] for r in off[1:]} == {names[shelf.store]}
    order = shelf.documents.orders["received"]["number"]
    assert sum(1 for r in lines[1:] if r[7] == order) == 2  # two receipts of a line each


def test_a_manager_sees_their_stores_and_another_owner_nothing(
    server: Server, manager: Browser, rival: Browser, shelf: Shelf
) -> None:
    expected = _documents_from_rows(server)
    first, other = server.store_id, server.other_store_id
    theirs = next(k for k, e in expected.items() if e["store"] == other)
    mine = table(manager.client.get(PATH).text, "documents")
    assert set(mine) == {k for k, e in expected.items() if e["store"] == first}
    assert manager.client.get(f"{PATH}?store={other}").status_code == 404
    assert rival.client.get(f"{PATH}?store={first}").status_code == 404
    assert len(_csv(rival, f"{PATH}?format=csv")) == 1  # the header alone
    assert {r[0] for r in _csv(manager, f"{PATH}?format=csv")[1:]} == {"丽人美容 一店"}
    for browser, path in (
        (manager, f"/console/stores/{other}/stock/documents/{theirs}"),
        (manager, f"/console/stores/{first}/stock/documents/{theirs}"),  # not this store's
        (rival, f"/console/stores/{first}/stock/documents/{shelf.write_off}"),
        (manager, f"/console/stores/{first}/stock/documents/{builders.new_id()}"),
        (manager, f"/console/stores/{first}/stock/documents/not-an-id"),
    ):
        assert browser.client.get(path).status_code == 404, path
    assert manager.client.get(
        f"/console/stores/{first}/stock/documents/{shelf.write_off}"
    ).is_success


def test_the_tab_and_english(server: Server, owner: Browser, shelf: Shelf) -> None:
    stock = owner.client.get("/console/stock/orders").text
    assert (
        'data-testid="tab-documents"' in stock and 'href="/console/stock/documents?store="' in stock
    )
    owner.client.cookies.set("salon_lang", "en")
    page = owner.client.get(PATH)
    assert page.status_code == 200 and 'lang="en"' in page.text
    assert "Receipts &amp; write-offs" in page.text and "Write-off" in page.text
    lines = _csv(owner, f"{PATH}?format=csv")
    assert lines[0][:4] == ["Store", "When", "Day", "Kind"]


def test_a_products_movements_link_to_their_documents(
    server: Server, owner: Browser, shelf: Shelf
) -> None:
    """The movements page of a product links each movement to the page of what made it: the
    write-off here, the receipts, and the transfers and stocktakes where there are any."""
    cream = shelf.documents.chain.products[shelf.store][1]["id"]
    page = owner.client.get(f"/console/stores/{shelf.store}/stock/{cream}").text
    links = set(
        re.findall(
            r'href="(/console/stores/[^"]+/stock/(?:documents|stocktakes|transfers)/[^"]+)"', page
        )
    )
    assert f"/console/stores/{shelf.store}/stock/documents/{shelf.write_off}" in links
    assert f"/console/stores/{shelf.store}/stock/documents/{shelf.receipt}" in links
    for link in links:
        assert owner.client.get(link).status_code == 200, link
