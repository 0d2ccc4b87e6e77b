"""Classification by spend and visits, "not seen for N days", and who reads health data."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.customer_class import (
    ClassThresholds,
    CustomerClass,
    classify,
    may_read_health,
)

TODAY = date(2026, 12, 6)
RULES = ClassThresholds(
    member_spend=100_000, member_visits=5, vip_spend=1_000_000, vip_visits=24, lapsed_days=60
)


def test_the_higher_threshold_reached_by_spend_or_visits_decides() -> None:
    assert classify(0, 0, None, TODAY, RULES).customer_class == CustomerClass.NORMAL
    assert classify(99_999, 4, TODAY, TODAY, RULES).customer_class == CustomerClass.NORMAL
    assert classify(100_000, 1, TODAY, TODAY, RULES).customer_class == CustomerClass.MEMBER
    assert classify(0, 5, TODAY, TODAY, RULES).customer_class == CustomerClass.MEMBER
    assert classify(0, 0, None, TODAY, RULES, has_member_card=True).customer_class == "member"
    assert classify(1_000_000, 1, TODAY, TODAY, RULES).customer_class == CustomerClass.VIP
    assert classify(0, 24, TODAY, TODAY, RULES).customer_class == CustomerClass.VIP


def test_not_seen_for_the_days_set_and_a_zero_threshold_is_off() -> None:
    assert classify(0, 1, date(2026, 10, 7), TODAY, RULES).lapsed_days == 60
    assert classify(0, 1, date(2026, 10, 8), TODAY, RULES).lapsed_days is None
    assert classify(0, 0, None, TODAY, RULES).lapsed_days is None  # never came: not lapsed
    off = ClassThresholds(0, 0, 0, 0, 0)
    standing = classify(10**9, 1000, date(2000, 1, 1), TODAY, off)
    assert standing.customer_class == CustomerClass.NORMAL and standing.lapsed_days is None


@given(st.integers(0, 10**8), st.integers(0, 1000), st.integers(0, 10**6), st.integers(0, 100))
def test_spending_more_or_visiting_more_never_lowers_the_class(
    spend: int, visits: int, more_spend: int, more_visits: int
) -> None:
    order = [CustomerClass.NORMAL, CustomerClass.MEMBER, CustomerClass.VIP]
    before = classify(spend, visits, TODAY, TODAY, RULES).customer_class
    after = classify(spend + more_spend, visits + more_visits, TODAY, TODAY, RULES).customer_class
    assert order.index(after) >= order.index(before)


def test_health_data_is_for_owners_managers_and_technicians_who_served_lately() -> None:
    assert may_read_health("owner", False) and may_read_health("manager", False)
    assert may_read_health("technician", True) and not may_read_health("technician", False)
    assert not may_read_health("front_desk", True)
