"""docs/screenshots/web_<page>_<desktop|phone>.png: the console's sign-in, stores and counters
pages (with a new enrollment code), the sales of a week, a day's tickets and a voided ticket,
a store's catalog, its staff, one member, the store-wide settings and its sync conflicts, a
second store's closes and commission (tests/sync/web/closes_screenshots.py), the reports of a
third store's month and of all stores (web_reports_*, web_reports_stores_*), from a real server
with made-up stores, counters, items, people, two weeks of sales and conflicts made by
clashing pushes from two counters.

    .venv/bin/python -m tests.sync.web.screenshots [folder]   (make web-screenshots)
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import requests
from playwright.sync_api import Page, sync_playwright
from sqlalchemy import Engine, text

from salon_pos.domain.business_day import business_day
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.customers import CUSTOMER_CREATED, CUSTOMER_UPDATED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.protocol import API, hlc_stamp
from sync.server import admin, master_data, master_staff
from sync.server.config import utc_now
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.server import builders
from tests.sync.web.browser import CHROMIUM, DESKTOP, PHONE
from tests.sync.web.closes_screenshots import push_closes, shoot_closes
from tests.sync.web.test_browser_reports import LiveCounters
from tests.sync.web.test_console_members import card_sale, spend, top_up
from tests.sync.web.test_console_reports import Chain, sales_of

OWNER, PASSWORD = "laoban@liren.example", "correct horse"
TOKENS: dict[str, str] = {}  # counter → its device token


def _counters(server: LiveServer, store_id: str) -> dict[str, str]:
    """A1 with an empty queue, A2 with three operations waiting, B1 an older app (no report);
    answers their tokens."""
    tokens = {}
    engine = create_server_engine(server.database_url)
    waiting = (utc_now() - timedelta(minutes=25)).isoformat()
    try:
        for counter, host, report in (
            ("A1", "前台-收银1", {"version": "0.1.0", "queued": "0"}),
            ("A2", "前台-收银2", {"version": "0.1.0", "queued": "3", "oldest_queued_at": waiting}),
            ("B1", "美甲区平板", None),
        ):
            code = admin.create_enrollment_code(engine, store_id)
            body = {"code": code, "device_id": f"dev-{counter}", "counter": counter,
                    "hostname": host}  # fmt: skip
            token = requests.post(f"{server.url}{API}/enroll", json=body, timeout=10).json()
            tokens[counter] = token["token"]
            url = f"{server.url}{API}/stores/{store_id}/devices/dev-{counter}"
            headers = {"Authorization": f"Bearer {token['token']}"}
            requests.get(url, params=report, headers=headers, timeout=10)
    finally:
        engine.dispose()
    return tokens


def _sales(server: LiveServer, store_id: str, token: str) -> tuple[str, str]:
    """Two weeks of A1's sales up to today (one voided, one partly refunded, by manager 王静);
    answers a voided ticket's id and the manager's."""
    rng = random.Random(7)
    today = business_day(utc_now(), "Asia/Shanghai", 4)
    manager = builders.staff() | {"name": "王静", "role": "manager"}
    tech = builders.staff() | {"name": "李娜"}
    desk = builders.staff() | {"name": "周小敏", "role": "front_desk"}
    ops = [
        builders.operation("dev-A1", n, STAFF_SAVED, p)
        for n, p in enumerate((manager, tech, desk), 1)
    ]
    sales = []
    for back in range(13, -1, -1):
        day = today - timedelta(days=back)
        for n in range(rng.randint(6, 14)):
            at = datetime.combine(day, time(2 + n // 2, 7 * n % 60), UTC)
            prices = [(builders.new_id(), rng.choice((9800, 16800, 19800, 29800)))]
            sale = builders.sale(prices) | {
                "business_day": day.isoformat(),
                "completed_at": at.isoformat(),
                "created_at": at.isoformat(),
                "number": f"A1-{len(sales) + 1:06d}",
                "cashier_id": desk["id"],
            }
            for line in sale["lines"]:
                line["technician_id"] = tech["id"]
                line["name"] = rng.choice(("补水保湿护理", "日式美甲", "头皮护理", "睫毛嫁接"))
            sales.append(sale)
            ops.append(builders.operation("dev-A1", len(ops) + 1, SALE_COMPLETED, sale))
    voided = sales[-3]
    void = builders.void(voided) | {"approved_by": manager["id"], "reason": "顾客改约"}
    void["voided_at"] = voided["completed_at"]
    refund = builders.refund(sales[-2], 5000) | {"approved_by": manager["id"]}
    refund["business_day"] = today.isoformat()
    ops.append(builders.operation("dev-A1", len(ops) + 1, SALE_VOIDED, void))
    ops.append(builders.operation("dev-A1", len(ops) + 1, SALE_REFUNDED, refund))
    url = f"{server.url}{API}/stores/{store_id}/devices/dev-A1/operations"
    for start in range(0, len(ops), 300):
        requests.post(
            url, json={"operations": ops[start : start + 300]},
            headers={"Authorization": f"Bearer {token}"}, timeout=30,
        ).raise_for_status()  # fmt: skip
    return str(voided["id"]), str(manager["id"])


def _push(server: LiveServer, store_id: str, counter: str, *ops: tuple[str, Any]) -> None:
    """Operations from one counter, numbered after what it pushed before."""
    headers = {"Authorization": f"Bearer {TOKENS[counter]}"}
    device = f"dev-{counter}"
    url = f"{server.url}{API}/stores/{store_id}/devices/{device}"
    engine = create_server_engine(server.database_url)  # not the status call: it reports
    with engine.connect() as connection:
        done = connection.execute(
            text("SELECT cursor FROM device WHERE id = :d"), {"d": device}
        ).scalar_one()
    engine.dispose()
    batch = [
        builders.operation(device, done + n, kind, payload)
        for n, (kind, payload) in enumerate(ops, 1)
    ]
    answer = requests.post(
        f"{url}/operations", json={"operations": batch}, headers=headers, timeout=30
    )
    answer.raise_for_status()


def _conflicts(server: LiveServer, store_id: str, manager: str) -> None:
    """Clashing pushes from A1 and A2: a customer registered twice, a name edited on both, a
    clock ahead, a sale at a price the server had changed, one person added twice; the
    duplicate customer resolved at A2 by the manager, so the page shows both kinds."""
    a1, a2 = "A1", "A2"
    wall = int(utc_now().timestamp() * 1000)

    def stamp(seconds: int, counter: str) -> str:
        return hlc_stamp(wall + seconds * 1000, 0, f"dev-{counter}")

    older = builders.customer(name="林晓", notes="对花粉过敏") | {"hlc": stamp(-90, "A1")}
    newer = builders.customer(name="林小晓") | {"hlc": stamp(-80, "A2")}
    edited = builders.customer(phone="13912345678", name="王玲") | {"hlc": stamp(-70, "A1")}
    ahead = builders.customer(phone="13700137000", name="赵敏") | {"hlc": stamp(10_800, "A1")}
    item = builders.catalog_item(19800)
    same_name = [builders.staff() | {"name": "陈静", "hlc": stamp(t, c)}
                 for t, c in ((-60, "A1"), (-50, "A2"))]  # fmt: skip
    late, early = (
        {"id": edited["id"], "changed": {"name": name}, "before": {"name": "王玲"}, "hlc": hlc}
        for name, hlc in (("王玲玲", stamp(-10, "A2")), ("王小玲", stamp(-20, "A1")))
    )
    _push(server, store_id, a1, (CUSTOMER_CREATED, older), (CUSTOMER_CREATED, edited),
          (CATALOG_ITEM_SAVED, item), (STAFF_SAVED, same_name[0]))  # fmt: skip
    _push(server, store_id, a2, (CUSTOMER_CREATED, newer), (CUSTOMER_UPDATED, late),
          (STAFF_SAVED, same_name[1]))  # fmt: skip
    engine = create_server_engine(server.database_url)
    master_data.set_price(engine, store_id, item["id"], 21800)
    sale = builders.sale([(item["id"], 19800)]) | {"number": "A1-000999"}
    sale["lines"][0]["name"] = "补水保湿护理"
    _push(server, store_id, a1, (CUSTOMER_UPDATED, early), (SALE_COMPLETED, sale),
          (CUSTOMER_CREATED, ahead))  # fmt: skip
    with engine.connect() as connection:
        twice = connection.execute(
            text("SELECT id FROM conflict WHERE type = 'duplicate_customer'")
        ).scalar_one()
    engine.dispose()
    decision = {"conflict_id": twice, "resolution": "keep_both", "resolved_by": manager}
    _push(server, store_id, a2, (CONFLICT_RESOLVED, decision))


def _catalog(engine: Engine, store_id: str) -> None:
    """Services and products of the store: one hidden, one shared to the chain with this
    store's own price."""
    items = [
        ("service", "面部护理", "补水保湿护理", 19800, {"duration_min": 60, "skill": "facial"}),
        ("service", "面部护理", "深层清洁护理", 16800, {"duration_min": 45, "skill": "facial"}),
        ("service", "美甲", "日式美甲", 16800, {"duration_min": 90, "skill": "nail"}),
        ("service", "美甲", "手部护理", 9800, {"duration_min": 30, "skill": "nail"}),
        ("product", "护肤品", "玻尿酸精华 30ml", 12850,
         {"sku": "SKU-001", "barcode": "6901234567892", "cost": 6000}),
        ("product", "护肤品", "补水面膜（5片）", 3800, {"sku": "SKU-002", "cost": 1500}),
    ]  # fmt: skip
    ids = {}
    for kind, category, name, price, more in items:
        values = {"kind": kind, "category": category, "name": name, "price": price} | more
        ids[name] = master_data.create_catalog_item(engine, store_id, values)
    master_data.update_catalog_item(engine, store_id, ids["手部护理"], {"active": False})
    master_data.share_item(engine, ids["补水保湿护理"])
    master_data.set_store_price(engine, store_id, ids["日式美甲"], 15800)


