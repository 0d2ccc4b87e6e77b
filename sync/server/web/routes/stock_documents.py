"""The stock documents on the console (库存 tabs, read-only: the counters make them): a store's
suppliers, purchase orders, stocktakes and the transfers between the owner's stores, each list
also as CSV (`?format=csv`), and a page for one order, stocktake or transfer. Figures from
sync/server/stock_document_report.py; the stores are the account's scope, as on the other
stock pages (routes/stock.py: the store picker's `store`, a store page's VisibleStore)."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from sync.server import stock_document_report as report
from sync.server.auth import engine_of
from sync.server.web import stock_csv
from sync.server.web.deps import CurrentSession, PageNotFound, VisibleStore
from sync.server.web.pages import language_of, render
from sync.server.web.routes.stock import (
    ROWS_PER_PAGE,
    Format,
    Page,
    StoreChoice,
    pages_of,
    shown_stores,
    stock_frame,
)

router = APIRouter(prefix="/console", include_in_schema=False)
StateChoice = Annotated[str, Query(max_length=20)]
T = TypeVar("T")


def _zones(frame: dict[str, object]) -> dict[str, str]:
    return {s.id: s.time_zone for s in frame["stores"]}  # type: ignore[attr-defined]


def _page_of(rows: list[T], page: int) -> dict[str, Any]:
    """A page of a list's rows (newest first), with what the pager needs."""
    start = (page - 1) * ROWS_PER_PAGE
    return {
        "rows": rows[start : start + ROWS_PER_PAGE],
        "count": len(rows),
        "page": page,
        "pages": pages_of(len(rows), ROWS_PER_PAGE),
    }


@router.get("/stock/suppliers")
def suppliers_page(
    request: Request, session: CurrentSession, store: StoreChoice = "", format: Format = "html"
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        rows = report.suppliers(connection, shown.store_ids)
    frame = stock_frame(shown, "suppliers")
    if format == "csv":
        return stock_csv.suppliers(rows, frame["names"], language_of(request))
    return render(request, "stock_suppliers.html", session, rows=rows, **frame)


@router.get("/stock/orders")
def orders_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    state: StateChoice = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        every = report.purchase_orders(connection, shown.store_ids)
    rows = [o for o in every if not state or o.state == state]
    frame = stock_frame(shown, "orders")
    if format == "csv":
        return stock_csv.orders(rows, frame["names"], _zones(frame), language_of(request))
    return render(
        request, "stock_orders.html", session, state=state, states=report.ORDER_STATES,
        zones=_zones(frame), every=rows, **_page_of(rows, page), **frame,
    )  # fmt: skip


@router.get("/stores/{store_id}/stock/orders/{order_id}")
def order_page(
    request: Request, session: CurrentSession, store: VisibleStore, order_id: str
) -> Response:
    with engine_of(request).connect() as connection:
        found = report.purchase_orders(connection, [store.id], order_id)
    if not found:
        raise PageNotFound()
    return render(request, "stock_order.html", session, store=store, order=found[0])


@router.get("/stock/stocktakes")
def stocktakes_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        rows = report.stocktakes(connection, shown.store_ids)
    frame = stock_frame(shown, "stocktakes")
    if format == "csv":
        return stock_csv.stocktakes(rows, frame["names"], _zones(frame), language_of(request))
    return render(
        request, "stock_stocktakes.html", session, zones=_zones(frame), **_page_of(rows, page),
        **frame,
    )  # fmt: skip


@router.get("/stores/{store_id}/stock/stocktakes/{stocktake_id}")
def stocktake_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    stocktake_id: str,
    format: Format = "html",
) -> Response:
    with engine_of(request).connect() as connection:
        found = report.stocktakes(connection, [store.id], stocktake_id)
    if not found:
        raise PageNotFound()
    if format == "csv":
        return stock_csv.stocktake_sheet(found[0], store, language_of(request))
    return render(request, "stock_stocktake.html", session, store=store, take=found[0])


@router.get("/stock/transfers")
def transfers_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    shown = shown_stores(request, session, store)
    with engine_of(request).connect() as connection:
        rows = report.transfers(connection, shown.store_ids)
    frame = stock_frame(shown, "transfers")
    # the other store of a transfer is the owner's too: named even when not in the picker
    names = frame["names"] | _other_names(request, rows, frame["names"])
    if format == "csv":
        return stock_csv.transfers(rows, names, _zones(frame), language_of(request))
    frame["names"] = names
    return render(
        request, "stock_transfers.html", session, zones=_zones(frame), **_page_of(rows, page),
        **frame,
    )  # fmt: skip


def _other_names(
    request: Request, rows: list[report.TransferRow], known: dict[str, str]
) -> dict[str, str]:
    """Names of the stores at the other end of the transfers shown, not in the account's
    scope (a manager's store sent to another of the owner's): named, never linked."""
    wanted = {s for t in rows for s in (t.from_store_id, t.to_store_id)} - known.keys()
    with engine_of(request).connect() as connection:
        return report.store_names(connection, wanted)


@router.get("/stores/{store_id}/stock/transfers/{transfer_id}")
def transfer_page(
    request: Request, session: CurrentSession, store: VisibleStore, transfer_id: str
) -> Response:
    with engine_of(request).connect() as connection:
        found = report.transfers(connection, [store.id], transfer_id)
        if not found:
            raise PageNotFound()
        t = found[0]
        names = report.store_names(connection, {t.from_store_id, t.to_store_id})
        zones = report.store_zones(connection, {t.from_store_id, t.to_store_id})
    return render(
        request, "stock_transfer.html", session, store=store, t=t, names=names, zones=zones
    )
