"""The stock documents on the console (库存 tabs, read-only: the counters make them): a store's
suppliers, purchase orders, receipts and write-offs, stocktakes and the transfers between the
owner's stores, each list also as CSV (`?format=csv`), and a page for one order, receipt or
write-off, stocktake or transfer. Figures from
sync/server/stock_document_report.py; the stores are the account's scope, as on the other
stock pages (routes/stock.py: the store picker's `store`, a store page's VisibleStore). The
lists are of a period of business days (`from`, `to`; the last 90 days unless asked), read in
the SQL; a document's own page finds it whatever its age."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from salon_pos.domain.errors import InvalidDate, UserError
from salon_pos.domain.report_periods import Period
from sync.server import stock_document_report as report
from sync.server.auth import engine_of
from sync.server.web import stock_csv
from sync.server.web import stock_words as sw
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
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console", include_in_schema=False)
StateChoice = Annotated[str, Query(max_length=20)]
KindChoice = Annotated[str, Query(max_length=20)]
FromDay = Annotated[str, Query(alias="from", max_length=10)]  # a business day, YYYY-MM-DD
ToDay = Annotated[str, Query(alias="to", max_length=10)]
RECENT_DAYS = 90  # a list's period unless asked: a quarter of orders, receipts and counts
T = TypeVar("T")
Reader = Callable[[Connection, list[str], None, Period], list[T]]


@dataclass(frozen=True)
class Asked:
    """What a list's query asks: the store ("" all), the period's days as typed, the page and
    the format (html, csv)."""

    store: str
    first: str
    last: str
    page: int
    format: str


def _day(text: str, fallback: date) -> date:
    if not text:
        return fallback
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidDate(text=text) from None
    if not 1900 <= day.year <= 9000:  # a typo; and the steps either side stay dates
        raise InvalidDate(text=text)
    return day


def document_period(first: str, last: str, today: date) -> Period:
    """The business days a list shows: `first` to `last` (YYYY-MM-DD), the last RECENT_DAYS
    up to today when not given (up to `last` when only it is). Refused: a malformed day, a
    period ending before it starts or longer than a report's (the domain's Period.check)."""
    end = _day(last, today)
    return Period(_day(first, end - timedelta(days=RECENT_DAYS - 1)), end).check()


def _steps(request: Request, days: Period | None, today: date) -> dict[str, Any]:
    """The links to the period as long before and after this one (none: the period was
    refused) and back to the recent days, keeping the list's other filters (its first page)."""
    here = request.url.remove_query_params(("page", "from", "to", "format"))

    def link(first: date, last: date) -> str:
        url = here.include_query_params(**{"from": first.isoformat(), "to": last.isoformat()})
        return f"{url.path}?{url.query}"

    recent = Period(today - timedelta(days=RECENT_DAYS - 1), today)
    steps: dict[str, Any] = {
        "recent": "" if days == recent else f"{here.path}?{here.query}",
        "recent_words": sw.RecentDays(days=RECENT_DAYS),
    }
    if days is not None:
        length = timedelta(days=(days.last - days.first).days + 1)
        steps["earlier"] = link(days.first - length, days.last - length)
        steps["later"] = link(days.first + length, days.last + length)
    return steps


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


def _document_list(
    request: Request,
    session: Session,
    asked: Asked,
    tab: str,
    read: Reader[T],
    csv: Callable[[list[T], dict[str, str], dict[str, str], str], Response],
    template: str,
    keep: Callable[[T], bool] = lambda _: True,
    more: Callable[[list[T], dict[str, Any]], dict[str, Any]] = lambda _, __: {},
) -> Response:
    """A list of stock documents (the stock tab `tab`) of the stores and the period `asked`,
    newest first: the rows `read` finds that `keep` keeps, as CSV (`csv`) or a page of them
    (`template`). What `more` gives (from the rows and the stock frame) is added to the frame
    or replaces its entries, for the CSV's store names and the template. A period refused:
    the page with the reason (400), the dates as typed, no rows."""
    shown = shown_stores(request, session, asked.store)
    frame = stock_frame(shown, tab) | {"period_from": asked.first, "period_to": asked.last}
    try:
        days = document_period(asked.first, asked.last, shown.today)
    except UserError as refused:
        frame |= more([], frame) | {"problem": refused, "every": []}
        frame["steps"] = _steps(request, None, shown.today)
        return render(
            request, template, session, 400, zones=_zones(frame), **_page_of([], 1), **frame
        )
    with engine_of(request).connect() as connection:
        rows = [r for r in read(connection, shown.store_ids, None, days) if keep(r)]
    frame |= {"period_from": days.first.isoformat(), "period_to": days.last.isoformat()}
    frame |= more(rows, frame) | {"steps": _steps(request, days, shown.today)}
    zones = _zones(frame)
    if asked.format == "csv":
        return csv(rows, frame["names"], zones, language_of(request))
    return render(request, template, session, zones=zones, **_page_of(rows, asked.page), **frame)


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
    first: FromDay = "",
    last: ToDay = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    return _document_list(
        request, session, Asked(store, first, last, page, format), "orders", report.purchase_orders,
        stock_csv.orders, "stock_orders.html",
        keep=lambda o: not state or o.state == state,
        more=lambda rows, _: {"state": state, "states": report.ORDER_STATES, "every": rows},
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


@router.get("/stock/documents")
def documents_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    kind: KindChoice = "",
    first: FromDay = "",
    last: ToDay = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    return _document_list(
        request, session, Asked(store, first, last, page, format), "documents",
        report.stock_documents, stock_csv.documents, "stock_documents.html",
        keep=lambda d: not kind or d.kind == kind,
        more=lambda rows, _: {"kind": kind, "kinds": report.DOCUMENT_KINDS, "every": rows},
    )  # fmt: skip


@router.get("/stores/{store_id}/stock/documents/{document_id}")
def document_page(
    request: Request, session: CurrentSession, store: VisibleStore, document_id: str
) -> Response:
    with engine_of(request).connect() as connection:
        found = report.stock_documents(connection, [store.id], document_id)
    if not found:
        raise PageNotFound()
    return render(request, "stock_document.html", session, store=store, d=found[0])


@router.get("/stock/stocktakes")
def stocktakes_page(
    request: Request,
    session: CurrentSession,
    store: StoreChoice = "",
    first: FromDay = "",
    last: ToDay = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    return _document_list(
        request, session, Asked(store, first, last, page, format), "stocktakes", report.stocktakes,
        stock_csv.stocktakes, "stock_stocktakes.html",
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
    first: FromDay = "",
    last: ToDay = "",
    page: Page = 1,
    format: Format = "html",
) -> Response:
    return _document_list(
        request, session, Asked(store, first, last, page, format), "transfers", report.transfers,
        stock_csv.transfers, "stock_transfers.html",
        more=lambda rows, frame: {"names": _with_other_stores(request, rows, frame["names"])},
    )  # fmt: skip


def _with_other_stores(
    request: Request, rows: list[report.TransferRow], known: dict[str, str]
) -> dict[str, str]:
    """The stores' names `known`, and those of the stores at the other end of the transfers
    shown: the owner's too, named even when not in the account's scope or the picker (a
    manager's store sent to another of the owner's), never linked."""
    wanted = {s for t in rows for s in (t.from_store_id, t.to_store_id)} - known.keys()
    with engine_of(request).connect() as connection:
        return known | report.store_names(connection, wanted)


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
