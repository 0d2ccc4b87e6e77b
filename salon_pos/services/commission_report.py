"""A commission statement as a salon_pos.reports.Report: the summary (a row a technician, a
bar each), then each technician's lines, with the rules the figures follow as footnotes. The
screen, `salon-pos report --kind commission`, the PDF and the CSV all show this."""

from __future__ import annotations

from datetime import datetime

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRules,
    SessionBasis,
    StoredValueBasis,
    percent_text,
    rate_text,
)
from salon_pos.domain.ticket import LineKind
from salon_pos.reports.model import (
    Cell,
    CellKind,
    Chart,
    ChartKind,
    Column,
    Report,
    Section,
    Table,
)
from salon_pos.services.commission import CommissionLine, CommissionStatement, TechnicianStatement
from salon_pos.services.reports import report_labels
from sync.messages import Both

MONEY, COUNT = CellKind.MONEY, CellKind.COUNT

W = {
    "title": Both("提成明细", "Commission statement"),
    "summary": Both("提成汇总", "Summary"),
    "lines_of": Both("{name} 的提成明细", "{name}: lines"),
    "staff": Both("员工", "Staff"),
    "lines": Both("项目数", "Lines"),
    "net": Both("实收", "Net"),
    "base": Both("提成基数", "Base"),
    "earned": Both("提成", "Earned"),
    "taken_back": Both("扣回", "Taken back"),
    "total": Both("实得", "Total"),
    "sum": Both("合计", "Total"),
    "day": Both("日期", "Day"),
    "ticket": Both("单号", "Ticket"),
    "item": Both("项目", "Item"),
    "how": Both("类型", "Asked"),
    "share": Both("分成", "Share"),
    "cause": Both("业务", "What"),
    "rate": Both("标准", "Rate"),
    "line_base": Both("基数", "Base"),
    "commission": Both("提成额", "Commission"),
    "requested": Both("点钟", "requested"),
    "rotation": Both("轮钟", "rotation"),
    "no_rule": Both("无规则", "no rule"),
}
CAUSES = {
    "sale": Both("销售", "sale"),
    "refund": Both("退款扣回", "refund"),
    "void": Both("作废扣回", "void"),
}
KINDS = {
    LineKind.SERVICE: Both("服务", "service"),
    LineKind.PRODUCT: Both("商品", "product"),
    LineKind.STORED_VALUE: Both("储值充值", "top-up"),
    LineKind.PACKAGE: Both("疗程卡", "package card"),
}
NOTES = {
    "yuan": Both("金额单位：元。", "Amounts in yuan."),
    "periods": Both(
        "销售计入销售当天；退款、作废计入发生当天，按退回的比例扣回提成，已结的月份不变。",
        "A sale counts on its day; a refund or void counts on the day it happens and takes "
        "back its part of the commission; a month already past does not change.",
    ),
    "split": Both(
        "多人合作的项目按分成比例拆分到每位技师，拆分后合计与原金额分毫不差。",
        "A line shared by several technicians is split by their shares, to the fen.",
    ),
    "fixed": Both(
        "按件提成的项目不论以何种方式付款，每件都计提成。",
        "A fixed amount a unit is earned however the line was paid for.",
    ),
}


def _card_notes(rules: CommissionRules) -> list[Both]:
    stored = (
        Both("储值：充值时按充值金额给经办人提成；以储值支付的项目不再计入提成基数。",
             "Stored value: earns when topped up, to the seller; what it pays for later "
             "is not counted again.")
        if rules.stored_value is CardMoney.ON_SALE
        else Both("储值：充值时不计提成，以储值支付的项目按{basis}计入提成基数。",
                  "Stored value: earns nothing when topped up; the lines it pays for count "
                  "{basis}.")
    )  # fmt: skip
    basis = {
        StoredValueBasis.SPENT: Both(
            "实际扣减的储值（本金和赠送）", "all of it (principal, bonus)"
        ),
        StoredValueBasis.PRINCIPAL: Both("扣减的本金部分", "its principal part only"),
    }[rules.stored_value_basis]
    package = (
        Both("疗程卡：售卡时按卡价给经办人提成；以疗程卡次数支付的项目不再计入提成基数。",
             "Package cards: earn when sold, to the seller; sessions used are not counted "
             "again.")
        if rules.package is CardMoney.ON_SALE
        else Both("疗程卡：售卡时不计提成，每次使用按{basis}计入提成基数。",
                  "Package cards: earn nothing when sold; each session used counts at "
                  "{basis}.")
    )  # fmt: skip
    session = {
        SessionBasis.LINE: Both("项目的实收金额", "the service line's net"),
        SessionBasis.CARD: Both("卡价除以次数", "the card's price over its sessions"),
    }[rules.session_basis]
    return [
        Both(stored.zh.format(basis=basis.zh), stored.en.format(basis=basis.en)),
        Both(package.zh.format(basis=session.zh), package.en.format(basis=session.en)),
    ]


