"""The members pages in Chromium against a real server, at desk (1280) and phone (390) width, in
Chinese and English: no page scrolls sideways; an overdraft written off through the form is
refused without a reason and settled with one, and the liability follows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import Engine

from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED
from sync.protocol import API
from sync.server import admin
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.server import builders
from tests.sync.web.browser import DESKTOP, PHONE, WHY_NOT, chromium_missing, sign_in
from tests.sync.web.test_console_members import card_sale, spend, top_up

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
Page = playwright_api.Page
OWNER, PASSWORD = "boss@example.com", "correct horse"


class Counters:
    """Counters of a store on the live server, pushing as a real one does (bearer token)."""

    def __init__(self, server: LiveServer, engine: Engine, store_id: str) -> None:
        self.server, self.engine, self.store_id = server, engine, store_id
        self.tokens: dict[str, str] = {}
        self.seqs: dict[str, int] = {}

    def enroll(self, counter: str) -> str:
        code = admin.create_enrollment_code(self.engine, self.store_id)
        device = builders.new_id()
        body = {"code": code, "device_id": device, "counter": counter, "hostname": counter}
        answer = requests.post(f"{self.server.url}{API}/enroll", json=body, timeout=10)
        self.tokens[device], self.seqs[device] = answer.json()["token"], 0
        return device

    def push(self, device: str, *ops: tuple[str, dict[str, Any]]) -> Any:
        batch = []
        for kind, payload in ops:
            self.seqs[device] += 1
            batch.append(builders.operation(device, self.seqs[device], kind, payload))
        url = f"{self.server.url}{API}/stores/{self.store_id}/devices/{device}/operations"
        headers = {"Authorization": f"Bearer {self.tokens[device]}"}
        answer = requests.post(url, json={"operations": batch}, headers=headers, timeout=30)
        answer.raise_for_status()
        return answer.json()


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str, str]]:
    """A store with members made by two counters, one overdraft open; (server, store, conflict)."""
    folder = tmp_path_factory.mktemp("members")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    engine = create_server_engine(server.database_url)
    admin.create_owner(engine, OWNER, PASSWORD)
    store = admin.create_store(engine, OWNER, "丽人美业·一个名字很长很长很长的总店")
    counters = Counters(server, engine, store)
    a, b = counters.enroll("A1"), counters.enroll("A2")
    people = [builders.customer(phone=f"1380013{n:04d}", name=n_) for n, n_ in
              enumerate(("欧阳晓晓晓晓晓晓晓晓晓晓", "李四", "王五"))]  # fmt: skip
    long_name, li, wang = (p["id"] for p in people)
    counters.push(a, *((CUSTOMER_CREATED, p) for p in people))
    counters.push(
        a, (SALE_COMPLETED, top_up(long_name, 100000, 20000)),
        (SALE_COMPLETED, spend(long_name, 12345, 123)),
        (SALE_COMPLETED, card_sale(long_name, "面部深层补水护理疗程卡（十次）", 10, 198000,
                                   "2030-06-01", 3)),
        (SALE_COMPLETED, card_sale(wang, "美甲5次卡", 5, 50000, "2026-01-01")),
        (SALE_COMPLETED, top_up(li, 30000)), (SALE_COMPLETED, spend(li, 30000)),
    )  # fmt: skip
    answer = counters.push(b, (SALE_COMPLETED, spend(li, 30000)))
    conflict = answer["results"][0]["conflict_ids"][0]
    yield server, store, conflict
    engine.dispose()
    server.stop()


def signed_in(context: Any) -> Page:
    page = context.new_page()
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    return page


def no_sideways_scroll(page: Page, path: str, width: int) -> None:
    page.goto(path)
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= width, f"{path} scrolls sideways at {width}px: {scrolled}px"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_members_pages_fit_the_screen(
    chromium: Any, console: tuple[LiveServer, str, str], viewport: dict[str, int], language: str
) -> None:
    server, store, _ = console
    context = chromium.new_context(viewport=viewport, base_url=server.url)
    page = signed_in(context)
    page.goto(f"/console/language?to={language}&back=/console/stores")
    page.goto(f"/console/stores/{store}")
    page.get_by_test_id("members-link").click()
    page.wait_for_url(f"**/console/stores/{store}/members")
    assert page.get_by_test_id("principal").first.inner_text() == "¥876.55"
    page.locator("[data-testid=members] a.row-title", has_text="欧阳").click()
    page.wait_for_url("**/members/*")
    member = page.url.removeprefix(server.url)
    assert page.locator("[data-testid=entries] li").count() == 6
    for path in (f"/console/stores/{store}/members", member, "/console/members",
                 f"/console/stores/{store}/conflicts?type=overdraft",
                 f"/console/stores/{store}/settings"):  # fmt: skip
        no_sideways_scroll(page, path, viewport["width"])
    context.close()


def test_an_overdraft_written_off_in_the_browser(
    chromium: Any, console: tuple[LiveServer, str, str]
) -> None:
    server, store, conflict = console
    context = chromium.new_context(viewport=PHONE, base_url=server.url)
    page = signed_in(context)
    page.goto(f"/console/stores/{store}/members")
    assert page.get_by_test_id("principal-owed").inner_text() == "¥300.00"
    page.get_by_test_id("overdrafts-link").click()
    form = page.locator(f"[data-conflict='{conflict}'] form")
    form.locator("button[value=write_off]").click()
    page.wait_for_load_state()
    assert "请在备注里写明原因" in page.locator(".error").inner_text()
    form = page.locator(f"[data-conflict='{conflict}'] form")
    form.locator("textarea[name=note]").fill("老顾客，店里承担")
    form.locator("button[value=write_off]").click()
    page.wait_for_url(f"**/conflicts?resolved={conflict}&type=overdraft")
    assert "老顾客，店里承担" in page.get_by_test_id("resolution-note").inner_text()
    page.goto(f"/console/stores/{store}/members")
    assert page.get_by_test_id("owed").count() == 0
    assert page.get_by_test_id("overdraft-count").inner_text() == "0 笔"
    context.close()
