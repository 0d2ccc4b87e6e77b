"""The drawer's rules: the count by denomination, the expected cash from its parts, and what a
variance needs."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.drawer import (
    DENOMINATIONS,
    CountTooLarge,
    DrawerFigures,
    MoveKind,
    MoveNotPositive,
    MoveReasonRequired,
    Need,
    NegativeCount,
    NegativeFloat,
    PayOutMoreThanDrawer,
    UnknownDenomination,
    VariancePolicy,
    check_float,
    check_move,
    check_pay_out,
    count_total,
    denomination_name,
    moved,
    variance,
)

moves = st.lists(
    st.tuples(st.sampled_from(list(MoveKind)), st.integers(min_value=1, max_value=10_000_000)),
    max_size=40,
)


@given(st.integers(min_value=0, max_value=10_000_000), moves, moves)
def test_expected_is_the_float_plus_what_came_in_less_what_went_out(
    opening: int, sales_and_back: list[tuple[MoveKind, int]], other: list[tuple[MoveKind, int]]
) -> None:
    """Sales (in) and voids or refunds (out) stand for cash of tickets; the rest are moves."""
    sales = sum(a for k, a in sales_and_back if k.sign > 0)
    back = sum(a for k, a in sales_and_back if k.sign < 0)
    moved_in, moved_out = moved(other)
    figures = DrawerFigures(opening, sales, back, moved_in, moved_out)
    every = [*sales_and_back, *other]
    ins = sum(a for k, a in every if k.sign > 0)
    outs = sum(a for k, a in every if k.sign < 0)
    assert figures.expected == opening + ins - outs
    assert (figures.cash_in, figures.cash_out) == (ins, outs)
    running = opening  # the drawer as it goes, one movement at a time
    for kind, amount in every:
        running += kind.sign * amount
    assert running == figures.expected


@given(st.dictionaries(st.sampled_from(DENOMINATIONS), st.integers(0, 100_000)))
def test_a_count_is_the_sum_of_its_pieces(counts: dict[int, int]) -> None:
    assert count_total(counts) == sum(d * n for d, n in counts.items())


def test_count_examples_and_refusals() -> None:
    assert count_total({10_000: 3, 5_000: 1, 100: 7, 50: 1, 10: 3}) == 35_780
    assert count_total({}) == 0
    assert [denomination_name(d) for d in DENOMINATIONS] == [
        "¥100", "¥50", "¥20", "¥10", "¥5", "¥1", "¥0.5", "¥0.1"
    ]  # fmt: skip
    with pytest.raises(NegativeCount) as refused:
        count_total({2_000: -1})
    assert "¥20" in refused.value.text("zh_CN")
    with pytest.raises(CountTooLarge):
        count_total({100: 100_001})
    with pytest.raises(UnknownDenomination):
        count_total({200: 1})


def test_variance_and_what_it_needs() -> None:
    assert variance(49_800, 50_000) == -200
    default = VariancePolicy()  # any variance needs a reason, beyond ¥50 a manager's PIN
    assert [default.needs(v) for v in (0, 1, -1, 5_000, -5_001)] == [
        Need.NOTHING, Need.REASON, Need.REASON, Need.REASON, Need.APPROVAL
    ]  # fmt: skip
    loose = VariancePolicy(reason_above=500, pin_above=0)  # a PIN for all beyond ¥5
    assert [loose.needs(v) for v in (-500, 501)] == [Need.NOTHING, Need.APPROVAL]


def test_floats_and_moves_are_checked() -> None:
    assert check_float(0) == 0
    with pytest.raises(NegativeFloat) as refused:
        check_float(-100)
    assert refused.value.text("zh_CN") == "备用金不能为负数（当前为 -¥1.00）。"
    assert check_move(5_000, "  采购支出 ") == "采购支出"
    with pytest.raises(MoveReasonRequired):
        check_move(5_000, "  ")
    with pytest.raises(MoveNotPositive):
        check_move(0, "备用金补充")
    check_pay_out(50_000, 50_000)
    with pytest.raises(PayOutMoreThanDrawer):
        check_pay_out(50_001, 50_000)
