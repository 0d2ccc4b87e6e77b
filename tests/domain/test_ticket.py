import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.errors import (
    AmountTooLarge,
    ChangeTooLarge,
    ChangeWithoutCash,
    DiscountOutOfRange,
    EmptyTicket,
    NegativePrice,
    NotWholeFen,
    QuantityNotPositive,
    TenderNotPositive,
    TendersShort,
)
from salon_pos.domain.ticket import (
    MAX_CHANGE,
    MAX_UNIT_PRICE,
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


def test_money_must_be_whole_fen_of_a_sane_size() -> None:
    with pytest.raises(NotWholeFen):
        settle(19800, [Tender(TenderKind.CASH, 19800.5)])  # type: ignore[arg-type]
    with pytest.raises(NotWholeFen):
        price_ticket([line(True)])  # type: ignore[arg-type]
    with pytest.raises(AmountTooLarge):
        price_ticket([line(MAX_UNIT_PRICE + 1)])
    with pytest.raises(AmountTooLarge):
        price_ticket([line(100, quantity=10**17)])
    with pytest.raises(AmountTooLarge):
        settle(100, [Tender(TenderKind.CASH, 10**19)])


def test_mistyped_cash_is_caught_by_the_change_it_would_give() -> None:
    with pytest.raises(ChangeTooLarge) as raised:
        settle(5000, [Tender(TenderKind.CASH, 5000 + MAX_CHANGE + 1)])
    assert "找零" in raised.value.message("zh_CN")
    assert settle(5000, [Tender(TenderKind.CASH, 5000 + MAX_CHANGE)]).change == MAX_CHANGE


def test_a_free_ticket_needs_no_tender() -> None:
    totals = price_ticket([line(0)])
    assert totals.total == 0
    assert settle(0, []).tenders == ()
    totals = price_ticket([line(9900)], ticket_discount=9900)
    assert settle(totals.total, []).change == 0


def test_price_cut_counts_a_lowered_price_and_the_discount() -> None:
    lowered = PricedLine(LineKind.SERVICE, "id", "护理", 2, 15000, 1000, None, list_price=19800)
    assert lowered.price_cut == (19800 - 15000) * 2 + 1000


def test_messages_name_the_tender_in_their_own_language() -> None:
    with pytest.raises(TenderNotPositive) as raised:
        settle(100, [Tender(TenderKind.CASH, -5000)])
    assert "现金" in raised.value.message("zh_CN") and "cash" not in raised.value.message("zh_CN")
    assert "cash" in raised.value.message("en") and "现金" not in raised.value.message("en")


def test_totals_steps_read_top_down_as_arithmetic() -> None:
    from salon_pos.domain.ticket import TotalsStep, totals_steps

    steps = totals_steps(
        subtotal=202300, line_discounts=4900, ticket_discount=300, rounding_off=0, total=202000
    )
    assert steps == (
        (TotalsStep.SUBTOTAL, 207200),  # 小计 before any discount, as the receipt prints it
        (TotalsStep.LINE_DISCOUNTS, -4900),
        (TotalsStep.TICKET_DISCOUNT, -300),
        (TotalsStep.TOTAL, 202000),
    )
    assert sum(fen for step, fen in steps if step is not TotalsStep.TOTAL) == steps[-1][1]
