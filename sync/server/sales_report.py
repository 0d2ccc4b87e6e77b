"""What the owner's sales pages read: a period's sales per store, per day and by tender, and a
store's tickets. Read-only queries, cheap at a chain's scale (20 stores × a year × 200 tickets a
day: tests/bench/dashboard.py): the figures come from sales_day, the sums of the sales and tender
ledgers per store, day, kind and tender, kept with the entries (batch.py), so a month of a chain
is a few thousand rows however many tickets it holds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, select

from sync.server import models

DAY = models.table_of(models.SalesDay)
TICKETS_PER_PAGE = 50
TICKET = models.table_of(models.Ticket)


@dataclass(frozen=True)
class StoreSales:
    store_id: str
    tickets: int  # sales rung up in the period (voided ones included: `voids` says how many)
    gross: int  # fen, as rung up
    voids: int
    voided: int  # fen taken back by voids (positive)
    refunded: int  # fen given back by refunds (positive)

    @property
    def net(self) -> int:
        return self.gross - self.voided - self.refunded

    @property
    def average_ticket(self) -> int:
        """Net fen per ticket that stands (not voided), rounded."""
        standing = self.tickets - self.voids
        return round(self.net / standing) if standing > 0 else 0


@dataclass(frozen=True)
class SalesOverview:
    first_day: date
    last_day: date
    stores: list[StoreSales]
    days: list[tuple[date, int]]  # net fen per business day, all the stores together
    tenders: dict[str, int] = field(default_factory=dict)  # kind → fen taken, voids excluded

    @property
    def net(self) -> int:
        return sum(s.net for s in self.stores)


def sales_overview(
    connection: Connection, store_ids: Sequence[str], first_day: date, last_day: date
) -> SalesOverview:
    """The stores' sales from `first_day` to `last_day` (business days, both included)."""
    if not store_ids:
        return SalesOverview(first_day, last_day, [], [])
    rows = connection.execute(
        select(DAY.c.store_id, DAY.c.business_day, DAY.c.kind, DAY.c.tender, DAY.c.entries,
               DAY.c.amount)
        .where(
            DAY.c.store_id.in_(store_ids),
            DAY.c.business_day >= first_day,
            DAY.c.business_day <= last_day,
        )
    ).all()  # fmt: skip
    days: dict[date, int] = defaultdict(int)
    tenders: dict[str, int] = defaultdict(int)
    figures = {s: {"sale": [0, 0], "void": [0, 0], "refund": [0, 0]} for s in store_ids}
    for store_id, day, kind, tender, entries, amount in rows:
        if tender:  # the tender ledger's sums
            tenders[tender] += int(amount)
            continue
        days[day] += int(amount)
        figures[store_id][kind][0] += int(entries)
        figures[store_id][kind][1] += int(amount)
    return SalesOverview(
        first_day,
        last_day,
        [_store_sales(store_id, f) for store_id, f in figures.items()],
        sorted(days.items()),
        {tender: amount for tender, amount in sorted(tenders.items()) if amount},
    )


def _store_sales(store_id: str, f: dict[str, list[int]]) -> StoreSales:
    return StoreSales(
        store_id,
        tickets=f["sale"][0],
        gross=f["sale"][1],
        voids=f["void"][0],
        voided=-f["void"][1],
        refunded=-f["refund"][1],
    )


@dataclass(frozen=True)
class TicketRow:
    id: str
    number: str
    status: str
    completed_at: datetime
    total: int
    refunded: int


def store_tickets(
    connection: Connection,
    store_id: str,
    day: date,
    limit: int = TICKETS_PER_PAGE,
    offset: int = 0,
) -> list[TicketRow]:
    """A store's tickets of one business day, newest first, a page at a time."""
    rows = connection.execute(
        select(
            TICKET.c.id,
            TICKET.c.number,
            TICKET.c.status,
            TICKET.c.completed_at,
            TICKET.c.total,
            TICKET.c.refunded,
        )
        .where(TICKET.c.store_id == store_id, TICKET.c.business_day == day)
        .order_by(TICKET.c.completed_at.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return [TicketRow(*row) for row in rows]
