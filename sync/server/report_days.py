"""The reports' per-day sums (sales_item_day, sales_staff_day), kept as sales_day is: the sale,
void and refund handlers turn what they apply into the domain's movements
(salon_pos.domain.sales_figures: a line sold on its ticket's day, a void taking every line back
on the void's day, a refund its units and fen on its own day; split lines by share to the fen),
add one row per movement to the batch, and the batch's flush adds them up per key and adds
the sums to the tables (batch.py), in the same transaction as the lines themselves.

Tickets and 点钟 lines are counted per technician on the sale's day while the ticket stands:
a void takes them off that day (the domain counts a period's sales of tickets not voided since).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from salon_pos.domain.report_periods import Grain, bucket_start
from salon_pos.domain.sales_figures import Movement, SoldLine, refund, sale, void
from salon_pos.domain.shares import WHOLE_SHARE, split
from salon_pos.domain.ticket import LineKind
from sync.server import models

ITEM_DAY = models.table_of(models.SalesItemDay)
STAFF_DAY = models.table_of(models.SalesStaffDay)
STAFF_CUSTOMER = models.table_of(models.SalesStaffCustomer)
STAFF_SERVED = models.table_of(models.SalesStaffServed)
GRAINS = (Grain.DAY, Grain.WEEK, Grain.MONTH)
TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
SHARE = models.table_of(models.TicketLineShare)
REFUND = models.table_of(models.Refund)
REFUND_LINE = models.table_of(models.RefundLine)
Row = dict[str, Any]
Rows = dict[Table, list[Row]]  # rows to add to each table's sums
# Each table: the key its rows are added up by, and the columns added.
SUMS: dict[Table, tuple[tuple[str, ...], tuple[str, ...]]] = {
    ITEM_DAY: (("store_id", "business_day", "kind", "item_id", "category"), ("quantity", "amount")),
    STAFF_DAY: (
        ("store_id", "business_day", "staff_id"),
        ("quantity", "amount", "tickets", "requested"),
    ),
    STAFF_CUSTOMER: (
        ("store_id", "grain", "period_start", "staff_id", "customer_id"),
        ("tickets",),
    ),
    STAFF_SERVED: (("store_id", "grain", "period_start", "staff_id"), ("customers",)),
}
PAIR_KEY = SUMS[STAFF_CUSTOMER][0]


def sold_line(
    line: Any, day: date, customer_id: str | None, shares: Sequence[tuple[str, int]]
) -> SoldLine:
    """A ticket line (a payload or a row: the same field names) as the domain's SoldLine; no
    shares given: the line's technician has it all (report_data's rule on the counter)."""
    tech = _get(line, "technician_id")
    whole = ((tech, WHOLE_SHARE),) if tech else ()
    return SoldLine(
        _get(line, "id"), _get(line, "ticket_id"), day, LineKind(_get(line, "kind")),
        _get(line, "item_id"), _get(line, "name"), _get(line, "category") or "",
        _get(line, "quantity"), _get(line, "net_total"), customer_id,
        tuple(sorted(shares)) or whole, bool(_get(line, "requested")), tech,
    )  # fmt: skip


def _get(line: Any, name: str) -> Any:
    return line[name] if isinstance(line, dict) else getattr(line, name)


def movement_rows(store_id: str, movements: Iterable[Movement]) -> Rows:
    """Each movement's sales_item_day row and its technicians' sales_staff_day rows."""
    rows: Rows = {table: [] for table in SUMS}
    for m in movements:
        line = m.line
        rows[ITEM_DAY].append({
            "store_id": store_id, "business_day": m.day, "kind": line.kind.value,
            "item_id": line.item_id, "category": line.category, "name": line.name,
            "quantity": m.quantity, "amount": m.amount,
        })  # fmt: skip
        if m.revenue:
            rows[STAFF_DAY].extend(_staff_rows(store_id, m))
    return rows


def _staff_rows(store_id: str, m: Movement) -> list[Row]:
    shares = m.line.shares or (("", WHOLE_SHARE),)
    parts = split(m.amount, [share for _, share in shares])
    return [
        {
            "store_id": store_id, "business_day": m.day, "staff_id": staff_id,
            "quantity": m.quantity, "amount": part, "tickets": 0,
            "requested": _requested(m.line, staff_id) * (1 if m.cause == "sale" else 0),
        }
        for (staff_id, _), part in zip(shares, parts, strict=True)
    ]  # fmt: skip


def _requested(line: SoldLine, staff_id: str) -> int:
    return 1 if line.requested and staff_id == line.technician_id else 0


def ticket_counts(rows: Rows, store_id: str, lines: Sequence[SoldLine], step: int) -> Rows:
    """+1 (a sale) or −1 (its void) ticket for each technician of the ticket's revenue lines
    (and for the technician and the ticket's customer, if any), and its 点钟 lines taken off
    on a void, on the sale's day."""
    found: dict[str, Row] = {}
    for line in lines:
        if line.kind not in (LineKind.SERVICE, LineKind.PRODUCT):
            continue
        for staff_id, _ in line.shares or (("", WHOLE_SHARE),):
            row = found.setdefault(staff_id, {
                "store_id": store_id, "business_day": line.day, "staff_id": staff_id,
                "quantity": 0, "amount": 0, "tickets": step, "requested": 0,
            })  # fmt: skip
            if step < 0:
                row["requested"] -= _requested(line, staff_id)
    rows[STAFF_DAY].extend(found.values())
    customer = lines[0].customer_id if lines else None
    if customer:
        rows[STAFF_CUSTOMER].extend(
            {"store_id": store_id, "grain": grain.value,
             "period_start": bucket_start(lines[0].day, grain), "staff_id": staff_id,
             "customer_id": customer, "tickets": step}
            for staff_id in found
            for grain in GRAINS
        )  # fmt: skip
    return rows


def sale_rows(store_id: str, lines: Sequence[SoldLine]) -> Rows:
    return ticket_counts(
        movement_rows(store_id, [sale(line) for line in lines]), store_id, lines, 1
    )


def void_rows(store_id: str, lines: Sequence[SoldLine], day: date) -> Rows:
    moved = movement_rows(store_id, [void(line, day) for line in lines])
    return ticket_counts(moved, store_id, lines, -1)


def refund_rows(store_id: str, taken: Sequence[tuple[SoldLine, int, int]], day: date) -> Rows:
    """`taken`: (line, units, fen) of a refund."""
    return movement_rows(store_id, [refund(line, day, q, amount) for line, q, amount in taken])


def lines_of(connection: Connection, ticket_ids: Sequence[str]) -> dict[str, SoldLine]:
    """Line id → the line as sold, of these tickets (stored: a void's or refund's ticket)."""
    return lines_where(connection, LINE.c.ticket_id.in_(ticket_ids)) if ticket_ids else {}


def lines_where(connection: Connection, condition: Any) -> dict[str, SoldLine]:
    """Line id → the line as sold, of the lines (of tickets) meeting `condition`."""
    shares: dict[str, list[tuple[str, int]]] = {}
    for line_id, staff_id, share in connection.execute(
        select(SHARE.c.ticket_line_id, SHARE.c.staff_id, SHARE.c.share)
        .join(LINE, LINE.c.id == SHARE.c.ticket_line_id)
        .join(TICKET, TICKET.c.id == LINE.c.ticket_id)
        .where(condition)
    ):
        shares.setdefault(line_id, []).append((staff_id, share))
    rows = connection.execute(
        select(LINE, TICKET.c.business_day, TICKET.c.customer_id)
        .join(TICKET, TICKET.c.id == LINE.c.ticket_id)
        .where(condition)
        .order_by(LINE.c.ticket_id, LINE.c.position)
    ).mappings()
    return {
        row["id"]: sold_line(
            row, row["business_day"], row["customer_id"], shares.get(row["id"], ())
        )
        for row in rows
    }


def summed(rows: Iterable[Row], key: Sequence[str], sums: Sequence[str]) -> list[Row]:
    """Rows added up per key (the last row's other fields kept: an item's name as last sold)."""
    found: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        k = tuple(row[name] for name in key)
        held = found.get(k)
        if held is None:
            found[k] = dict(row)
            continue
        totals = {name: held[name] + row[name] for name in sums}
        held.update(row)
        held.update(totals)
    return [found[k] for k in sorted(found)]  # the upserts in one order


def add_sums(connection: Connection, rows: Rows) -> None:
    """Add a flush's rows to the tables (one upsert per table). The pairs' upsert answers the
    tickets each holds after it: the customers served change where a pair went above 0 or
    back to 0."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    served = list(rows.get(STAFF_SERVED, ()))
    for table, (key, sums) in SUMS.items():
        adding = summed(served if table is STAFF_SERVED else rows.get(table, ()), key, sums)
        if not adding:
            continue
        statement = dialect.insert(table)
        added = {name: table.c[name] + statement.excluded[name] for name in sums}
        if table is ITEM_DAY:
            added["name"] = statement.excluded.name
        statement = statement.on_conflict_do_update(index_elements=list(key), set_=added)
        if table is STAFF_CUSTOMER:
            held = connection.execute(
                statement.returning(*(table.c[k] for k in key), table.c.tickets), adding
            ).all()
            served += served_changes(adding, {tuple(row[:-1]): row[-1] for row in held})
        else:
            connection.execute(statement, adding)


def served_changes(pairs: list[Row], after: dict[tuple[Any, ...], int]) -> list[Row]:
    """sales_staff_served rows for the pairs whose tickets went above 0 (+1 customer) or back
    to 0 (−1) with these additions (`after`: the tickets each pair holds now)."""
    changes = []
    for pair in pairs:
        now = after[tuple(pair[k] for k in PAIR_KEY)]
        step = (now > 0) - (now - pair["tickets"] > 0)
        if step:
            changes.append({k: pair[k] for k in SUMS[STAFF_SERVED][0]} | {"customers": step})
    return changes


def _merge(rows: Rows, found: Rows) -> None:
    for table, more in found.items():
        rows[table] += more


def fill_from_tickets(connection: Connection) -> None:
    """The sums of every sale, void and refund the server already holds, store by store (the
    migration that made the tables)."""
    stores = connection.execute(select(models.table_of(models.Store).c.id)).scalars().all()
    for store_id in stores:
        tickets = connection.execute(
            select(TICKET.c.id, TICKET.c.voided_at, TICKET.c.void_business_day).where(
                TICKET.c.store_id == store_id
            )
        ).all()
        lines = lines_where(connection, TICKET.c.store_id == store_id)
        by_ticket: dict[str, list[SoldLine]] = {}
        for line in lines.values():
            by_ticket.setdefault(line.ticket_id, []).append(line)
        rows: Rows = {table: [] for table in SUMS}
        add = partial(_merge, rows)
        for ticket_id, voided_at, void_day in tickets:
            sold = by_ticket.get(ticket_id, [])
            add(sale_rows(store_id, sold))
            if voided_at and void_day:
                add(void_rows(store_id, sold, void_day))
        for day, line_id, quantity, amount in connection.execute(
            select(REFUND.c.business_day, REFUND_LINE.c.ticket_line_id, REFUND_LINE.c.quantity,
                   REFUND_LINE.c.amount)
            .join(REFUND, REFUND.c.id == REFUND_LINE.c.refund_id)
            .where(REFUND.c.store_id == store_id)
        ):  # fmt: skip
            if line_id in lines:
                add(refund_rows(store_id, [(lines[line_id], quantity, amount)], day))
        add_sums(connection, rows)
