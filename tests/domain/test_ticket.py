import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.errors import (
    ChangeWithoutCash,
    DiscountOutOfRange,
    EmptyTicket,
    NegativePrice,
    QuantityNotPositive,
    TenderNotPositive,
    TendersShort,
)
from salon_pos.domain.ticket import (
    LineKind,
    PricedLine,
    RoundingRule,
    Tender,
    TenderKind,
    allocate,
    price_ticket,
    refund_share,
    settle,
)


def line(price: int, quantity: int = 1, discount: int = 0) -> PricedLine:
    return PricedLine(LineKind.SERVICE, "id", "补水护理", quantity, price, discount)


def test_totals_add_lines_less_discounts() -> None:
    totals = price_ticket([line(19800), line(12800, 2, 1000)], ticket_discount=500)
    assert totals.subtotal == 19800 + 25600 - 1000
    assert totals.line_discounts == 1000
    assert totals.total == 44400 - 500
    assert sum(totals.line_nets) == totals.total


@pytest.mark.parametrize(
    ("rule", "total"),
    [(RoundingRule.NONE, 12345), (RoundingRule.DROP_FEN, 12340), (RoundingRule.DROP_JIAO, 12300)],
)
def test_rounding_lets_go_of_small_change(rule: RoundingRule, total: int) -> None:
    totals = price_ticket([line(12345)], rounding=rule)
    assert totals.total == total
    assert totals.rounding_off == 12345 - total


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (line(-100), NegativePrice),
        (line(100, quantity=0), QuantityNotPositive),
        (line(100, discount=101), DiscountOutOfRange),
        (line(100, discount=-1), DiscountOutOfRange),
    ],
)
def test_bad_lines_are_refused(bad: PricedLine, error: type[Exception]) -> None:
    with pytest.raises(error):
        price_ticket([bad])


def test_empty_ticket_and_oversized_ticket_discount_are_refused() -> None:
    with pytest.raises(EmptyTicket):
        price_ticket([])
    with pytest.raises(DiscountOutOfRange):
        price_ticket([line(100)], ticket_discount=101)


def test_cash_gives_change_and_split_tenders_apply_in_full() -> None:
    settlement = settle(49400, [Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)])
    assert settlement.change == 600
    assert [(t.kind, t.applied) for t in settlement.tenders] == [
        (TenderKind.WECHAT, 30000),
        (TenderKind.CASH, 19400),
    ]


def test_tenders_short_of_the_total_say_how_much_is_missing() -> None:
    with pytest.raises(TendersShort) as raised:
        settle(49400, [Tender(TenderKind.CASH, 40000)])
    assert "¥94.00" in raised.value.message("zh_CN")


def test_only_cash_gives_change() -> None:
    with pytest.raises(ChangeWithoutCash):
        settle(10000, [Tender(TenderKind.BANK_CARD, 12000)])
    with pytest.raises(TenderNotPositive):
        settle(10000, [Tender(TenderKind.CASH, 10000), Tender(TenderKind.ALIPAY, 0)])


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8),
    st.integers(min_value=0, max_value=10**6),
)
def test_allocate_parts_add_up_and_stay_proportional(weights: list[int], amount: int) -> None:
    parts = allocate(amount, weights)
    assert sum(parts) == amount
    whole = sum(weights)
    if whole:
        for part, weight in zip(parts, weights, strict=True):
            assert abs(part - amount * weight / whole) < 1


@given(st.integers(1, 20), st.integers(0, 10**6), st.data())
def test_refunding_a_line_in_parts_pays_back_exactly_its_net(
    quantity: int, net: int, data: st.DataObject
) -> None:
    refunded = amount = 0
    while refunded < quantity:
        units = data.draw(st.integers(1, quantity - refunded))
        share = refund_share(net, quantity, refunded, amount, units)
        assert share >= 0
        refunded, amount = refunded + units, amount + share
    assert amount == net
