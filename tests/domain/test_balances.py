"""Stored-value rules (issue 10): a spend takes exactly the amount, never more than the card
holds plus the offline allowance, in the store's order; the balance is the sum of entries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.balances import (
    BalanceTooLow,
    BeyondOfflineAllowance,
    SpendNotPositive,
    SpendOrder,
    Split,
    StoredValue,
    TopUpNotPositive,
    TopUpRule,
    balance,
    refund_unused,
    spend,
    top_up,
)

RULES = [TopUpRule(100000, 20000), TopUpRule(50000, 5000), TopUpRule(300000, 90000)]
fen = st.integers(min_value=0, max_value=10**8)


def test_a_top_up_gets_the_bonus_of_the_highest_rule_it_reaches() -> None:
    assert top_up(100000, RULES) == Split(100000, 20000)  # ¥1,000 → ¥1,200
    assert top_up(299999, RULES) == Split(299999, 20000)
    assert top_up(300000, RULES) == Split(300000, 90000)
    assert top_up(49999, RULES) == Split(49999, 0)
    for amount in (0, -100):
        with pytest.raises(TopUpNotPositive):
            top_up(amount, RULES)


def test_each_order_takes_the_stated_part_first() -> None:
    card = StoredValue(100000, 20000)
    assert spend(card, 30000, SpendOrder.PRINCIPAL_FIRST) == Split(-30000, 0)
    assert spend(card, 30000, SpendOrder.BONUS_FIRST) == Split(-10000, -20000)
    assert spend(card, 30000, SpendOrder.PROPORTIONAL) == Split(-25000, -5000)
    assert spend(card, 1, SpendOrder.PROPORTIONAL) == Split(-1, 0)  # the odd fen: principal


def test_more_than_the_card_holds_is_refused_with_the_balance_and_the_allowance() -> None:
    card = StoredValue(20000, 10000)
    with pytest.raises(BalanceTooLow) as low:
        spend(card, 30001, SpendOrder.BONUS_FIRST)
    assert "¥300.00" in low.value.text("zh_CN") and "¥300.01" in low.value.text("zh_CN")
    with pytest.raises(BeyondOfflineAllowance) as beyond:
        spend(card, 40001, SpendOrder.BONUS_FIRST, allowance=10000)
    assert "¥100.00" in beyond.value.text("en")
    assert spend(card, 40000, SpendOrder.BONUS_FIRST, allowance=10000) == Split(-30000, -10000)
    for amount in (0, -1):
        with pytest.raises(SpendNotPositive):
            spend(card, amount, SpendOrder.PRINCIPAL_FIRST)


def test_a_refund_pays_back_principal_and_forfeits_the_bonus() -> None:
    paid, entries = refund_unused(StoredValue(70000, 14000))
    assert paid == 70000 and entries == Split(-70000, -14000)
    assert balance([Split(70000, 14000), entries]) == StoredValue(0, 0)


@given(
    principal=fen,
    bonus=fen,
    amount=st.integers(min_value=1, max_value=3 * 10**8),
    allowance=st.integers(min_value=0, max_value=10**6),
    order=st.sampled_from(SpendOrder),
)
def test_a_spend_takes_exactly_the_amount_and_no_part_below_zero_but_the_overdraft(
    principal: int, bonus: int, amount: int, allowance: int, order: SpendOrder
) -> None:
    card = StoredValue(principal, bonus)
    try:
        taken = spend(card, amount, order, allowance)
    except (BalanceTooLow, BeyondOfflineAllowance):
        assert amount > card.total + allowance
        return
    after = balance([Split(principal, bonus), taken])
    assert -taken.total == amount and taken.principal <= 0 and taken.bonus <= 0
    assert after.bonus >= 0  # bonus never goes negative
    assert after.principal >= -allowance  # only principal carries an offline overdraft
    assert after.principal < 0 or after.total == card.total - amount
    if amount <= card.total:
        assert after.principal >= 0


@given(
    held=st.integers(min_value=0, max_value=10**6),
    allowance=st.integers(min_value=0, max_value=10**6),
    spends=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8),
)
def test_spends_one_after_another_never_go_below_the_allowance(
    held: int, allowance: int, spends: list[int]
) -> None:
    """Offline, each sale spends from what the last one left: an empty card with a ¥300
    allowance takes ¥300 in all, not ¥300 a sale."""
    card = StoredValue(held, 0)
    for amount in spends:
        try:
            card = balance(
                [
                    Split(card.principal, card.bonus),
                    spend(card, amount, SpendOrder.PRINCIPAL_FIRST, allowance),
                ]
            )
        except (BalanceTooLow, BeyondOfflineAllowance):
            assert amount > card.total + allowance
    assert card.total >= -allowance


def test_points_follow_each_lines_category_rate_and_what_points_paid_earns_none() -> None:
    from salon_pos.domain.balances import parse_points_rates, points_for_lines

    rates = parse_points_rates("美甲=2，美睫=0")
    assert rates == {"美甲": 2, "美睫": 0}
    # ¥168 nails at 2 a yuan, ¥120 lashes at none, ¥198 facial at the store's 1
    bases = [(16800, 2), (12000, 0), (19800, 1)]
    assert points_for_lines(bases, 0) == 336 + 0 + 198
    # ¥100 paid by points comes off the lines in proportion, and earns nothing
    assert points_for_lines(bases, 10000) < 336 + 198
    assert points_for_lines([(0, 5)], 0) == 0


@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 10)), min_size=1, max_size=6),
    st.integers(0, 10**8),
)
def test_points_never_exceed_what_the_lines_earn_and_fall_as_points_pay_more(
    bases: list[tuple[int, int]], paid: int
) -> None:
    from salon_pos.domain.balances import points_for_lines

    full = points_for_lines(bases, 0)
    assert full == sum(fen * rate for fen, rate in bases) // 100
    assert 0 <= points_for_lines(bases, paid) <= full
