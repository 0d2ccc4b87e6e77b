"""The stock pages for docs/screenshots (web_stock_*: one store's stock, the chain view, the
reorder list, the expiring batches, the slow movers, a month's consumables, a product's
movements, and the stock documents: purchase orders and one, stocktakes and a posted sheet,
transfers and one, suppliers, receipts and write-offs and one write-off; and a product's
form with its stock unit), from StockChain's two stores (tests/sync/web/test_console_stock.py)
with StockDocuments' documents (tests/sync/web/stock_documents_scenario.py) pushed to a live
server by their counters.

    .venv/bin/python -m tests.sync.web.stock_screenshots [folder]   (also in make web-screenshots)
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from sqlalchemy import select

from sync.server import admin
from sync.server.config import utc_now
from sync.server.stock_document_report import DOCUMENT
from tests.sync.live_server import LiveServer
from tests.sync.web.browser import CHROMIUM, DESKTOP, PHONE, sign_in
from tests.sync.web.stock_documents_scenario import StockDocuments
from tests.sync.web.test_browser_reports import LiveCounters
from tests.sync.web.test_console_stock import StockChain

OWNER, PASSWORD = "laoban@liren.example", "correct horse"


class LiveStock(LiveCounters):
    """A live server's two stores, as StockChain pushes to them."""

    def __init__(self, server: LiveServer, stores: list[str]) -> None:
        super().__init__(server)
        self.store_id, self.other_store_id = stores
        self.clock: Callable[[], datetime] = utc_now


def push_stock(server: LiveServer, owner: str, names: tuple[str, str]) -> StockChain:
    """Two stores of `owner` (made here) with their stock ledgers."""
    live = LiveStock(server, [admin.create_store(LiveCounters(server).engine, owner, n)
                              for n in names])  # fmt: skip
    return StockChain(live)


def document_pages(documents: StockDocuments) -> list[tuple[str, str]]:
    """(screenshot name, path) of each stock document page, for the first store."""
    store = documents.first
    base = f"/console/stores/{store}/stock"
    return [
        ("stock_orders", f"/console/stock/orders?store={store}"),
        ("stock_order", f"{base}/orders/{documents.orders['partly_received']['id']}"),
        ("stock_stocktakes", "/console/stock/stocktakes"),
        ("stock_stocktake", f"{base}/stocktakes/{documents.posted['id']}"),
        ("stock_transfers", f"/console/stock/transfers?store={store}"),
        ("stock_transfer", f"{base}/transfers/{documents.short['id']}"),
        ("stock_suppliers", f"/console/stock/suppliers?store={store}"),
        ("stock_documents", "/console/stock/documents"),
        ("stock_document", f"{base}/documents/{_latest_write_off(documents)}"),
    ]


def _latest_write_off(documents: StockDocuments) -> str:
    """The first store's latest write-off (StockChain's)."""
    query = (
        select(DOCUMENT.c.id)
        .where(DOCUMENT.c.store_id == documents.first, DOCUMENT.c.document == "write_off")
        .order_by(DOCUMENT.c.at.desc(), DOCUMENT.c.id)
    )
    with documents.chain.server.engine.connect() as connection:
        return str(connection.execute(query).scalars().first())


def shoot_stock(page: Page, folder: Path, documents: StockDocuments, size: str) -> None:
    chain = documents.chain
    store, product = chain.stores[0], chain.products[chain.stores[0]][0]["id"]
    for name, path in (
        ("stock", f"/console/stock?store={store}"),
        ("stock_chain", "/console/stock"),
        ("stock_low", "/console/stock/low"),
        ("stock_expiring", f"/console/stock/expiring?store={store}&days=60"),
        ("stock_slow", "/console/stock/slow"),
        ("stock_consumption", "/console/stock/consumption?period=month&day=2026-11-01"),
        ("stock_movements", f"/console/stores/{store}/stock/{product}"),
        *document_pages(documents),
        ("stock_product_form", f"/console/stores/{store}/catalog/items/{product}"),
    ):
        page.goto(path)
        page.screenshot(path=str(folder / f"web_{name}_{size}.png"), full_page=True)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        server = LiveServer(f"sqlite:///{data}/server.db", Path(data) / "server.log").start()
        try:
            admin.create_owner(LiveCounters(server).engine, OWNER, PASSWORD)
            chain = push_stock(server, OWNER, ("丽人美业·总店", "丽人美业·万达店"))
            documents = StockDocuments(chain)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM))
                for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                    page = browser.new_page(viewport=viewport, base_url=server.url)  # type: ignore[arg-type]
                    sign_in(page, OWNER, PASSWORD)
                    page.wait_for_url("**/console/stores")
                    shoot_stock(page, folder, documents, size)
                    page.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
