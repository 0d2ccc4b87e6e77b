"""The stock pages (SQLite and PostgreSQL): two stores' generated ledgers pushed by their
counters — receipts in dated batches with costs, product sales, services using consumables
(one voided), write-offs, minimums, a chain product in both stores — and every figure of the
pages (their CSV, and the HTML where it shows something the CSV does not) equals a computation
written here from the server's raw rows. The suggested order is the counter's rule. And the
scope: a manager sees their store only, another owner nothing."""

from __future__ import annotations

import csv
import io
import random
import re
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from html import unescape
from typing import Any, Protocol

from sqlalchemy import Engine, text

from sync.operations.inventory import STOCK_LEVEL_SET, STOCK_MOVED
from sync.operations.sales import SALE_COMPLETED, SALE_VOIDED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.protocol import hlc_stamp
from sync.server.master_data import share_item
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.web.conftest import Browser
from tests.sync.web.test_console_reports import table

TODAY = date(2026, 11, 20)  # the FakeClock's business day
START = date(2026, 8, 1)
PRODUCTS = [
    ("护肤品", "玻尿酸精华", "ml", 30, 9000),
    ("护肤品", "保湿面霜", "piece", 1, 6500),
    ("美甲用品", "甲油胶", "piece", 1, 1800),
    ("美发用品", "染膏", "g", 100, 4200),
    ("美甲用品", "卸甲水", "ml", 500, 2500),
    ("护肤品", "旧款面膜", "piece", 1, 1200),
]
SERVICES = [("面部护理", "补水保湿护理"), ("美甲", "日式美甲"), ("美发", "染发")]
Row = dict[str, Any]


def _at(day: date) -> str:
    return datetime.combine(day, time(4, 0), UTC).isoformat()


def _movement(product: str, quantity: int, kind: str, day: date, document: str, **more: Any) -> Row:
    return {
        "id": builders.new_id(),
        "product_id": product,
        "kind": kind,
        "quantity": quantity,
        "at": _at(day),
        "business_day": day.isoformat(),
        "document_id": document,
        **more,
    }


class StockServer(Protocol):
    """A server the counters push to: the TestClient one (tests/sync/server) or a live one
    (test_browser_stock)."""

    engine: Engine
    store_id: str
    other_store_id: str

    def clock(self) -> datetime: ...

    def enroll(self, store_id: str | None = None, device_id: str | None = None) -> Device: ...

    def push(self, device: Device, ops: list[dict[str, Any]], status: int = 200) -> Any: ...


