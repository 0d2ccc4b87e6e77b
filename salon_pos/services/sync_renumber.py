"""The local half of a recovery (services/sync_recovery.py decides when): in one transaction,
the operations the server never received are superseded and queued again under the sequence
numbers the server expects next, the tickets they sold are renumbered after the highest
number the server holds from this counter (the old number kept in `original_number`), the
local sequences move past the server's, and the manager gets an audit entry and a notice."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord, append_audit
from salon_pos.db.models import OutboxOperation, SequenceCounter, SyncNotice, Ticket
from salon_pos.db.outbox import OUTBOX, append_encoded
from salon_pos.domain.ids import new_id
from salon_pos.services.sync_outbox import SUPERSEDED
from salon_pos.services.sync_state import sync_state
from sync.operations.sales import SALE_COMPLETED
from sync.protocol import REJECTED

TICKET = "ticket"  # the sequence of ticket numbers (services/checkout.py)
RECOVERED = "sync.recovered"  # the audit action and the notice's kind


@dataclass(frozen=True)
class Divergence:
    """What the server holds from this device, and this counter's operations it never got."""

    cursor: int  # the server's cursor for the device
    cursor_op_id: str | None
    last_ticket: int  # the number part of the highest ticket number it holds from the device
    # Ids of this counter's unconfirmed operations at or below the cursor that the server
    # holds at their seq (a backup taken before they were pushed): they stay as they are.
    # Every other one not confirmed by the server is sent again, read in the recovery's own
    # transaction, so a sale made while the server was asked is not missed.
    held: frozenset[str]


@dataclass(frozen=True)
class Recovery:
    resent: int
    renumbered: dict[str, str]  # original number → new number


def ticket_sequence(number: str | None) -> int:
    """The running number of `A1-000123` (0 for none or another shape)."""
    digits = (number or "").rsplit("-", 1)[-1]
    return int(digits) if digits.isdigit() else 0


def recover(session: Session, divergence: Divergence, device_id: str, now: datetime) -> Recovery:
    ops = [
        op
        for op in session.scalars(unconfirmed(device_id, divergence.cursor))
        if op.id not in divergence.held
    ]
    numbers = _renumber(session, ops, divergence.last_ticket)
    session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.id.in_([op.id for op in ops]))
        .values(result=SUPERSEDED, pushed_at=now)
    )
    by_ticket = {ticket_id: new for ticket_id, (_old, new) in numbers.items()}
    for offset, op in enumerate(ops, start=1):
        payload = _renumbered(op.payload, by_ticket)
        seq = divergence.cursor + offset
        append_encoded(
            session, device_id, op.type, op.payload_version, payload, op.occurred_at, seq
        )
    _at_least(session, OUTBOX, divergence.cursor + len(ops))
    state = sync_state(session)
    state.adopted_cursor = divergence.cursor
    state.adopted_op_id = divergence.cursor_op_id
    renumbered = {old: new for old, new in numbers.values()}
    details: dict[str, Any] = {
        "server_cursor": divergence.cursor,
        "resent": len(ops),
        "renumbered": renumbered,
    }
    append_audit(session, AuditRecord(None, RECOVERED, "device", device_id, after=details), now)
    session.add(SyncNotice(id=new_id(), at=now, kind=RECOVERED, details=details, seen_at=None))
    return Recovery(len(ops), renumbered)


def unconfirmed(device_id: str, cursor: int) -> Select[OutboxOperation]:
    """This counter's live operations the server has not confirmed: all above its cursor, and
    at or below it those still pending or answered `rejected` (a used seq, before 0004)."""
    unsure = OutboxOperation.pushed_at.is_(None) | (OutboxOperation.result == REJECTED)
    return (
        select(OutboxOperation)
        .where(OutboxOperation.device_id == device_id)
        .where(OutboxOperation.result.is_distinct_from(SUPERSEDED))
        .where((OutboxOperation.seq > cursor) | unsure)
        .order_by(OutboxOperation.seq)
    )


def _renumber(
    session: Session, ops: Sequence[OutboxOperation], server_last: int
) -> dict[str, tuple[str, str]]:
    """Ticket id → (old number, new number) for the sales among `ops`, numbered in order
    after everything else this counter and the server hold."""
    sold = [json.loads(op.payload)["id"] for op in ops if op.type == SALE_COMPLETED]
    old = dict(session.execute(select(Ticket.id, Ticket.number).where(Ticket.id.in_(sold))).all())
    others = session.scalars(select(Ticket.number).where(Ticket.id.not_in(sold)))
    last = max([server_last, *(ticket_sequence(n) for n in others)])
    numbers: dict[str, tuple[str, str]] = {}
    for ticket_id in [t for t in sold if t in old]:
        last += 1
        prefix = old[ticket_id].rsplit("-", 1)[0]
        numbers[ticket_id] = (old[ticket_id], f"{prefix}-{last:06d}")
    for ticket_id in numbers:  # first out of the way: the new numbers may be held by them
        session.execute(update(Ticket).where(Ticket.id == ticket_id).values(number=ticket_id))
    for ticket_id, (before, after) in numbers.items():
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id)
            .values(number=after, original_number=func.coalesce(Ticket.original_number, before))
        )
    _at_least(session, TICKET, last)
    return numbers


def _renumbered(payload: str, numbers: dict[str, str]) -> str:
    """The payload with the ticket's new number (sale.completed, .voided, .refunded carry it)."""
    data = json.loads(payload)
    ticket_id = data.get("ticket_id", data.get("id"))
    if "number" not in data or ticket_id not in numbers:
        return payload
    data["number"] = numbers[ticket_id]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _at_least(session: Session, name: str, value: int) -> None:
    counter = session.get(SequenceCounter, name)
    if counter is None:
        session.add(SequenceCounter(name=name, last_value=value))
    elif counter.last_value < value:
        counter.last_value = value
    session.flush()
