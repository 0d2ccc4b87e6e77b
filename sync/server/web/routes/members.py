"""Members: a store's customers holding a balance or a package card, one member's ledger and
cards, and the stored-value liability of a store and of all the account's stores
(sync/server/member_report.py sums the ledgers in SQL)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine, select

from salon_pos.domain.business_day import business_day
from sync.messages import ACCOUNT_WORDS
from sync.server import member_report
from sync.server.auth import engine_of
from sync.server.master_data import cutover_hour
from sync.server.member_report import ENTRIES_PER_PAGE, MEMBERS_PER_PAGE, Liability
from sync.server.web import queries
from sync.server.web.deps import DEVICE, CurrentSession, PageNotFound, VisibleStore, now_of
from sync.server.web.pages import render

router = APIRouter(prefix="/console", include_in_schema=False)
Page = Annotated[int, Query(ge=1, le=100_000)]


def _today(request: Request, store_id: str, time_zone: str) -> date:
    hour = cutover_hour(engine_of(request), store_id)
    return business_day(now_of(request), time_zone, hour)


@router.get("/members")
def chain_liability(request: Request, session: CurrentSession) -> HTMLResponse:
    """Each of the account's stores, and all of them together."""
    stores = queries.stores(engine_of(request), session.account)
    todays = {s.id: _today(request, s.id, s.time_zone) for s in stores}
    with engine_of(request).connect() as connection:
        found = member_report.liabilities(connection, todays)
    total = sum(found.values(), Liability())
    return render(request, "liability.html", session, stores=stores, liabilities=found, total=total)


@router.get("/stores/{store_id}/members")
def members_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Page = 1,
) -> HTMLResponse:
    today = _today(request, store.id, store.time_zone)
    offset = (page - 1) * MEMBERS_PER_PAGE
    with engine_of(request).connect() as connection:
        liability = member_report.liabilities(connection, {store.id: today})[store.id]
        rows = member_report.members(connection, store.id, q, MEMBERS_PER_PAGE + 1, offset)
    return render(
        request,
        "members.html",
        session,
        store=store,
        liability=liability,
        members=rows[:MEMBERS_PER_PAGE],
        search=q,
        page=page,
        more=len(rows) > MEMBERS_PER_PAGE,
        today=today,
    )


@router.get("/stores/{store_id}/members/{customer_id}")
def member_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    customer_id: str,
    page: Page = 1,
) -> HTMLResponse:
    engine = engine_of(request)
    offset = (page - 1) * ENTRIES_PER_PAGE
    with engine.connect() as connection:
        found = member_report.member(connection, store.id, customer_id)
        if found is None:
            raise PageNotFound()  # another store's customer, or none: the same answer
        cards = member_report.cards_of(connection, store.id, [customer_id])
        rows = member_report.entries(
            connection, store.id, customer_id, ENTRIES_PER_PAGE + 1, offset
        )
    return render(
        request,
        "member.html",
        session,
        store=store,
        member=found,
        cards=cards.get(customer_id, []),
        entries=rows[:ENTRIES_PER_PAGE],
        counters=_counters(engine, store.id),
        account_words=ACCOUNT_WORDS,
        page=page,
        more=len(rows) > ENTRIES_PER_PAGE,
        today=_today(request, store.id, store.time_zone),
    )


def _counters(engine: Engine, store_id: str) -> dict[str, str]:
    query = select(DEVICE.c.id, DEVICE.c.counter).where(DEVICE.c.store_id == store_id)
    with engine.connect() as connection:
        return {r.id: r.counter for r in connection.execute(query)}
