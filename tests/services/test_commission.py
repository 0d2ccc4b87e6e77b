"""Commission statements against an independent computation from the raw tables, to the fen:
a generated November (the demo salon's days, then our own sales: lines shared 60/40 and three
ways, 点钟, a top-up and a package card sold by name, a package session and stored value
paying for services) and a December in which some of November is voided and refunded (each
taking its part back in December, November unchanged). Under the rules on sale and on use."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRules,
    RateKind,
    SessionBasis,
    StoredValueBasis,
    commission_rules_text,
)
from salon_pos.domain.report_periods import InvalidReportPeriod
from salon_pos.domain.shares import StaffShare
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.demo import load_demo_data
from salon_pos.services.member_ledger import SessionUse
from tests.conftest import FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))
PIN = "8888"  # the demo manager's
SERVICE, PRODUCT = LineKind.SERVICE, LineKind.PRODUCT
ON_SALE = CommissionRules(
    (
        CommissionRule(SERVICE, RateKind.PERCENT, 1_000, 1_500),
        CommissionRule(SERVICE, RateKind.FIXED, 2_000, 3_000, category="美甲"),
        CommissionRule(PRODUCT, RateKind.PERCENT, 500),
        CommissionRule(LineKind.STORED_VALUE, RateKind.PERCENT, 200),
        CommissionRule(LineKind.PACKAGE, RateKind.PERCENT, 300),
    )
)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), SHANGHAI).astimezone(UTC)


@dataclass
class Month:
    backend: Backend
    staff: dict[str, str]  # name → id
    shared: str  # the ticket of the line shared 60/40, 点钟, refunded whole in December


def _services(backend: Backend, skill: str) -> list[Any]:
    return [s for s in backend.catalog.services() if s.skill == skill]


def _our_sales(backend: Backend, clock: FakeClock, staff: dict[str, str]) -> str:
    """Our own November sales, then December's voids and refunds; the shared ticket's id."""
    checkout, desk = backend.checkout, staff["周小敏"]
    facial, nail = _services(backend, "facial")[0], _services(backend, "nail")[0]
    serum = backend.catalog.products()[0]
    customer = backend.customers.add("提成测试", "13912345678").id
    plan = backend.members.plans()[0]
    covered = next(s for s in backend.catalog.services() if s.id in plan.service_ids)
    day = date(2026, 11, 28)

    def sell(hour: int, request: SaleRequest) -> str:
        clock.current = at(day, hour)
        return checkout.complete_sale(request).ticket_id

    li, zhang, zhao = staff["李娜"], staff["张婷"], staff["赵敏"]
    shared = sell(11, SaleRequest(desk, [
        SaleLine(SERVICE, facial.id, 1, li, requested=True,
                 shares=(StaffShare(li, 6_000), StaffShare(zhang, 4_000))),
    ], [Tender(TenderKind.CASH, facial.price)]))  # fmt: skip
    sell(12, SaleRequest(desk, [
        SaleLine(LineKind.STORED_VALUE, customer, unit_price=100_000, technician_id=desk),
        SaleLine(LineKind.PACKAGE, plan.id, technician_id=li),
    ], [Tender(TenderKind.WECHAT, 100_000 + plan.price)], customer_id=customer))  # fmt: skip
    card = backend.members.balances(customer).cards[0].id
    sell(13, SaleRequest(desk, [
        SaleLine(SERVICE, covered.id, 1, zhang),
        SaleLine(SERVICE, nail.id, 1, zhang, requested=True),
        SaleLine(PRODUCT, serum.id, 2, technician_id=zhao),
    ], [Tender(TenderKind.STORED_VALUE, 10_000),  # the rest in cash, with change
        Tender(TenderKind.CASH, covered.price + nail.price + 2 * serum.price)],
       customer_id=customer, sessions=[SessionUse(1, card)], ticket_discount=1_000))  # fmt: skip
    three_ways = sell(14, SaleRequest(desk, [
        SaleLine(SERVICE, facial.id, 2, li, shares=(
            StaffShare(li, 3_334), StaffShare(zhang, 3_333), StaffShare(zhao, 3_333))),
        SaleLine(SERVICE, nail.id, 1, zhang),
    ], [Tender(TenderKind.CASH, 2 * facial.price + nail.price - 777)],
       ticket_discount=777))  # fmt: skip
    voided = sell(15, SaleRequest(desk, [SaleLine(SERVICE, nail.id, 1, zhang, requested=True)],
                                  [Tender(TenderKind.CASH, nail.price)]))  # fmt: skip
    day = date(2026, 12, 3)  # what December takes back of November
    clock.current = at(day, 10)
    checkout.void_sale(voided, PIN, "顾客投诉", desk)
    clock.current = at(day, 11)
    lines = {line.name: line for line in backend.tickets.get(three_ways).lines}
    checkout.refund_lines(three_ways, {lines[facial.name].id: 1}, PIN, "退一次", desk)
    clock.current = at(day, 12)
    [line] = backend.tickets.get(shared).lines
    checkout.refund_lines(shared, {line.id: 1}, PIN, "不满意", desk)
    return shared


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Month]:
    """The demo salon's last week of November and our own sales, once for the module."""
    paths = Paths(tmp_path_factory.mktemp("commission") / "home").ensure()
    shutil.copyfile(migrated_template, paths.database)
    clock = FakeClock(at(date(2026, 11, 28), 9))
    backend = open_backend(paths, clock)
    backend.settings.initialise("丽人美容（提成）", "A1")
    load_demo_data(backend, customers=12, days=3)
    backend.settings.update(commission_rules=commission_rules_text(ON_SALE))
    staff = {s.name: s.id for s in backend.staff.list()}
    shared = _our_sales(backend, clock, staff)
    clock.current = at(date(2026, 12, 20), 9)
    yield Month(backend, staff, shared)
    backend.close()


