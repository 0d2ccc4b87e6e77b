"""Sales: a day, week or month of the account's stores (or one of them) to the fen, the tender
mix and each day's takings; a store's tickets of a day, and one ticket in full. Figures come from
sync/server/sales_report.py; every store is checked against the account's scope (deps)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from salon_pos.domain.business_day import business_day
from sync.server.auth import engine_of
from sync.server.master_data import DEFAULT_CUTOVER_HOUR, cutover_hour
from sync.server.sales_report import TICKETS_PER_PAGE, sales_overview, store_tickets
from sync.server.web import queries, tickets, words
from sync.server.web.deps import CurrentSession, PageNotFound, VisibleStore, now_of
from sync.server.web.pages import render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console", include_in_schema=False)
PERIODS = ("day", "week", "month")
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def period_of(period: str, anchor: date) -> tuple[date, date]:
    """The business days of the day, the week (Monday first) or the month around `anchor`."""
    if period == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return first, first + timedelta(days=6)
    if period == "month":
        first = anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    return anchor, anchor


def step_of(period: str, anchor: date, direction: int) -> date:
    if period == "month":
        first = anchor.replace(day=1)
        return (
            (first + timedelta(days=32)).replace(day=1)
            if direction > 0
            else (first - timedelta(days=1)).replace(day=1)
        )
    return anchor + timedelta(days=direction * (7 if period == "week" else 1))


def day_of(text: str | None, fallback: date) -> date:
    if not text:
        return fallback
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PageNotFound() from None


@router.get("/sales")
def sales_page(
    request: Request,
    session: CurrentSession,
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
    day: Annotated[str | None, Query(max_length=10)] = None,
    store: Annotated[str, Query(max_length=36)] = "",
) -> HTMLResponse:
    shown = shown_period(request, session, period, day, store)
    with engine_of(request).connect() as connection:
        overview = sales_overview(connection, shown.store_ids, shown.first, shown.last)
    best = max((amount for _, amount in overview.days), default=0)
    return render(request, "sales.html", session, overview=overview, best=best, **shown.context())


@dataclass(frozen=True)
class ShownPeriod:
    """The stores (the account's, or the one asked for) and the period a page shows."""

    visible: list[queries.StoreRow]
    chosen: list[queries.StoreRow]
    store: str  # "" all
    period: str
    anchor: date
    today: date
    first: date
    last: date

    @property
    def store_ids(self) -> list[str]:
        return [s.id for s in self.chosen]

    def context(self) -> dict[str, Any]:
        """What the period picker (and the store names) of a page need."""
        return {
            "names": {s.id: s.name for s in self.visible},
            "stores": self.visible,
            "store": self.store,
            "period": self.period,
            "periods": PERIODS,
            "anchor": self.anchor,
            "today": self.today,
            "earlier": step_of(self.period, self.anchor, -1),
            "later": step_of(self.period, self.anchor, 1),
            "period_words": words.PERIOD_WORDS,
        }


def shown_period(
    request: Request, session: Session, period: str, day: str | None, store: str
) -> ShownPeriod:
    """The account's stores, or the one asked for (another account's or none: 404), and the
    period around `day` (the chosen store's business day today when not given)."""
    engine = engine_of(request)
    visible = queries.stores(engine, session.account)
    chosen = [s for s in visible if s.id == store] if store else visible
    if store and not chosen:
        raise PageNotFound()  # another account's store, or none: the same answer
    zone = chosen[0].time_zone if chosen else "Asia/Shanghai"
    cutover = cutover_hour(engine, chosen[0].id) if chosen else DEFAULT_CUTOVER_HOUR
    today = business_day(now_of(request), zone, cutover)
    anchor = day_of(day, today)
    first, last = period_of(period, anchor)
    return ShownPeriod(visible, chosen, store, period, anchor, today, first, last)


@router.get("/stores/{store_id}/tickets")
def tickets_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    day: Annotated[str | None, Query(max_length=10)] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    cutover = cutover_hour(engine_of(request), store.id)
    today = business_day(now_of(request), store.time_zone, cutover)
    shown = day_of(day, today)
    offset = (page - 1) * TICKETS_PER_PAGE
    with engine_of(request).connect() as connection:
        rows = store_tickets(connection, store.id, shown, TICKETS_PER_PAGE + 1, offset)
        overview = sales_overview(connection, [store.id], shown, shown)
    return render(
        request,
        "tickets.html",
        session,
        store=store,
        day=shown,
        tickets=rows[:TICKETS_PER_PAGE],
        page=page,
        more=len(rows) > TICKETS_PER_PAGE,
        figures=overview.stores[0],
        tenders=overview.tenders,
        earlier=shown - timedelta(days=1),
        later=shown + timedelta(days=1),
    )


@router.get("/stores/{store_id}/tickets/{ticket_id}")
def ticket_page(
    request: Request, session: CurrentSession, store: VisibleStore, ticket_id: str
) -> HTMLResponse:
    with engine_of(request).connect() as connection:
        ticket = tickets.ticket_detail(connection, store.id, ticket_id)
    if ticket is None:
        raise PageNotFound()
    return render(request, "ticket.html", session, store=store, ticket=ticket)
