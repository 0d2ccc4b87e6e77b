"""Applying a page of pulled changes to the counter's database, in order, idempotently.

Nothing here queues an operation: these facts came from the server. Each change runs in its own
savepoint; one that cannot be applied (a missing staff member, an sku another item holds) is
logged and skipped, so the feed never stalls. The cursor is stored in the caller's transaction.
Own records come back too; applying them changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import Field, ValidationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from salon_pos.db.models import (
    Customer,
    OutboxOperation,
    Payment,
    Product,
    Refund,
    RefundLine,
    RefundTender,
    ServiceItem,
    Staff,
    SyncConflict,
    Ticket,
    TicketLine,
)
from salon_pos.services.customers import STAMPED_FIELDS, write_search_keys
from salon_pos.services.sync_state import RESOLVING, observe_hlc, set_cursor
from sync.protocol import (
    CHANGE_CATALOG_ITEM,
    CHANGE_CONFLICT,
    CHANGE_CUSTOMER,
    CHANGE_REFUND,
    CHANGE_STAFF,
    CHANGE_TICKET,
    CONFLICT_OPEN,
    CUSTOMER_CREATED,
    CUSTOMER_UPDATED,
)
from sync.wire import CatalogItemSaved, Change, Lenient, SaleCompleted, SaleRefunded, StaffSaved

log = logging.getLogger(__name__)

NO_PIN = "!"  # a staff member pulled without a PIN hash: no PIN matches it


class CustomerData(Lenient):
    id: str
    name: str
    phone: str
    gender: str = ""
    birthday: date | None = None
    notes: str = ""
    merged_into: str | None = None
    stamps: dict[str, str] = Field(default_factory=dict)


class TicketState(Lenient):
    status: str
    voided_at: datetime | None = None
    voided_by: str | None = None
    void_reason: str | None = None  # the server may send null for "no reason"


class ConflictData(Lenient):
    id: str
    type: str
    status: str
    entity: str
    entity_id: str
    op_ids: list[str] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)
    suggestion: str = ""
    resolution: str | None = None
    resolved_by: str | None = None
    created_at: datetime
    resolved_at: datetime | None = None


def apply_page(session: Session, changes: Sequence[Change], cursor: int) -> int:
    """Apply the changes in order and store the cursor; the number applied (not skipped)."""
    applied = 0
    for change in changes:
        handler = _HANDLERS.get(change.entity)
        if handler is None:
            log.warning("sync: change %s of unknown entity %s skipped", change.seq, change.entity)
            continue
        try:
            with session.begin_nested():
                handler(session, change)
            applied += 1
        except (
            IntegrityError,
            ValidationError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
        ) as error:  # this change's own fault; a locked or broken database is not: it raises
            log.warning(
                "sync: change %s (%s %s) skipped: %s",
                change.seq,
                change.entity,
                change.entity_id,
                error,
            )
    set_cursor(session, cursor)
    return applied


def _upsert(session: Session, model: type[Any], values: dict[str, Any], at: datetime) -> None:
    """Insert the row, or update the fields that differ (a replay changes nothing)."""
    existing = session.get(model, values["id"])
    if existing is None:
        session.execute(insert(model).values(created_at=at, updated_at=at, **values))
        return
    changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
    if changed:
        session.execute(
            update(model).where(model.id == values["id"]).values(updated_at=at, **changed)
        )


def _catalog_item(session: Session, change: Change) -> None:
    item = CatalogItemSaved.model_validate(change.data)
    common = {
        "id": item.id,
        "category": item.category,
        "name": item.name,
        "price": item.price,
        "active": item.active,
    }
    if item.kind == "service":
        existing = session.get(ServiceItem, item.id)
        duration = item.duration_min or (existing.duration_min if existing else 60)
        values = common | {"duration_min": duration, "skill": item.skill}
        _upsert(session, ServiceItem, values, change.at)
        return
    if not item.sku:
        raise ValueError("a product without an sku")
    values = common | {"sku": item.sku, "barcode": item.barcode or None, "cost": item.cost}
    _upsert(session, Product, values, change.at)


def _staff(session: Session, change: Change) -> None:
    staff = StaffSaved.model_validate(change.data)
    values: dict[str, Any] = {
        "id": staff.id,
        "name": staff.name,
        "role": staff.role,
        "skills": list(staff.skills),
        "discount_limit": staff.discount_limit,
        "active": staff.active,
    }
    if staff.pin_hash:
        values["pin_hash"] = staff.pin_hash
    elif session.get(Staff, staff.id) is None:
        values["pin_hash"] = NO_PIN
    _upsert(session, Staff, values, change.at)


def _customer(session: Session, change: Change) -> None:
    """The server merged every counter's edits, so its values win, except for fields this
    counter edited and has not pushed yet: those stay until the server has merged them too (its
    next change brings the outcome). Comparing stamps instead would not converge: the server
    clamps stamps from clocks running ahead, so a fast counter's own stamp would beat forever."""
    data = CustomerData.model_validate(change.data)
    observe_hlc(session, list(data.stamps.values()))
    remote = data.model_dump(include=set(STAMPED_FIELDS))
    existing = session.get(Customer, data.id)
    if existing is None:
        session.execute(
            insert(Customer).values(
                id=data.id,
                created_at=change.at,
                updated_at=change.at,
                stamps=dict(data.stamps),
                merged_into=data.merged_into,
                **remote,
            )
        )
        write_search_keys(session, data.id, data.name)
        return
    pending = _fields_not_pushed(session, data.id)
    local_stamps = dict(existing.stamps or {})
    changed: dict[str, Any] = {}
    for field in STAMPED_FIELDS:
        if field in pending:
            continue
        if getattr(existing, field) != remote[field]:
            changed[field] = remote[field]
        theirs = data.stamps.get(field)
        if theirs is not None:
            local_stamps[field] = theirs
    if data.merged_into and existing.merged_into != data.merged_into:
        changed["merged_into"] = data.merged_into
    if local_stamps != (existing.stamps or {}):
        changed["stamps"] = local_stamps
    if not changed:
        return
    session.execute(
        update(Customer).where(Customer.id == data.id).values(updated_at=change.at, **changed)
    )
    if "name" in changed:
        write_search_keys(session, data.id, changed["name"])


