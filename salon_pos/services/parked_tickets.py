"""Parked tickets (挂单): a ticket being rung up, put aside at this counter and taken up again —
by the cashier, or made by a booking's check-in. Local to the counter: a park, an update or a
cancel is audited but never queued for the server; paying one removes it in the sale's own
transaction (checkout). A draft is read back through domain.ticket_draft, and its prices are
checked against today's catalog as adding the item again would."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import (
    CatalogAlias,
    Customer,
    PackagePlan,
    ParkedTicket,
    Product,
    ServiceItem,
    Staff,
)
from salon_pos.domain.errors import UnknownCustomer, UnknownStaff, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, RoundingRule, price_ticket
from salon_pos.domain.ticket_draft import DRAFT_VERSION, DraftLine, TicketDraft
from salon_pos.services.changes import Changes
from salon_pos.services.counter import CounterService
from salon_pos.services.journal import Journal

PARKED_TICKET = "parked_ticket"  # the kind of change (services.changes) and of audit entity
MAX_LABEL = 64


class UnknownParkedTicket(UserError):
    en = "That parked ticket is no longer there (paid or cancelled)."
    zh = "该挂单已不存在（已结账或已取消）。"


@dataclass(frozen=True)
class ParkedTicketView:
    id: str
    label: str
    customer_id: str | None
    customer_name: str  # "" for a walk-in
    item_count: int
    total: int  # fen, as priced when parked
    created_by: str
    created_by_name: str
    created_at: datetime
    updated_at: datetime
    note: str = ""


@dataclass(frozen=True)
class Repriced:
    name: str
    was: int  # the catalog price per unit when parked
    now: int


@dataclass(frozen=True)
class ResumedTicket:
    """A parked ticket read back: its draft at today's catalog prices (a catalog item's
    unit_price is the catalog's, list_price None: the cashier's member price applies again),
    and what changed since it was parked."""

    parked: ParkedTicketView
    draft: TicketDraft
    dropped: tuple[str, ...] = ()  # lines of items no longer sold: left off
    repriced: tuple[Repriced, ...] = ()
    technicians_gone: tuple[str, ...] = ()  # no longer active: their lines need another


@dataclass(frozen=True)
class Parked:
    ticket: ParkedTicketView
    changed: Changes


class ParkedTickets(CounterService):
    def park(
        self, draft: TicketDraft, by: str, parked_id: str | None = None, label: str = ""
    ) -> Parked:
        """Put `draft` aside; under `parked_id` it replaces that parked ticket's draft (taken
        up and parked again), else it is a new one."""
        with self._db.write() as session:
            view = park_in(
                session, self._journal(), self._clock.now(), self._settings.current.rounding,
                draft, by, parked_id, label,
            )  # fmt: skip
        return Parked(view, Changes.of(PARKED_TICKET, view.id))

    def list(self) -> list[ParkedTicketView]:
        """The parked tickets, the longest waiting first."""
        with self._db.read() as session:
            rows = session.scalars(select(ParkedTicket).order_by(ParkedTicket.created_at))
            return _views(session, list(rows))

    def resume(self, parked_id: str) -> ResumedTicket:
        """The parked ticket to take up again (it stays parked until paid, cancelled or parked
        again); a draft that cannot be read is a UserError (domain.ticket_draft)."""
        with self._db.read() as session:
            row = session.get(ParkedTicket, parked_id)
            if row is None:
                raise UnknownParkedTicket()
            draft = TicketDraft.from_json(row.draft)
            view = replace(_views(session, [row])[0], note=draft.note)
            return _recheck(session, view, draft)

    def cancel(self, parked_id: str, by: str) -> Changes:
        """Throw the parked ticket away, audited with what it held."""
        now = self._clock.now()
        with self._db.write() as session:
            row = session.get(ParkedTicket, parked_id)
            if row is None:
                raise UnknownParkedTicket()
            before = _summary(row) | {"customer_id": row.customer_id, "draft": row.draft}
            session.delete(row)
            self._journal().record(
                session,
                now,
                AuditRecord(by, "parked_ticket.cancelled", PARKED_TICKET, parked_id, before),
            )
        return Changes.of(PARKED_TICKET, parked_id)


def park_in(
    session: Session,
    journal: Journal,
    now: datetime,
    rounding: RoundingRule,
    draft: TicketDraft,
    by: str,
    parked_id: str | None = None,
    label: str = "",
) -> ParkedTicketView:
    """Park `draft` in the caller's transaction (a booking's check-in parks its ticket in the
    transaction that marks it arrived)."""
    draft.validate()
    total = price_ticket([ln.priced() for ln in draft.lines], draft.ticket_discount, rounding)
    _check_people(session, by, draft.customer_id)
    row = session.get(ParkedTicket, parked_id) if parked_id else None
    action = "parked_ticket.updated" if row else "parked_ticket.parked"
    if row is None:
        row = ParkedTicket(id=parked_id or new_id(), created_by=by, created_at=now)
        session.add(row)
    row.label = (label.strip() or draft.note.strip() or draft.label())[:MAX_LABEL]
    row.customer_id = draft.customer_id
    row.item_count = draft.item_count
    row.total = total.total
    row.updated_at = now
    row.draft_version = DRAFT_VERSION
    row.draft = draft.to_json()
    session.flush()
    journal.record(
        session, now, AuditRecord(by, action, PARKED_TICKET, row.id, after=_summary(row))
    )
    return _views(session, [row])[0]


def remove_paid(connection: Connection, parked_id: str) -> None:
    """In the sale's transaction: the parked ticket it paid is no longer parked."""
    connection.execute(delete(ParkedTicket).where(ParkedTicket.id == parked_id))