# ------------------------------------------------------------------ the independent computation


def raw(backend: Backend, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(backend.db.path)) as connection:
        return connection.execute(sql, params).fetchall()


def largest_remainder(amount: int, weights: list[int]) -> list[int]:
    if amount < 0:
        return [-p for p in largest_remainder(-amount, weights)]
    whole = sum(weights)
    parts = [amount * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % whole), i))
    for i in order[: amount - sum(parts)]:
        parts[i] += 1
    return parts


def _setting(backend: Backend) -> dict[str, Any]:
    [(text,)] = raw(backend, "SELECT value FROM setting WHERE key = 'commission_rules'")
    return dict(json.loads(text))


def _rule(rules: list[dict[str, Any]], kind: str, item: str, category: str) -> Any:
    for wanted in ({"item": item}, {"category": category}, {}):
        for rule in rules:
            keys = {k: rule[k] for k in ("item", "category") if rule.get(k)}
            if rule["kind"] == kind and keys == wanted:
                return rule
    return None


def _paid(backend: Backend, setting: dict[str, Any]) -> dict[str, tuple[int, int, int, int]]:
    """Line id → (stored value, its worth, sessions, their worth), from payments and entries."""
    lines = raw(backend, "SELECT id, ticket_id, kind, quantity, net_total FROM ticket_line "
                         "ORDER BY ticket_id, id")  # fmt: skip
    sessions: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_line = {line[0]: line for line in lines}
    for line_id, used, price, count in raw(
        backend, "SELECT e.line_id, -e.amount, c.price, c.sessions FROM balance_entry e "
        "JOIN package_card c ON c.id = e.card_id WHERE e.account = 'sessions' "
        "AND e.reason = 'spend' AND e.line_id IS NOT NULL",
    ):  # fmt: skip
        _, _, _, quantity, net = by_line[line_id]
        sessions[line_id][0] += net * used // quantity
        card_worth = price * used // count
        sessions[line_id][1] += (
            card_worth if setting["session_basis"] == "card" else net * used // quantity
        )
    stored = dict(raw(backend, "SELECT ticket_id, SUM(applied) FROM payment "
                               "WHERE kind = 'stored_value' GROUP BY ticket_id"))  # fmt: skip
    principal = dict(raw(backend, "SELECT ticket_id, -SUM(amount) FROM balance_entry WHERE "
                                  "account = 'principal' AND reason = 'spend' AND line_id IS NULL "
                                  "GROUP BY ticket_id"))  # fmt: skip
    tickets: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for line in lines:
        tickets[line[1]].append(line)
    paid = {}
    for ticket_id, ticket_lines in tickets.items():
        payable = [ln for ln in ticket_lines if ln[2] != "stored_value"]
        weights = [ln[4] - sessions[ln[0]][0] for ln in payable]
        card = (
            largest_remainder(stored.get(ticket_id, 0), weights)
            if sum(weights)
            else [0] * len(payable)
        )
        worth = card
        if setting["stored_value_basis"] == "principal" and any(card):
            worth = largest_remainder(principal.get(ticket_id, 0), card)
        by_id = {ln[0]: (c, w) for ln, c, w in zip(payable, card, worth, strict=True)}
        for ln in ticket_lines:
            c, w = by_id.get(ln[0], (0, 0))
            paid[ln[0]] = (c, w, *sessions[ln[0]])
    return paid


