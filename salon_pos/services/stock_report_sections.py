"""The sections of the stock reports (库存报表), from services/stock_reports.py's rows: each a
table with its totals (and a chart where one helps), in the reader's language. Quantities are
in each product's own unit (ml, g, piece: the unit column says which), so a totals row sums
money only; values are at cost."""

from __future__ import annotations

from collections.abc import Sequence

from salon_pos.domain.sales_figures import ratio_bp
from salon_pos.domain.stock import MovementKind
from salon_pos.reports.model import Cell, CellKind, Chart, ChartKind, Column, Section, Table
from salon_pos.services.report_sections import CHART_BARS
from salon_pos.services.stock import StockRow
from salon_pos.services.stock_reports import Expiring, SlowMover, StockFlow, Used
from sync.messages import Both

MONEY = CellKind.MONEY
COUNT = CellKind.COUNT
PERCENT = CellKind.PERCENT
K = MovementKind

W = {
    "category": Both("类别", "Category"),
    "product": Both("商品", "Product"),
    "products": Both("商品数", "Products"),
    "on_hand": Both("库存", "On hand"),
    "unit": Both("单位", "Unit"),
    "cost": Both("成本（每包装）", "Cost a package"),
    "value": Both("成本金额", "Value at cost"),
    "share": Both("占比", "Share"),
    "total": Both("合计", "Total"),
    "no_category": Both("（无类别）", "(no category)"),
    "opening": Both("期初", "Opening"),
    "closing": Both("期末", "Closing"),
    "closing_value": Both("期末金额", "Closing value"),
    "receipt": Both("入库", "Received"),
    "transfer_in": Both("调入", "Transferred in"),
    "returned": Both("退回", "Back (void, refund)"),
    "sale": Both("销售", "Sold"),
    "consumption": Both("耗用", "Used"),
    "transfer_out": Both("调出", "Transferred out"),
    "write_off": Both("报损", "Written off"),
    "stocktake": Both("盘点±", "Stocktake ±"),
    "adjustment": Both("调整±", "Adjusted ±"),
    "service": Both("服务项目", "Service"),
    "technician": Both("技师", "Technician"),
    "used": Both("用量", "Used"),
    "unknown_service": Both("（未知项目）", "(unknown service)"),
    "no_technician": Both("（未指定技师）", "(no technician)"),
    "batch": Both("批号", "Batch"),
    "expires_on": Both("到期日", "Expires"),
    "days_left": Both("剩余天数", "Days left"),
    "last_moved": Both("最后售出或耗用", "Last sold or used"),
    "days_since": Both("未动天数", "Days since"),
    "never": Both("从未", "never"),
}


def words(key: str, language: str) -> str:
    return W[key].text(language)


def _unit(unit: str, language: str) -> str:
    """piece is 件 in Chinese; ml and g read the same in both."""
    return "件" if unit == "piece" and language.startswith("zh") else unit


def _columns(keys: Sequence[tuple[str, CellKind]], language: str) -> tuple[Column, ...]:
    return tuple(Column(words(key, language), kind) for key, kind in keys)


def _money_totals(columns: int, value: int, language: str) -> tuple[Cell, ...]:
    """合计 first, the value last, nothing between: quantities of different units do not add."""
    return (words("total", language), *([None] * (columns - 2)), value)


def on_hand_sections(stock: Sequence[StockRow], language: str) -> list[Section]:
    """By category (products in stock, value, share), then every product in stock."""
    held = [row for row in stock if row.on_hand != 0]
    none = words("no_category", language)
    by_category: dict[str, list[StockRow]] = {}
    for row in held:
        by_category.setdefault(row.category or none, []).append(row)
    whole = sum(row.value for row in held)
    values = {name: sum(r.value for r in rows) for name, rows in by_category.items()}
    ordered = sorted(by_category, key=lambda name: (-values[name], name))
    columns = _columns(
        (("category", CellKind.TEXT), ("products", COUNT), ("value", MONEY), ("share", PERCENT)),
        language,
    )
    rows = tuple(
        (name, len(by_category[name]), values[name], ratio_bp(values[name], whole))
        for name in ordered
    )
    totals = (words("total", language), len(held), whole, 10_000 if whole else None)
    chart = Chart(
        ChartKind.BAR,
        words("value", language),
        tuple((name, values[name]) for name in ordered[:CHART_BARS]),
    )
    summary = Section(
        Both("按类别", "By category").text(language), Table(columns, rows, totals), chart
    )
    detail_columns = _columns(
        (
            ("category", CellKind.TEXT), ("product", CellKind.TEXT), ("on_hand", COUNT),
            ("unit", CellKind.TEXT), ("cost", MONEY), ("value", MONEY),
        ),
        language,
    )  # fmt: skip
    detail_rows = tuple(
        (r.category or none, r.name, r.on_hand, _unit(r.unit, language), r.cost, r.value)
        for r in held
    )
    detail = Section(
        Both("商品明细", "Products").text(language),
        Table(detail_columns, detail_rows, _money_totals(6, whole, language)),
        note=Both("库存为负的商品按 0 计值。", "Stock below zero is valued at nothing.").text(
            language
        ),
    )
    return [summary, detail]


