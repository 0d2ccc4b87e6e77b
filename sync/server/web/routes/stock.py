"""Stock (库存) on the console: each product's stock in one store or across the account's
stores with its value at cost, what to reorder, the batches expiring, the slow movers, what
services used up, and one product's movements in a store. Each page also as CSV
(`?format=csv`). Figures from sync/server/stock_report.py; the stores are the account's scope
(routes/sales.shown_period, deps.VisibleStore)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from sync.server import stock_report
from sync.server.auth import engine_of
from sync.server.stock_report import StockRow
from sync.server.web import stock_csv
from sync.server.web import stock_words as sw
from sync.server.web.deps import CurrentSession, PageNotFound, VisibleStore
from sync.server.web.pages import language_of, render, templates
from sync.server.web.routes.sales import ShownPeriod, shown_period
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console", include_in_schema=False)
templates.env.globals["sw"] = sw
ROWS_PER_PAGE = 200
MOVEMENTS_PER_PAGE = 50
StoreChoice = Annotated[str, Query(max_length=36)]
Format = Annotated[str, Query(pattern="^(html|csv)$")]
Page = Annotated[int, Query(ge=1, le=100_000)]


def shown_stores(request: Request, session: Session, store: str) -> ShownPeriod:
    """The store asked for (or all the account's) and its business day today."""
    return shown_period(request, session, "day", None, store)


def stock_frame(shown: ShownPeriod, tab: str) -> dict[str, Any]:
    """What every stock page's tabs and store picker need."""
    return {
        "names": {s.id: s.name for s in shown.visible},
        "stores": shown.visible,
        "store": shown.store,
        "chosen": shown.chosen,
        "single": len(shown.chosen) == 1,
        "today": shown.today,
        "tab": tab,
    }


def _matches(row: StockRow, category: str, text: str) -> bool:
    text = text.strip().lower()
    product = row.product
    return (not category or product.category == category) and (
        not text or text in product.name.lower()
    )


def pages_of(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


@router.get("/stock")
def stock_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    category: Annotated[str, Query(max_length=100)] = "",
    q: Annotated[str, Query(max_length=100)] = "",
    low: Annotated[str, Query(pattern="^1?$")] = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        every = stock_report.stock_rows(connection, shown.store_ids)
        conflicts = stock_report.open_negative_stock(connection, shown.store_ids)
    rows = [r for r in every if _matches(r, category, q)]
    frame = stock_frame(shown, "on_hand")
    shown_rows: list[Any]
    if frame["single"]:
        rows = shown_rows = [r for r in rows if r.low] if low else rows
    else:
        shown_rows = stock_report.across_stores(rows)
        if low:  # a product low in any store, with every store's stock of it
            shown_rows = [c for c in shown_rows if c.low]
            rows = [r for c in shown_rows for r in c.stores.values()]
    if format == "csv":
        return stock_csv.on_hand(rows, frame["names"], language_of(request))
    start = (page - 1) * ROWS_PER_PAGE
    return render(
        request,
        "stock.html",
        session,
        rows=shown_rows[start : start + ROWS_PER_PAGE],
        count=len(shown_rows),
        page=page,
        pages=pages_of(len(shown_rows), ROWS_PER_PAGE),
        totals=_store_totals(rows, shown),
        conflicts=conflicts,
        categories=sorted({r.product.category for r in every}),
        category=category,
        q=q,
        low=low,
        **frame,
    )


@dataclass
class StoreTotal:
    id: str
    products: int = 0
    value: int = 0  # fen
    low: int = 0
    negative: int = 0  # products below zero


def _store_totals(rows: list[StockRow], shown: ShownPeriod) -> list[StoreTotal]:
    """Each store's products, value at cost, low and below-zero counts (the comparison), in
    the picker's order."""
    totals = {s.id: StoreTotal(s.id) for s in shown.chosen}
    for row in rows:
        mine = totals[row.store_id]
        mine.products += 1
        mine.value += row.value
        mine.low += row.low
        mine.negative += row.on_hand < 0
    return list(totals.values())


@router.get("/stock/low")
def low_page(
    request: Request, session: CurrentSession, store: StoreChoice = "", format: Format = "html"
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        rows = [r for r in stock_report.stock_rows(connection, shown.store_ids) if r.low]
    frame = stock_frame(shown, "low")
    if format == "csv":
        return stock_csv.low(rows, frame["names"], language_of(request))
    total = sum(r.order_cost for r in rows)
    return render(request, "stock_low.html", session, rows=rows, total=total, **frame)


@router.get("/stock/expiring")
def expiring_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    days: Annotated[int, Query(ge=0, le=3650)] = 30,
    format: Format = "html",
) -> Response:
    shown = shown_stores(request, session, store)
    until = shown.today + timedelta(days=days)
    with engine_of(request).connect() as connection:
        batches = stock_report.expiring(connection, shown.store_ids, until)
    frame = stock_frame(shown, "expiring")
    if format == "csv":
        return stock_csv.expiring(batches, frame["names"], shown.today, language_of(request))
    return render(request, "stock_expiring.html", session, batches=batches, days=days, **frame)


@router.get("/stock/slow")
def slow_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    days: Annotated[int, Query(ge=1, le=3650)] = 60,
    format: Format = "html",
) -> Response:
    """Stock with no sale nor use on the last `days` business days (today one of them)."""
    shown = shown_stores(request, session, store)
    since = shown.today - timedelta(days=days - 1)
    with engine_of(request).connect() as connection:
        slow = stock_report.slow_movers(connection, shown.store_ids, since)
    frame = stock_frame(shown, "slow")
    if format == "csv":
        return stock_csv.slow(slow, frame["names"], shown.today, language_of(request))
    total = sum(s.row.value for s in slow)
    return render(request, "stock_slow.html", session, slow=slow, days=days, total=total, **frame)


@router.get("/stock/consumption")
def consumption_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    day: Annotated[str | None, Query(max_length=10)] = None,
    format: Format = "html",
) -> Response:
    shown = shown_period(request, session, period, day, store)
    with engine_of(request).connect() as connection:
        used = stock_report.consumption(connection, shown.store_ids, shown.first, shown.last)
    frame = stock_frame(shown, "consumption")
    if format == "csv":
        return stock_csv.consumption(used, frame["names"], language_of(request))
    return render(
        request,
        "stock_consumption.html",
        session,
        used=used,
        first_day=shown.first,
        last_day=shown.last,
        **(shown.context() | frame),
    )


