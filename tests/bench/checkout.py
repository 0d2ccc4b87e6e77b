"""Benchmark: a full checkout through the service layer (3 lines, 2 tenders, outbox, audit)
against a one-row INSERT+COMMIT with the sqlite3 module on a file with the same settings; and
a member's checkout (issue 10), in a second store whose tiers give every customer a member price
(95 %): the same three lines for a customer with stored value, points and a package card, at
the member price (the customer's standing read), the service paid by a session, the rest by
stored value and points, points earned (balances read, five ledger entries written with the
sale: the session, principal and points spent, points earned by each line money paid); 50
members visit in turn; and a sale that takes stock (issue 13), in a third store: three retail
products and two services, each service using two back-bar products by the ml, every product
received in four batches with an expiry so that each take goes first expired first out (and a
batch runs out now and then, the take moving on to the next).

Prints one JSON line last: p50 and p99 of the four, in ms, and the ratios of the p50s to the
raw commit (targets: plain <= 4, member <= 5, inventory <= 5).
Usage: python tests/bench/checkout.py [--sales 400]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from salon_pos.db.engine import pragmas
from salon_pos.db.models import PackagePlan
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.member_ledger import SessionUse, read_balances
from salon_pos.services.stock import ConsumableLine, ReceiptLine

# Every customer pays a member price: 95 % at the first tier (the standing read with each sale).
MEMBER_TIERS = "普通:0:95;黄金:500000:90;钻石:2000000:85"
# ¥188.10 + ¥159.60 + ¥121.60 at 95 %: the facial by a session, ¥280.20 by stored value, ¥1 by
# 100 points.
MEMBER_STORED, MEMBER_POINTS = 28020, 100
MEMBERS = 50  # visiting in turn: a member's balances are the sums of their own entries
BATCHES = 4  # of each product, expiring 60, 120, 180 and 240 days on
BACK_BAR_ML = 5  # of each back-bar product a service uses


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1]


def prepared_sale(backend: Backend, tiers: str | None = None) -> SaleRequest:
    extra = {"tiers": tiers} if tiers else {}
    backend.settings.initialise("基准测试店", "B1", **extra)
    desk = backend.staff.add("前台", "front_desk", "1111")
    tech = backend.staff.add("技师", "technician", "2222", skills=["facial"])
    facial = backend.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial").id
    nails = backend.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail").id
    serum = backend.catalog.add_product("护肤品", "玻尿酸精华", "SKU-1", 12800, 5000, "690123").id
    customer = backend.customers.add("张三", "13800138000").id
    return SaleRequest(
        cashier_id=desk.id,
        customer_id=customer,
        lines=[
            SaleLine(LineKind.SERVICE, facial, technician_id=tech.id),
            SaleLine(LineKind.SERVICE, nails, technician_id=tech.id),
            SaleLine(LineKind.PRODUCT, serum),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)],
    )


def members_join(
    backend: Backend,
    plain: SaleRequest,
    members: list[str],
    visits: int,
    stored: int = MEMBER_STORED,
) -> list[SaleRequest]:
    """Each member tops up enough for `visits` visits and buys a package card of as many
    sessions (its price earns the points they pay with), one sale each; answers each one's
    visit: the plain sale's lines, the first (a service) by a session, `stored` by stored value
    (the rest at the store's prices), ¥1 by 100 points."""
    plan = PackagePlan(
        id=new_id(),
        name="补水年卡",
        service_ids=[plain.lines[0].item_id],
        sessions=visits,
        price=MEMBER_POINTS * 100 * visits,  # ¥1 earns a point
        valid_days=365,
        active=True,
        hlc="",
    )
    with backend.db.write() as session:
        session.add(plan)
    requests = []
    for member in members:
        top_up = SaleLine(LineKind.STORED_VALUE, member, unit_price=stored * visits)
        card = SaleLine(LineKind.PACKAGE, plan.id)
        tenders = [Tender(TenderKind.CASH, stored * visits + plan.price)]
        backend.checkout.complete_sale(
            SaleRequest(plain.cashier_id, [top_up, card], tenders, member)
        )
        with backend.db.write_connection() as connection:
            card_id = read_balances(connection, member).cards[0].id
        paid = [
            Tender(TenderKind.STORED_VALUE, stored),
            Tender(TenderKind.POINTS, MEMBER_POINTS),
        ]
        sessions = [SessionUse(1, card_id)]
        requests.append(replace(plain, customer_id=member, tenders=paid, sessions=sessions))
    return requests


def stocked_sale(backend: Backend, sales: int) -> SaleRequest:
    """A store whose sale takes stock: the plain sale's two services (each using 5 ml of two
    back-bar products of its own) and three retail products, each product received in
    `BATCHES` batches with an expiry, enough for `sales` sales and the warm-up."""
    plain = prepared_sale(backend)
    manager = backend.staff.add("店长", "manager", "9999").id
    facial, nails = plain.lines[0].item_id, plain.lines[1].item_id
    retail = [plain.lines[2].item_id] + [
        backend.catalog.add_product("护肤品", name, sku, 9800, 4000, code).id
        for name, sku, code in (("修护面霜", "SKU-2", "690124"), ("洁面乳", "SKU-3", "690125"))
    ]
    back_bar = [
        backend.catalog.add_product(
            "院装", name, f"BB-{n}", 0, 30000, unit="ml", pack_size=500, needs_expiry=True
        ).id
        for n, name in enumerate(("玻尿酸原液", "补水面膜液", "甲油胶", "封层胶"))
    ]
    for service, used in ((facial, back_bar[:2]), (nails, back_bar[2:])):
        consumables = [ConsumableLine(p, BACK_BAR_ML, "ml") for p in used]
        backend.stock.set_consumables(service, consumables, manager)
    today = backend.clock.now().date()
    bottles = -(-(sales + 20) * BACK_BAR_ML // 500 // BATCHES) + 1
    pieces = -(-(sales + 20) // BATCHES) + 1
    backend.stock.receive(
        [
            ReceiptLine(product, count, cost, f"LOT-{b}", today + timedelta(days=60 * (b + 1)))
            for b in reversed(range(BATCHES))  # the latest first: FEFO sorts, not the order
            for products, count, cost in ((retail, pieces, 4000), (back_bar, bottles, 30000))
            for product in products
        ],
        manager,
    )
    return replace(
        plain,
        lines=[
            *plain.lines,
            SaleLine(LineKind.PRODUCT, retail[1]),
            SaleLine(LineKind.PRODUCT, retail[2]),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 39600)],
    )


def raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in pragmas():
        connection.execute(pragma)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
    return connection


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        backend = open_backend(Paths(Path(folder) / "home"))
        sale = prepared_sale(backend)
        store = open_backend(Paths(Path(folder) / "members"))  # a store with member prices
        member_sale = prepared_sale(store, MEMBER_TIERS)
        members = [
            store.customers.add(f"会员{n:02d}", f"1370000{n:04d}").id for n in range(MEMBERS)
        ]
        visits = members_join(store, member_sale, members, -(-(args.sales + 20) // MEMBERS))
        shop = open_backend(Paths(Path(folder) / "stock"))  # a store whose sales take stock
        stocked = stocked_sale(shop, args.sales)
        raw = raw_connection(Path(folder) / "raw.db")

        def raw_commit() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t (payload) VALUES (?)", ("sale",))
            raw.execute("COMMIT")

        for n in range(20):  # warm up every path
            backend.checkout.complete_sale(sale)
            store.checkout.complete_sale(visits[n % MEMBERS])
            shop.checkout.complete_sale(stocked)
            raw_commit()
        checkout_ms: list[float] = []
        member_ms: list[float] = []
        stock_ms: list[float] = []
        raw_ms: list[float] = []
        for n in range(20, 20 + args.sales):  # interleaved: all see the same disk and CPU
            checkout_ms.append(timed(lambda: backend.checkout.complete_sale(sale)))
            visit = visits[n % MEMBERS]
            member_ms.append(timed(lambda: store.checkout.complete_sale(visit)))  # noqa: B023
            stock_ms.append(timed(lambda: shop.checkout.complete_sale(stocked)))
            raw_ms.append(timed(raw_commit))
        short = shop.checkout.complete_sale(stocked).stock_short
        backend.close()
        store.close()
        shop.close()
        raw.close()
    result = {
        "bench": "checkout",
        "sales": args.sales,
        "checkout_p50_ms": round(statistics.median(checkout_ms), 3),
        "checkout_p99_ms": round(percentile(checkout_ms, 99), 3),
        "member_checkout_p50_ms": round(statistics.median(member_ms), 3),
        "member_checkout_p99_ms": round(percentile(member_ms, 99), 3),
        "inventory_checkout_p50_ms": round(statistics.median(stock_ms), 3),
        "inventory_checkout_p99_ms": round(percentile(stock_ms, 99), 3),
        "inventory_stock_short": list(short),  # none: every take came from a batch
        "raw_commit_p50_ms": round(statistics.median(raw_ms), 3),
        "raw_commit_p99_ms": round(percentile(raw_ms, 99), 3),
        "ratio_p50": round(statistics.median(checkout_ms) / statistics.median(raw_ms), 2),
        "member_ratio_p50": round(statistics.median(member_ms) / statistics.median(raw_ms), 2),
        "inventory_ratio_p50": round(statistics.median(stock_ms) / statistics.median(raw_ms), 2),
        "target_ratio_p50": 4,
        "target_member_ratio_p50": 5,
        "target_inventory_ratio_p50": 5,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
