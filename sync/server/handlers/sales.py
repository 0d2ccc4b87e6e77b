"""sale.completed, sale.voided, sale.refunded: a sale is never refused; the ledger follows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from sync.operations.sales import (
    CHANGE_REFUND,
    CHANGE_TICKET,
    MONEY_BACK_TWICE,
    PRICE_MISMATCH,
    SALE_COMPLETED,
    SALE_REFUNDED,
    SALE_VOIDED,
    SaleCompletedV3,
    SaleCompletedV4,
    SaleRefundedV3,
    SaleVoidedV4,
)
from sync.server import models, report_days
from sync.server.batch import Rejected
from sync.server.context import OpContext, check_fen, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.day_close import touched
from sync.server.handlers.inventory import (
    MOVEMENT,
    REFUND_KINDS,
    SALE_KINDS,
    VOID_KINDS,
    check_kinds,
    fresh_movements,
    record_movements,
)
from sync.server.handlers.members import (
    BALANCE,
    CARD,
    beyond_the_sale,
    record_cards,
    record_entries,
)
from sync.server.handlers.put_back import record_put_back
from sync.server.handlers.registry import handles

TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
SHARE = models.table_of(models.TicketLineShare)
PAYMENT = models.table_of(models.Payment)
REFUND = models.table_of(models.Refund)
REFUND_LINE = models.table_of(models.RefundLine)
LEDGER = models.table_of(models.LedgerEntry)
TENDER = models.table_of(models.TenderEntry)
SUMMED = tuple(report_days.SUMS)  # the reports' per-day sums


def ticket_data(payload: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A ticket as the change feed sends it: the sale's fields and where it stands now."""
    voided_at, void_day = row.get("voided_at"), row.get("void_business_day")
    return {
        **payload,
        "device_id": row["device_id"],
        "status": row["status"],
        "voided_at": voided_at.isoformat() if voided_at else None,
        "voided_by": row.get("voided_by"),
        "void_reason": row.get("void_reason"),
        "void_business_day": void_day.isoformat() if void_day else None,
        "void_device_id": row.get("void_device_id"),
    }


def tickets_as_they_stand(
    connection: Connection, store_id: str, ticket_ids: set[str]
) -> dict[str, dict[str, Any]]:
    """The change feed's data of these tickets: the sale as recorded, and its status now."""
    if not ticket_ids:
        return {}
    rows = connection.execute(
        select(TICKET).where(TICKET.c.store_id == store_id, TICKET.c.id.in_(ticket_ids))
    ).mappings()
    return {row["id"]: ticket_data(load_json(row["payload"]), dict(row)) for row in rows}


def _ledger(
    ctx: OpContext,
    ticket_id: str,
    day: Any,
    kind: str,
    amount: int,
    tenders: list[tuple[str, int]],
) -> None:
    """The sales ledger's entry, and the tender ledger's (tender, signed fen) entries."""
    for tender, money in tenders:
        ctx.writer.add(
            TENDER,
            {
                "store_id": ctx.store_id,
                "ticket_id": ticket_id,
                "business_day": day,
                "kind": kind,
                "tender": tender,
                "amount": money,
            },
        )
    ctx.writer.add(
        LEDGER,
        {
            "store_id": ctx.store_id,
            "device_id": ctx.device_id,
            "op_id": ctx.op.id,
            "ticket_id": ticket_id,
            "business_day": day,
            "kind": kind,
            "amount": amount,
        },
    )


def _check_sale(sale: SaleCompletedV3) -> None:
    check_fen(sale.total, sale.subtotal, sale.tendered, sale.change)
    check_fen(sale.line_discounts, sale.ticket_discount, sale.rounding_off)
    for line in sale.lines:
        check_fen(line.list_price, line.unit_price, line.line_discount, line.total, line.net_total)
        if line.quantity > 1_000_000 or line.ticket_id != sale.id:
            raise Rejected(f"line {line.position} does not fit the ticket")
    for tender in sale.payments:
        check_fen(tender.tendered, tender.applied)
        if tender.ticket_id != sale.id:
            raise Rejected(f"payment {tender.position} does not belong to the ticket")