class StockChain:
    """Two stores' catalogs, technicians and stock ledgers, pushed by a counter in each."""

    def __init__(self, server: StockServer, seed: int = 5) -> None:
        self.server, self.rng = server, random.Random(seed)
        self.stores = [server.store_id, server.other_store_id]
        self.devices = {s: server.enroll(s) for s in self.stores}
        self.products: dict[str, list[Row]] = {}
        self.staff: dict[str, list[Row]] = {}
        self.batches: dict[tuple[str, str], list[str]] = defaultdict(list)
        chain_item = self._catalog()
        share_item(server.engine, chain_item, clock=server.clock)
        for store in self.stores:
            self.products[store].append({"id": chain_item, "pack_size": 1, "unit": "piece"})
            self._ledger(store)

    def _push(self, store: str, kind: str, payload: Row) -> Any:
        device: Device = self.devices[store]
        answer = self.server.push(device, [device.op(kind, payload)])
        assert answer["results"][0]["status"].startswith("applied"), answer
        return answer

    def _catalog(self) -> str:
        chain_item = ""
        for n, store in enumerate(self.stores):
            self.products[store] = []
            for i, (category, name, unit, pack, cost) in enumerate(PRODUCTS):
                item = builders.catalog_item(cost * 2) | {
                    "kind": "product",
                    "category": category,
                    "name": name,
                    "unit": unit,
                    "pack_size": pack,
                    "cost": cost,
                    "sku": f"S{n}{i}",
                    "duration_min": None,
                    "needs_expiry": unit != "piece",
                }
                self._push(store, CATALOG_ITEM_SAVED, item)
                self.products[store].append(item)
            if n == 1:  # an item of the second store alone
                extra = builders.catalog_item(9000) | {
                    "kind": "product",
                    "category": "美发用品",
                    "name": "护发精油",
                    "unit": "ml",
                    "pack_size": 100,
                    "cost": 5000,
                    "sku": "S1X",
                    "duration_min": None,
                }
                self._push(store, CATALOG_ITEM_SAVED, extra)
                self.products[store].append(extra)
            if n == 0:
                shared = builders.catalog_item(3000) | {
                    "kind": "product",
                    "category": "连锁商品",
                    "name": "连锁护手霜",
                    "sku": "CHAIN1",
                    "cost": 1500,
                    "duration_min": None,
                }
                self._push(store, CATALOG_ITEM_SAVED, shared)
                chain_item = shared["id"]
            self.services = []
            for category, name in SERVICES:
                service = builders.catalog_item(19800) | {"category": category, "name": name}
                self._push(store, CATALOG_ITEM_SAVED, service)
            staff = [builders.staff() | {"name": name} for name in ("李娜", "王芳")]
            for person in staff:
                self._push(store, STAFF_SAVED, person)
            self.staff[store] = staff
        return chain_item

    def _day(self, earliest: date = START) -> date:
        return earliest + timedelta(days=self.rng.randint(0, (TODAY - earliest).days))

    def _ledger(self, store: str) -> None:
        products = self.products[store]
        for product in products:
            for _ in range(self.rng.randint(1, 3)):
                self._receive(store, product)
            if self.rng.random() < 0.7:
                level = {
                    "product_id": product["id"],
                    "minimum": self.rng.randint(1, 60),
                    "hlc": hlc_stamp(int(builders.AT.timestamp() * 1000), 0, "dev"),
                }
                self._push(store, STOCK_LEVEL_SET, level)
        sellable = products[:4] + products[6:]  # 旧款面膜 is never sold: a slow mover
        for _ in range(14):
            self._sell(store, self.rng.choice(sellable))
        used = [self._serve(store) for _ in range(8)]
        self._push(store, SALE_VOIDED, used[0])
        for _ in range(3):
            self._write_off(store, self.rng.choice(products))

    def _receive(self, store: str, product: Row) -> None:
        document, day = builders.new_id(), self._day()
        expires = TODAY + timedelta(days=self.rng.randint(-20, 200))
        batch = {
            "id": builders.new_id(),
            "product_id": product["id"],
            "code": f"L{self.rng.randint(1000, 9999)}",
            "expires_on": expires.isoformat(),
            "received_at": _at(day),
            "unit_cost": self.rng.randint(500, 9000),
        }
        units = self.rng.randint(8, 30) * product["pack_size"]
        moved = _movement(product["id"], units, "receipt", day, document, batch_id=batch["id"])
        cost = self.rng.randint(500, 9000)
        self._push(
            store,
            STOCK_MOVED,
            {
                "id": document,
                "document": "receipt",
                "business_day": day.isoformat(),
                "at": _at(day),
                "staff_id": self.staff[store][0]["id"],
                "batches": [batch],
                "movements": [moved],
                "costs": {product["id"]: cost},
            },
        )
        self.batches[store, product["id"]].append(batch["id"])

    def _batch(self, store: str, product: Row) -> str | None:
        held = self.batches.get((store, product["id"]))
        return self.rng.choice(held) if held else None

    def _sell(self, store: str, product: Row) -> None:
        day = self._day()
        sale = builders.sale([(product["id"], 5000)]) | {
            "business_day": day.isoformat(),
            "completed_at": _at(day),
            "created_at": _at(day),
        }
        packages = self.rng.randint(1, 2)
        line = sale["lines"][0] | {"kind": "product", "quantity": packages}
        sale["lines"] = [line]
        units = -packages * product["pack_size"]
        sale["stock"] = [
            _movement(
                product["id"],
                units,
                "sale",
                day,
                sale["id"],
                line_id=line["id"],
                batch_id=self._batch(store, product),
            )
        ]
        self._push(store, SALE_COMPLETED, sale)

    def _serve(self, store: str) -> Row:
        """A service sale whose line uses up one or two consumables; answers its void."""
        day, person = self._day(date(2026, 10, 1)), self.rng.choice(self.staff[store])
        service = self.rng.choice(SERVICES)
        sale = builders.sale([(builders.new_id(), 19800)]) | {
            "business_day": day.isoformat(),
            "completed_at": _at(day),
            "created_at": _at(day),
        }
        line = sale["lines"][0] | {"name": service[1], "technician_id": person["id"]}
        line["item_id"] = f"service-{service[1]}"  # the same service every time
        sale["lines"] = [line]
        used = self.rng.sample(self.products[store][:5], self.rng.randint(1, 2))
        sale["stock"] = [
            _movement(
                p["id"],
                -(1 if p["unit"] == "piece" else self.rng.randint(5, 40)),
                "consumption",
                day,
                sale["id"],
                line_id=line["id"],
                staff_id=person["id"],
                batch_id=self._batch(store, p),
            )
            for p in used
        ]
        self._push(store, SALE_COMPLETED, sale)
        void = builders.void(sale) | {"voided_at": _at(day)}
        void["stock"] = [
            m | {"id": builders.new_id(), "kind": "void", "quantity": -m["quantity"]}
            for m in sale["stock"]
        ]
        return void

    def _write_off(self, store: str, product: Row) -> None:
        document, day = builders.new_id(), self._day()
        moved = _movement(
            product["id"],
            -self.rng.randint(1, 5),
            "write_off",
            day,
            document,
            batch_id=self._batch(store, product),
            reason="破损",
        )
        self._push(
            store,
            STOCK_MOVED,
            {
                "id": document,
                "document": "write_off",
                "business_day": day.isoformat(),
                "at": _at(day),
                "staff_id": self.staff[store][0]["id"],
                "reason": "破损",
                "movements": [moved],
            },
        )


