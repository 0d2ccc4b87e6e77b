"""What a customer has bought here, from this counter's tickets (its own and those pulled from
the store's other counters): visits with their services and products, spend after refunds, and
where the customer stands (normal / member / VIP, "not seen for N days").

Balances (points, stored value, package sessions) come from the member ledgers: `balances_of`
is the hook the ledgers fill; until then it answers an empty BalancesShown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from salon_pos.db.models import Booking, Customer, Refund, Staff, Ticket, TicketLine
from salon_pos.domain.customer_class import ClassThresholds, Standing, classify

COUNTED = ("completed", "refunded")  # a voided sale never happened; an open one is not done
VISITS_SHOWN = 50
_IDS_PER_QUERY = 900


@dataclass(frozen=True)
class BoughtLine:
    kind: str  # service / product
    name: str
    quantity: int
    net_total: int  # fen
    technician: str


@dataclass(frozen=True)
class Visit:
    ticket_id: str
    number: str
    completed_at: datetime | None
    business_day: date
    status: str
    total: int  # fen
    refunded: int  # fen
    lines: tuple[BoughtLine, ...]


@dataclass(frozen=True)
class BalancesShown:
    """Balances from the member ledgers (docs/adr/0009): None while the ledgers are not built."""

    points: int | None = None
    stored_value_principal: int | None = None  # fen
    stored_value_bonus: int | None = None  # fen
    package_sessions: tuple[tuple[str, int], ...] = ()  # (card name, sessions left)

    @property
    def known(self) -> bool:
        return (
            self.points is not None
            or self.stored_value_principal is not None
            or bool(self.package_sessions)
        )


def balances_of(
    session: Session, customer_id: str, expiry: tuple[datetime, int] | None = None
) -> BalancesShown:
    """The customer's points, stored value and package sessions left, from the member ledgers
    (services/member_ledger.py); nothing known while they hold no entry. `expiry`: (now, the
    days points stay valid): points expired by now are left out, recorded or not."""
    from salon_pos.services.member_ledger import points_due, read_balances, without_expired

    held = read_balances(session.connection(), customer_id)
    if not (held.points or held.principal or held.bonus or held.cards):
        return BalancesShown()
    if expiry is not None:
        held = without_expired(held, points_due(session.connection(), customer_id, *expiry))
    cards = tuple((card.name, card.left) for card in held.cards if card.left > 0)
    return BalancesShown(held.points, held.principal, held.bonus, cards)


@dataclass(frozen=True)
class Spending:
    spend: int = 0  # fen, refunds taken off
    visits: int = 0
    last_visit: date | None = None


@dataclass(frozen=True)
class CustomerHistory:
    spending: Spending
    standing: Standing
    visits: tuple[Visit, ...]  # newest first, at most VISITS_SHOWN
    services: int  # service lines bought, all visits
    products: int  # products bought (units), all visits
    balances: BalancesShown = field(default_factory=BalancesShown)
    bookings: int = 0  # all of them, whatever became of them
    no_shows: int = 0  # booked and never came


def spending(session: Session, ids: Iterable[str]) -> dict[str, Spending]:
    """Spend, visits and last visit of many customers: two grouped queries per 900 ids."""
    wanted, found = sorted(set(ids)), dict[str, Spending]()
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start : start + _IDS_PER_QUERY]
        counted = Ticket.customer_id.in_(chunk), Ticket.status.in_(COUNTED)
        refunds = dict(
            session.execute(
                select(Ticket.customer_id, func.sum(Refund.amount))
                .join(Ticket, Ticket.id == Refund.ticket_id)
                .where(*counted)
                .group_by(Ticket.customer_id)
            ).all()
        )
        rows = session.execute(
            select(
                Ticket.customer_id,
                func.sum(Ticket.total),
                func.count(),
                func.max(Ticket.business_day),
            )
            .where(*counted)
            .group_by(Ticket.customer_id)
        )
        for customer_id, total, visits, last in rows:
            spent = int(total or 0) - int(refunds.get(customer_id) or 0)
            found[str(customer_id)] = Spending(spent, int(visits), last)
    return found


def standings(
    session: Session, ids: Iterable[str], today: date, thresholds: ClassThresholds
) -> dict[str, Standing]:
    wanted = list(ids)
    spent = spending(session, wanted)
    cards: dict[str, str] = {}
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start : start + _IDS_PER_QUERY]
        held = select(Customer.id, Customer.member_card).where(Customer.id.in_(chunk))
        cards.update((row[0], row[1]) for row in session.execute(held))
    found: dict[str, Standing] = {}
    for customer_id in wanted:
        one = spent.get(customer_id, Spending())
        card = bool(cards.get(customer_id))
        found[customer_id] = classify(
            one.spend, one.visits, one.last_visit, today, thresholds, card
        )
    return found


def history(
    session: Session,
    customer_id: str,
    today: date,
    thresholds: ClassThresholds,
    expiry: tuple[datetime, int] | None = None,
) -> CustomerHistory:
    spent = spending(session, [customer_id]).get(customer_id, Spending())
    card = session.scalar(select(Customer.member_card).where(Customer.id == customer_id))
    standing = classify(spent.spend, spent.visits, spent.last_visit, today, thresholds, bool(card))
    tickets = session.execute(
        select(Ticket)
        .where(Ticket.customer_id == customer_id, Ticket.status.in_(COUNTED))
        .order_by(Ticket.completed_at.desc(), Ticket.number.desc())
        .limit(VISITS_SHOWN)
    ).scalars()
    visits = [_visit(session, ticket) for ticket in tickets]
    services, products = session.execute(
        select(
            func.count().filter(TicketLine.kind == "service"),
            func.coalesce(func.sum(TicketLine.quantity).filter(TicketLine.kind == "product"), 0),
        )
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(Ticket.customer_id == customer_id, Ticket.status.in_(COUNTED))
    ).one()
    bookings, no_shows = session.execute(
        select(func.count(), func.count().filter(Booking.status == "no_show")).where(
            Booking.customer_id == customer_id
        )
    ).one()
    return CustomerHistory(
        spent,
        standing,
        tuple(visits),
        int(services),
        int(products),
        balances_of(session, customer_id, expiry),
        int(bookings),
        int(no_shows),
    )


def _visit(session: Session, ticket: Ticket) -> Visit:
    lines = session.execute(
        select(TicketLine, Staff.name)
        .outerjoin(Staff, Staff.id == TicketLine.technician_id)
        .where(TicketLine.ticket_id == ticket.id)
        .order_by(TicketLine.position)
    ).all()
    refunded = session.scalar(
        select(func.coalesce(func.sum(Refund.amount), 0)).where(Refund.ticket_id == ticket.id)
    )
    return Visit(
        ticket.id,
        ticket.number,
        ticket.completed_at,
        ticket.business_day,
        ticket.status,
        ticket.total,
        int(refunded or 0),
        tuple(
            BoughtLine(line.kind, line.name, line.quantity, line.net_total, name or "")
            for line, name in lines
        ),
    )