@handles(
    SALE_COMPLETED,
    reads=False,
    writes=(TICKET, LINE, SHARE, PAYMENT, LEDGER, TENDER, BALANCE, CARD, MOVEMENT, *SUMMED),
)
def sale_completed(ctx: OpContext, sale: SaleCompletedV4) -> list[str]:
    _check_sale(sale)
    check_kinds(sale.stock, SALE_KINDS)
    if ctx.cache.aliases:
        sale = _lines_on_kept_items(ctx.cache.aliases, sale)
    known = ctx.cache.tickets.get(sale.id)
    if known is not None:
        same_store(ctx, known[0], "ticket")
        if known[1] != ctx.op.id:
            raise Rejected(f"ticket {sale.number} was already recorded by another operation")
    row = {
        "id": sale.id,
        "store_id": ctx.store_id,
        "device_id": ctx.device_id,
        "op_id": ctx.op.id,
        "number": sale.number,
        "status": sale.status,
        "customer_id": sale.customer_id,
        "cashier_id": sale.cashier_id,
        "business_day": sale.business_day,
        "completed_at": sale.completed_at,
        "total": sale.total,
        "refunded": 0,
        "voided_at": None,
        "voided_by": None,
        "void_reason": None,
        # One pass in pydantic-core; the stock moved is in stock_movement, not kept twice.
        "payload": sale.model_dump_json(exclude={"stock"}),
        "discount_approved_by": sale.discount_approved_by,
        "void_business_day": None,
        "void_device_id": None,
    }
    overdrafts: list[str] = []
    if known is None:  # rows are written once; a re-run (deduplication off) only re-ledgers
        _add_ticket_rows(ctx, sale, row)
        record_cards(ctx, sale.cards)
        overdrafts = record_entries(ctx, sale.entries, (sale.id, sale.number))
        overdrafts += record_movements(ctx, sale.stock, [sale.number])
    taken = [(tender.kind, tender.applied) for tender in sale.payments]
    _ledger(ctx, sale.id, sale.business_day, "sale", sale.total, taken)
    touched(ctx, sale.business_day, sale.id, sale.number, sale.total)
    ctx.writer.change(CHANGE_TICKET, sale.id, None, ctx.device_id)  # data: the ticket row
    if sale.customer_id:
        ctx.cache.standing_changed.add(sale.customer_id)
    return _price_mismatch(ctx, sale) + overdrafts


def _lines_on_kept_items(aliases: dict[str, str], sale: SaleCompletedV4) -> SaleCompletedV4:
    """Lines that sold an item by its alias (created twice offline) are recorded against the
    item kept; name and prices stay as sold (docs/adr/0008-master-data.md)."""
    if not any(line.item_id in aliases for line in sale.lines):
        return sale
    lines = [
        line.model_copy(update={"item_id": aliases.get(line.item_id, line.item_id)})
        for line in sale.lines
    ]
    return sale.model_copy(update={"lines": lines})


def _add_ticket_rows(ctx: OpContext, sale: SaleCompletedV3, row: dict[str, Any]) -> None:
    ctx.cache.tickets[sale.id] = (ctx.store_id, ctx.op.id)
    ctx.writer.add(TICKET, row)
    for line in sale.lines:
        waiver = line.patch_test_waiver
        row = line.model_dump(exclude={"shares"})
        ctx.writer.add(LINE, row | {"patch_test_waiver": waiver and waiver.model_dump_json()})
        for share in line.shares:
            ctx.writer.add(SHARE, {"ticket_line_id": line.id, **share.model_dump()})
    for tender in sale.payments:
        ctx.writer.add(PAYMENT, tender.model_dump())
    lines = [
        report_days.sold_line(
            line, sale.business_day, sale.customer_id, [(s.staff_id, s.share) for s in line.shares]
        )
        for line in sale.lines
    ]
    _report_rows(ctx, report_days.sale_rows(ctx.store_id, lines))


def _report_rows(ctx: OpContext, rows: report_days.Rows) -> None:
    """Movements' rows of the reports' per-day sums (report_days.py), added up at the flush."""
    for table, more in rows.items():
        ctx.writer.rows[table].extend(more)


