"""The reports page (SQLite and PostgreSQL): a generated month of two stores' sales pushed by
their counters, with split lines, 点钟, discounts, top-ups, voids and refunds on later days
(some in the next month); every table of the page equals a computation written here from the
server's raw rows (ticket, ticket_line, ticket_line_share, refund, refund_line, catalog cost),
by the counter's rules (docs/reports.md). And the scope: a manager sees their store only,
another owner none of it."""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from datetime import date, timedelta
from html import unescape
from typing import Any, Protocol

import pytest
from sqlalchemy import text

from salon_pos.domain.shares import split
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.server.report_days import fill_from_tickets
from sync.server.web.pages import money
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.web.conftest import Browser

REPORTS = "/console/reports"
TABLES = ("sales_item_day", "sales_staff_day", "sales_staff_customer", "sales_staff_served")
MONTH = date(2026, 10, 1), date(2026, 10, 31)  # last month (the FakeClock's today: 11-20)
THIS_MONTH = date(2026, 11, 1), date(2026, 11, 20)  # up to today
SERVICES = [("面部护理", "补水保湿护理", 19800), ("面部护理", "深层清洁", 12800),
            ("身体护理", "肩颈按摩", 16800), ("美甲", "单色美甲", 9800)]  # fmt: skip
PRODUCTS = [("护肤品", "玻尿酸精华", 26800, 9000), ("护肤品", "保湿面霜", 18800, 0),
            ("美甲用品", "护甲油", 5800, 2100)]  # fmt: skip