def expected(backend: Backend, first: date, last: date) -> dict[str, dict[str, int]]:
    """Technician → earned, taken back and base over first..last, from the raw rows."""
    setting = _setting(backend)
    paid = _paid(backend, setting)
    shares: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line_id, staff, share in raw(
        backend,
        "SELECT ticket_line_id, staff_id, share FROM "
        "ticket_line_share ORDER BY ticket_line_id, staff_id",
    ):
        shares[line_id].append((staff, share))
    takes: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for line_id, moment, day, quantity, amount in raw(
        backend, "SELECT rl.ticket_line_id, r.refunded_at, r.business_day, rl.quantity, "
        "rl.amount FROM refund_line rl JOIN refund r ON r.id = rl.refund_id",
    ):  # fmt: skip
        takes[line_id].append((moment, day, quantity, amount))
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = raw(backend, "SELECT l.id, l.kind, l.item_id, l.category, l.quantity, l.net_total, "
                        "l.technician_id, l.requested, t.business_day, t.voided_at, "
                        "t.void_business_day FROM ticket_line l JOIN ticket t "
                        "ON t.id = l.ticket_id WHERE t.status != 'open'")  # fmt: skip
    for line_id, kind, item, category, qty, net, tech, asked, day, voided_at, void_day in rows:
        owners = shares[line_id] or ([(tech, 10_000)] if tech else [])
        if not owners:
            continue
        earns = kind not in ("stored_value", "package") or setting[kind] == "on_sale"
        rule = _rule(setting["rules"], kind, item, category) if earns else None
        sv, sv_worth, sessions, sessions_worth = paid[line_id]
        if not earns:
            base = 0
        elif kind == "stored_value":
            base = net
        else:
            base = net - sv - sessions
            base += sv_worth if setting["stored_value"] == "on_use" else 0
            if setting["package"] == "on_use" and kind != "package":
                base += sessions_worth
            base = max(0, base)
        events = sorted(takes[line_id])
        if voided_at is not None:
            events = sorted([*events, (voided_at, void_day, qty, net)])
        weights = [s for _, s in owners]
        held = [(0, 0)] * len(owners)  # each technician's part of the line as it stands
        standing = _standing(rule, bool(asked), base, qty, net, day, events)
        for n, (move_day, line_base, commission) in enumerate(standing):
            bases = largest_remainder(line_base, weights)
            parts = largest_remainder(commission, weights)
            now = list(zip(bases, parts, strict=True))
            if first.isoformat() <= move_day <= last.isoformat():
                for (staff, _), (b0, c0), (b1, c1) in zip(owners, held, now, strict=True):
                    found[staff]["base"] += b1 - b0
                    found[staff]["earned" if n == 0 else "taken_back"] += (
                        c1 - c0 if n == 0 else c0 - c1
                    )
            held = now
    return found


def _owed(
    rule: Any, asked: bool, base: int, qty: int, net: int, units: int, money: int
) -> tuple[int, int]:
    """The base left and the commission the rule gives on what is left of the line."""
    left = base * money // net if net else base * units // qty
    if rule is None:
        return left, 0
    own = rule.get("requested")
    rate = own if asked and own is not None else rule["rotation"]
    return left, rate * units if rule["how"] == "fixed" else left * rate // 10_000