def rule_words(rule: CommissionRule | None, requested: bool, language: str) -> str:
    """The rate the line earned by: 12%, 20元/件; 无规则 when no rule applies."""
    if rule is None:
        return W["no_rule"].text(language)
    return rate_text(rule.how, rule.rate(requested), language)


def _summary(statement: CommissionStatement, language: str) -> Section:
    def say(key: str) -> str:
        return W[key].text(language)

    columns = (
        Column(say("staff")), Column(say("lines"), COUNT), Column(say("net"), MONEY),
        Column(say("base"), MONEY),
        Column(say("earned"), MONEY), Column(say("taken_back"), MONEY), Column(say("total"), MONEY),
    )  # fmt: skip
    people = statement.technicians
    rows = tuple((t.name, t.sold, t.net, t.base, t.earned, t.taken_back, t.total) for t in people)
    totals: tuple[Cell, ...] = (
        say("sum"), sum(t.sold for t in people), sum(t.net for t in people),
        sum(t.base for t in people),
        sum(t.earned for t in people), sum(t.taken_back for t in people), statement.total,
    )  # fmt: skip
    points = tuple((t.name, t.total) for t in people[:12])
    chart = Chart(ChartKind.BAR, say("total"), points) if len(points) > 1 else None
    return Section(say("summary"), Table(columns, rows, totals), chart)


def _line_row(line: CommissionLine, language: str) -> tuple[Cell, ...]:
    item = line.item if line.kind.from_catalog else KINDS[line.kind].text(language)
    asked = ""
    if line.kind is LineKind.SERVICE:
        asked = W["requested" if line.requested else "rotation"].text(language)
    return (
        line.day.isoformat(), line.ticket, item, asked, percent_text(line.share),
        CAUSES[line.cause].text(language), line.net, line.base,
        rule_words(line.rule, line.requested, language), line.commission,
    )  # fmt: skip


def technician_section(technician: TechnicianStatement, language: str) -> Section:
    def say(key: str) -> str:
        return W[key].text(language)

    columns = (
        Column(say("day")), Column(say("ticket")), Column(say("item")), Column(say("how")),
        Column(say("share")), Column(say("cause")), Column(say("net"), MONEY),
        Column(say("line_base"), MONEY),
        Column(say("rate")), Column(say("commission"), MONEY),
    )  # fmt: skip
    rows = tuple(_line_row(line, language) for line in technician.lines)
    totals: tuple[Cell, ...] = (
        say("sum"),
        None,
        None,
        None,
        None,
        None,
        technician.net,
        technician.base,
        None,
        technician.total,
    )
    return Section(lines_title(technician.name, language), Table(columns, rows, totals))


def lines_title(name: str, language: str) -> str:
    """The title of a technician's section: 李娜 的提成明细."""
    return W["lines_of"].text(language).format(name=name)


def statement_report(
    statement: CommissionStatement, store: str, printed: datetime, language: str
) -> Report:
    sections = [_summary(statement, language)]
    sections += [technician_section(t, language) for t in statement.technicians if t.lines]
    notes = [NOTES["yuan"], NOTES["periods"], NOTES["split"], NOTES["fixed"]]
    notes += _card_notes(statement.rules)
    return Report(
        title=W["title"].text(language),
        store=store,
        first_day=statement.first,
        last_day=statement.last,
        printed_at=printed,
        sections=tuple(sections),
        footnotes=tuple(note.text(language) for note in notes),
        labels=report_labels(language),
    )
