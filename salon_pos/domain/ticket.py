"""Pricing a ticket and settling its tenders: the arithmetic of a sale, in fen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from salon_pos.domain.errors import (
    AmountTooLarge,
    Both,
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
from salon_pos.domain.money import format_money

MAX_UNIT_PRICE = 100_000_000  # ¥1,000,000: above this a typo is likelier than a sale
MAX_QUANTITY = 9_999
MAX_CHANGE = 1_000_000  # ¥10,000 of change means the cash amount was mistyped


def check_fen(name: str | Both, value: object, limit: int = MAX_UNIT_PRICE) -> int:
    """`value` as fen: an int (not a float, not a bool) between -limit and limit."""
    if type(value) is not int:
        raise NotWholeFen(name=name, value=repr(value))
    if abs(value) > limit:
        raise AmountTooLarge(name=name, value=format_money(value), limit=format_money(limit))
    return value


class LineKind(StrEnum):
    SERVICE = "service"
    PRODUCT = "product"
    STORED_VALUE = "stored_value"  # a top-up of the customer's stored value (储值)
    PACKAGE = "package"  # a package card (疗程卡/次卡) of a plan

    @property
    def from_catalog(self) -> bool:
        return self in (LineKind.SERVICE, LineKind.PRODUCT)


class TicketStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    VOIDED = "voided"
    REFUNDED = "refunded"

    @property
    def words(self) -> Both:
        zh = {"open": "未结", "completed": "已完成", "voided": "已作废", "refunded": "已退款"}[self]
        return Both(zh, self.value)


class TenderKind(StrEnum):
    CASH = "cash"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    # Later issues settle these against ledgers; the ticket already has room for them.
    STORED_VALUE = "stored_value"
    PACKAGE_SESSION = "package_session"
    POINTS = "points"
    COUPON = "coupon"

    @property
    def label_zh(self) -> str:
        return _TENDER_LABELS[self]

    @property
    def words(self) -> Both:
        return Both(_TENDER_LABELS[self], self.value.replace("_", " "))


_TENDER_LABELS = {
    TenderKind.CASH: "现金",
    TenderKind.BANK_CARD: "银行卡",
    TenderKind.WECHAT: "微信支付",
    TenderKind.ALIPAY: "支付宝",
    TenderKind.STORED_VALUE: "储值",
    TenderKind.PACKAGE_SESSION: "疗程卡",
    TenderKind.POINTS: "积分",
    TenderKind.COUPON: "优惠券",
}


class RoundingRule(StrEnum):
    """抹零: how much small change the shop lets go of on each ticket."""

    NONE = "none"
    DROP_FEN = "drop_fen"  # ¥12.34 → ¥12.30
    DROP_JIAO = "drop_jiao"  # ¥12.34 → ¥12.00

    def rounding_off(self, total: int) -> int:
        unit = {RoundingRule.NONE: 1, RoundingRule.DROP_FEN: 10, RoundingRule.DROP_JIAO: 100}[self]
        return total % unit


@dataclass(frozen=True)
class PricedLine:
    """A ticket line as priced: unit_price is what this customer pays per unit."""

    kind: LineKind
    item_id: str
    name: str
    quantity: int
    unit_price: int
    line_discount: int = 0
    technician_id: str | None = None
    list_price: int | None = None  # the catalog price, when a member price applied
    member_discount: int = 0  # of the line, from the customer's tier: not a cashier's discount
    category: str = ""  # the catalog's, as sold
    points: int = 0  # redeemed with points: what they paid for the line (member_discount: all)

    @property
    def gross(self) -> int:
        return self.quantity * self.unit_price

    @property
    def total(self) -> int:
        return self.gross - self.line_discount

    @property
    def price_cut(self) -> int:
        """How much below the catalog price the cashier sold this line, discount included (a
        member price is the tier's, not the cashier's: it needs no approval)."""
        below_list = max(0, (self.list_price or self.unit_price) - self.unit_price)
        return max(0, below_list * self.quantity - self.member_discount) + self.line_discount

    def validate(self) -> None:
        check_fen(self.name, self.unit_price)
        check_fen(self.name, self.line_discount)
        if self.unit_price < 0:
            raise NegativePrice(name=self.name)
        if type(self.quantity) is not int or self.quantity < 1:
            raise QuantityNotPositive(name=self.name, quantity=self.quantity)
        if self.quantity > MAX_QUANTITY:
            raise AmountTooLarge(name=self.name, value=self.quantity, limit=MAX_QUANTITY)
        if self.kind is LineKind.STORED_VALUE and self.line_discount:
            raise DiscountOutOfRange(
                name=self.name, discount=format_money(self.line_discount), limit=format_money(0)
            )
        if not 0 <= self.line_discount <= self.gross:
            raise DiscountOutOfRange(
                name=self.name,
                discount=format_money(self.line_discount),
                limit=format_money(self.gross),
            )


@dataclass(frozen=True)
class TicketTotals:
    subtotal: int  # sum of line totals, after line discounts
    line_discounts: int
    ticket_discount: int
    rounding_off: int
    total: int  # what the customer owes
    line_nets: tuple[int, ...]  # each line's share of the total; they add up to it exactly

    def steps(self) -> tuple[tuple[TotalsStep, int], ...]:
        return totals_steps(
            subtotal=self.subtotal,
            line_discounts=self.line_discounts,
            ticket_discount=self.ticket_discount,
            rounding_off=self.rounding_off,
            total=self.total,
        )


class TotalsStep(StrEnum):
    """A row of a ticket's totals, as a receipt, a screen or a report shows them."""

    SUBTOTAL = "subtotal"  # 小计: before any discount
    LINE_DISCOUNTS = "line_discounts"  # 单项优惠
    TICKET_DISCOUNT = "ticket_discount"  # 整单优惠
    ROUNDING_OFF = "rounding_off"  # 抹零
    TOTAL = "total"  # 合计 / 应收


