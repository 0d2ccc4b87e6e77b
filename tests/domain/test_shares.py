"""Splitting money by technicians' shares: the parts always add up to the whole, to the fen."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.errors import SharesDoNotAddUp
from salon_pos.domain.shares import StaffShare, check_shares, split


@given(
    st.integers(min_value=-10_000_000, max_value=10_000_000),
    st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=6),
)
def test_parts_add_up_and_follow_the_weights(amount: int, weights: list[int]) -> None:
    parts = split(amount, weights)
    assert sum(parts) == amount
    whole = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - amount * weight / whole) < 1  # never a fen more than its share


def test_examples() -> None:
    assert split(100, [1, 1, 1]) == [34, 33, 33]
    assert split(-100, [1, 1, 1]) == [-34, -33, -33]
    assert split(19800, [6000, 4000]) == [11880, 7920]
    assert split(1, [5000, 5000]) == [1, 0]


def test_shares_must_name_the_lines_technician_once_and_add_up() -> None:
    check_shares("美甲", "a", [StaffShare("a", 6000), StaffShare("b", 4000)])
    check_shares("美甲", "a", [])
    for bad in (
        [StaffShare("b", 6000), StaffShare("c", 4000)],  # not the line's technician
        [StaffShare("a", 5000), StaffShare("a", 5000)],  # twice
        [StaffShare("a", 7000), StaffShare("b", 4000)],  # 110 %
        [StaffShare("a", 10000), StaffShare("b", 0)],
    ):
        with pytest.raises(SharesDoNotAddUp):
            check_shares("美甲", "a", bad)
