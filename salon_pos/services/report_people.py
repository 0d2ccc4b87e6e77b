"""The sections of the reports about people: customer analysis and staff performance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from salon_pos.domain.customer_figures import CustomerFigures
from salon_pos.domain.sales_figures import ItemFigures
from salon_pos.reports.model import Cell, CellKind, Chart, ChartKind, Column, Section, Table
from salon_pos.services.report_sections import words
from sync.messages import Both

LAPSED_ROWS = 300  # the longest list of lapsed customers a report prints

P = {
    "customers": Both("到店客户", "Customers"),
    "new": Both("新客", "New"),
    "returning": Both("老客", "Returning"),
    "repeat_rate": Both("复购率", "Repeat rate"),
    "gap": Both("平均到店间隔（天）", "Days between visits"),
    "registered": Both("新建档客户", "New records"),
    "lapsed": Both("久未到店", "Not seen"),
    "customer": Both("客户", "Customer"),
    "phone": Both("电话", "Phone"),
    "last_visit": Both("最后到店", "Last visit"),
    "days_away": Both("未到店天数", "Days away"),
    "visits": Both("到店次数", "Visits"),
    "staff": Both("员工", "Staff"),
    "served": Both("服务顾客", "Customers served"),
    "performance": Both("业绩", "Sales"),
    "requested": Both("点钟", "Requested"),
    "bookings": Both("完成预约", "Bookings done"),
    "minutes": Both("平均服务时长（分钟）", "Average service (min)"),
    "count": Both("人数", "Customers"),
}


def said(key: str, language: str) -> str:
    return P[key].text(language)


def customer_overview(
    title: str, figures: CustomerFigures, registered: int, away_days: int, language: str
) -> Section:
    lapsed_heading = f"{said('lapsed', language)} > {away_days}"
    columns = (
        Column(said("customers", language), CellKind.COUNT),
        Column(said("new", language), CellKind.COUNT),
        Column(said("returning", language), CellKind.COUNT),
        Column(said("repeat_rate", language), CellKind.PERCENT),
        Column(said("gap", language), CellKind.TENTHS),
        Column(said("registered", language), CellKind.COUNT),
        Column(lapsed_heading, CellKind.COUNT),
    )
    row: tuple[Cell, ...] = (
        figures.customers,
        figures.new,
        figures.returning,
        figures.repeat_bp,
        figures.average_gap_tenths,
        registered,
        len(figures.lapsed),
    )
    chart = Chart(
        ChartKind.BAR,
        said("count", language),
        (
            (said("new", language), figures.new),
            (said("returning", language), figures.returning),
            (lapsed_heading, len(figures.lapsed)),
        ),
        CellKind.COUNT,
    )
    return Section(title, Table(columns, (row,)), chart)


def lapsed_section(
    title: str,
    figures: CustomerFigures,
    people: Mapping[str, tuple[str, str]],
    language: str,
    note: str,
) -> Section:
    columns = (
        Column(said("customer", language)),
        Column(said("phone", language)),
        Column(said("last_visit", language)),
        Column(said("days_away", language), CellKind.COUNT),
        Column(said("visits", language), CellKind.COUNT),
    )
    rows = tuple(
        (
            people.get(c.customer_id, ("?", ""))[0],
            people.get(c.customer_id, ("?", ""))[1],
            c.last_visit.isoformat(),
            c.days_away,
            c.visits,
        )
        for c in figures.lapsed[:LAPSED_ROWS]
    )
    return Section(title, Table(columns, rows), note=note)


def staff_section(
    title: str,
    found: Mapping[str, ItemFigures],
    names: Mapping[str, str],
    minutes: Mapping[str, Sequence[int]],
    technicians: Sequence[str],
    language: str,
) -> Section:
    """Per staff member: net tickets, customers served, their share of sales, 点钟 lines,
    completed bookings and their average length."""
    columns = (
        Column(said("staff", language)),
        Column(words("tickets", language), CellKind.COUNT),
        Column(said("served", language), CellKind.COUNT),
        Column(said("performance", language), CellKind.MONEY),
        Column(said("requested", language), CellKind.COUNT),
        Column(said("bookings", language), CellKind.COUNT),
        Column(said("minutes", language), CellKind.TENTHS),
    )
    ids = sorted(
        set(found) | set(minutes) | set(technicians),
        key=lambda s: (-(found[s].amount if s in found else 0), names.get(s, "")),
    )
    rows: list[tuple[Cell, ...]] = []
    for staff_id in ids:
        f = found.get(staff_id) or ItemFigures(staff_id, "")
        done = minutes.get(staff_id, ())
        average = (20 * sum(done) + len(done)) // (2 * len(done)) if done else None
        name = names.get(staff_id, "?") if staff_id else words("no_technician", language)
        rows.append(
            (name, len(f.tickets), len(f.customers), f.amount, f.requested, len(done), average)
        )
    totals: tuple[Cell, ...] = (
        words("total", language),
        None,
        None,
        sum(f.amount for f in found.values()),
        sum(f.requested for f in found.values()),
        sum(len(done) for done in minutes.values()),
        None,
    )
    chart = Chart(
        ChartKind.BAR,
        said("performance", language),
        tuple((str(row[0]), int(row[3] or 0)) for row in rows[:12]),
    )
    return Section(title, Table(columns, tuple(rows), totals), chart)