def _price_mismatch(ctx: OpContext, sale: SaleCompletedV3) -> list[str]:
    differing = [
        {
            "line_id": line.id,
            "item_id": line.item_id,
            "name": line.name,
            "list_price": line.list_price,
            "server_price": ctx.cache.prices[line.item_id],
        }
        for line in sale.lines
        if line.item_id in ctx.cache.prices and ctx.cache.prices[line.item_id] != line.list_price
    ]
    if not differing:
        return []
    details = {"ticket_id": sale.id, "number": sale.number, "lines": differing}
    conflict_id = ctx.writer.conflict(
        PRICE_MISMATCH, CHANGE_TICKET, sale.id, [ctx.op.id], details, ctx.device_id
    )
    return [conflict_id]


def _ticket_of_store(ctx: OpContext, ticket_id: str) -> dict[str, Any]:
    found = ctx.connection.execute(select(TICKET).where(TICKET.c.id == ticket_id)).mappings()
    row = found.first()
    same_store(ctx, None if row is None else row["store_id"], "ticket")
    assert row is not None
    return dict(row)


@handles(SALE_VOIDED, reads=True, writes=(TICKET, LEDGER, TENDER, BALANCE, MOVEMENT, *SUMMED))
def sale_voided(ctx: OpContext, void: SaleVoidedV4) -> list[str]:
    """A void is money handed back: always on the ledger. Voiding what another counter already
    voided or refunded (both offline) hands money back twice: a conflict for the manager."""
    check_kinds(void.stock, VOID_KINDS)
    ticket = _ticket_of_store(ctx, void.ticket_id)
    clash = ""
    if ticket["status"] == "voided":
        clash = "voided before"
    elif ticket["refunded"]:
        clash = "refunded before"
    day = void.business_day or ticket["business_day"]  # an older counter's: the sale's day
    changed = {
        "status": "voided",
        "voided_at": void.voided_at,
        "voided_by": void.approved_by,
        "void_reason": void.reason,
        "void_business_day": day,
        "void_device_id": ctx.device_id,
    }
    ctx.connection.execute(update(TICKET).where(TICKET.c.id == void.ticket_id).values(changed))
    if clash != "voided before":  # a ticket's lines are taken back once
        lines = report_days.lines_of(ctx.connection, [void.ticket_id]).values()
        _report_rows(ctx, report_days.void_rows(ctx.store_id, list(lines), day))
    given = [(p["kind"], -p["applied"]) for p in load_json(ticket["payload"])["payments"]]
    _ledger(ctx, void.ticket_id, day, "void", -ticket["total"], given)
    touched(ctx, day, void.ticket_id, void.number, -ticket["total"])
    ctx.writer.change(CHANGE_TICKET, void.ticket_id, None, ctx.device_id)
    if ticket["customer_id"]:
        ctx.cache.standing_changed.add(ticket["customer_id"])
    overdrafts = _reversals(ctx, void.entries, ticket)
    clashes = [_money_back_twice(ctx, ticket, clash, ticket["total"])] if clash else []
    fresh = fresh_movements(ctx, void.stock)
    settled_by = clashes[0] if clashes else void.ticket_id
    overdrafts += record_put_back(ctx, void.ticket_id, void.number, fresh, settled_by)
    return clashes + overdrafts


def _reversals(ctx: OpContext, entries: list[Any], ticket: dict[str, Any]) -> list[str]:
    """A void's or refund's entries (points taken back, stored value given back), once: a
    replay of an operation whose entries are stored adds none."""
    if not entries:
        return []
    held = ctx.connection.execute(select(BALANCE.c.id).where(BALANCE.c.id == entries[0].id))
    if held.first() is not None:
        return []
    # A void's or refund's entries belong to the ticket they undo, whatever the counter said.
    entries = [e.model_copy(update={"ticket_id": ticket["id"]}) for e in entries]
    overdrafts = record_entries(ctx, entries, (ticket["id"], ticket["number"]))
    taken_again = beyond_the_sale(ctx, ticket["id"], entries)
    if taken_again:  # two counters gave the same back while apart: the second is undone
        record_entries(ctx, taken_again)
    return overdrafts


