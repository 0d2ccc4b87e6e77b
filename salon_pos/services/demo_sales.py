"""Past tickets for the demo salon, rung up through CheckoutService on a clock set back in time.

Each day has 8 to 20 tickets between 10:00 and 21:00 local time; lines go to technicians whose
skill matches the service; tenders are WeChat, Alipay, card, cash with change, or split.
A couple of tickets are voided on the spot, and a couple refunded at closing time.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from salon_pos.domain.errors import WrongManagerPin
from salon_pos.domain.ticket import LineKind, PricedLine, Tender, TenderKind, price_ticket
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from salon_pos.services.checkout import CheckoutService, SaleLine, SaleRequest
from salon_pos.services.members import PackagePlanView

VOID_REASONS = ("顾客临时取消", "录错项目，重新开单")
REFUND_REASONS = ("商品未拆封，顾客退货", "顾客对效果不满意，退部分款")


class ShopClock:
    """A clock the demo sets to each moment it rings up."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


def local_moment(day: date, minute_of_day: int, second: int, zone: ZoneInfo) -> datetime:
    hour, minute = divmod(minute_of_day, 60)
    return datetime.combine(day, time(hour, minute, second), zone).astimezone(UTC)


@dataclass(frozen=True)
class Counter:
    """Who and what the demo tickets are made of."""

    cashiers: Sequence[str]
    technicians: Mapping[str, Sequence[str]]  # skill → technician ids
    services: Sequence[ServiceOffer]  # only those some technician can perform
    products: Sequence[ProductOffer]
    customers: Sequence[str]
    customer_cum_weights: Sequence[int]  # cumulative: a pick is a bisection, not a sum
    approver_pin: str
    plans: Sequence[PackagePlanView] = ()  # package cards the store sells


@dataclass
class SalesDone:
    tickets: int = 0
    voids: int = 0
    refunds: int = 0


def _line(rng: random.Random, counter: Counter) -> tuple[SaleLine, PricedLine]:
    if not counter.products or (counter.services and rng.random() < 0.8):
        service = rng.choice(counter.services)
        technician = rng.choice(counter.technicians[service.skill])
        offer: ServiceOffer | ProductOffer = service
        kind, quantity = LineKind.SERVICE, 1
    else:
        offer, technician = rng.choice(counter.products), None
        kind, quantity = LineKind.PRODUCT, rng.choice((1, 1, 1, 2))
    gross = offer.price * quantity
    discount = gross // 1000 * 100 if rng.random() < 0.08 else 0  # 九折, whole yuan
    sale = SaleLine(kind, offer.id, quantity, technician, discount)
    return sale, PricedLine(kind, offer.id, offer.name, quantity, offer.price, discount)


def _ticket_discount(rng: random.Random, subtotal: int) -> int:
    if rng.random() >= 0.06:
        return 0
    discount = subtotal % 1000 or 2000  # 抹零 down to ten yuan, or ¥20 off a round sum
    return discount if discount < subtotal else 0


