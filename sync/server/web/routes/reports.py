"""Reports: a day, week or month of the account's stores (or one of them) by day, category,
service, product, technician and tender, the products' margin and, with several stores, the
stores side by side. Figures from sync/server/period_report.py; each chart (Apache ECharts,
served from static/vendor/echarts) has the same figures in a table below it, which reads
without script. The stores are the account's scope (routes/sales.shown_period)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from salon_pos.domain.report_periods import Grain
from sync.messages import Both
from sync.server.auth import engine_of
from sync.server.period_report import PeriodReport, period_report
from sync.server.web import words
from sync.server.web.deps import CurrentSession
from sync.server.web.pages import language_of, render
from sync.server.web.routes.sales import shown_period

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("/reports")
def reports_page(
    request: Request,
    session: CurrentSession,
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    day: Annotated[str | None, Query(max_length=10)] = None,
    store: Annotated[str, Query(max_length=36)] = "",
) -> HTMLResponse:
    shown = shown_period(request, session, period, day, store)
    with engine_of(request).connect() as connection:
        # this week or month up to today (the counter's presets): no days still to come
        last = max(shown.first, min(shown.last, shown.today))
        report = period_report(connection, shown.store_ids, shown.first, last, Grain(period))
    context = shown.context()
    charts = report_charts(report, context["names"], language_of(request))
    return render(request, "reports.html", session, report=report, charts=charts, **context)


def _yuan(fen: int) -> float:
    """For the chart only (its axis and bars); the tables show the fen exactly."""
    return fen / 100


def report_charts(report: PeriodReport, names: dict[str, str], language: str) -> dict[str, Any]:
    """ECharts options of the page's charts, by name; the same figures as the tables."""

    def say(text: Both) -> str:
        return text.text(language)

    staff = [t.name or say(words.NO_TECHNICIAN if not t.staff_id else words.UNKNOWN_STAFF)
             for t in report.technicians]  # fmt: skip
    tenders = [
        {"name": say(words.TENDER_NAMES[k]) if k in words.TENDER_NAMES else k, "value": _yuan(v)}
        for k, v in report.tenders.items()
    ]
    return {
        "days": _columns(
            [d.day.strftime("%m-%d") for d in report.days],
            [_yuan(d.net) for d in report.days],
            say(words.REPORT_NET),
            "line" if len(report.days) > 7 else "bar",
        ),
        "categories": _bars(
            [c.name or say(words.NO_CATEGORY) for c in report.categories],
            [_yuan(c.amount) for c in report.categories],
        ),
        "services": _bars(
            [s.name for s in report.services], [_yuan(s.amount) for s in report.services]
        ),
        "products": _bars(
            [p.name for p in report.products], [_yuan(p.amount) for p in report.products]
        ),
        "technicians": _bars(staff, [_yuan(t.amount) for t in report.technicians]),
        "tenders": {
            "tooltip": {"trigger": "item"},
            "legend": {"bottom": 0, "type": "scroll"},
            "series": [
                {
                    "type": "pie",
                    "radius": ["35%", "65%"],
                    "center": ["50%", "45%"],
                    "data": tenders,
                    "label": {"position": "inside", "formatter": "{d}%"},
                }
            ],
        },
        "stores": _columns(
            [names.get(s.store_id, "") for s in report.stores],
            [_yuan(s.net) for s in report.stores],
            say(words.REPORT_NET),
            "bar",
        ),
    }


COLOR = "#b4235a"


def _columns(labels: list[str], values: list[float], name: str, kind: str) -> dict[str, Any]:
    return {
        "color": [COLOR],
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 8, "right": 16, "top": 16, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": labels, "axisLabel": {"hideOverlap": True}},
        "yAxis": {"type": "value"},
        "series": [{"type": kind, "name": name, "data": values, "symbolSize": 5}],
    }


def _bars(labels: list[str], values: list[float]) -> dict[str, Any]:
    """Horizontal bars, the largest on top: names read whole on a phone."""
    return {
        "color": [COLOR],
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "grid": {"left": 8, "right": 24, "top": 8, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "value", "splitNumber": 3, "axisLabel": {"hideOverlap": True}},
        "yAxis": {"type": "category", "data": labels, "inverse": True,
                  "axisLabel": {"width": 110, "overflow": "truncate"}},
        "series": [{"type": "bar", "data": values}],
    }  # fmt: skip