def _standing(
    rule: Any, asked: bool, base: int, qty: int, net: int, day: str, events: list[Any]
) -> list[tuple[str, int, int]]:
    """(business day, base, commission) of the line as it stands once sold, then after each
    take-back: a technician holds their split of it, so a take-back moves the difference."""
    units, money = qty, net
    standing = [(day, *_owed(rule, asked, base, qty, net, units, money))]
    for _, back_day, back_units, back_money in events:
        units, money = max(0, units - back_units), max(0, money - back_money)
        standing.append((back_day, *_owed(rule, asked, base, qty, net, units, money)))
    return standing


def figures(month: Month, first: date, last: date) -> dict[str, dict[str, int]]:
    statement = month.backend.commission.statement(first, last)
    return {
        t.staff_id: {"base": t.base, "earned": t.earned, "taken_back": t.taken_back}
        for t in statement.technicians
        if t.lines
    }


def _nonzero(found: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {s: {k: f.get(k, 0) for k in ("base", "earned", "taken_back")} for s, f in found.items()}


# ------------------------------------------------------------------ the tests

ON_USE = CommissionRules(
    ON_SALE.rules, CardMoney.ON_USE, CardMoney.ON_USE, StoredValueBasis.PRINCIPAL, SessionBasis.CARD
)


@pytest.mark.parametrize("rules", [ON_SALE, ON_USE], ids=["on_sale", "on_use"])
def test_each_month_matches_the_raw_rows_to_the_fen(month: Month, rules: CommissionRules) -> None:
    month.backend.settings.update(commission_rules=commission_rules_text(rules))
    try:
        for period in (NOVEMBER, DECEMBER):
            assert figures(month, *period) == _nonzero(expected(month.backend, *period)), period
        december = month.backend.commission.statement(*DECEMBER)
        assert sum(t.taken_back for t in december.technicians) > 0
        assert all(t.earned == 0 for t in december.technicians)  # nothing sold in December
    finally:
        month.backend.settings.update(commission_rules=commission_rules_text(ON_SALE))


def test_the_shared_requested_line_earns_60_40_and_its_refund_takes_it_back(month: Month) -> None:
    li, zhang = month.staff["李娜"], month.staff["张婷"]
    [line] = month.backend.tickets.get(month.shared).lines
    earned_whole = line.net_total * 1_500 // 10_000  # 点钟: 15%

    def moves(first: date, last: date, staff: str) -> list[int]:
        statement = month.backend.commission.statement(first, last, staff)
        [technician] = statement.technicians
        return [
            m.commission
            for m in technician.lines
            if m.ticket == month.backend.tickets.get(month.shared).summary.number
        ]

    november = [moves(*NOVEMBER, staff) for staff in (li, zhang)]
    december = [moves(*DECEMBER, staff) for staff in (li, zhang)]
    assert november[0][0] + november[1][0] == earned_whole
    assert november[0][0] * 4 == pytest.approx(november[1][0] * 6, abs=6)  # 60 / 40
    assert december == [[-november[0][0]], [-november[1][0]]]  # a whole refund: all back


def test_a_top_up_and_a_card_earn_their_seller_on_sale(month: Month) -> None:
    desk = month.backend.commission.statement(*NOVEMBER, month.staff["周小敏"])
    [statement] = desk.technicians
    top_up = [line for line in statement.lines if line.kind is LineKind.STORED_VALUE]
    assert [(line.base, line.commission) for line in top_up] == [(100_000, 2_000)]


def test_a_technician_sees_only_their_own_and_a_bad_period_is_refused(month: Month) -> None:
    statement = month.backend.commission.statement(*NOVEMBER, month.staff["赵敏"])
    assert [t.name for t in statement.technicians] == ["赵敏"]
    report = month.backend.commission.report(*NOVEMBER, "zh_CN", month.staff["赵敏"])
    assert [s.title for s in report.sections] == ["提成汇总", "赵敏 的提成明细"]
    with pytest.raises(InvalidReportPeriod):
        month.backend.commission.statement(date(2026, 12, 2), date(2026, 12, 1))
