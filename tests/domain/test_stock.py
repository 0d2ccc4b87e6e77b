"""The stock rules by example and with Hypothesis: first expired first out never takes from a
later batch while an earlier fresh one has stock, takes exactly what was asked, never sells
expired stock without a manager; the moving-average cost stays between the costs it averages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.stock import (
    BatchStock,
    ExpiredStockNeedsApproval,
    NotAQuantity,
    UnitMismatch,
    allocate,
    check_consumable_unit,
    check_quantity,
    is_expired,
    loss_takes,
    moving_average_cost,
    signed_value_at_cost,
    suggested_packages,
    value_at_cost,
)

TODAY = date(2026, 12, 7)

batches = st.lists(
    st.builds(
        BatchStock,
        st.uuids().map(str),
        st.one_of(st.none(), st.integers(-30, 400).map(lambda d: TODAY + timedelta(days=d))),
        st.integers(-20, 60),
    ),
    max_size=6,
).map(lambda found: [*found, BatchStock(None, None, 0)])


@given(batches, st.integers(1, 300), st.booleans())
def test_fefo_takes_what_was_asked_earliest_fresh_batch_first(
    held: list[BatchStock], quantity: int, allowed: bool
) -> None:
    try:
        takes = allocate("精华", held, quantity, TODAY, allowed)
    except ExpiredStockNeedsApproval:
        fresh = sum(
            b.on_hand for b in held if b.on_hand > 0 and b.batch_id and not is_expired(b, TODAY)
        )
        assert not allowed and fresh < quantity
        assert any(b.on_hand > 0 and is_expired(b, TODAY) for b in held)
        return
    assert sum(t.quantity for t in takes) == quantity
    assert all(t.quantity > 0 for t in takes)
    by_id = {b.batch_id: b for b in held}
    for take in takes:
        if take.batch_id is not None:
            assert take.quantity <= by_id[take.batch_id].on_hand
    taken = {t.batch_id: t.quantity for t in takes}
    fresh = [b for b in held if b.batch_id and b.on_hand > 0 and not is_expired(b, TODAY)]
    for used in fresh:
        if used.batch_id not in taken:
            continue
        for earlier in fresh:
            sooner = (earlier.expires_on or date.max) < (used.expires_on or date.max)
            if sooner:  # a batch expiring sooner was emptied before this one was touched
                assert taken.get(earlier.batch_id) == earlier.on_hand
    if not allowed:
        assert not any(t.batch_id and is_expired(by_id[t.batch_id], TODAY) for t in takes)


@given(batches, st.integers(1, 300))
def test_a_stocktake_loss_empties_batches_in_expiry_order_and_only_then_no_batch(
    held: list[BatchStock], quantity: int
) -> None:
    takes = loss_takes(held, quantity)
    assert sum(t.quantity for t in takes) == quantity
    assert all(t.quantity > 0 for t in takes)
    by_id = {b.batch_id: b for b in held}
    taken = {t.batch_id: t.quantity for t in takes}
    assert len(taken) == len(takes)  # a batch once
    stocked = [b for b in held if b.batch_id and b.on_hand > 0]
    for used in stocked:
        if used.batch_id in taken:
            assert taken[used.batch_id] <= used.on_hand
            for earlier in stocked:  # expired or not: a loss is not a sale
                if (earlier.expires_on or date.max) < (used.expires_on or date.max):
                    assert taken.get(earlier.batch_id) == earlier.on_hand
    if None in taken:  # only what every batch together could not cover
        assert taken[None] == quantity - sum(b.on_hand for b in stocked)
    assert all(t.batch_id is None or by_id[t.batch_id].on_hand > 0 for t in takes)


def test_shortfall_comes_from_no_batch() -> None:
    held = [BatchStock("b1", TODAY + timedelta(days=5), 3)]
    assert [(t.batch_id, t.quantity) for t in allocate("面膜", held, 5, TODAY)] == [
        ("b1", 3),
        (None, 2),
    ]


def test_expired_stock_is_used_last_and_only_when_allowed() -> None:
    held = [
        BatchStock("old", TODAY - timedelta(days=1), 4),
        BatchStock("new", TODAY + timedelta(days=90), 2),
    ]
    assert [(t.batch_id, t.quantity) for t in allocate("胶", held, 2, TODAY)] == [("new", 2)]
    with pytest.raises(ExpiredStockNeedsApproval):
        allocate("胶", held, 3, TODAY)
    allowed = allocate("胶", held, 3, TODAY, expired_allowed=True)
    assert [(t.batch_id, t.quantity) for t in allowed] == [("new", 2), ("old", 1)]


@given(
    st.integers(-500, 5_000),
    st.integers(0, 100_000),
    st.integers(1, 5_000),
    st.integers(0, 100_000),
)
def test_moving_average_cost_lies_between_the_costs(
    on_hand: int, cost: int, received: int, unit_cost: int
) -> None:
    averaged = moving_average_cost(on_hand, cost, received, unit_cost)
    if on_hand <= 0:
        assert averaged == unit_cost
    else:
        assert min(cost, unit_cost) <= averaged <= max(cost, unit_cost)


@pytest.mark.parametrize("value", [0, -1, 10_000_001, True, 2.5])
def test_a_quantity_is_a_whole_number_in_range(value: object) -> None:
    with pytest.raises(NotAQuantity):
        check_quantity("面膜", value)  # type: ignore[arg-type]


def test_a_consumable_in_another_unit_is_refused() -> None:
    check_consumable_unit("补水护理", "原液", "ml", "ml")
    with pytest.raises(UnitMismatch) as refused:
        check_consumable_unit("补水护理", "原液", "ml", "piece")
    assert "原液" in refused.value.text("zh") and "piece" in refused.value.text("en")


def test_stock_of_no_batch_comes_after_the_batches() -> None:
    held = [BatchStock(None, None, 4), BatchStock("b1", TODAY + timedelta(days=5), 2)]
    takes = allocate("面霜", held, 7, TODAY)
    assert [(t.batch_id, t.quantity) for t in takes] == [("b1", 2), (None, 5)]


def test_the_suggested_order_brings_stock_to_twice_the_minimum_in_whole_packages() -> None:
    assert suggested_packages(2, 10, 1) == 18
    assert suggested_packages(599, 600, 500) == 2  # 601 ml more: two 500 ml bottles
    assert suggested_packages(-3, 4, 1) == 11
    assert suggested_packages(5, 5, 1) == 0  # at the minimum is not below it
    assert suggested_packages(0, 0, 1) == 0  # no minimum: no alert


@given(st.integers(-10_000, 10_000), st.integers(0, 10**7), st.integers(1, 1000))
def test_a_signed_value_is_the_value_of_the_units_with_their_sign(
    units: int, cost: int, pack: int
) -> None:
    """A stocktake's difference and a write-off are valued alike, a loss as a negative."""
    value = signed_value_at_cost(units, cost, pack)
    assert value == (
        value_at_cost(units, cost, pack) if units >= 0 else -value_at_cost(-units, cost, pack)
    )
    assert signed_value_at_cost(-3, 4_530, 1) == -13_590  # three pieces at ¥45.30 lost
    assert signed_value_at_cost(250, 30_000, 500) == 15_000  # half a ¥300 bottle of 500 ml