# The expected figures, from the raw rows


def _rows(server: Server, sql: str) -> list[Row]:
    """Rows as dicts, dates as dates (SQLite answers a raw query's dates as text)."""
    with server.engine.connect() as connection:
        found = [dict(r._mapping) for r in connection.execute(text(sql))]
    for row in found:
        for key in ("business_day", "expires_on"):
            if isinstance(row.get(key), str):
                row[key] = date.fromisoformat(row[key])
    return found


def _value(units: int, cost: int, pack: int) -> int:
    return 0 if units <= 0 else (2 * units * cost + pack) // (2 * pack)


def _yuan(fen: int) -> str:
    return f"{'-' if fen < 0 else ''}{abs(fen) // 100}.{abs(fen) % 100:02d}"


class Ledger:
    """What the raw rows say, computed here the long way."""

    def __init__(self, server: Server) -> None:
        self.moves = _rows(server, "SELECT * FROM stock_movement")
        self.items = {r["id"]: r for r in _rows(server, "SELECT * FROM catalog_item")}
        self.levels = {
            (r["store_id"], r["product_id"]): r for r in _rows(server, "SELECT * FROM stock_level")
        }
        self.batches = {r["id"]: r for r in _rows(server, "SELECT * FROM stock_batch")}
        self.lines = {r["id"]: r for r in _rows(server, "SELECT * FROM ticket_line")}
        self.staff = {r["id"]: r["name"] for r in _rows(server, "SELECT * FROM staff")}
        self.names = {r["id"]: r["name"] for r in _rows(server, "SELECT id, name FROM store")}

    def on_hand(self, store: str) -> dict[str, int]:
        held: dict[str, int] = defaultdict(int)
        for m in self.moves:
            if m["store_id"] == store:
                held[m["product_id"]] += m["quantity"]
        for s, p in self.levels:
            if s == store:
                held.setdefault(p, 0)
        return dict(held)

    def cost(self, store: str, product: str) -> int:
        level = self.levels.get((store, product))
        if level and level["cost"] is not None:
            return int(level["cost"])
        return int(re.search(r'"cost": ?(\d+)', self.items[product]["data"]).group(1))  # type: ignore[union-attr]

    def rows(self, store: str) -> dict[tuple[str, str], list[str]]:
        """(store name, product name) → the CSV's figures."""
        found = {}
        for product, units in self.on_hand(store).items():
            item, cost = self.items[product], self.cost(store, product)
            minimum = int(self.levels.get((store, product), {"minimum": 0})["minimum"])
            low = minimum > 0 and units < minimum
            order = -(-(2 * minimum - units) // item["pack_size"]) if low else 0
            found[self.names[store], item["name"]] = [
                str(units),
                str(item["pack_size"]),
                str(minimum),
                _yuan(cost),
                _yuan(_value(units, cost, item["pack_size"])),
                "1" if low else "",
                str(order) if order else "",
            ]
        return found


def _csv(browser: Browser, path: str) -> list[list[str]]:
    answer = browser.client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    body = answer.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_on_hand_value_and_low_equal_the_ledger_per_store_and_across(
    server: Server, owner: Browser
) -> None:
    StockChain(server)
    ledger = Ledger(server)
    every: dict[tuple[str, str], list[str]] = {}
    for store in (server.store_id, server.other_store_id):
        expected = ledger.rows(store)
        every |= expected
        lines = _csv(owner, f"/console/stock?store={store}&format=csv")
        assert lines[0][:3] == ["门店", "类别", "商品"]
        got = {(r[0], r[2]): r[4:] for r in lines[1:]}
        assert got == expected
        page = unescape(owner.client.get(f"/console/stock?store={store}").text)
        value = sum(
            _value(u, ledger.cost(store, p), ledger.items[p]["pack_size"])
            for p, u in ledger.on_hand(store).items()
        )
        assert f'data-testid="total-value">¥{value // 100:,}.{value % 100:02d}<' in page
        low = [k for k, v in expected.items() if v[5]]
        assert low and page.count('data-testid="low-mark"') == len(low)
    lines = _csv(owner, "/console/stock?format=csv")
    assert {(r[0], r[2]): r[4:] for r in lines[1:]} == every
    low_only = _csv(owner, f"/console/stock?store={server.store_id}&low=1&format=csv")
    assert {r[2] for r in low_only[1:]} == {
        k[1] for k, v in ledger.rows(server.store_id).items() if v[5]
    }


def test_the_chain_view_puts_each_store_in_its_column(server: Server, owner: Browser) -> None:
    """A product is a row (the chain item by its id, the stores' own by name), each store's
    stock of it in the store's column; the store comparison sums each store."""
    StockChain(server)
    ledger = Ledger(server)
    page = owner.client.get("/console/stock").text
    stores = (server.store_id, server.other_store_id)
    by_name = {
        (s, ledger.items[p]["name"]): units
        for s in stores
        for p, units in ledger.on_hand(s).items()
    }
    rows = table(page, "stock").values()
    names = {name for _, name in by_name}
    got = {
        max((n for n in names if cells[0].startswith(n)), key=len): [
            c.split()[0] for c in cells[1:4]
        ]
        for cells in rows
    }
    assert set(got) == names and len(rows) == len(names)
    for name in names:
        held = [by_name.get((s, name)) for s in stores]
        total = sum(n or 0 for n in held)
        assert got[name] == [str(total)] + ["—" if n is None else str(n) for n in held], name
    assert got["护发精油"][1] == "—"  # the second store's own item: not in the first's column
    low = table(owner.client.get("/console/stock?low=1").text, "stock").values()
    assert low and all("偏低" in "".join(cells) for cells in low)
    assert len(low) == len({name for _, name in _low_rows(ledger, stores)})
    comparison = table(page, "stores")
    assert set(comparison) == set(stores)
    for store, cells in comparison.items():
        assert cells[1] == str(len(ledger.on_hand(store)))


def _low_rows(ledger: Ledger, stores: tuple[str, ...]) -> dict[tuple[str, str], list[str]]:
    return {k: v for s in stores for k, v in ledger.rows(s).items() if v[5]}


def test_the_reorder_list_is_the_counters_rule(server: Server, owner: Browser) -> None:
    StockChain(server)
    ledger = Ledger(server)
    lines = _csv(owner, "/console/stock/low?format=csv")
    expected = {
        k: v
        for s in (server.store_id, server.other_store_id)
        for k, v in ledger.rows(s).items()
        if v[5]
    }
    assert {(r[0], r[2]): (r[4], r[5], r[7]) for r in lines[1:]} == {
        k: (v[0], v[2], v[6]) for k, v in expected.items()
    }
    page = owner.client.get(f"/console/stock/low?store={server.store_id}").text
    assert "补到最低库存的两倍" in page


def test_expiring_batches_are_those_with_stock_in_the_store(server: Server, owner: Browser) -> None:
    StockChain(server)
    ledger = Ledger(server)
    for days in (30, 90):
        until = TODAY + timedelta(days=days)
        held: dict[tuple[str, str], int] = defaultdict(int)
        for m in ledger.moves:
            if m["batch_id"] in ledger.batches:
                held[m["store_id"], m["batch_id"]] += m["quantity"]
        expected = {
            (ledger.names[s], b): (str(n), "1" if ledger.batches[b]["expires_on"] < TODAY else "")
            for (s, b), n in held.items()
            if n > 0 and ledger.batches[b]["expires_on"] <= until
        }
        lines = _csv(owner, f"/console/stock/expiring?days={days}&format=csv")
        codes = {b["code"]: i for i, b in ledger.batches.items()}
        got = {(r[0], codes[r[2]]): (r[5], r[7]) for r in lines[1:]}
        assert got == expected and any(e[1] for e in expected.values())
    page = owner.client.get(f"/console/stock/expiring?store={server.store_id}").text
    assert ("已过期" in page) == any(
        e[1] for k, e in expected.items() if k[0] == ledger.names[server.store_id]
    )


def test_slow_movers_have_stock_and_no_sale_nor_use_lately(server: Server, owner: Browser) -> None:
    StockChain(server)
    ledger = Ledger(server)
    since = TODAY - timedelta(days=59)
    last: dict[tuple[str, str], date] = {}
    for m in ledger.moves:
        if m["kind"] in ("sale", "consumption"):
            key = (m["store_id"], m["product_id"])
            last[key] = max(last.get(key, date.min), m["business_day"])
    expected = {
        (ledger.names[s], ledger.items[p]["name"]): last[s, p].isoformat() if (s, p) in last else ""
        for s in (server.store_id, server.other_store_id)
        for p, units in ledger.on_hand(s).items()
        if units > 0 and last.get((s, p), date.min) < since
    }
    lines = _csv(owner, "/console/stock/slow?format=csv")
    assert {(r[0], r[2]): r[6] for r in lines[1:]} == expected
    assert ("丽人美容 一店", "旧款面膜") in expected or ledger.on_hand(server.store_id)


def test_consumption_by_service_and_technician(server: Server, owner: Browser) -> None:
    StockChain(server)
    ledger = Ledger(server)
    first, last = date(2026, 11, 1), date(2026, 11, 30)
    services: dict[tuple[str, str, str], int] = defaultdict(int)
    people: dict[tuple[str, str, str], int] = defaultdict(int)
    for m in ledger.moves:
        line = ledger.lines.get(m["line_id"] or "")
        if not line or line["kind"] != "service" or m["kind"] not in ("consumption", "void"):
            continue
        if not first <= m["business_day"] <= last:
            continue
        product = ledger.items[m["product_id"]]["name"]
        services[line["name"], ledger.names[m["store_id"]], product] -= m["quantity"]
        person = ledger.staff[line["technician_id"]]
        people[person, ledger.names[m["store_id"]], product] -= m["quantity"]
    lines = _csv(owner, "/console/stock/consumption?period=month&day=2026-11-05&format=csv")
    got: dict[str, dict[tuple[str, str, str], int]] = {"按服务项目": {}, "按技师": {}}
    for group, name, store, product, units, _, _ in lines[1:]:
        got[group][name, store, product] = int(units)
    assert got["按服务项目"] == {k: v for k, v in services.items() if v}
    assert got["按技师"] == {k: v for k, v in people.items() if v}
    assert services


def test_a_products_movements_newest_first_with_the_stock_after_each(
    server: Server, owner: Browser
) -> None:
    chain = StockChain(server)
    ledger = Ledger(server)
    product = chain.products[server.store_id][0]["id"]
    mine = [
        m for m in ledger.moves if m["store_id"] == server.store_id and m["product_id"] == product
    ]
    mine.sort(key=lambda m: (str(m["at"])[:19], m["id"]), reverse=True)
    balance, expected = sum(m["quantity"] for m in mine), []
    for m in mine:
        expected.append((m["id"], m["quantity"], balance))
        balance -= m["quantity"]
    path = f"/console/stores/{server.store_id}/stock/{product}"
    rows = table(owner.client.get(path).text, "movements")
    assert [(k, int(c[2]), int(c[3])) for k, c in rows.items()] == expected[:50]
    lines = _csv(owner, f"{path}?format=csv")
    assert [(int(r[3]), int(r[4])) for r in lines[1:]] == [(q, b) for _, q, b in expected]
    other = chain.products[server.other_store_id][0]["id"]
    assert owner.client.get(f"/console/stores/{server.store_id}/stock/{other}").status_code == 404


def test_a_manager_sees_their_store_and_another_owner_nothing(
    server: Server, manager: Browser, rival: Browser
) -> None:
    chain = StockChain(server)
    lines = _csv(manager, "/console/stock?format=csv")
    assert {r[0] for r in lines[1:]} == {"丽人美容 一店"}
    other = server.other_store_id
    for path in (
        f"/console/stock?store={other}",
        f"/console/stock/low?store={other}",
        f"/console/stock/expiring?store={other}",
        f"/console/stock/slow?store={other}",
        f"/console/stock/consumption?store={other}",
        f"/console/stores/{other}/stock/{chain.products[other][0]['id']}",
    ):
        assert manager.client.get(path).status_code == 404, path
        assert rival.client.get(path).status_code == 404, path
    assert len(_csv(rival, "/console/stock?format=csv")) == 1  # the header alone
    page = manager.client.get("/console/stock").text
    assert "丽人美容 二店" not in page


def test_the_pages_speak_english_when_asked(server: Server, owner: Browser) -> None:
    StockChain(server)
    owner.client.cookies.set("salon_lang", "en")
    for path in (
        "/console/stock",
        "/console/stock/low",
        "/console/stock/expiring",
        "/console/stock/slow",
        "/console/stock/consumption",
    ):
        page = owner.client.get(path)
        assert page.status_code == 200 and 'lang="en"' in page.text
        assert "Value at cost" in page.text or "Reorder" in page.text or "Expires" in page.text
    lines = _csv(owner, "/console/stock?format=csv")
    assert lines[0][:3] == ["Store", "Category", "Product"]