ROW = re.compile(r'<tr data-key="([^"]*)">(.*?)</tr>', re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
TAG = re.compile(r"<[^>]+>")


def table(page: str, name: str) -> dict[str, list[str]]:
    """data-key → the cells' text, of the page's table `name`."""
    start = page.index(f'data-testid="table-{name}"')
    body = page[start : page.index("</table>", start)]
    return {
        key: [unescape(TAG.sub("", cell)).strip() for cell in CELL.findall(row)]
        for key, row in ROW.findall(body)
    }


class Pusher(Protocol):
    """A server counters push to: the TestClient one (tests/sync/server) or a live one."""

    def enroll(self, store_id: str | None = None, device_id: str | None = None) -> Device: ...

    def push(self, device: Device, ops: list[dict[str, Any]], status: int = 200) -> Any: ...


class Chain:
    """Catalog (with products' costs), staff and customers of the stores, a counter in each."""

    def __init__(self, server: Pusher, stores: list[str]) -> None:
        self.server = server
        self.rng = random.Random(12)
        self.devices = {s: server.enroll(s) for s in stores}
        self.items: dict[str, list[dict[str, Any]]] = {}
        self.staff: dict[str, list[dict[str, Any]]] = {}
        self.customers: dict[str, list[str]] = {}
        for n, (store, device) in enumerate(self.devices.items()):
            items = [builders.catalog_item(p) | {"category": c, "name": n}
                     for c, n, p in SERVICES]  # fmt: skip
            items += [builders.catalog_item(p) | {"kind": "product", "category": c, "name": n_,
                      "sku": f"SKU{n}{i}", "cost": cost, "duration_min": None}
                      for i, (c, n_, p, cost) in enumerate(PRODUCTS)]  # fmt: skip
            staff = [builders.staff() | {"name": name} for name in ("李娜", "王芳", "赵敏")]
            people = [builders.customer(phone=f"139{n:03d}00{k:03d}") for k in range(6)]
            ops = [device.op(CATALOG_ITEM_SAVED, i) for i in items]
            ops += [device.op(STAFF_SAVED, s) for s in staff]
            ops += [device.op(CUSTOMER_CREATED, c) for c in people]
            self.push(store, ops)
            self.items[store] = items
            self.staff[store] = staff
            self.customers[store] = [c["id"] for c in people]

    def push(self, store: str, ops: list[dict[str, Any]]) -> None:
        answer = self.server.push(self.devices[store], ops)
        assert {r["status"] for r in answer["results"]} <= {"applied", "applied_with_conflict"}

    def sale(self, store: str, day: date) -> dict[str, Any]:
        rng = self.rng
        picked = rng.sample(self.items[store], 2)
        sale = builders.sale([(i["id"], i["price"]) for i in picked],
                             rng.choice([None, *self.customers[store]]))  # fmt: skip
        sale["business_day"] = day.isoformat()
        staff = self.staff[store]
        for line, item in zip(sale["lines"], picked, strict=True):
            quantity = rng.choice((1, 1, 2)) if item["kind"] == "product" else 1
            total = item["price"] * quantity
            off = rng.choice((0, 0, 500))
            tech = rng.choice(staff)["id"]
            line.update(kind=item["kind"], name=item["name"], category=item["category"],
                        quantity=quantity, list_price=item["price"], unit_price=item["price"],
                        total=total, net_total=total - off, technician_id=tech,
                        requested=rng.random() < 0.3)  # fmt: skip
            if item["kind"] == "service" and rng.random() < 0.3:
                other = next(s["id"] for s in staff if s["id"] != tech)
                line["shares"] = [{"staff_id": tech, "share": 6667},
                                  {"staff_id": other, "share": 3333}]  # fmt: skip
        if rng.random() < 0.15:  # a top-up rung up with the services
            sale["lines"].append(sale["lines"][0] | {
                "id": builders.new_id(), "position": 3, "kind": "stored_value",
                "item_id": builders.new_id(), "name": "储值", "category": "", "quantity": 1,
                "list_price": 50000, "unit_price": 50000, "total": 50000, "net_total": 50000,
                "technician_id": None, "requested": False, "shares": [],
            })  # fmt: skip
        total = sum(line["net_total"] for line in sale["lines"])
        sale.update(subtotal=total, total=total, tendered=total)
        first = total // 2
        sale["payments"][0].update(tendered=first, applied=first)
        sale["payments"][1].update(tendered=total - first, applied=total - first)
        return sale


def month_of_sales(server: Server) -> Chain:
    """Both stores, every day of October 2026, a few days before it and November up to today
    (the FakeClock's 2026-11-20)."""
    stores = [server.store_id, server.other_store_id]
    return sales_of(Chain(server, stores), date(2026, 9, 28), date(2026, 11, 20))


def sales_of(chain: Chain, first: date, last: date, per_day: int = 3) -> Chain:
    """Every store, `per_day` sales a day from `first` to `last`; one in ten voided (some days
    later), one in eight partly refunded (some days later)."""
    rng = chain.rng
    for store in chain.devices:
        device = chain.devices[store]
        ops = []
        day = first
        while day <= last:
            for _ in range(per_day):
                sale = chain.sale(store, day)
                ops.append(device.op(SALE_COMPLETED, sale))
                later = min(last, day + timedelta(days=rng.choice((0, 0, 1, 3))))
                if rng.random() < 0.1:
                    void = builders.void(sale) | {"business_day": later.isoformat()}
                    ops.append(device.op(SALE_VOIDED, void))
                elif rng.random() < 0.125:
                    refund = builders.refund(sale, sale["lines"][0]["net_total"] // 3)
                    refund["business_day"] = later.isoformat()
                    ops.append(device.op(SALE_REFUNDED, refund))
            day += timedelta(days=1)
        for start in range(0, len(ops), 100):
            chain.push(store, ops[start : start + 100])
    return chain


def expected(server: Server, stores: list[str], first: date, last: date) -> dict[str, Any]:
    """The report, from the raw rows: movements (a sale on its day, a void of every line on the
    void's day, a refund on its own), service and product money, split lines by share."""
    with server.engine.connect() as c:
        tickets = {r.id: r for r in c.execute(text(
            "SELECT id, store_id, business_day, customer_id, voided_at, void_business_day"
            " FROM ticket"))}  # fmt: skip
        lines = {r.id: r for r in c.execute(text("SELECT * FROM ticket_line"))}
        shares: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for r in c.execute(text("SELECT * FROM ticket_line_share ORDER BY staff_id")):
            shares[r.ticket_line_id].append((r.staff_id, r.share))
        refunds = c.execute(text(
            "SELECT r.business_day, l.ticket_line_id, l.quantity, l.amount FROM refund_line l"
            " JOIN refund r ON r.id = l.refund_id")).all()  # fmt: skip
        names = dict(c.execute(text("SELECT id, name FROM staff")).all())
        costs = {r.id: json.loads(r.data).get("cost", 0)
                 for r in c.execute(text("SELECT id, data FROM catalog_item"))}  # fmt: skip

    def day_of(value: Any) -> date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    moves = []  # (store, day, line, units, fen, cause)
    for line in lines.values():
        t = tickets[line.ticket_id]
        moves.append(
            (t.store_id, day_of(t.business_day), line, line.quantity, line.net_total, "sale")
        )
        if t.voided_at is not None:
            moves.append((t.store_id, day_of(t.void_business_day), line, -line.quantity,
                          -line.net_total, "void"))  # fmt: skip
    for day, line_id, quantity, amount in refunds:
        t = tickets[lines[line_id].ticket_id]
        moves.append((t.store_id, day_of(day), lines[line_id], -quantity, -amount, "refund"))
    moves = [m for m in moves if m[0] in stores and first <= m[1] <= last]
    revenue = [m for m in moves if m[2].kind in ("service", "product")]

    def per(key: Any, rows: list[Any]) -> dict[str, list[int]]:
        found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for m in rows:
            found[key(m)][0] += m[3]
            found[key(m)][1] += m[4]
        return found

    counted: dict[tuple[str, date], int] = defaultdict(int)
    for t in tickets.values():
        if t.store_id in stores and first <= day_of(t.business_day) <= last:
            counted[(t.store_id, day_of(t.business_day))] += 1
        if (
            t.voided_at is not None
            and t.store_id in stores
            and first <= day_of(t.void_business_day) <= last
        ):
            counted[(t.store_id, day_of(t.void_business_day))] -= 1
    staff: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"amount": 0, "tickets": set(), "customers": set()})  # fmt: skip
    for _, _, line, _, amount, cause in revenue:
        held = shares.get(line.id) or [(line.technician_id or "", 10_000)]
        for (staff_id, _), part in zip(held, split(amount, [s for _, s in held]), strict=True):
            staff[staff_id]["amount"] += part
            t = tickets[line.ticket_id]
            if cause == "sale" and t.voided_at is None:
                staff[staff_id]["tickets"].add(t.id)
                if t.customer_id:
                    staff[staff_id]["customers"].add(t.customer_id)
    products = per(lambda m: m[2].item_id, [m for m in revenue if m[2].kind == "product"])
    return {
        "net": sum(m[4] for m in revenue),
        "stores": {s: (sum(m[4] for m in revenue if m[0] == s),
                       sum(n for (k, _), n in counted.items() if k == s)) for s in stores},
        "days": {d: (sum(m[4] for m in revenue if m[1] == d),
                     sum(n for (_, k), n in counted.items() if k == d))
                 for d in {m[1] for m in moves} | {d for _, d in counted}},
        "categories": per(lambda m: m[2].category, revenue),
        "services": per(lambda m: m[2].item_id, [m for m in revenue if m[2].kind == "service"]),
        "products": products,
        "margin": {i: q * int(costs.get(i) or 0) for i, (q, _) in products.items()},
        "staff": {k: (v["amount"], len(v["tickets"]), len(v["customers"]), names.get(k))
                  for k, v in staff.items()},
        "tenders": None,
    }  # fmt: skip


