"""The reports page in Chromium against a real server on 127.0.0.1, at desk (1280) and phone
(390) width: every chart is drawn (a canvas with colour in it) by the ECharts the server ships,
no request leaves 127.0.0.1, the page does not scroll sideways, and a chart follows its box
when the window narrows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from sync.protocol import API
from sync.server import admin
from sync.server.db import create_server_engine
from tests.sync.live_server import LiveServer
from tests.sync.server import builders
from tests.sync.server.conftest import Device
from tests.sync.web.browser import DESKTOP, PHONE, WHY_NOT, chromium_missing, sign_in
from tests.sync.web.test_console_reports import Chain, sales_of

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
OWNER, PASSWORD = "boss@example.com", "correct horse"
CHARTS = ("stores", "days", "categories", "tenders", "services", "products", "technicians")
# Share of a canvas's pixels that are not white nor transparent: above this, something is drawn.
INKED = """(canvas) => {
  const c = canvas.getContext('2d'), d = c.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < d.length; i += 4)
    if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) inked++;
  return inked / (d.length / 4);
}"""


class LiveCounters:
    """Counters pushing to a live server as real ones do (enrollment code, bearer token)."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.engine = create_server_engine(server.database_url)

    def enroll(self, store_id: str | None = None, device_id: str | None = None) -> Device:
        assert store_id
        code = admin.create_enrollment_code(self.engine, store_id)
        device = device_id or builders.new_id()
        body = {"code": code, "device_id": device, "counter": "A1", "hostname": "pc"}
        answer = requests.post(f"{self.server.url}{API}/enroll", json=body, timeout=10)
        answer.raise_for_status()
        return Device(device, store_id, answer.json()["token"])

    def push(self, device: Device, ops: list[dict[str, Any]], status: int = 200) -> Any:
        url = f"{self.server.url}{device.operations_url}"
        answer = requests.post(url, json={"operations": ops}, headers=device.headers, timeout=60)
        assert answer.status_code == status, answer.text
        return answer.json()


def chain_with_sales(server: LiveServer, names: tuple[str, ...], days: int) -> list[str]:
    """An owner's stores with `days` days of sales up to today; answers the store ids."""
    engine = create_server_engine(server.database_url)
    admin.create_owner(engine, OWNER, PASSWORD)
    stores = [admin.create_store(engine, OWNER, name) for name in names]
    engine.dispose()
    today = date.today()
    sales_of(Chain(LiveCounters(server), stores), today - timedelta(days=days), today, per_day=4)
    return stores


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, list[str]]]:
    folder = tmp_path_factory.mktemp("reports")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    try:
        yield server, chain_with_sales(server, ("丽人美业·总店", "丽人美业·万达店"), 20)
    finally:
        server.stop()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_charts_are_drawn_from_the_server_alone(
    chromium: Any, console: tuple[LiveServer, list[str]], viewport: dict[str, int]
) -> None:
    server, _ = console
    context = chromium.new_context(viewport=viewport, base_url=server.url)
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    page.goto("/console/reports?period=month")
    page.wait_for_function(
        f"document.querySelectorAll('.chart[data-rendered]').length === {len(CHARTS)}"
    )
    for name in CHARTS:
        canvas = page.locator(f"[data-testid=chart-{name}] canvas").first
        assert canvas.count() == 1, name
        assert canvas.evaluate(INKED) > 0.005, f"chart {name} is blank"
        box = canvas.bounding_box()
        assert box and box["width"] <= viewport["width"], name
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= viewport["width"], f"the page scrolls sideways: {scrolled}px"
    assert any(path.endswith("echarts.min.js") for path in _paths(page))
    assert hosts and set(hosts) == {"127.0.0.1"}, set(hosts)
    context.close()


def _paths(page: Any) -> list[str]:
    return list(page.evaluate("performance.getEntriesByType('resource').map(e => e.name)"))


def test_a_chart_follows_the_window(chromium: Any, console: tuple[LiveServer, list[str]]) -> None:
    server, _ = console
    context = chromium.new_context(viewport=DESKTOP, base_url=server.url)
    page = context.new_page()
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    page.goto("/console/reports?period=month")
    canvas = page.locator("[data-testid=chart-days] canvas").first
    canvas.wait_for()
    wide = canvas.bounding_box()
    page.set_viewport_size(PHONE)
    page.wait_for_function(
        "document.querySelector('[data-testid=chart-days] canvas').getBoundingClientRect().width"
        f" < {PHONE['width']}"
    )
    narrow = canvas.bounding_box()
    assert wide and narrow and narrow["width"] < wide["width"] / 2
    # every chart follows (ResizeObserver): the page ends up no wider than the phone
    page.wait_for_function(f"document.documentElement.scrollWidth <= {PHONE['width']}")
    context.close()
