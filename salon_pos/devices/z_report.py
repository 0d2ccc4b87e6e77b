"""The end-of-day close's short Z summary (日结单) on 58 mm or 80 mm paper: pure text, no I/O.
It is printed in Chinese, like the receipt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from salon_pos.devices.receipt import (
    TENDER_LABELS,
    PrintLine,
    big_rows,
    centered,
    columns_for,
    left,
    normal_rows,
    preview,
    two_columns,
    yuan,
)
from salon_pos.domain.day_close import (
    PACKAGE_CATEGORY,
    STORED_VALUE_CATEGORY,
    Approval,
    DayFigures,
)

CATEGORY_LABELS = {STORED_VALUE_CATEGORY: "储值充值", PACKAGE_CATEGORY: "疗程卡"}


@dataclass(frozen=True)
class DrawerLine:
    """One drawer session of the day as the close lists it (交班)."""

    label: str  # the counter and the hours, e.g. "A1 09:02–21:10 周小敏"
    expected: int
    counted: int | None  # None: not closed yet

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class ZReport:
    store_name: str
    figures: DayFigures
    printed_at: str  # local time, formatted
    names: Mapping[str, str]  # staff id → name
    closed: str | None = None  # "王店长 21:00" once closed; None: a preview
    drawers: tuple[DrawerLine, ...] = ()


def render_z(report: ZReport, paper_width_mm: int) -> list[str]:
    width = columns_for(paper_width_mm)
    return [preview(row, width) for row in layout_z(report, paper_width_mm)]


def layout_z(report: ZReport, paper_width_mm: int) -> list[PrintLine]:
    width = columns_for(paper_width_mm)
    f = report.figures
    rule = PrintLine("-" * width)

    def rows(*pairs: tuple[str, str]) -> list[PrintLine]:
        return normal_rows(
            row for label, value in pairs for row in two_columns(label, value, width)
        )

    def heading(text: str) -> list[PrintLine]:
        return [rule, *normal_rows(left(text, width))]

    def name(staff_id: str | None) -> str:
        return report.names.get(staff_id or "", "—") if staff_id else "—"

    def approvals(items: tuple[Approval, ...], unapproved: str = "—") -> list[PrintLine]:
        return rows(
            *(
                (
                    f"{a.number} {name(a.approved_by) if a.approved_by else unapproved}",
                    yuan(a.amount),
                )
                for a in sorted(items, key=lambda a: a.number)
            )
        )

    m = f.members
    out = [
        *big_rows("日结单", width),
        *normal_rows(centered(report.store_name, width)),
        *rows(("营业日", f.business_day.isoformat()), ("打印时间", report.printed_at)),
        *rows(("日结", report.closed or "未日结（预览）")),
        rule,
        *rows(
            ("单数", str(f.tickets)),
            ("销售额", yuan(f.sales)),
            ("作废", yuan(-f.voids)),
            ("退款", yuan(-f.refunds)),
            ("净收入", yuan(f.net)),
            ("客单价", yuan(f.average_ticket)),
            ("到店顾客", str(f.customers_served)),
            ("新顾客 / 新会员", f"{f.new_customers} / {f.new_members}"),
        ),
        *heading("按支付方式"),
        *rows(*((TENDER_LABELS.get(k, k), yuan(v)) for k, v in f.by_tender.items())),
        *heading("按类别"),
        *rows(*((CATEGORY_LABELS.get(k, k or "—"), yuan(v)) for k, v in f.by_category.items())),
        *heading("按技师（服务）"),
        *rows(*((name(k), yuan(v)) for k, v in f.by_technician.items())),
        *heading(f"优惠 {len(f.discounts)} 单，会员价优惠 {yuan(f.member_discounts)}"),
        *approvals(f.discounts, "限额内"),
        *heading(f"作废 {len(f.void_list)} 单"),
        *approvals(f.void_list),
        *heading(f"退款 {len(f.refund_list)} 笔"),
        *approvals(f.refund_list),
        *heading("会员"),
        *rows(
            ("储值售出 本金/赠送", f"{yuan(m.stored_value_sold)}/{yuan(m.bonus_given)}"),
            ("储值消费 本金/赠送", f"{yuan(m.principal_spent)}/{yuan(m.bonus_spent)}"),
            ("储值退款 / 赠送作废", f"{yuan(m.principal_refunded)}/{yuan(m.bonus_forfeited)}"),
            ("疗程 售出/使用（次）", f"{m.sessions_sold}/{m.sessions_used}"),
            ("积分 发放/抵扣", f"{m.points_issued}/{m.points_redeemed}"),
        ),
    ]
    if report.drawers:
        out += heading("钱箱（应有 / 实点 / 差额）")
        for drawer in report.drawers:
            counted = "未交班" if drawer.counted is None else yuan(drawer.counted)
            variance = "" if drawer.variance is None else f" {yuan(drawer.variance)}"
            out += normal_rows(left(drawer.label, width))
            out += rows(("", f"{yuan(drawer.expected)} / {counted}{variance}"))
    return [*out, rule, *normal_rows(centered("签字：", width)), PrintLine(" " * width)]
