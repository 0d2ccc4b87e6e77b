"""A customer's standing on this counter — cumulative spend and visits from the tickets it holds
(its own and those pulled from the store's other counters) — the tier it reaches by the store's
rules, and the member pricing a sale to them gets (docs/members.md, "Tiers")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, distinct, exists, func, select, union_all

from salon_pos.db.fast_insert import selected_rows
from salon_pos.db.models import BalanceEntry, Customer, RefundLine, Ticket, TicketLine
from salon_pos.domain.business_day import business_day
from salon_pos.domain.tiers import (
    MemberPricing,
    Tier,
    TierBasis,
    is_birthday_month,
    parse_tiers,
    tier_of,
)

# What counts as spend: services, products and package cards; a top-up is money kept, not spent.
SPENDING = ("service", "product", "package")


_KEPT = (Ticket.customer_id == bindparam("customer")) & (Ticket.status != "voided")
# Built once (fast_insert.selected_rows), one round trip: a member's sale reads it each time.
_STANDING = union_all(
    select(
        select(func.coalesce(func.sum(TicketLine.net_total), 0))
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(_KEPT, TicketLine.kind.in_(SPENDING))
        .scalar_subquery(),
        select(func.coalesce(func.sum(RefundLine.amount), 0))
        .join(TicketLine, TicketLine.id == RefundLine.ticket_line_id)
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(_KEPT, TicketLine.kind.in_(SPENDING))
        .scalar_subquery(),
        select(func.count(distinct(Ticket.business_day))).where(_KEPT).scalar_subquery(),
        Customer.tier,
        Customer.birthday,
    ).where(Customer.id == bindparam("customer"))
)


@dataclass(frozen=True)
class Standing:
    spend: int  # fen, net of refunds, voided tickets left out
    visits: int  # business days with a ticket
    tier: Tier | None
    birthday: date | None = None


def standing(connection: Any, customer_id: str, tiers: str, basis: str) -> Standing:
    """The tier is the higher of the server's (when it has sent one) and what this counter
    works out from its tickets: a sale here that crosses a threshold upgrades at once, and the
    server's answer, with every counter's sales in it, is what all counters converge on."""
    found = selected_rows(connection, _STANDING, {"customer": customer_id})
    spent, refunded, visits, told, birthday = found[0] if found else (0, 0, 0, None, None)
    spend = int(spent or 0) - int(refunded or 0)
    rules = parse_tiers(tiers)
    reached = tier_of(rules, spend, int(visits or 0), TierBasis(basis))
    server = next((tier for tier in rules if tier.name == told), None)
    if server is not None and (reached is None or server.threshold > reached.threshold):
        reached = server
    if isinstance(birthday, str):  # the driver's cursor gives SQLite's dates as text
        birthday = date.fromisoformat(birthday)
    return Standing(spend, int(visits or 0), reached, birthday)


def _offers_anything(settings: Any) -> bool:
    """Whether the store's tiers or birthday offers take anything off any price."""
    tiers = parse_tiers(settings.tiers)
    discounted = any(t.percent < 100 or any(p < 100 for p in t.by_category.values()) for t in tiers)
    return discounted or settings.birthday_percent < 100 or bool(settings.birthday_service_id)


def had_birthday_gift(connection: Any, customer_id: str, today: date) -> bool:
    """Whether a ticket this counter holds gave the customer their birthday gift this year (a
    voided one gives it back). Read only in the customer's birthday month."""
    found = connection.execute(
        select(TicketLine.id)
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(
            Ticket.customer_id == customer_id,
            Ticket.status != "voided",
            Ticket.business_day >= date(today.year, 1, 1),
            Ticket.business_day <= date(today.year, 12, 31),
            TicketLine.kind == "service",
            TicketLine.quantity == 1,
            TicketLine.unit_price == 0,
            TicketLine.list_price > 0,
            TicketLine.member_discount == TicketLine.list_price,
            ~exists().where(BalanceEntry.line_id == TicketLine.id),  # not redeemed with points
        )
        .limit(1)
    ).first()
    return found is not None


def member_pricing(
    connection: Any, customer_id: str | None, settings: Any, now: datetime
) -> MemberPricing | None:
    """What a sale to this customer is priced at: None for a walk-in, or when neither a tier
    nor a birthday offer takes anything off. The birthday gift is due in the birthday month
    when no ticket this counter holds gave it this year."""
    if customer_id is None or not _offers_anything(settings):
        return None  # the usual case: no reads of the customer's history on every sale
    held = standing(connection, customer_id, settings.tiers, settings.tier_basis)
    today = business_day(now, settings.time_zone, settings.cutover_hour)
    birthday = is_birthday_month(held.birthday, today)
    percent = settings.birthday_percent if birthday else 100
    gift = settings.birthday_service_id if birthday else ""
    if gift and had_birthday_gift(connection, customer_id, today):
        gift = ""
    pricing = MemberPricing(held.tier, percent, gift or None)
    takes_off = (held.tier is not None and held.tier.percent < 100) or percent < 100 or bool(gift)
    has_categories = held.tier is not None and bool(held.tier.by_category)
    return pricing if takes_off or has_categories else None
