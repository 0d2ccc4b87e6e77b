"""A customer's standing on this counter — cumulative spend and visits from the tickets it holds
(its own and those pulled from the store's other counters) — the tier it reaches by the store's
rules, and the member pricing a sale to them gets (docs/members.md, "Tiers")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import distinct, func, select

from salon_pos.db.models import Customer, RefundLine, Ticket, TicketLine
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


@dataclass(frozen=True)
class Standing:
    spend: int  # fen, net of refunds, voided tickets left out
    visits: int  # business days with a ticket
    tier: Tier | None


def standing(connection: Any, customer_id: str, tiers: str, basis: str) -> Standing:
    """The tier is the higher of the server's (when it has sent one) and what this counter
    works out from its tickets: a sale here that crosses a threshold upgrades at once, and the
    server's answer, with every counter's sales in it, is what all counters converge on."""
    kept = (Ticket.customer_id == customer_id) & (Ticket.status != "voided")
    spent = connection.execute(
        select(func.coalesce(func.sum(TicketLine.net_total), 0))
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(kept, TicketLine.kind.in_(SPENDING))
    ).scalar()
    refunded = connection.execute(
        select(func.coalesce(func.sum(RefundLine.amount), 0))
        .join(TicketLine, TicketLine.id == RefundLine.ticket_line_id)
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(kept, TicketLine.kind.in_(SPENDING))
    ).scalar()
    visits = connection.execute(
        select(func.count(distinct(Ticket.business_day))).where(kept)
    ).scalar()
    spend = int(spent or 0) - int(refunded or 0)
    rules = parse_tiers(tiers)
    reached = tier_of(rules, spend, int(visits or 0), TierBasis(basis))
    told = connection.execute(select(Customer.tier).where(Customer.id == customer_id)).scalar()
    server = next((tier for tier in rules if tier.name == told), None)
    if server is not None and (reached is None or server.threshold > reached.threshold):
        reached = server
    return Standing(spend, int(visits or 0), reached)


def _offers_anything(settings: Any) -> bool:
    """Whether the store's tiers or birthday offer take anything off any price."""
    tiers = parse_tiers(settings.tiers)
    discounted = any(t.percent < 100 or any(p < 100 for p in t.by_category.values()) for t in tiers)
    return discounted or settings.birthday_percent < 100


def member_pricing(
    connection: Any, customer_id: str | None, settings: Any, now: datetime
) -> MemberPricing | None:
    """What a sale to this customer is priced at: None for a walk-in, or when neither a tier
    nor a birthday offer takes anything off."""
    if customer_id is None or not _offers_anything(settings):
        return None  # the usual case: no reads of the customer's history on every sale
    held = standing(connection, customer_id, settings.tiers, settings.tier_basis)
    today = business_day(now, settings.time_zone, settings.cutover_hour)
    birthday = connection.execute(
        select(Customer.birthday).where(Customer.id == customer_id)
    ).scalar()
    percent = settings.birthday_percent if is_birthday_month(birthday, today) else 100
    pricing = MemberPricing(held.tier, percent)
    takes_off = (held.tier is not None and held.tier.percent < 100) or percent < 100
    has_categories = held.tier is not None and bool(held.tier.by_category)
    return pricing if takes_off or has_categories else None
