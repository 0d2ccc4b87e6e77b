"""The close and commission pages in Chromium against a real server, at desk (1280) and phone
(390) width, in Chinese and English: no page scrolls sideways, the secondary columns are hidden
on a phone, a ¥2 short count is red, and the amended day leads to the store's conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from salon_pos.domain.day_close import figures_json
from sync.server import admin, master_data
from sync.server.day_figures import server_day_figures
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.web import closes_scenario
from tests.sync.web.browser import DESKTOP, PHONE, WHY_NOT, chromium_missing, sign_in
from tests.sync.web.closes_scenario import Op, People
from tests.sync.web.test_browser_members import Counters

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
Page = playwright_api.Page
OWNER, PASSWORD = "boss@example.com", "correct horse"
DAYS = [date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)]


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str, People]]:
    """A store with three closed days and a day still open; (server, store, people)."""
    folder = tmp_path_factory.mktemp("closes")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    engine = create_server_engine(server.database_url)
    admin.create_owner(engine, OWNER, PASSWORD)
    store = admin.create_store(engine, OWNER, "丽人美业·一个名字很长很长很长的总店")
    master_data.edit_store_settings(engine, store, {"commission_rules": closes_scenario.RULES})
    counters = Counters(server, engine, store)
    devices = {name: counters.enroll(name) for name in ("A1", "B1")}

    def push(counter: str, ops: list[Op]) -> None:
        counters.push(devices[counter], *ops)

    def figures(day: date) -> dict[str, Any]:
        with engine.connect() as connection:
            return figures_json(server_day_figures(connection, store, day))

    people, _, _ = closes_scenario.closed_days(push, figures, DAYS, date(2026, 11, 19))
    yield server, store, people
    engine.dispose()
    server.stop()


def fits(page: Page, path: str, width: int) -> None:
    page.goto(path)
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= width, f"{path} scrolls sideways at {width}px: {scrolled}px"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_close_pages_fit_the_screen(
    chromium: Any, console: tuple[LiveServer, str, People], viewport: dict[str, int], language: str
) -> None:
    server, store, people = console
    context = chromium.new_context(viewport=viewport, base_url=server.url)
    page = context.new_page()
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    page.goto(f"/console/language?to={language}&back=/console/stores/{store}")
    page.get_by_test_id("closes-link").click()
    page.wait_for_url(f"**/console/stores/{store}/closes")
    page.goto(f"/console/stores/{store}/closes?month=2026-11")
    short = page.locator("tr[data-day='2026-11-18'] [data-testid=variance]")
    assert short.inner_text().startswith("¥-2.00")
    assert short.evaluate("e => getComputedStyle(e).color") == "rgb(185, 28, 28)"  # red
    expected = page.locator("tr[data-day='2026-11-18'] [data-testid=expected]")
    assert expected.is_visible() == (viewport is DESKTOP)  # a secondary column
    page.locator("tr[data-day='2026-11-18'] [data-testid=amended]").click()
    page.wait_for_url("**/conflicts?type=closed_day_amended")
    assert page.locator(".conflict").count() == 1
    tech = people.techs[0]["id"]
    for path in (f"/console/stores/{store}/closes?month=2026-11",
                 f"/console/stores/{store}/closes/2026-11-18",
                 f"/console/stores/{store}/closes/2026-11-19",
                 f"/console/stores/{store}/commission?month=2026-11",
                 f"/console/stores/{store}/commission/{tech}?month=2026-11"):  # fmt: skip
        fits(page, path, viewport["width"])
    context.close()
