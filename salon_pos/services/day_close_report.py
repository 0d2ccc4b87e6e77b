"""The end-of-day close as a report (salon_pos.reports): the PDF opened from the close screen,
with its tables and charts, in the user's language. Built from the same figures as the screen
and the Z slip."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from salon_pos.devices.z_report import DrawerLine
from salon_pos.domain.day_close import (
    PACKAGE_CATEGORY,
    STORED_VALUE_CATEGORY,
    Approval,
    DayFigures,
)
from salon_pos.domain.ticket import TenderKind
from salon_pos.reports.model import (
    CellKind,
    Chart,
    ChartKind,
    Column,
    Report,
    ReportLabels,
    Section,
    Table,
)
from sync.messages import Both

_WORDS = {
    "title": Both("日结报表", "End-of-day close"),
    "summary": Both("当日概况", "The day"),
    "item": Both("项目", "Item"),
    "amount": Both("金额", "Amount"),
    "count": Both("数量", "Count"),
    "tickets": Both("单数", "Tickets"),
    "sales": Both("销售额", "Sales"),
    "voids": Both("作废", "Voided"),
    "refunds": Both("退款", "Refunded"),
    "net": Both("净收入", "Net"),
    "total": Both("合计", "Total"),
    "average": Both("客单价", "Average ticket"),
    "customers": Both("到店顾客", "Customers served"),
    "new_customers": Both("新顾客", "New customers"),
    "new_members": Both("新会员", "New members"),
    "member_discounts": Both("会员价优惠", "Member price savings"),
    "tender": Both("按支付方式", "By tender"),
    "category": Both("按类别", "By category"),
    "technician": Both("按技师（服务）", "By technician (services)"),
    "approvals": Both("优惠、作废与退款", "Discounts, voids and refunds"),
    "kind": Both("类型", "Kind"),
    "ticket": Both("单号", "Ticket"),
    "approved_by": Both("批准人", "Approved by"),
    "reason": Both("原因", "Reason"),
    "discount": Both("优惠", "Discount"),
    "void": Both("作废", "Void"),
    "refund": Both("退款", "Refund"),
    "within_limit": Both("权限内", "within limit"),
    "members": Both("会员卡", "Member cards"),
    "sv_sold": Both("储值售出（本金）", "Stored value sold"),
    "bonus": Both("储值赠送", "Bonus given"),
    "sv_spent": Both("储值消费（本金）", "Stored value spent (paid-in)"),
    "bonus_spent": Both("储值消费（赠送）", "Stored value spent (bonus)"),
    "sv_back": Both("储值退款", "Stored value paid back"),
    "sessions_sold": Both("疗程售出（次）", "Package sessions sold"),
    "sessions_used": Both("疗程使用（次）", "Package sessions used"),
    "points_issued": Both("积分发放", "Points issued"),
    "points_redeemed": Both("积分抵扣", "Points redeemed"),
    "drawers": Both("钱箱", "Cash drawers"),
    "drawer": Both("钱箱班次", "Drawer session"),
    "expected": Both("应有", "Expected"),
    "counted": Both("实点", "Counted"),
    "variance": Both("差额", "Variance"),
    "top_ups": Both("储值充值", "Stored value top-ups"),
    "cards": Both("疗程卡", "Package cards"),
    "closed": Both("日结：{who}", "Closed by {who}"),
    "preview": Both("未日结（预览）", "Not closed (preview)"),
    "rule": Both(
        "作废与退款计入其发生的营业日；已日结的营业日不再改变。",
        "Voids and refunds count on the business day they happen; a closed day never changes.",
    ),
}
_LABELS = {
    "zh_CN": ReportLabels(),
    "en": ReportLabels("Period: ", "Printed: ", "Page {page}", "(none)"),
}


def close_report(
    store: str,
    figures: DayFigures,
    names: Mapping[str, str],
    printed_at: datetime,
    language: str,
    closed: str | None = None,
    drawers: tuple[DrawerLine, ...] = (),
) -> Report:
    def say(key: str) -> str:
        return _WORDS[key].text(language)

    def name(staff_id: str | None) -> str:
        return names.get(staff_id, staff_id) if staff_id else say("within_limit")

    money = (Column(say("item")), Column(say("amount"), CellKind.MONEY))

    def listing(title: str, rows: list[tuple[str, int]], chart: bool) -> Section:
        table = Table(money, tuple(rows), (say("total"), sum(v for _, v in rows)) if rows else None)
        drawn = Chart(ChartKind.BAR, title, tuple(rows)) if chart and rows else None
        return Section(title, table, drawn)

    f = figures
    summary = Table(
        (
            Column(say("item")),
            Column(say("amount"), CellKind.MONEY),
            Column(say("count"), CellKind.COUNT),
        ),
        (
            (say("tickets"), None, f.tickets),
            (say("sales"), f.sales, None),
            (say("voids"), -f.voids, len(f.void_list)),
            (say("refunds"), -f.refunds, len(f.refund_list)),
            (say("net"), f.net, None),
            (say("average"), f.average_ticket, None),
            (say("customers"), None, f.customers_served),
            (say("new_customers"), None, f.new_customers),
            (say("new_members"), None, f.new_members),
            (say("member_discounts"), f.member_discounts, None),
        ),
    )
    sections = [
        Section(
            say("summary"),
            summary,
            note=say("closed").format(who=closed) if closed else say("preview"),
        ),
        listing(say("tender"), [(_tender(k, language), v) for k, v in f.by_tender.items()], True),
        listing(
            say("category"),
            [(_category(k, say), v) for k, v in f.by_category.items()],
            True,
        ),
        listing(say("technician"), [(name(k), v) for k, v in f.by_technician.items()], True),
        _approvals(f, say, name),
        _members(f, say),
    ]
    if drawers:
        sections.append(_drawers(drawers, say))
    return Report(
        title=f"{say('title')} {f.business_day.isoformat()}",
        store=store,
        first_day=f.business_day,
        last_day=f.business_day,
        printed_at=printed_at,
        sections=tuple(sections),
        footnotes=(say("rule"),),
        labels=_LABELS.get(language, ReportLabels()),
    )


def _tender(kind: str, language: str) -> str:
    try:
        return TenderKind(kind).words.text(language)
    except ValueError:
        return kind


Say = Callable[[str], str]


def _category(key: str, say: Say) -> str:
    special = {STORED_VALUE_CATEGORY: "top_ups", PACKAGE_CATEGORY: "cards"}
    return say(special[key]) if key in special else (key or "—")


def _approvals(f: DayFigures, say: Say, name: Callable[[str | None], str]) -> Section:
    columns = (
        Column(say("kind")),
        Column(say("ticket")),
        Column(say("approved_by")),
        Column(say("reason")),
        Column(say("amount"), CellKind.MONEY),
    )

    def rows(kind: str, items: tuple[Approval, ...]) -> list[tuple[str, str, str, str, int]]:
        return [(say(kind), a.number, name(a.approved_by), a.reason, a.amount) for a in items]

    listed = rows("discount", f.discounts) + rows("void", f.void_list)
    listed += rows("refund", f.refund_list)
    return Section(say("approvals"), Table(columns, tuple(listed)))


def _members(f: DayFigures, say: Say) -> Section:
    m = f.members
    columns = (
        Column(say("item")),
        Column(say("amount"), CellKind.MONEY),
        Column(say("count"), CellKind.COUNT),
    )
    rows: tuple[tuple[str, int | None, int | None], ...] = (
        (say("sv_sold"), m.stored_value_sold, None),
        (say("bonus"), m.bonus_given, None),
        (say("sv_spent"), m.principal_spent, None),
        (say("bonus_spent"), m.bonus_spent, None),
        (say("sv_back"), m.principal_refunded, None),
        (say("sessions_sold"), None, m.sessions_sold),
        (say("sessions_used"), None, m.sessions_used),
        (say("points_issued"), None, m.points_issued),
        (say("points_redeemed"), None, m.points_redeemed),
    )
    return Section(say("members"), Table(columns, rows))


def _drawers(drawers: tuple[DrawerLine, ...], say: Say) -> Section:
    columns = (
        Column(say("drawer")),
        Column(say("expected"), CellKind.MONEY),
        Column(say("counted"), CellKind.MONEY),
        Column(say("variance"), CellKind.MONEY),
    )
    rows = tuple((d.label, d.expected, d.counted, d.variance) for d in drawers)
    return Section(say("drawers"), Table(columns, rows))