def _money_back_twice(ctx: OpContext, ticket: dict[str, Any], clash: str, amount: int) -> str:
    details = {
        "ticket_id": ticket["id"],
        "number": ticket["number"],
        "total": ticket["total"],
        "refunded_before": ticket["refunded"],
        "status_before": ticket["status"],
        "clash": clash,
        "amount": amount,
        "op_type": ctx.op.type,
    }
    return ctx.writer.conflict(
        MONEY_BACK_TWICE, CHANGE_TICKET, ticket["id"], [ctx.op.id], details, ctx.device_id
    )


@handles(
    SALE_REFUNDED,
    reads=True,
    writes=(REFUND, REFUND_LINE, TICKET, LEDGER, TENDER, BALANCE, MOVEMENT, *SUMMED),
)
def sale_refunded(ctx: OpContext, refund: SaleRefundedV3) -> list[str]:
    """A refund is money handed back: always on the ledger. Beyond what the sale took, or of a
    voided sale (two counters, offline), it is also a conflict for the manager."""
    check_fen(refund.amount, *(line.amount for line in refund.lines))
    check_kinds(refund.stock, REFUND_KINDS)
    ticket = _ticket_of_store(ctx, refund.ticket_id)
    before = dict(ticket)
    clash = ""
    if ticket["status"] == "voided":
        clash = "voided before"
    elif ticket["refunded"] + refund.amount > ticket["total"]:
        clash = "more than the sale took"
    done = ctx.connection.execute(select(REFUND.c.op_id).where(REFUND.c.id == refund.id)).first()
    if done is not None and done[0] != ctx.op.id:
        raise Rejected(f"refund {refund.id} was already recorded by another operation")
    payload = refund.model_dump(mode="json", exclude={"entries", "stock"})
    payload["tenders"] = [{**t, "position": i} for i, t in enumerate(payload["tenders"], 1)]
    payload["device_id"] = ctx.device_id
    if done is None:
        _add_refund_rows(ctx, refund, payload)
    status = "refunded" if refund.ticket_refunded and not clash else ticket["status"]
    refunded = ticket["refunded"] + refund.amount
    ctx.connection.execute(
        update(TICKET)
        .where(TICKET.c.id == refund.ticket_id)
        .values(status=status, refunded=refunded)
    )
    ticket.update(status=status, refunded=refunded)
    given = [(tender.kind, -tender.amount) for tender in refund.tenders]
    _ledger(ctx, refund.ticket_id, refund.business_day, "refund", -refund.amount, given)
    touched(ctx, refund.business_day, refund.ticket_id, refund.number, -refund.amount)
    ctx.writer.change(CHANGE_REFUND, refund.id, payload, ctx.device_id)
    ctx.writer.change(CHANGE_TICKET, refund.ticket_id, None, ctx.device_id)
    if ticket["customer_id"]:
        ctx.cache.standing_changed.add(ticket["customer_id"])
    overdrafts = _reversals(ctx, refund.entries, ticket)
    clashes = [_money_back_twice(ctx, before, clash, refund.amount)] if clash else []
    fresh = fresh_movements(ctx, refund.stock)
    settled_by = clashes[0] if clashes else refund.id
    overdrafts += record_put_back(ctx, refund.ticket_id, refund.number, fresh, settled_by)
    return clashes + overdrafts


def _add_refund_rows(ctx: OpContext, refund: SaleRefundedV3, payload: dict[str, Any]) -> None:
    ctx.writer.add(
        REFUND,
        {
            "id": refund.id,
            "store_id": ctx.store_id,
            "ticket_id": refund.ticket_id,
            "op_id": ctx.op.id,
            "business_day": refund.business_day,
            "refunded_at": refund.refunded_at,
            "amount": refund.amount,
            "payload": dump_json(payload),
            "device_id": ctx.device_id,
        },
    )
    for line in refund.lines:
        ctx.writer.add(REFUND_LINE, {"refund_id": refund.id, **line.model_dump()})
    sold = report_days.lines_of(ctx.connection, [refund.ticket_id])
    taken = [(sold[ln.ticket_line_id], ln.quantity, ln.amount) for ln in refund.lines
             if ln.ticket_line_id in sold]  # fmt: skip
    _report_rows(ctx, report_days.refund_rows(ctx.store_id, taken, refund.business_day))