def _summary(row: ParkedTicket) -> dict[str, Any]:
    return {"label": row.label, "items": row.item_count, "total": row.total}


def _check_people(session: Session, by: str, customer_id: str | None) -> None:
    if session.get(Staff, by) is None:
        raise UnknownStaff(staff_id=by)
    if customer_id and session.get(Customer, customer_id) is None:
        raise UnknownCustomer(customer_id=customer_id)


def _views(session: Session, rows: list[ParkedTicket]) -> list[ParkedTicketView]:
    people = {r.customer_id for r in rows if r.customer_id}
    names = dict(
        session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(people))).all()
    )
    staff = {r.created_by for r in rows}
    by = dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff))).all())
    return [
        ParkedTicketView(
            row.id,
            row.label,
            row.customer_id,
            names.get(row.customer_id, "") if row.customer_id else "",
            row.item_count,
            row.total,
            row.created_by,
            by.get(row.created_by, ""),
            row.created_at,
            row.updated_at,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class _Item:
    id: str
    name: str
    price: int
    category: str = ""
    skill: str = ""
    points_price: int = 0


def _catalog(session: Session, lines: tuple[DraftLine, ...]) -> dict[tuple[LineKind, str], _Item]:
    """What is sold today of the draft's items: services, products (under the id they were
    folded into, when the server merged two) and package plans."""
    ids = {ln.item_id for ln in lines}
    kept = dict(
        session.execute(
            select(CatalogAlias.alias_id, CatalogAlias.item_id).where(
                CatalogAlias.alias_id.in_(ids)
            )
        ).all()
    )
    wanted = ids | set(kept.values())
    found: dict[tuple[LineKind, str], _Item] = {}
    for s in session.scalars(select(ServiceItem).where(ServiceItem.id.in_(wanted))):
        if s.active:
            item = _Item(s.id, s.name, s.price, s.category, s.skill, s.points_price)
            found[(LineKind.SERVICE, s.id)] = item
    for p in session.scalars(select(Product).where(Product.id.in_(wanted))):
        if p.active:
            found[(LineKind.PRODUCT, p.id)] = _Item(
                p.id, p.name, p.price, p.category, "", p.points_price
            )
    for plan in session.scalars(select(PackagePlan).where(PackagePlan.id.in_(wanted))):
        if plan.active:
            found[(LineKind.PACKAGE, plan.id)] = _Item(plan.id, plan.name, plan.price)
    for alias, item_id in kept.items():
        for kind in LineKind:
            if (kind, item_id) in found and (kind, alias) not in found:
                found[(kind, alias)] = found[(kind, item_id)]
    return found


def _recheck(session: Session, view: ParkedTicketView, draft: TicketDraft) -> ResumedTicket:
    catalog = _catalog(session, draft.lines)
    technicians = {ln.technician_id for ln in draft.lines if ln.technician_id}
    technicians |= {share.staff_id for ln in draft.lines for share in ln.shares}
    active = set(
        session.scalars(select(Staff.id).where(Staff.id.in_(technicians), Staff.active.is_(True)))
    )
    lines, dropped, repriced, gone = [], [], [], []
    for line in draft.lines:
        if line.technician_id and line.technician_id not in active:
            gone.append(line.technician or line.technician_id)
            line = replace(line, technician_id=None, technician="", shares=())
        for share in line.shares:  # a helper who left: the line is its technician's alone
            if share.staff_id not in active:
                gone.append(share.name or share.staff_id)
                line = replace(line, shares=())
        if line.kind is LineKind.STORED_VALUE:  # the amount paid in: nothing to look up
            lines.append(line)
            continue
        item = catalog.get((line.kind, line.item_id))
        if item is None:
            dropped.append(line.name)
            continue
        if item.price != line.catalog_price:
            repriced.append(Repriced(item.name, line.catalog_price, item.price))
        lines.append(_at_catalog_price(line, item))
    rechecked = replace(draft, lines=tuple(lines))
    return ResumedTicket(view, rechecked, tuple(dropped), tuple(repriced), tuple(gone))


def _at_catalog_price(line: DraftLine, item: _Item) -> DraftLine:
    """The line as adding the item today would ring it up, keeping what the cashier chose:
    quantity, technician, discount (no more than the line is worth), points, a waiver."""
    redeem = line.redeem_points and item.points_price > 0
    return replace(
        line,
        item_id=item.id,
        name=item.name,
        unit_price=item.price,
        list_price=None,
        category=item.category or line.category,
        skill=item.skill if line.kind is LineKind.SERVICE else line.skill,
        points_price=item.points_price,
        redeem_points=redeem,
        line_discount=0 if redeem else min(line.line_discount, item.price * line.quantity),
    )
