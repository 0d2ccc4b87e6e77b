"""Commission rules and figures, by example and with Hypothesis: the most specific rule wins,
rates are what the manager typed, the base follows what paid the line, shares of a split add up
to the line's commission to the fen, refunds and voids take back in their own period never more
than was earned, a full refund takes back all, and over all periods a line earns the rule applied
to what is left of it."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRateInvalid,
    CommissionRateOver100,
    CommissionRequestedNotService,
    CommissionRule,
    CommissionRules,
    CommissionRulesUnreadable,
    CommissionRuleTwice,
    CommissionRuleWrongTarget,
    RateKind,
    SessionBasis,
    StoredValueBasis,
    commission_rules_text,
    parse_commission_rules,
    parse_rate,
    percent_text,
)
from salon_pos.domain.commission_figures import (
    LinePaid,
    SessionSpent,
    TakeBack,
    TicketMoney,
    by_technician,
    commission_base,
    line_moves,
    paid_by_line,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.sales_figures import SoldLine
from salon_pos.domain.shares import WHOLE_SHARE, split
from salon_pos.domain.ticket import LineKind
from sync.operations.setup import store_setting

SERVICE, PRODUCT = LineKind.SERVICE, LineKind.PRODUCT
PERCENT, FIXED = RateKind.PERCENT, RateKind.FIXED
DAY = date(2026, 11, 3)


def line(
    net: int = 19_800,
    quantity: int = 1,
    kind: LineKind = SERVICE,
    shares: tuple[tuple[str, int], ...] = (),
    requested: bool = False,
    item: str = "facial",
    category: str = "面部护理",
    line_id: str = "L1",
) -> SoldLine:
    return SoldLine(
        line_id, "T1", DAY, kind, item, "补水护理", category, quantity, net, None,
        shares, requested, shares[0][0] if shares else "tech-a",
    )  # fmt: skip


TEN_PERCENT = CommissionRules((CommissionRule(SERVICE, PERCENT, 1_000, 1_500),))


# ------------------------------------------------------------------ the setting


def test_rules_read_back_as_written_and_nothing_is_the_empty_text() -> None:
    rules = CommissionRules(
        (
            CommissionRule(SERVICE, PERCENT, 1_000, 1_500),
            CommissionRule(SERVICE, FIXED, 2_000, 3_000, category="美甲"),
            CommissionRule(PRODUCT, PERCENT, 500, item_id="serum"),
            CommissionRule(LineKind.STORED_VALUE, PERCENT, 200),
            CommissionRule(LineKind.PACKAGE, FIXED, 5_000),
        ),
        CardMoney.ON_USE,
        CardMoney.ON_SALE,
        StoredValueBasis.PRINCIPAL,
        SessionBasis.CARD,
    )
    text = commission_rules_text(rules)
    assert parse_commission_rules(text) == rules
    assert store_setting("commission_rules", text) == text  # the server takes what a counter does
    assert commission_rules_text(CommissionRules()) == ""
    assert parse_commission_rules("") == CommissionRules()


def test_a_newer_counters_keys_are_passed_over() -> None:
    text = json.dumps({"rules": [{"kind": "service", "rotation": 800, "tier": "gold"}], "v": 2})
    assert parse_commission_rules(text).rules == (CommissionRule(SERVICE, PERCENT, 800),)


@pytest.mark.parametrize(
    ("rules", "refusal", "words"),
    [
        ([{"kind": "service", "rotation": 10_001}], CommissionRateOver100, "100.01%"),
        ([{"kind": "service", "rotation": 9, "requested": 12_000}], CommissionRateOver100, "120%"),
        ([{"kind": "service", "rotation": -1}], CommissionRateInvalid, "-1"),
        ([{"kind": "product", "how": "fixed", "rotation": 10**8}], CommissionRateInvalid, ""),
        ([{"kind": "service", "rotation": 1}, {"kind": "service", "rotation": 2}],
         CommissionRuleTwice, "第 2 条"),
        ([{"kind": "package", "category": "美甲", "rotation": 1}], CommissionRuleWrongTarget, ""),
        ([{"kind": "product", "rotation": 1, "requested": 2}], CommissionRequestedNotService, ""),
        ([{"kind": "coupon", "rotation": 1}], UserError, "第 1 条"),
    ],
)  # fmt: skip
def test_bad_rules_are_refused_with_the_rule_named(
    rules: list[dict[str, object]], refusal: type[UserError], words: str
) -> None:
    text = json.dumps({"rules": rules})
    with pytest.raises(refusal) as refused:
        parse_commission_rules(text)
    assert words in refused.value.text("zh_CN")
    assert refused.value.text("en").replace("“", "").replace("”", "").isascii()
    with pytest.raises(ValueError):  # the server refuses the same text
        store_setting("commission_rules", text)


def test_text_that_is_no_rules_at_all_is_refused() -> None:
    for text in ("x", "[]", '{"rules": 3}', '{"stored_value": "later"}'):
        with pytest.raises(CommissionRulesUnreadable):
            parse_commission_rules(text)


def test_rates_as_a_manager_types_them() -> None:
    assert parse_rate("12.5", PERCENT, 1) == 1_250
    assert parse_rate(" 8 % ", PERCENT, 1) == 800
    assert parse_rate("100", PERCENT, 1) == 10_000
    assert parse_rate("¥20.50", FIXED, 1) == 2_050
    for text, how in (("101", PERCENT), ("12.345", PERCENT), ("abc", FIXED), ("-3", FIXED)):
        with pytest.raises(UserError):
            parse_rate(text, how, 4)
    assert percent_text(1_250) == "12.5%" and percent_text(1_000) == "10%"


# ------------------------------------------------------------------ which rule, and what it pays


def test_the_most_specific_rule_wins() -> None:
    kind = CommissionRule(SERVICE, PERCENT, 1_000)
    category = CommissionRule(SERVICE, PERCENT, 1_200, category="美甲")
    item = CommissionRule(SERVICE, FIXED, 3_000, category="", item_id="gel")
    rules = CommissionRules((item, category, kind))
    assert rules.rule_for(SERVICE, "gel", "美甲") == item
    assert rules.rule_for(SERVICE, "french", "美甲") == category
    assert rules.rule_for(SERVICE, "facial", "面部护理") == kind
    assert rules.rule_for(PRODUCT, "serum", "美甲") is None  # a category is a kind's


def test_requested_lines_earn_their_own_rate_and_fixed_rules_pay_a_unit() -> None:
    rule = CommissionRule(SERVICE, PERCENT, 1_000, 1_500)
    assert rule.earned(19_800, 1, requested=False) == 1_980
    assert rule.earned(19_800, 1, requested=True) == 2_970
    assert rule.earned(999, 1, requested=False) == 99  # rounded down to the fen
    assert CommissionRule(SERVICE, PERCENT, 1_000).earned(19_800, 1, True) == 1_980
    assert CommissionRule(SERVICE, FIXED, 2_000, 3_000).earned(0, 2, True) == 6_000


# ------------------------------------------------------------------ the base


def test_stored_value_spreads_over_the_lines_and_sessions_pay_their_own() -> None:
    facial, serum = line(19_800), line(12_800, kind=PRODUCT, item="serum", line_id="L2")
    top_up = line(50_000, kind=LineKind.STORED_VALUE, item="c1", category="", line_id="L3")
    money = TicketMoney(stored_value=16_300, principal=13_040, sessions=())
    paid = paid_by_line([facial, serum, top_up], money, CommissionRules())
    assert paid["L1"].stored_value + paid["L2"].stored_value == 16_300
    assert paid["L3"] == LinePaid()  # a top-up is paid with money only
    principal = paid_by_line(
        [facial, serum], money, CommissionRules(stored_value_basis=StoredValueBasis.PRINCIPAL)
    )
    assert principal["L1"].stored_value_worth + principal["L2"].stored_value_worth == 13_040
    sessions = TicketMoney(sessions=(SessionSpent("L1", 1, 160_000, 10),))
    by_line = paid_by_line([facial], sessions, CommissionRules())
    assert by_line["L1"] == LinePaid(0, 0, 19_800, 19_800)
    by_card = paid_by_line([facial], sessions, CommissionRules(session_basis=SessionBasis.CARD))
    assert by_card["L1"].sessions_worth == 16_000  # the card's price over its sessions


def test_card_money_earns_once_on_sale_or_on_use() -> None:
    facial = line(19_800)
    paid = LinePaid(stored_value=9_800, stored_value_worth=8_000, sessions=0)
    on_sale = CommissionRules()
    on_use = CommissionRules(stored_value=CardMoney.ON_USE, package=CardMoney.ON_USE)
    assert commission_base(facial, paid, on_sale) == 10_000
    assert commission_base(facial, paid, on_use) == 18_000
    top_up = line(100_000, kind=LineKind.STORED_VALUE, category="")
    card = line(160_000, kind=LineKind.PACKAGE, category="")
    assert commission_base(top_up, LinePaid(), on_sale) == 100_000
    assert commission_base(card, LinePaid(), on_sale) == 160_000
    assert commission_base(top_up, LinePaid(), on_use) == 0
    rules = CommissionRules(
        (CommissionRule(LineKind.PACKAGE, FIXED, 5_000),), package=CardMoney.ON_USE
    )
    assert line_moves(card, 0, (), rules)[0].commission == 0  # not even a fixed amount


# ------------------------------------------------------------------ moves


def test_a_line_split_60_40_and_half_refunded_later() -> None:
    shared = line(19_800, 2, shares=(("a", 6_000), ("b", 4_000)), requested=True)
    backs = [TakeBack(DAY + timedelta(days=30), "refund", 1, 9_900)]
    moves = line_moves(shared, 19_800, backs, TEN_PERCENT)
    assert [(m.cause, m.staff_id, m.commission) for m in moves] == [
        ("sale", "a", 1_782), ("sale", "b", 1_188),  # 15% 点钟 of ¥198: ¥29.70, 60 / 40
        ("refund", "a", -891), ("refund", "b", -594),
    ]  # fmt: skip
    november = by_technician(moves, date(2026, 11, 1), date(2026, 11, 30))
    december = by_technician(moves, date(2026, 12, 1), date(2026, 12, 31))
    assert november["a"].total == 1_782 and november["a"].taken_back == 0
    assert december["a"].taken_back == 891 and december["a"].lines == 0


def test_a_void_takes_back_all_and_a_refund_after_it_nothing_more() -> None:
    backs = [TakeBack(DAY, "void"), TakeBack(DAY + timedelta(days=1), "refund", 1, 19_800)]
    moves = line_moves(line(19_800), 19_800, backs, TEN_PERCENT)
    assert [(m.cause, m.commission) for m in moves] == [("sale", 1_980), ("void", -1_980)]


def test_a_line_nobody_did_earns_nobody_anything() -> None:
    product = SoldLine("L", "T", DAY, PRODUCT, "serum", "精华", "护肤品", 1, 12_800)
    assert line_moves(product, 12_800, (), TEN_PERCENT) == []


# ------------------------------------------------------------------ properties

TECHS = ("a", "b", "c", "d")


@st.composite
def shared_lines(draw: st.DrawFn) -> tuple[SoldLine, int, CommissionRule, list[TakeBack]]:
    quantity = draw(st.integers(1, 5))
    net = draw(st.integers(0, 200_000))
    count = draw(st.integers(1, 4))
    cuts = sorted(draw(st.lists(st.integers(1, WHOLE_SHARE - 1), min_size=count - 1,
                                max_size=count - 1, unique=True)))  # fmt: skip
    bounds = [0, *cuts, WHOLE_SHARE]
    shares = tuple((TECHS[i], bounds[i + 1] - bounds[i]) for i in range(count))
    sold = line(net, quantity, shares=shares if count > 1 else (), requested=draw(st.booleans()))
    if count == 1:
        sold = line(net, quantity, shares=(("a", WHOLE_SHARE),), requested=sold.requested)
    base = draw(st.integers(0, 2 * net + 1))
    how = draw(st.sampled_from(RateKind))
    top = 10_000 if how is PERCENT else 50_000
    rule = CommissionRule(
        SERVICE, how, draw(st.integers(0, top)), draw(st.none() | st.integers(0, top))
    )
    backs: list[TakeBack] = []
    units, money, day = quantity, net, DAY
    for _ in range(draw(st.integers(0, 4))):
        day += timedelta(days=draw(st.integers(0, 40)))
        if draw(st.integers(0, 9)) == 0:
            backs.append(TakeBack(day, "void"))
            units = money = 0
            continue
        taken = draw(st.integers(0, units))
        amount = money if taken == units else draw(st.integers(0, money))
        backs.append(TakeBack(day, "refund", taken, amount))
        units, money = units - taken, money - amount
    return sold, base, rule, backs


def _rule_on_what_is_left(
    sold: SoldLine, base: int, rule: CommissionRule, backs: list[TakeBack]
) -> int:
    """Written apart from the code: the rule applied to the net line after every take-back."""
    units, money = sold.quantity, sold.net
    for back in backs:
        units = 0 if back.cause == "void" else units - back.quantity
        money = 0 if back.cause == "void" else money - back.amount
    left = base * money // sold.net if sold.net else base * units // sold.quantity
    rate = rule.requested if sold.requested and rule.requested is not None else rule.rotation
    return rate * units if rule.how is FIXED else left * rate // 10_000


@given(shared_lines())
def test_paid_out_over_all_periods_is_the_rule_on_the_net_line(
    case: tuple[SoldLine, int, CommissionRule, list[TakeBack]],
) -> None:
    sold, base, rule, backs = case
    rules = CommissionRules((rule,))
    moves = line_moves(sold, base, backs, rules)
    weights = [share for _, share in sold.shares]
    earned_first = split(rule.earned(base, sold.quantity, sold.requested), weights)
    owed = _rule_on_what_is_left(sold, base, rule, backs)
    per_tech: dict[str, int] = defaultdict(int)
    per_day: dict[date, int] = defaultdict(int)
    for move in moves:
        per_tech[move.staff_id] += move.commission
        per_day[move.day] += move.commission
    assert sum(per_tech.values()) == owed == sum(per_day.values())
    assert [per_tech[staff] for staff, _ in sold.shares] == split(owed, weights)
    for (staff, _), first in zip(sold.shares, earned_first, strict=True):
        sale = next(m for m in moves if m.cause == "sale" and m.staff_id == staff)
        assert sale.commission == first  # the sale's parts are the split of the line's
        taken = -sum(m.commission for m in moves if m.staff_id == staff and m.cause != "sale")
        assert taken <= first  # never more back than was earned
    fully = any(b.cause == "void" for b in backs) or (
        sum(b.quantity for b in backs) == sold.quantity and sum(b.amount for b in backs) == sold.net
    )
    if fully:
        assert all(total == 0 for total in per_tech.values())


@given(shared_lines(), st.integers(0, 200))
def test_periods_cut_anywhere_add_up_to_the_whole(
    case: tuple[SoldLine, int, CommissionRule, list[TakeBack]], cut: int
) -> None:
    sold, base, rule, backs = case
    moves = line_moves(sold, base, backs, CommissionRules((rule,)))
    middle = DAY + timedelta(days=cut)
    before = by_technician(moves, date(2000, 1, 1), middle)
    after = by_technician(moves, middle + timedelta(days=1), date(2100, 1, 1))
    whole = by_technician(moves, date(2000, 1, 1), date(2100, 1, 1))
    for staff, figures in whole.items():
        parts = [p.total for p in (before.get(staff), after.get(staff)) if p is not None]
        assert sum(parts) == figures.total
        assert figures.earned - figures.taken_back == figures.total


@given(st.lists(shared_lines(), min_size=1, max_size=4), st.integers(0, 120))
def test_any_set_of_lines_pays_each_technician_the_rules_on_the_net_lines(
    cases: list[tuple[SoldLine, int, CommissionRule, list[TakeBack]]], cut: int
) -> None:
    """Every technician's total, this period plus the next, is their split of the rule applied
    to what is left of each line they worked on."""
    moves = []
    owed: dict[str, int] = defaultdict(int)
    for number, (sold, base, rule, backs) in enumerate(cases):
        sold = replace(sold, id=f"L{number}", item_id=f"item{number}")  # a rule of its own
        rules = CommissionRules((replace(rule, item_id=sold.item_id),))
        moves += line_moves(sold, base, backs, rules)
        parts = split(_rule_on_what_is_left(sold, base, rule, backs), [s for _, s in sold.shares])
        for (staff, _), part in zip(sold.shares, parts, strict=True):
            owed[staff] += part
    middle = DAY + timedelta(days=cut)
    periods = (
        by_technician(moves, date(2000, 1, 1), middle),
        by_technician(moves, middle + timedelta(days=1), date(2100, 1, 1)),
    )
    for staff, total in owed.items():
        assert sum(p[staff].total for p in periods if staff in p) == total