def _staff(server: LiveServer, store_id: str) -> str:
    """A few more people, one of them gone, and store-wide settings; answers a technician's id."""
    engine = create_server_engine(server.database_url)
    try:
        tech = master_staff.add_staff(
            engine, store_id, {"name": "张婷", "role": "technician", "skills": "facial, lash, nail",
                               "phone": "13700137000"}, pin="2468",
        )  # fmt: skip
        gone = master_staff.add_staff(engine, store_id, {"name": "陈晓", "role": "front_desk"})
        master_staff.edit_staff(engine, store_id, gone, {"active": False})
        settings = {
            "address": "人民路 88 号 2 楼",
            "phone": "021-5555 0101",
            "receipt_footer": "谢谢惠顾，周一店休",
            "cutover_hour": 5,
            "rounding": "drop_fen",
        }
        master_data.edit_store_settings(engine, store_id, settings)  # fmt: skip
    finally:
        engine.dispose()
    return tech


def _shoot_staff(page: Page, folder: Path, store: str, member: str, size: str) -> None:
    page.goto(f"/console/stores/{store}/staff")
    _shoot(page, folder, "staff", size, whole=True)
    page.goto(f"/console/stores/{store}/staff/{member}")
    _shoot(page, folder, "staff_member", size, whole=True)
    page.goto(f"/console/stores/{store}/settings")
    _shoot(page, folder, "settings", size, whole=True)


