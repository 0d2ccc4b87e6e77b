"""A store's closes (日结) and commission (提成) on the console: the business days of a month
with their close and cash variances, one day in full (the server's figures now beside the
counter's at the close, every drawer session), and each technician's commission of a month by
the counter's rules and domain code (sync/server/commission_facts.py). Every store through
the account's scope (deps.VisibleStore), every staff member through VisibleStaff."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from salon_pos.domain.business_day import business_day
from salon_pos.domain.commission import CommissionRule, rate_text
from sync.operations.day_close import CONFLICT_CLOSED_DAY_AMENDED
from sync.server.auth import engine_of
from sync.server.closes_report import counter_names, day_detail, month_days, staff_names
from sync.server.commission_facts import store_commission
from sync.server.master_data import cutover_hour
from sync.server.web import close_figures
from sync.server.web import close_words as cw
from sync.server.web.deps import (
    CurrentSession,
    PageNotFound,
    StoreRef,
    VisibleStaff,
    VisibleStore,
    now_of,
)
from sync.server.web.pages import language_of, render, templates
from sync.server.web.routes.sales import period_of, step_of

router = APIRouter(prefix="/console", include_in_schema=False)
templates.env.globals["cw"] = cw  # also on the store page, which links here
MonthText = Annotated[str | None, Query(max_length=7)]


def _month(request: Request, store: StoreRef, text: str | None) -> tuple[date, date]:
    """The first and last business day of `text` (YYYY-MM), or of the store's month today."""
    if text:
        try:
            first = date.fromisoformat(f"{text}-01")
        except ValueError:
            raise PageNotFound() from None
    else:
        cutover = cutover_hour(engine_of(request), store.id)
        first = business_day(now_of(request), store.time_zone, cutover).replace(day=1)
    return period_of("month", first)


def _steps(first: date) -> dict[str, str]:
    earlier, later = step_of("month", first, -1), step_of("month", first, 1)
    return {"month": first.strftime("%Y-%m"), "earlier": earlier.strftime("%Y-%m"),
            "later": later.strftime("%Y-%m")}  # fmt: skip


def _page(request: Request, template: str, session: CurrentSession, **context: Any) -> HTMLResponse:
    """A close or commission page: its words, variances as ¥-2.00 and rates in words."""
    language = language_of(request)

    def rule_text(rule: CommissionRule, requested: bool) -> str:
        return rate_text(rule.how, rule.rate(requested), language)

    return render(
        request, template, session, variance=close_figures.variance_text,
        rule_text=rule_text, **context,
    )  # fmt: skip


def _conflicts_link(store: StoreRef) -> str:
    return f"/console/stores/{store.id}/conflicts?type={CONFLICT_CLOSED_DAY_AMENDED}"


@router.get("/stores/{store_id}/closes")
def closes_page(
    request: Request, session: CurrentSession, store: VisibleStore, month: MonthText = None
) -> HTMLResponse:
    first, last = _month(request, store, month)
    with engine_of(request).connect() as connection:
        days = month_days(connection, store.id, first, last)
        closes = [d.close for d in days if d.close]
        names = staff_names(connection, store.id, (c.closed_by for c in closes))
        counters = counter_names(connection, store.id, (c.device_id for c in closes))
    return _page(
        request,
        "closes.html",
        session,
        store=store,
        days=days,
        names=names,
        counters=counters,
        conflicts_link=_conflicts_link(store),
        **_steps(first),
    )


@router.get("/stores/{store_id}/closes/{day}")
def close_day_page(
    request: Request, session: CurrentSession, store: VisibleStore, day: str
) -> HTMLResponse:
    try:
        shown = date.fromisoformat(day)
    except ValueError:
        raise PageNotFound() from None
    with engine_of(request).connect() as connection:
        detail = day_detail(connection, store.id, shown)
    now, then = detail.figures, detail.at_close
    return _page(
        request,
        "close_day.html",
        session,
        store=store,
        detail=detail,
        summary=close_figures.summary(now, then),
        tenders=close_figures.by_tender(now, then),
        categories=close_figures.by_category(now, then),
        technicians=close_figures.by_technician(now, then, detail.names),
        members=close_figures.members(now, then),
        discounts=close_figures.approvals(now.discounts, then.discounts if then else None),
        voids=close_figures.approvals(now.void_list, then.void_list if then else None),
        refunds=close_figures.approvals(now.refund_list, then.refund_list if then else None),
        conflicts_link=_conflicts_link(store),
        month=shown.strftime("%Y-%m"),
    )


@router.get("/stores/{store_id}/commission")
def commission_page(
    request: Request, session: CurrentSession, store: VisibleStore, month: MonthText = None
) -> HTMLResponse:
    first, last = _month(request, store, month)
    with engine_of(request).connect() as connection:
        commission = store_commission(connection, store.id, first, last)
    return _page(
        request,
        "commission.html",
        session,
        store=store,
        commission=commission,
        **_steps(first),
    )


@router.get("/stores/{store_id}/commission/{staff_id}")
def technician_commission_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    staff: VisibleStaff,
    month: MonthText = None,
) -> HTMLResponse:
    first, last = _month(request, store, month)
    with engine_of(request).connect() as connection:
        commission = store_commission(connection, store.id, first, last, staff.id)
    found = next((t for t in commission.technicians if t.staff_id == staff.id), None)
    numbers = commission.numbers
    moves = sorted(
        found.moves if found else (),
        key=lambda m: (m.day, numbers.get(m.line.ticket_id, ""), m.line.id, m.cause != "sale"),
    )
    return _page(
        request,
        "commission_technician.html",
        session,
        store=store,
        staff=staff,
        technician=found,
        moves=moves,
        numbers=numbers,
        **_steps(first),
    )
