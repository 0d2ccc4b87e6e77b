"""The public booking page in Chromium against a real server, at phone width (390) and on a desk
(1280): a customer picks a service and tomorrow, sees free times, books one and reads the
confirmation; the time she took is offered no more. Screenshots of each step go to the test's
folder (SALON_BOOKING_SCREENSHOTS names another, e.g. docs/screenshots)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from sync.operations.bookings import SCHEDULE_SAVED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from sync.server import admin
from sync.server.db import create_server_engine
from sync.server.online_booking import booking_key
from tests.sync.live_server import LiveServer
from tests.sync.server import builders
from tests.sync.web.browser import DESKTOP, PHONE, WHY_NOT, chromium_missing, sign_in
from tests.sync.web.test_browser_members import Counters

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
Page = playwright_api.Page
NINE_TO_NINE = {"start": "09:00", "end": "21:00", "breaks": [["12:00", "12:30"]]}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str, str]]:
    """A store with one facial technician on 9:00–21:00 every day, three services; (server,
    the booking page's key, the database url)."""
    folder = tmp_path_factory.mktemp("booking")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    engine = create_server_engine(server.database_url)
    admin.create_owner(engine, "boss@example.com", "correct horse")
    store_id = admin.create_store(engine, "boss@example.com", "丽人美业·静安寺旗舰店")
    counters = Counters(server, engine, store_id)
    counter = counters.enroll("A1")
    li_na = builders.staff() | {"name": "李娜", "skills": ["facial"]}
    items = [
        builders.catalog_item(28_800) | {"name": "补水保湿护理", "skill": "facial"},
        builders.catalog_item(49_800) | {"name": "玻尿酸深层焕肤护理（含肩颈放松）",
                                         "duration_min": 90, "skill": "facial"},
        builders.catalog_item(9_950) | {"category": "美甲", "name": "日式单色美甲",
                                        "duration_min": 45, "skill": "facial"},
    ]  # fmt: skip
    pattern = {"kind": "weekly", "days": [NINE_TO_NINE] * 7}
    schedule = {"staff_id": li_na["id"], "pattern": pattern, "hlc": "0000000000001-00000-a"}
    counters.push(
        counter,
        (STAFF_SAVED, li_na),
        *((CATALOG_ITEM_SAVED, item) for item in items),
        (SCHEDULE_SAVED, schedule),
    )
    engine.dispose()
    yield server, booking_key(store_id), server.database_url
    server.stop()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SALON_BOOKING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def tomorrow() -> str:
    return (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=1)).date().isoformat()


def offered(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("label.time span").all_inner_texts()]


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_a_customer_books_a_free_time_on_a_phone(
    chromium: object, store: tuple[LiveServer, str, str], shots: Path
) -> None:
    server, key, database_url = store
    context = chromium.new_context(viewport=PHONE, base_url=server.url, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"/book/{key}")
    assert page.get_by_test_id("service").count() == 3
    no_sideways_scroll(page)
    page.screenshot(path=str(shots / "web_booking_services_phone.png"), full_page=True)
    page.get_by_test_id("service").filter(has_text="补水保湿护理").click()
    page.wait_for_url("**service=*")
    assert page.locator("a.day").count() == 14
    page.click(f"a.day[data-day='{tomorrow()}']")
    page.wait_for_url(f"**day={tomorrow()}*")
    free = offered(page)
    assert free[0] == "09:00" and "12:00" not in free and len(free) > 20
    no_sideways_scroll(page)
    page.screenshot(path=str(shots / "web_booking_times_phone.png"), full_page=True)
    chosen = free[4]
    page.locator("label.time", has_text=chosen).click()
    page.fill("input[name=name]", "林小姐")
    page.fill("input[name=phone]", "139 1234 5678")
    page.get_by_role("button", name="提交预约").click()
    done = page.get_by_test_id("requested")
    done.wait_for()
    assert "预约申请已提交" in done.inner_text() and chosen in done.inner_text()
    no_sideways_scroll(page)
    page.screenshot(path=str(shots / "web_booking_done_phone.png"), full_page=True)
    page.goto(f"/book/{key}")
    page.get_by_test_id("service").filter(has_text="补水保湿护理").click()
    page.click(f"a.day[data-day='{tomorrow()}']")
    page.wait_for_url(f"**day={tomorrow()}*")
    again = offered(page)
    assert chosen not in again and free[0] in again  # she was the only one with the skill
    context.close()
    engine = create_server_engine(database_url)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT status, data FROM booking")).one()
    engine.dispose()
    assert (row.status, json.loads(row.data)["source"]) == ("requested", "online")


def test_the_page_on_a_desk_and_a_refused_phone_number(
    chromium: object, store: tuple[LiveServer, str, str], shots: Path
) -> None:
    server, key, _ = store
    context = chromium.new_context(viewport=DESKTOP, base_url=server.url, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"/book/{key}")
    page.get_by_test_id("service").filter(has_text="玻尿酸").click()
    page.click(f"a.day[data-day='{tomorrow()}']")
    page.wait_for_url(f"**day={tomorrow()}*")
    page.locator("label.time").nth(2).click()
    page.fill("input[name=name]", "林小姐")
    page.fill("input[name=phone]", "12345")
    page.get_by_role("button", name="提交预约").click()
    problem = page.get_by_test_id("problem")
    problem.wait_for()
    assert "11 位手机号码" in problem.inner_text()
    assert page.input_value("input[name=name]") == "林小姐"
    no_sideways_scroll(page)
    page.screenshot(path=str(shots / "web_booking_refused_desktop.png"), full_page=True)
    context.close()


def test_the_owner_finds_the_link_on_the_store_page(
    chromium: object, store: tuple[LiveServer, str, str], tmp_path: Path
) -> None:
    server, key, _ = store
    context = chromium.new_context(viewport=PHONE, base_url=server.url, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    sign_in(page, "boss@example.com", "correct horse")
    page.wait_for_url("**/console/stores")
    page.get_by_role("link", name="丽人美业·静安寺旗舰店").first.click()
    link = page.get_by_test_id("booking-page").locator("a.booking-link")
    assert link.get_attribute("href") == f"{server.url}/book/{key}"
    page.get_by_test_id("booking-page").locator("summary").click()
    assert page.get_by_test_id("booking-page").locator(".booking-qr svg").is_visible()
    no_sideways_scroll(page)
    page.screenshot(path=str(tmp_path / "web_booking_link_phone.png"), full_page=True)
    context.close()