def _shoot(page: Page, folder: Path, name: str, size: str, whole: bool = False) -> None:
    page.screenshot(path=str(folder / f"web_{name}_{size}.png"), full_page=whole)


def _members(server: LiveServer, store_id: str) -> str:
    """Members of the store: top-ups with a bonus, a package card partly used, an expired one,
    points, and the last ¥300 of a card spent at A1 and A2 apart (an open overdraft); answers
    the id of the member with the fullest ledger."""
    people = [builders.customer(phone=f"1391234{n:04d}", name=name) for n, name in
              enumerate(("周雅婷", "陈美玲", "刘芳", "孙丽", "郑晓红"))]  # fmt: skip
    zhou, chen, liu, sun, zheng = (p["id"] for p in people)
    _push(server, store_id, "A1", *((CUSTOMER_CREATED, p) for p in people))
    _push(server, store_id, "A1", (SALE_COMPLETED, top_up(zhou, 100000, 20000)),
          (SALE_COMPLETED, spend(zhou, 19800, 198)),
          (SALE_COMPLETED, card_sale(zhou, "补水保湿护理 10 次卡", 10, 168000, "2027-06-30", 4)),
          (SALE_COMPLETED, top_up(chen, 50000, 8000)), (SALE_COMPLETED, spend(chen, 16800, 168)),
          (SALE_COMPLETED, card_sale(liu, "日式美甲 5 次卡", 5, 68000, "2026-03-31", 2)),
          (SALE_COMPLETED, top_up(sun, 30000)), (SALE_COMPLETED, spend(sun, 30000)),
          (SALE_COMPLETED, top_up(zheng, 200000, 50000)))  # fmt: skip
    _push(server, store_id, "A2", (SALE_COMPLETED, spend(sun, 30000)))
    return str(zhou)