def assert_report(page: str, want: dict[str, Any], several: bool) -> None:
    assert re.search(r'data-testid="report-net">([^<]+)<', page).group(1) == money(want["net"])  # type: ignore[union-attr]
    if several:
        shown = table(page, "stores")
        assert {k: (v[1], int(v[2])) for k, v in shown.items()} == {
            k: (money(n), t) for k, (n, t) in want["stores"].items()}  # fmt: skip
        for k, (n, t) in want["stores"].items():
            assert shown[k][3] == money(round(n / t) if t else 0)
    else:
        assert 'data-testid="table-stores"' not in page
    days = table(page, "days")
    for d, (net, count) in want["days"].items():
        assert days[d.isoformat()][1:] == [money(net), str(count)], d
    assert all(
        v[1:] == ["¥0.00", "0"]
        for k, v in days.items()
        if date.fromisoformat(k) not in want["days"]
    )
    assert {k: (int(v[1]), v[2]) for k, v in table(page, "categories").items()} == {
        k: (q, money(a)) for k, (q, a) in want["categories"].items()}  # fmt: skip
    for name in ("services", "products"):
        top = sorted(want[name].items(), key=lambda kv: -kv[1][1])[:10]
        shown = table(page, name)
        assert len(shown) == min(10, len(want[name]))
        assert sorted(v[2] for v in shown.values()) == sorted(money(a) for _, (_, a) in top)
        for key, cells in shown.items():
            assert (int(cells[1]), cells[2]) == (want[name][key][0], money(want[name][key][1]))
    margin = table(page, "margin")
    assert set(margin) == set(want["products"])
    for key, cells in margin.items():
        quantity, amount = want["products"][key]
        assert cells[1:5] == [str(quantity), money(amount), money(want["margin"][key]),
                              money(amount - want["margin"][key])]  # fmt: skip
    techs = table(page, "technicians")
    assert set(techs) == set(want["staff"])
    for key, (amount, tickets, customers, name) in want["staff"].items():
        assert techs[key][:4] == [name or "（无技师）", money(amount), str(tickets), str(customers)]


