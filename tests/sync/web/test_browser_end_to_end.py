"""Issue 9's acceptance, end to end: the owner signs in through the browser, creates a store and
an enrollment code and reads it off the page; a real counter (the app's own services, as
`salon-pos init --join` runs them, in a data folder of its own) joins with that code, adds its
staff and catalog, sells with discounts and split tenders, refunds one line and syncs; then the
browser's sales page shows the counter's own sums to the fen, and its tickets."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import Payment, Refund, RefundTender, Ticket, TicketLine
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.jobs.first_pull import first_pull
from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.first_run import (
    FirstManager,
    JoinRequest,
    add_first_manager,
    enroll_counter,
)
from sync.server import admin
from sync.server.db import create_server_engine
from sync.server.web.pages import money
from tests.keyring_backend import MemoryKeyring
from tests.sync.live_server import LiveServer
from tests.sync.web.browser import DESKTOP, WHY_NOT, chromium_missing, new_store, sign_in

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
OWNER, PASSWORD = "laoban@example.com", "correct horse"
MANAGER_PIN, DESK_PIN = "8888", "1111"
TENDER_WORDS = {"cash": "现金", "wechat": "微信", "alipay": "支付宝", "bank_card": "银行卡"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log").start()
    engine = create_server_engine(live.database_url)
    admin.create_owner(engine, OWNER, PASSWORD)  # `salon-sync-server create-owner`
    engine.dispose()
    yield live
    live.stop()


@pytest.fixture
def counter(tmp_path: Path, migrated_template: Path) -> Iterator[Backend]:
    """A counter's data folder as `salon-pos --home DIR` opens it (migrated once per run)."""
    paths = Paths(tmp_path / "counter").ensure()
    shutil.copyfile(migrated_template, paths.database)
    backend = open_backend(paths)
    yield backend
    backend.close()


def join(counter: Backend, url: str, code: str) -> None:
    """What `salon-pos init --join URL --code CODE --counter A1` does, then the first manager
    and the store's staff and catalog, added at this counter."""
    tokens = DeviceTokens()
    enroll_counter(counter, JoinRequest(url, code, "A1"), tokens)
    first_pull(counter, lambda _: None, threading.Event(), tokens=tokens)
    add_first_manager(counter, FirstManager("王店长", MANAGER_PIN))


def sell(counter: Backend) -> str:
    """Four sales with line and ticket discounts and split tenders (change given in cash),
    then one unit of a line of the second refunded; answers the refunded ticket's id."""
    desk = counter.staff.add("周小敏", "front_desk", DESK_PIN).id
    tech = counter.staff.add("李娜", "technician", "2222", skills=["facial", "nail"]).id
    facial = counter.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial").id
    nails = counter.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail").id
    serum = counter.catalog.add_product("护肤品", "玻尿酸精华", "SKU-1", 12800, 5000, "6901").id
    service, product = LineKind.SERVICE, LineKind.PRODUCT
    sales = [
        ([SaleLine(service, facial, technician_id=tech, line_discount=1800)], 0,
         [Tender(TenderKind.WECHAT, 18000)]),
        ([SaleLine(service, nails, 2, tech), SaleLine(product, serum)], 2033,
         [Tender(TenderKind.ALIPAY, 30000), Tender(TenderKind.CASH, 20000)]),
        ([SaleLine(product, serum)], 0,
         [Tender(TenderKind.BANK_CARD, 5000), Tender(TenderKind.WECHAT, 7800)]),
        ([SaleLine(service, facial, technician_id=tech),
          SaleLine(service, nails, technician_id=tech, line_discount=801)], 500,
         [Tender(TenderKind.CASH, 40000)]),
    ]  # fmt: skip
    done = []
    for lines, ticket_discount, tenders in sales:
        request = SaleRequest(desk, lines, tenders, None, ticket_discount, MANAGER_PIN)
        done.append(counter.checkout.complete_sale(request))
    second = done[1].ticket_id
    with counter.db.read() as session:
        nail_line = session.scalars(
            select(TicketLine.id).where(TicketLine.ticket_id == second, TicketLine.position == 1)
        ).one()
    counter.checkout.refund_lines(second, {nail_line: 1}, MANAGER_PIN, "顾客不满意", desk)
    return second


def counter_sums(counter: Backend) -> tuple[date, int, int, dict[str, int], list[str]]:
    """From the counter's own database: the business day, net sales, tickets, net by tender,
    ticket numbers."""
    with counter.db.read() as session:
        days = set(session.scalars(select(Ticket.business_day)))
        assert len(days) == 1, days
        sold = session.scalar(select(func.sum(Ticket.total))) or 0
        back = session.scalar(select(func.sum(Refund.amount))) or 0
        tenders: dict[str, int] = {}
        for kind, amount in session.execute(
            select(Payment.kind, func.sum(Payment.applied)).group_by(Payment.kind)
        ):
            tenders[kind] = int(amount)
        for kind, amount in session.execute(
            select(RefundTender.kind, func.sum(RefundTender.amount)).group_by(RefundTender.kind)
        ):
            tenders[kind] -= int(amount)
        numbers = list(session.scalars(select(Ticket.number)))
    return days.pop(), int(sold) - int(back), len(numbers), tenders, numbers


def test_a_counter_enrolled_with_the_owners_code_shows_its_sales_to_the_fen(
    chromium: Any, server: LiveServer, counter: Backend, memory_keyring: MemoryKeyring
) -> None:
    page = chromium.new_context(viewport=DESKTOP, base_url=server.url).new_page()
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    store_id = new_store(page, "丽人美容 验收店")
    page.click("form[action$='/codes'] button")
    code = page.get_by_test_id("enrollment-code").inner_text().strip()

    join(counter, server.url, code)
    refunded = sell(counter)
    report = sync_round(counter, Paths(counter.db.path.parent), timeout=10)
    assert report.error is None, report
    day, net, tickets, tenders, numbers = counter_sums(counter)
    assert net > 0 and len(tenders) == 4 and tickets == 4

    page.click("header nav >> text=销售")  # today's sales, all stores
    page.select_option("select[name=store]", store_id)
    page.fill("input[name=day]", day.isoformat())  # the counter's business day
    page.click("button[name=period][value=day]")
    assert page.get_by_test_id("net-sales").inner_text() == money(net)
    row = page.locator(f"tr[data-store='{store_id}'] td")
    assert row.nth(1).inner_text() == money(net)
    assert row.nth(2).inner_text() == str(tickets)
    shown = {
        item.locator(".bar-label").inner_text(): item.locator(".bar-value").inner_text()
        for item in page.get_by_test_id("tenders").locator("li").all()
    }
    assert shown == {TENDER_WORDS[kind]: money(amount) for kind, amount in tenders.items()}

    row.nth(0).locator("a").click()  # the store's tickets of that day
    listed = page.get_by_test_id("tickets").inner_text()
    assert all(number in listed for number in numbers)
    page.click(f"a[href$='/tickets/{refunded}']")
    with counter.db.read() as session:
        ticket = session.get(Ticket, refunded)
        assert ticket is not None
        refund = session.scalars(select(Refund.amount).where(Refund.ticket_id == refunded)).one()
    assert page.get_by_test_id("total").inner_text() == money(ticket.total)
    assert money(refund) in page.get_by_test_id("refund").inner_text()
    page.context.close()