def totals_steps(
    *, subtotal: int, line_discounts: int, ticket_discount: int, rounding_off: int, total: int
) -> tuple[tuple[TotalsStep, int], ...]:
    """A ticket's totals top-down as arithmetic: 小计 before any discount, then each discount
    that applies (negative), then the total; the rows above the total add up to it.
    `subtotal` is TicketTotals.subtotal, which is after the line discounts."""
    steps = (
        (TotalsStep.SUBTOTAL, subtotal + line_discounts),
        (TotalsStep.LINE_DISCOUNTS, -line_discounts),
        (TotalsStep.TICKET_DISCOUNT, -ticket_discount),
        (TotalsStep.ROUNDING_OFF, -rounding_off),
    )
    shown = tuple((step, fen) for step, fen in steps if fen or step is TotalsStep.SUBTOTAL)
    return (*shown, (TotalsStep.TOTAL, total))


def allocate(amount: int, weights: Sequence[int]) -> tuple[int, ...]:
    """Split `amount` in proportion to `weights`, largest remainder first, so the parts add up."""
    whole = sum(weights)
    if whole == 0:
        return tuple(amount if i == 0 else 0 for i in range(len(weights)))
    shares = [amount * w // whole for w in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: -(amount * weights[i] % whole))
    for i in by_remainder[: amount - sum(shares)]:
        shares[i] += 1
    return tuple(shares)


def price_ticket(
    lines: Sequence[PricedLine],
    ticket_discount: int = 0,
    rounding: RoundingRule = RoundingRule.NONE,
) -> TicketTotals:
    if not lines:
        raise EmptyTicket()
    for line in lines:
        line.validate()
    check_fen(Both("整单优惠", "ticket discount"), ticket_discount)
    subtotal = sum(line.total for line in lines)
    # A top-up is money kept on the card, to the fen: no ticket discount or 抹零 reaches it.
    kept = sum(line.total for line in lines if line.kind is LineKind.STORED_VALUE)
    if not 0 <= ticket_discount <= subtotal - kept:
        raise DiscountOutOfRange(
            name=Both("整单", "the ticket"),
            discount=format_money(ticket_discount),
            limit=format_money(subtotal - kept),
        )
    before_rounding = subtotal - ticket_discount
    rounding_off = min(rounding.rounding_off(before_rounding), subtotal - kept - ticket_discount)
    total = before_rounding - rounding_off
    shared = allocate(
        total - kept, [0 if ln.kind is LineKind.STORED_VALUE else ln.total for ln in lines]
    )
    nets = tuple(
        line.total if line.kind is LineKind.STORED_VALUE else net
        for line, net in zip(lines, shared, strict=True)
    )
    return TicketTotals(
        subtotal=subtotal,
        line_discounts=sum(line.line_discount for line in lines),
        ticket_discount=ticket_discount,
        rounding_off=rounding_off,
        total=total,
        line_nets=nets,
    )


@dataclass(frozen=True)
class Tender:
    kind: TenderKind
    amount: int  # what was handed over; for cash this may exceed what is due
    reference: str = ""  # card slip or wallet transaction number, when the cashier has one


@dataclass(frozen=True)
class AppliedTender:
    kind: TenderKind
    tendered: int
    applied: int  # what counts towards the sale (tendered less change for cash)
    reference: str = ""


@dataclass(frozen=True)
class Settlement:
    tenders: tuple[AppliedTender, ...]
    tendered: int
    change: int


def refund_share(
    net_total: int, quantity: int, refunded: int, refunded_amount: int, units: int
) -> int:
    """What `units` more units of a line are worth back: pro rata, and the last unit takes the
    remainder, so refunding a whole line in parts pays back exactly what it cost."""
    if refunded + units == quantity:
        return net_total - refunded_amount
    return net_total * units // quantity


def settle(total: int, tenders: Sequence[Tender]) -> Settlement:
    """Check the tenders cover the total and work out the change, which only cash can give."""
    for tender in tenders:
        check_fen(tender.kind.words, tender.amount, MAX_UNIT_PRICE * MAX_QUANTITY)
        if tender.amount <= 0:
            raise TenderNotPositive(kind=tender.kind.words, amount=format_money(tender.amount))
    tendered = sum(t.amount for t in tenders)
    if tendered < total:
        raise TendersShort(
            tendered=format_money(tendered),
            total=format_money(total),
            missing=format_money(total - tendered),
        )
    cash = sum(t.amount for t in tenders if t.kind is TenderKind.CASH)
    non_cash = tendered - cash
    if non_cash > total:
        raise ChangeWithoutCash(non_cash=format_money(non_cash), total=format_money(total))
    change = tendered - total
    if change > MAX_CHANGE:
        raise ChangeTooLarge(change=format_money(change), limit=format_money(MAX_CHANGE))
    applied: list[AppliedTender] = []
    change_left = change
    # Change comes out of the last cash tenders first, so each applied amount stays >= 0.
    for tender in reversed(tenders):
        taken = min(change_left, tender.amount) if tender.kind is TenderKind.CASH else 0
        change_left -= taken
        applied.append(
            AppliedTender(tender.kind, tender.amount, tender.amount - taken, tender.reference)
        )
    applied.reverse()
    return Settlement(tenders=tuple(applied), tendered=tendered, change=change)
