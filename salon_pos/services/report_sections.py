"""The sections of the sales reports, from the domain's figures: each a table with its totals
and a chart, its words in the reader's language (sync.messages.Both)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from salon_pos.domain.report_periods import Grain, Period, bucket_label, bucket_start, buckets
from salon_pos.domain.sales_figures import ItemFigures, SalesFigures, ratio_bp
from salon_pos.reports.model import Cell, CellKind, Chart, ChartKind, Column, Section, Table
from sync.messages import Both

TOP = 10  # rows of a top list
CHART_BARS = 12  # bars of a chart by item, category or technician

MONEY = CellKind.MONEY
COUNT = CellKind.COUNT
PERCENT = CellKind.PERCENT
TENTHS = CellKind.TENTHS

W = {
    "day": Both("日期", "Day"),
    "week": Both("周", "Week"),
    "month": Both("月份", "Month"),
    "tickets": Both("单数", "Tickets"),
    "services": Both("服务", "Services"),
    "products": Both("商品", "Products"),
    "voided": Both("作废", "Voided"),
    "refunded": Both("退款", "Refunded"),
    "net": Both("净营业额", "Net sales"),
    "stored_value": Both("储值售出", "Stored value sold"),
    "packages": Both("疗程卡售出", "Package cards sold"),
    "total": Both("合计", "Total"),
    "quantity": Both("数量", "Quantity"),
    "revenue": Both("营业额", "Sales"),
    "share": Both("占比", "Share"),
    "service": Both("服务项目", "Service"),
    "product": Both("商品", "Product"),
    "category": Both("类别", "Category"),
    "technician": Both("技师", "Technician"),
    "rank": Both("排名", "Rank"),
    "no_category": Both("（无类别）", "(no category)"),
    "no_technician": Both("（未指定技师）", "(no technician)"),
    "cost": Both("成本", "Cost"),
    "margin": Both("毛利", "Gross margin"),
    "margin_rate": Both("毛利率", "Margin"),
}


def words(key: str, language: str) -> str:
    return W[key].text(language)


def _sales_row(label: str, f: SalesFigures) -> tuple[Cell, ...]:
    return (
        label, f.tickets, f.services, f.products, f.voided, f.refunded, f.net,
        f.stored_value, f.packages,
    )  # fmt: skip


def sales_section(
    title: str, figures: dict[date, SalesFigures], period: Period, grain: Grain, language: str
) -> Section:
    columns = (
        Column(words(grain.value, language)),
        Column(words("tickets", language), COUNT),
        *(
            Column(words(key, language), MONEY)
            for key in (
                "services", "products", "voided", "refunded", "net", "stored_value", "packages",
            )
        ),
    )  # fmt: skip
    labels = {bucket_start(b.first, grain): bucket_label(b, grain) for b in buckets(period, grain)}
    rows = tuple(_sales_row(labels[start], f) for start, f in sorted(figures.items()))
    total = SalesFigures()
    for f in figures.values():
        total = total.plus(f)
    chart = Chart(
        ChartKind.LINE if grain is Grain.DAY else ChartKind.BAR,
        words("net", language),
        tuple((labels[start][5:] if grain is Grain.DAY else labels[start], f.net)
              for start, f in sorted(figures.items())),
    )  # fmt: skip
    table = Table(columns, rows, _sales_row(words("total", language), total))
    return Section(title, table, chart)


def _share_rows(
    found: Sequence[ItemFigures], name: Callable[[ItemFigures], str]
) -> tuple[tuple[Cell, ...], ...]:
    whole = sum(f.amount for f in found)
    return tuple((name(f), f.quantity, f.amount, ratio_bp(f.amount, whole)) for f in found)


def share_section(
    title: str,
    heading: str,
    found: Sequence[ItemFigures],
    name: Callable[[ItemFigures], str],
    language: str,
) -> Section:
    """Per item, category or technician: units, money and its share of the whole, with bars."""
    columns = (
        Column(heading),
        Column(words("quantity", language), COUNT),
        Column(words("revenue", language), MONEY),
        Column(words("share", language), PERCENT),
    )
    rows = _share_rows(found, name)
    whole = sum(f.amount for f in found)
    totals = (
        words("total", language),
        sum(f.quantity for f in found),
        whole,
        10_000 if found and whole else None,
    )
    chart = Chart(
        ChartKind.BAR,
        words("revenue", language),
        tuple((name(f), f.amount) for f in found[:CHART_BARS]),
    )
    return Section(title, Table(columns, rows, totals), chart)


def top_section(
    title: str, heading: str, found: Sequence[ItemFigures], by_count: bool, language: str
) -> Section:
    ordered = sorted(
        found,
        key=lambda f: (-(f.quantity if by_count else f.amount), -f.amount, f.name),
    )[:TOP]
    columns = (
        Column(words("rank", language), COUNT),
        Column(heading),
        Column(words("quantity", language), COUNT),
        Column(words("revenue", language), MONEY),
    )
    rows = tuple((i, f.name, f.quantity, f.amount) for i, f in enumerate(ordered, start=1))
    chart_kind = CellKind.COUNT if by_count else CellKind.MONEY
    series = words("quantity" if by_count else "revenue", language)
    points = tuple((f.name, f.quantity if by_count else f.amount) for f in ordered)
    return Section(title, Table(columns, rows), Chart(ChartKind.BAR, series, points, chart_kind))


def margin_section(title: str, found: Sequence[ItemFigures], language: str) -> Section:
    columns = (
        Column(words("product", language)),
        Column(words("quantity", language), COUNT),
        Column(words("revenue", language), MONEY),
        Column(words("cost", language), MONEY),
        Column(words("margin", language), MONEY),
        Column(words("margin_rate", language), PERCENT),
    )

    def row(name: str, quantity: int, amount: int, cost: int) -> tuple[Cell, ...]:
        return (name, quantity, amount, cost, amount - cost, ratio_bp(amount - cost, amount))

    rows = tuple(row(f.name, f.quantity, f.amount, f.cost) for f in found)
    totals = row(
        words("total", language),
        sum(f.quantity for f in found),
        sum(f.amount for f in found),
        sum(f.cost for f in found),
    )
    chart = Chart(
        ChartKind.BAR,
        words("margin", language),
        tuple((f.name, f.amount - f.cost) for f in found[:CHART_BARS]),
    )
    return Section(title, Table(columns, rows, totals), chart)