def _shoot_members(page: Page, folder: Path, store: str, member: str, size: str) -> None:
    page.goto(f"/console/stores/{store}/members")
    _shoot(page, folder, "members", size, whole=True)
    page.goto(f"/console/stores/{store}/members/{member}")
    _shoot(page, folder, "member", size, whole=True)
    page.goto("/console/members")
    _shoot(page, folder, "liability", size, whole=True)
    page.goto(f"/console/stores/{store}/conflicts?type=overdraft")
    _shoot(page, folder, "overdraft", size, whole=True)


def _report_sales(server: LiveServer, store_id: str) -> date:
    """A third store's sales since the first of last month (services and products by
    category, technicians, split lines, top-ups, voids, refunds), for the reports and their
    store comparison; answers a day of last month."""
    today = business_day(utc_now(), "Asia/Shanghai", 4)
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    sales_of(Chain(LiveCounters(server), [store_id]), last_month, today, per_day=5)
    return last_month


def _shoot_reports(page: Page, folder: Path, store: str, month: date, size: str) -> None:
    for name, path in (
        ("reports", f"/console/reports?period=month&day={month.isoformat()}&store={store}"),
        ("reports_stores", f"/console/reports?period=month&day={month.isoformat()}"),
    ):
        page.goto(path)
        page.wait_for_function(
            "[...document.querySelectorAll('.chart')].every(c => c.dataset.rendered)"
        )
        _shoot(page, folder, name, size, whole=True)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        server = LiveServer(f"sqlite:///{data}/server.db", Path(data) / "server.log").start()
        try:
            engine = create_server_engine(server.database_url)
            admin.create_owner(engine, OWNER, PASSWORD)
            store = admin.create_store(engine, OWNER, "丽人美业·总店")
            branch = admin.create_store(engine, OWNER, "丽人美业·万达店")
            third = admin.create_store(engine, OWNER, "丽人美业·东方店")  # the reports' month
            _catalog(engine, store)
            engine.dispose()
            TOKENS.update(_counters(server, store))
            voided, manager = _sales(server, store, TOKENS["A1"])
            member = _staff(server, store)
            _conflicts(server, store, manager)
            member_id = _members(server, store)
            closes = push_closes(server, branch)
            month = _report_sales(server, third)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM))
                for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                    page = browser.new_page(viewport=viewport, base_url=server.url)  # type: ignore[arg-type]
                    page.goto("/console/login")
                    page.fill("input[name=email]", OWNER)
                    _shoot(page, folder, "login", size)
                    page.fill("input[name=password]", PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_url("**/console/stores")
                    _shoot(page, folder, "stores", size)
                    page.goto(f"/console/stores/{store}")
                    page.click("form[action$='/codes'] button")
                    page.get_by_test_id("enrollment-code").wait_for()
                    _shoot(page, folder, "counters", size, whole=True)  # every counter
                    page.goto("/console/sales?period=week")
                    _shoot(page, folder, "sales", size, whole=True)
                    page.goto(f"/console/stores/{store}/tickets")
                    _shoot(page, folder, "tickets", size)
                    page.goto(f"/console/stores/{store}/tickets/{voided}")
                    _shoot(page, folder, "ticket", size, whole=True)
                    page.goto(f"/console/stores/{store}/catalog")
                    _shoot(page, folder, "catalog", size, whole=True)
                    _shoot_staff(page, folder, store, member, size)
                    page.goto(f"/console/stores/{store}/conflicts")
                    _shoot(page, folder, "conflicts", size, whole=True)
                    _shoot_members(page, folder, store, member_id, size)
                    shoot_closes(page, folder, branch, closes, size)
                    _shoot_reports(page, folder, third, month, size)
                    page.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