_FLOW = (
    ("receipt", (K.RECEIPT,), 1),
    ("transfer_in", (K.TRANSFER_IN,), 1),
    ("returned", (K.VOID, K.REFUND), 1),
    ("sale", (K.SALE,), -1),
    ("consumption", (K.CONSUMPTION,), -1),
    ("transfer_out", (K.TRANSFER_OUT,), -1),
    ("write_off", (K.WRITE_OFF,), -1),
    ("stocktake", (K.STOCKTAKE,), 1),
    ("adjustment", (K.ADJUSTMENT,), 1),
)  # (column, kinds, sign): out shown as units out; a stocktake or an adjustment either way


def flow_section(flows: Sequence[StockFlow], language: str) -> Section:
    """Opening, each kind in and out, closing and its value, a row a product."""
    keys = [("product", CellKind.TEXT), ("unit", CellKind.TEXT), ("opening", COUNT)]
    keys += [(key, COUNT) for key, _, _ in _FLOW]
    keys += [("closing", COUNT), ("closing_value", MONEY)]
    columns = _columns(keys, language)

    def row(flow: StockFlow) -> tuple[Cell, ...]:
        moved = [sign * flow.of(*kinds) for _, kinds, sign in _FLOW]
        closing_value = flow.product.value(flow.closing)
        unit = _unit(flow.product.unit, language)
        return (flow.product.name, unit, flow.opening, *moved, flow.closing, closing_value)

    rows = tuple(row(flow) for flow in flows)
    total = sum(flow.product.value(flow.closing) for flow in flows)
    note = Both(
        "期初 + 入库 + 调入 + 退回 - 销售 - 耗用 - 调出 - 报损 ± 盘点 ± 调整 = 期末。",
        "Opening + received + transferred in + back - sold - used - transferred out - "
        "written off ± stocktake ± adjusted = closing.",
    ).text(language)
    title = Both("按商品", "By product").text(language)
    return Section(
        title, Table(columns, rows, _money_totals(len(columns), total, language)), note=note
    )


def consumption_sections(
    by_service: Sequence[Used], by_technician: Sequence[Used], language: str
) -> list[Section]:
    """Each service's (then each technician's) products used, with a chart of the value each
    service used."""
    sections = []
    for key, found, missing in (
        ("service", by_service, "unknown_service"),
        ("technician", by_technician, "no_technician"),
    ):
        columns = _columns(
            (
                (key, CellKind.TEXT), ("product", CellKind.TEXT), ("used", COUNT),
                ("unit", CellKind.TEXT), ("value", MONEY),
            ),
            language,
        )  # fmt: skip
        none = words(missing, language)
        rows = tuple(
            (u.name or none, u.product.name, u.quantity, _unit(u.product.unit, language), u.value)
            for u in found
        )
        total = sum(u.value for u in found)
        chart = None
        if key == "service":
            values: dict[str, int] = {}
            for u in found:
                values[u.name or none] = values.get(u.name or none, 0) + u.value
            points = tuple(sorted(values.items(), key=lambda p: -p[1])[:CHART_BARS])
            chart = Chart(ChartKind.BAR, words("value", language), points)
        title = (
            Both("按服务项目", "By service")
            if key == "service"
            else Both("按技师", "By technician")
        )
        table = Table(columns, rows, _money_totals(5, total, language))
        sections.append(Section(title.text(language), table, chart))
    return sections


def expiring_section(found: Sequence[Expiring], days: int, language: str) -> Section:
    columns = _columns(
        (
            ("product", CellKind.TEXT), ("batch", CellKind.TEXT), ("expires_on", CellKind.TEXT),
            ("days_left", COUNT), ("on_hand", COUNT), ("unit", CellKind.TEXT), ("value", MONEY),
        ),
        language,
    )  # fmt: skip
    rows = tuple(
        (
            e.batch.name, e.batch.code, e.batch.expires_on.isoformat(), e.days_left,
            e.batch.on_hand, _unit(e.batch.unit, language), e.value,
        )
        for e in found
    )  # fmt: skip
    total = sum(e.value for e in found)
    title = Both(
        f"{days} 天内到期及已过期的批次", f"Batches expiring within {days} days or expired"
    )
    note = Both("剩余天数为负：已过期。", "Days left below zero: expired.").text(language)
    return Section(
        title.text(language), Table(columns, rows, _money_totals(7, total, language)), note=note
    )


def slow_section(found: Sequence[SlowMover], days: int, language: str) -> Section:
    columns = _columns(
        (
            ("category", CellKind.TEXT), ("product", CellKind.TEXT), ("on_hand", COUNT),
            ("unit", CellKind.TEXT), ("last_moved", CellKind.TEXT), ("days_since", COUNT),
            ("value", MONEY),
        ),
        language,
    )  # fmt: skip
    never = words("never", language)
    none = words("no_category", language)
    rows = tuple(
        (
            s.stock.category or none, s.stock.name, s.stock.on_hand,
            _unit(s.stock.unit, language),
            s.last_moved.isoformat() if s.last_moved else never, s.days_since, s.stock.value,
        )
        for s in found
    )  # fmt: skip
    total = sum(s.stock.value for s in found)
    chart = Chart(
        ChartKind.BAR,
        words("value", language),
        tuple((s.stock.name, s.stock.value) for s in found[:CHART_BARS]),
    )
    title = Both(
        f"有库存但 {days} 天以上未售出或耗用的商品",
        f"Products in stock not sold or used for {days} days or more",
    )
    table = Table(columns, rows, _money_totals(7, total, language))
    return Section(title.text(language), table, chart)