def _fields_not_pushed(session: Session, customer_id: str) -> set[str]:
    """The customer's fields this counter changed in operations still waiting in the outbox."""
    payloads = session.scalars(
        select(OutboxOperation.payload).where(
            OutboxOperation.pushed_at.is_(None),
            OutboxOperation.type.in_((CUSTOMER_CREATED, CUSTOMER_UPDATED)),
            func.json_extract(OutboxOperation.payload, "$.id") == customer_id,
        )
    )
    fields: set[str] = set()
    for payload in payloads:
        body = json.loads(payload)
        fields.update(body.get("changed", STAMPED_FIELDS))
    return fields


# A ticket's status only moves forward: a pulled "completed" never undoes a local void.
_STATUS_RANK = {"open": 0, "completed": 1, "voided": 2, "refunded": 2}


def _ticket(session: Session, change: Change) -> None:
    state = TicketState.model_validate(change.data)
    existing = session.get(Ticket, change.entity_id)
    if existing is None:
        sale = SaleCompleted.model_validate(change.data | {"status": "completed"})
        _insert_ticket(session, sale, state)
        return
    if _STATUS_RANK.get(state.status, 0) <= _STATUS_RANK.get(existing.status, 0):
        return
    session.execute(
        update(Ticket)
        .where(Ticket.id == existing.id)
        .values(
            status=state.status,
            voided_at=state.voided_at or existing.voided_at,
            voided_by=state.voided_by or existing.voided_by,
            void_reason=state.void_reason or existing.void_reason,
        )
    )


def _insert_ticket(session: Session, sale: SaleCompleted, state: TicketState) -> None:
    ticket = sale.model_dump(exclude={"lines", "payments", "discount_approved_by"})
    ticket |= state.model_dump() | {"void_reason": state.void_reason or ""}
    session.execute(insert(Ticket).values(ticket))
    session.execute(insert(TicketLine), [line.model_dump() for line in sale.lines])
    if sale.payments:
        session.execute(insert(Payment), [p.model_dump() for p in sale.payments])


def _refund(session: Session, change: Change) -> None:
    refund = SaleRefunded.model_validate(change.data)
    if session.get(Refund, refund.id) is not None:
        return
    row = refund.model_dump(include={"id", "ticket_id", "refunded_at", "business_day"})
    row |= refund.model_dump(include={"cashier_id", "approved_by", "reason", "amount"})
    session.execute(insert(Refund).values(row))
    lines = [line.model_dump() | {"refund_id": refund.id} for line in refund.lines]
    session.execute(insert(RefundLine), lines)
    raw_tenders = change.data.get("tenders", [])
    tenders = [
        {
            "refund_id": refund.id,
            "position": int(raw.get("position", index)),
            "kind": tender.kind,
            "amount": tender.amount,
        }
        for index, (tender, raw) in enumerate(zip(refund.tenders, raw_tenders, strict=True), 1)
    ]
    if tenders:
        session.execute(insert(RefundTender), tenders)


def _conflict(session: Session, change: Change) -> None:
    data = ConflictData.model_validate(change.data)
    values = data.model_dump()
    existing = session.get(SyncConflict, data.id)
    if existing is None:
        session.execute(insert(SyncConflict).values(values))
        return
    if existing.status == RESOLVING and data.status == CONFLICT_OPEN:
        return  # resolved here; the server has not applied the resolution yet
    session.execute(update(SyncConflict).where(SyncConflict.id == data.id).values(values))


_HANDLERS: dict[str, Callable[[Session, Change], None]] = {
    CHANGE_CATALOG_ITEM: _catalog_item,
    CHANGE_STAFF: _staff,
    CHANGE_CUSTOMER: _customer,
    CHANGE_TICKET: _ticket,
    CHANGE_REFUND: _refund,
    CHANGE_CONFLICT: _conflict,
}
