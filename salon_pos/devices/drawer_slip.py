"""The drawer close slip (交班单) on the receipt printer: the session's figures, the count by
denomination and the variance, laid out in rows of the paper's width like a receipt."""

from __future__ import annotations

from dataclasses import dataclass

from salon_pos.devices.receipt import (
    PrintLine,
    big_rows,
    centered,
    columns_for,
    left,
    normal_rows,
    two_columns,
    yuan,
)


@dataclass(frozen=True)
class DrawerSlip:
    store_name: str
    counter: str  # the counter's ticket prefix
    opened: str  # "2026-11-20 14:30 周小敏"
    closed: str
    opening_float: int
    cash_sales: int
    cash_back: int
    moved_in: int
    moved_out: int
    expected: int
    counted: int
    variance: int
    counts: tuple[tuple[str, int, int], ...]  # (¥100, pieces, fen)
    reason: str = ""
    approved_by: str = ""
    blind: bool = False
    printed_at: str = ""


def layout_drawer_slip(slip: DrawerSlip, paper_width_mm: int) -> list[PrintLine]:
    width = columns_for(paper_width_mm)
    rule = PrintLine("-" * width)

    def money_rows(*pairs: tuple[str, int]) -> list[PrintLine]:
        return normal_rows(
            row for label, fen in pairs for row in two_columns(label, yuan(fen), width)
        )

    facts = [f"收银台: {slip.counter}", f"开班: {slip.opened}", f"交班: {slip.closed}"]
    notes = [f"原因: {slip.reason}"] if slip.reason else []
    notes += [f"批准: {slip.approved_by}"] if slip.approved_by else []
    notes += ["盲点交班"] if slip.blind else []
    notes += [f"打印: {slip.printed_at}"] if slip.printed_at else []
    return [
        *big_rows("交班单", width),
        *normal_rows(centered(slip.store_name, width)),
        rule,
        *normal_rows(row for text in facts for row in left(text, width)),
        rule,
        *money_rows(
            ("备用金", slip.opening_float),
            ("现金销售", slip.cash_sales),
            ("作废与退款", -slip.cash_back),
            ("存入", slip.moved_in),
            ("支出", -slip.moved_out),
        ),
        rule,
        *money_rows(("应有现金", slip.expected), ("实点现金", slip.counted)),
        *money_rows(("差额", slip.variance)),
        rule,
        *money_rows(*((f"{name} x {pieces}", fen) for name, pieces, fen in slip.counts)),
        rule,
        *normal_rows(row for text in notes for row in left(text, width)),
    ]