def test_a_month_of_two_stores_equals_the_raw_rows(server: Server, owner: Browser) -> None:
    month_of_sales(server)
    stores = [server.store_id, server.other_store_id]
    page = owner.client.get(f"{REPORTS}?period=month&day=2026-10-20")
    assert page.status_code == 200
    want = expected(server, stores, *MONTH)
    assert want["net"] > 0 and any(v[2] for v in want["staff"].values())
    assert_report(page.text, want, several=True)
    now = owner.client.get(f"{REPORTS}?period=month").text  # this month, up to today
    assert_report(now, expected(server, stores, *THIS_MONTH), several=True)
    assert "2026-11-20" in table(now, "days") and "2026-11-21" not in now
    tenders = table(page.text, "tenders")
    with server.engine.connect() as c:
        taken = dict(c.execute(text(
            "SELECT tender, sum(amount) FROM tender_entry WHERE business_day BETWEEN"
            " :a AND :b GROUP BY tender"), {"a": MONTH[0], "b": MONTH[1]}).all())  # fmt: skip
    assert {k: v[1] for k, v in tenders.items()} == {k: money(int(v)) for k, v in taken.items()}
    week = owner.client.get(f"{REPORTS}?period=week&day=2026-10-14&store={server.store_id}")
    assert_report(week.text, expected(server, stores[:1], date(2026, 10, 12), date(2026, 10, 18)),
                  several=False)  # fmt: skip
    day = owner.client.get(f"{REPORTS}?period=day&day=2026-10-31")
    assert_report(day.text, expected(server, stores, date(2026, 10, 31), date(2026, 10, 31)),
                  several=True)  # fmt: skip
    owner.client.cookies.set("salon_lang", "en")
    english = owner.client.get(f"{REPORTS}?period=month&day=2026-10-20").text
    assert "Store comparison" in english and "Top 10 services" in english


def test_the_sums_rebuilt_from_the_tickets_are_those_kept_by_the_pushes(
    server: Server, owner: Browser
) -> None:
    """The migration's fill (a server upgraded with its history) gives the same tables (a
    technician's customers served may be held as 0 where a void took a pair back)."""
    month_of_sales(server)
    read = "SELECT * FROM {} WHERE {} ORDER BY 1, 2, 3, 4, 5"
    held = {"sales_staff_served": "customers <> 0"}

    def tables(c: Any) -> list[Any]:
        return [c.execute(text(read.format(t, held.get(t, "1 = 1")))).all() for t in TABLES]

    with server.engine.begin() as c:
        kept = tables(c)
        for table in TABLES:
            c.execute(text(f"DELETE FROM {table}"))
        fill_from_tickets(c)
        again = tables(c)
    assert kept == again and len(kept[0]) > 100 and len(kept[3]) > 10


@pytest.mark.parametrize("who", ["manager", "rival"])
def test_the_scope(
    server: Server, owner: Browser, who: str, request: pytest.FixtureRequest
) -> None:
    month_of_sales(server)
    browser: Browser = request.getfixturevalue(who)
    mine = owner.client.get(f"{REPORTS}?period=month&day=2026-10-20").text
    page = browser.client.get(f"{REPORTS}?period=month&day=2026-10-20")
    assert page.status_code == 200
    other = browser.client.get(
        f"{REPORTS}?period=month&day=2026-11-20&store={server.other_store_id}"
    )
    assert other.status_code == 404
    if who == "manager":  # their one store: its figures, no comparison, no other store's
        want = expected(server, [server.store_id], *MONTH)
        assert_report(page.text, want, several=False)
        assert "丽人美容 二店" not in page.text
    else:
        assert 'data-testid="report-net">¥0.00<' in page.text
        assert table(page.text, "technicians") == {} and table(mine, "technicians")
        assert browser.client.get(f"{REPORTS}?store={server.store_id}").status_code == 404