# Where a movement's document is shown, by the movement's kind (routes/stock_documents.py);
# a sale's, a void's and a refund's is its ticket.
DOCUMENT_PAGES = {
    "receipt": "documents", "write_off": "documents", "adjustment": "documents",
    "stocktake": "stocktakes", "transfer_out": "transfers", "transfer_in": "transfers",
}  # fmt: skip


@router.get("/stores/{store_id}/stock/{product_id}")
def movements_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    product_id: str,
    page: Page = 1,
    format: Format = "html",
) -> Response:
    """A product's movements in the store, newest first, with the stock after each."""
    with engine_of(request).connect() as connection:
        product = stock_report.store_product(connection, store.id, product_id)
        if product is None:
            raise PageNotFound()
        if format == "csv":
            every, _ = stock_report.product_movements(connection, store.id, product_id, 10**7, 0)
            return stock_csv.movements(every, product, store, language_of(request))
        offset = (page - 1) * MOVEMENTS_PER_PAGE
        rows, count = stock_report.product_movements(
            connection, store.id, product_id, MOVEMENTS_PER_PAGE, offset
        )
    return render(
        request,
        "stock_movements.html",
        session,
        store=store,
        product=product,
        document_pages=DOCUMENT_PAGES,
        rows=rows,
        count=count,
        page=page,
        pages=pages_of(count, MOVEMENTS_PER_PAGE),
        on_hand=rows[0].balance if rows and page == 1 else None,
    )
