"""The authoritative member tier: after a push, the tier each customer whose sales changed has
reached by the store's rules (salon_pos.domain.tiers), from the server's own tickets; when it
changes, the customer goes down the change feed with it, to every counter of the store (a
counter's own computation is provisional until then; docs/members.md, "Tiers")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, distinct, func, select, update

from salon_pos.domain.tiers import DEFAULT_TIERS, TierBasis, parse_tiers, tier_of
from sync.operations.customers import CHANGE_CUSTOMER
from sync.server import models
from sync.server.batch import BatchWriter
from sync.server.db import load_json
from sync.server.handlers.customers import customer_data

CUSTOMER = models.table_of(models.Customer)
TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
REFUND_LINE = models.table_of(models.RefundLine)
SETTINGS = models.table_of(models.StoreSettings)
SPENDING = ("service", "product", "package")  # a top-up is money kept, not spent


def _rules(connection: Connection, store_id: str) -> tuple[str, TierBasis]:
    data = connection.execute(
        select(SETTINGS.c.data).where(SETTINGS.c.store_id == store_id)
    ).scalar()
    values: dict[str, Any] = load_json(data) if data else {}
    return str(values.get("tiers", DEFAULT_TIERS)), TierBasis(values.get("tier_basis", "spend"))


def standings(
    connection: Connection, store_id: str, customer_ids: Iterable[str]
) -> dict[str, tuple[int, int]]:
    """Spend (fen, net of refunds, voids left out) and visits (business days), per customer."""
    ids = sorted(set(customer_ids))
    kept = (TICKET.c.store_id == store_id) & TICKET.c.customer_id.in_(ids)
    kept &= TICKET.c.status != "voided"
    spending = LINE.c.kind.in_(SPENDING)
    spent = dict(
        connection.execute(
            select(TICKET.c.customer_id, func.sum(LINE.c.net_total))
            .join(LINE, LINE.c.ticket_id == TICKET.c.id)
            .where(kept, spending)
            .group_by(TICKET.c.customer_id)
        ).all()
    )
    refunded = dict(
        connection.execute(
            select(TICKET.c.customer_id, func.sum(REFUND_LINE.c.amount))
            .join(LINE, LINE.c.ticket_id == TICKET.c.id)
            .join(REFUND_LINE, REFUND_LINE.c.ticket_line_id == LINE.c.id)
            .where(kept, spending)
            .group_by(TICKET.c.customer_id)
        ).all()
    )
    visits: dict[str, int] = dict(
        connection.execute(
            select(TICKET.c.customer_id, func.count(distinct(TICKET.c.business_day)))
            .where(kept)
            .group_by(TICKET.c.customer_id)
        ).all()
    )
    return {
        c: (int(spent.get(c) or 0) - int(refunded.get(c) or 0), int(visits.get(c) or 0))
        for c in ids
    }


def refresh_tiers(writer: BatchWriter, customer_ids: Iterable[str]) -> None:
    """Work out the tier of these customers again; send down those whose tier changed. Runs
    after the batch is flushed, under the store's lock."""
    wanted = set(customer_ids)
    if not wanted:
        return
    connection, store_id = writer.connection, writer.store_id
    text, basis = _rules(connection, store_id)
    tiers = parse_tiers(text)
    rows = connection.execute(
        select(CUSTOMER).where(CUSTOMER.c.store_id == store_id, CUSTOMER.c.id.in_(sorted(wanted)))
    ).mappings()
    customers = {row["id"]: dict(row) for row in rows}
    for customer_id, (spend, visits) in standings(connection, store_id, customers).items():
        reached = tier_of(tiers, spend, visits, basis)
        name = reached.name if reached else None
        row = customers[customer_id]
        if row.get("tier") == name:
            continue
        connection.execute(update(CUSTOMER).where(CUSTOMER.c.id == customer_id).values(tier=name))
        row["tier"] = name
        writer.change(CHANGE_CUSTOMER, customer_id, customer_data(row), None)
    writer.flush()
