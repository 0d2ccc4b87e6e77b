"""The stock pages in Chromium against a real server on 127.0.0.1, at desk (1280) and phone
(390) width, for one store and for the chain: every page is there, nothing scrolls sideways
(a wide table scrolls in its own box), no request leaves 127.0.0.1, and the CSV link answers
a CSV file. The stock document pages (orders, receipts and write-offs, stocktakes, transfers,
suppliers and a page of each document) likewise, reached through the tabs and the lists' links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from sync.server import admin
from tests.sync.live_server import LiveServer
from tests.sync.web.browser import DESKTOP, PHONE, WHY_NOT, chromium_missing, sign_in
from tests.sync.web.stock_documents_scenario import StockDocuments
from tests.sync.web.stock_screenshots import OWNER, PASSWORD, document_pages, push_stock
from tests.sync.web.test_browser_reports import LiveCounters
from tests.sync.web.test_console_stock import StockChain

pytestmark = pytest.mark.skipif(chromium_missing(), reason=WHY_NOT)
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
TABS = ("on_hand", "low", "expiring", "slow", "consumption")


@pytest.fixture(scope="module")
def console(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, StockChain, StockDocuments]]:
    folder = tmp_path_factory.mktemp("stock")
    server = LiveServer(f"sqlite:///{folder / 'server.db'}", folder / "server.log").start()
    try:
        admin.create_owner(LiveCounters(server).engine, OWNER, PASSWORD)
        chain = push_stock(server, OWNER, ("丽人美业·总店", "丽人美业·万达店"))
        yield server, chain, StockDocuments(chain)
    finally:
        server.stop()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("chain_view", [False, True], ids=["store", "chain"])
def test_the_stock_pages_fit_and_stay_on_the_server(
    chromium: Any,
    console: tuple[LiveServer, StockChain, StockDocuments],
    viewport: dict[str, int],
    chain_view: bool,
) -> None:
    server, chain, _ = console
    store = "" if chain_view else chain.stores[0]
    context = chromium.new_context(viewport=viewport, base_url=server.url)
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    page.get_by_test_id("nav-stock").click()
    page.wait_for_url("**/console/stock")
    product = chain.products[chain.stores[0]][0]["id"]
    pages = [f"/console/stock?store={store}"]
    pages += [f"/console/stock/{tab}?store={store}" for tab in TABS[1:]]
    pages += [f"/console/stores/{chain.stores[0]}/stock/{product}"]
    for path in pages:
        page.goto(path)
        assert page.locator("table.figures").count() >= 1 or page.locator(".empty").count(), path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= viewport["width"], f"{path} scrolls sideways: {wide}px"
        link = page.get_by_test_id("csv-link")
        answer = page.request.get(link.get_attribute("href"))
        assert answer.ok and answer.headers["content-type"].startswith("text/csv"), path
    page.goto(f"/console/stock?store={store}")
    if chain_view:
        assert page.get_by_test_id("table-stores").count() == 1
        columns = page.locator("[data-testid=table-stock] th.store-col").all_inner_texts()
        assert columns == sorted(columns) and len(columns) == 2
    else:
        assert page.get_by_test_id("low-mark").count() >= 1
    assert hosts and set(hosts) == {"127.0.0.1"}, set(hosts)
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_stock_document_pages_fit_and_link_to_each_document(
    chromium: Any, console: tuple[LiveServer, StockChain, StockDocuments], viewport: dict[str, int]
) -> None:
    server, _, documents = console
    context = chromium.new_context(viewport=viewport, base_url=server.url)
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    sign_in(page, OWNER, PASSWORD)
    page.wait_for_url("**/console/stores")
    page.goto("/console/stock")
    for tab in ("orders", "documents", "stocktakes", "transfers", "suppliers"):
        page.get_by_test_id(f"tab-{tab}").click()
        page.wait_for_url(f"**/console/stock/{tab}?store=")
        assert page.locator(f"[data-testid=table-{tab}] tbody tr").count() >= 2, tab
        answer = page.request.get(page.get_by_test_id("csv-link").get_attribute("href"))
        assert answer.ok and answer.headers["content-type"].startswith("text/csv"), tab
    page.goto(f"/console/stock/orders?store={documents.first}")
    partly = documents.orders["partly_received"]
    page.locator(f"[data-key='{partly['id']}'] a").first.click()
    page.wait_for_url(f"**/stock/orders/{partly['id']}")
    assert "部分到货" in page.get_by_test_id("order-state").inner_text()
    product = documents.chain.products[documents.first][0]["id"]
    form = f"/console/stores/{documents.first}/catalog/items/{product}"
    for path in [p for _, p in document_pages(documents)] + [form]:
        page.goto(path)
        assert page.locator("table.figures, [data-testid=stock-fields]").count() >= 1, path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= viewport["width"], f"{path} scrolls sideways: {wide}px"
    assert page.get_by_test_id("unit").input_value() == "ml"  # 玻尿酸精华, kept by the ml
    assert hosts and set(hosts) == {"127.0.0.1"}, set(hosts)
    context.close()