def _tenders(rng: random.Random, total: int) -> list[Tender]:
    roll = rng.random()
    if total == 0:
        return []
    if roll < 0.38:
        return [Tender(TenderKind.WECHAT, total, f"4200{rng.randrange(10**16):016d}")]
    if roll < 0.58:
        return [Tender(TenderKind.ALIPAY, total, f"2025{rng.randrange(10**16):016d}")]
    if roll < 0.72:
        return [Tender(TenderKind.BANK_CARD, total, f"{rng.randrange(10**6):06d}")]
    if roll < 0.90 or total < 5000:
        step = rng.choice((1000, 5000, 10000))  # a ¥10, ¥50 or ¥100 note
        return [Tender(TenderKind.CASH, -(-total // step) * step)]
    wallet = rng.randrange(1, total // 2000 + 1) * 1000
    cash = -(-(total - wallet) // 1000) * 1000
    return [Tender(TenderKind.WECHAT, wallet), Tender(TenderKind.CASH, cash)]


def _request(rng: random.Random, counter: Counter, backend: Backend) -> SaleRequest:
    count = rng.choices((1, 2, 3, 4), weights=(45, 30, 17, 8))[0]
    lines = [_line(rng, counter) for _ in range(count)]
    subtotal = sum(priced.total for _, priced in lines)
    discount = _ticket_discount(rng, subtotal)
    rounding = backend.settings.current.rounding
    total = price_ticket([priced for _, priced in lines], discount, rounding).total
    customer = None
    if counter.customers and rng.random() < 0.8:
        customer = rng.choices(counter.customers, cum_weights=counter.customer_cum_weights)[0]
    given = discount + sum(priced.line_discount for _, priced in lines)
    tenders = _tenders(rng, total)
    if customer and total and rng.random() < 0.5:  # members pay from their card when it holds
        held = backend.members.balances(customer).stored_value.total
        tenders = [Tender(TenderKind.STORED_VALUE, total)] if held >= total else tenders
    return SaleRequest(
        cashier_id=rng.choice(counter.cashiers),
        lines=[sale for sale, _ in lines],
        tenders=tenders,
        customer_id=customer,
        ticket_discount=discount,
        # Over the front desk's ¥20 limit the manager approves, as she would at the counter.
        approver_pin=counter.approver_pin if given > 2_000 else None,
    )


TOP_UPS = (50_000, 100_000, 100_000, 200_000)  # ¥500, ¥1,000 (most), ¥2,000


def _member_request(rng: random.Random, counter: Counter, customer: str) -> SaleRequest:
    """A customer tops up stored value, or buys a package card."""
    if counter.plans and rng.random() < 0.4:
        plan = rng.choice(counter.plans)
        line = SaleLine(LineKind.PACKAGE, plan.id)
        paid = plan.price
    else:
        paid = rng.choice(TOP_UPS)
        line = SaleLine(LineKind.STORED_VALUE, customer, unit_price=paid)
    kind = rng.choice((TenderKind.WECHAT, TenderKind.ALIPAY, TenderKind.BANK_CARD))
    return SaleRequest(
        cashier_id=rng.choice(counter.cashiers),
        lines=[line],
        tenders=[Tender(kind, paid)],
        customer_id=customer,
    )


def _void(
    checkout: CheckoutService, ticket_id: str, request: SaleRequest, pin: str, reason: str
) -> int:
    try:
        checkout.void_sale(ticket_id, pin, reason, request.cashier_id)
    except WrongManagerPin:  # someone changed the demo manager's PIN: leave the ticket be
        return 0
    return 1


def _refund(
    backend: Backend, checkout: CheckoutService, ticket_id: str, request: SaleRequest, pin: str
) -> int:
    """Refund one unit of a product line (an unopened box) or else of the last service."""
    view = backend.tickets.get(ticket_id)
    products = [line for line in view.lines if line.kind is LineKind.PRODUCT]
    line = products[0] if products else view.lines[-1]
    reason = REFUND_REASONS[0] if products else REFUND_REASONS[1]
    try:  # the money goes back by the tenders the sale was paid with
        checkout.refund_lines(ticket_id, {line.id: 1}, pin, reason, request.cashier_id)
    except WrongManagerPin:
        return 0
    return 1


def ring_up_days(
    backend: Backend, rng: random.Random, counter: Counter, days: Sequence[date]
) -> SalesDone:
    """Tickets for each day, in time order, so the outbox and the audit log follow the clock."""
    done = SalesDone()
    if not days or (not counter.services and not counter.products):
        return done
    zone = ZoneInfo(backend.settings.current.time_zone)
    clock = ShopClock(local_moment(days[0], 10 * 60, 0, zone))
    checkout = CheckoutService(backend.db, backend.settings, clock)
    plan = [rng.randint(8, 20) for _ in days]
    picked = rng.sample(range(sum(plan)), min(4, sum(plan)))
    voids, refunds = set(picked[:2]), set(picked[2:])
    for day, count in zip(days, plan, strict=True):
        to_refund: list[tuple[str, SaleRequest]] = []
        for minute in sorted(rng.sample(range(10 * 60, 20 * 60 + 50), count)):
            clock.at = local_moment(day, minute, rng.randrange(30), zone)
            request = _request(rng, counter, backend)
            if request.customer_id and rng.random() < 0.07:
                request = _member_request(rng, counter, request.customer_id)
            ticket_id = checkout.complete_sale(request).ticket_id
            if done.tickets in voids:
                clock.at += timedelta(seconds=25)
                reason = VOID_REASONS[done.voids % len(VOID_REASONS)]
                done.voids += _void(checkout, ticket_id, request, counter.approver_pin, reason)
            elif done.tickets in refunds:
                to_refund.append((ticket_id, request))
            done.tickets += 1
        for position, (ticket_id, request) in enumerate(to_refund):
            clock.at = local_moment(day, 21 * 60 + position, 0, zone)
            done.refunds += _refund(backend, checkout, ticket_id, request, counter.approver_pin)
    return done
