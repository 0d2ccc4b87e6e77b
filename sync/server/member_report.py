"""What the owner's member pages read (docs/adr/0009-member-balances.md, step 5): the members of a
store with their balances and cards, one member's ledger, and the stores' stored-value
liability. Every balance is a sum of balance_entry in SQL (GROUP BY customer, account and card),
in integer fen, points or sessions; nothing is summed in Python but the per-store figures of a
chain total."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Subquery, and_, case, func, literal, or_, select

from sync.operations.members import CONFLICT_OVERDRAFT
from sync.protocol import CONFLICT_OPEN
from sync.server import models
from sync.server.db import load_json

BALANCE = models.table_of(models.BalanceEntry)
CARD = models.table_of(models.PackageCard)
CUSTOMER = models.table_of(models.Customer)
CONFLICT = models.table_of(models.Conflict)
TICKET = models.table_of(models.Ticket)
MEMBERS_PER_PAGE = 50
ENTRIES_PER_PAGE = 50


def _balances(store_ids: Sequence[str]) -> Subquery:
    """One row per store, customer, account and card: the account's balance."""
    return (
        select(
            BALANCE.c.store_id,
            BALANCE.c.customer_id,
            BALANCE.c.account,
            BALANCE.c.card_id,
            func.sum(BALANCE.c.amount).label("balance"),
        )
        .where(BALANCE.c.store_id.in_(store_ids))
        .group_by(BALANCE.c.store_id, BALANCE.c.customer_id, BALANCE.c.account, BALANCE.c.card_id)
        .subquery()
    )


@dataclass(frozen=True)
class Liability:
    """What a store owes its members (positive balances) and what members owe it (negative
    balances: overdrafts open or carried as debt), never netted."""

    principal: int = 0  # fen
    bonus: int = 0  # fen
    points: int = 0
    sessions: int = 0  # on cards not expired
    sessions_value: int = 0  # fen: each card's left × its price ÷ its sessions, rounded down
    expired_sessions: int = 0
    members: int = 0  # customers holding any positive balance
    principal_owed: int = 0  # fen below zero (positive here)
    bonus_owed: int = 0
    points_owed: int = 0
    sessions_owed: int = 0
    debtors: int = 0  # customers with any balance below zero
    overdrafts: int = 0  # open overdraft conflicts
    overdraft_money: int = 0  # fen of their shortfalls (principal and bonus)
    overdraft_points: int = 0
    overdraft_sessions: int = 0

    @property
    def stored_value(self) -> int:
        return self.principal + self.bonus

    @property
    def owed(self) -> bool:
        return any((self.principal_owed, self.bonus_owed, self.points_owed, self.sessions_owed))

    def __add__(self, other: Liability) -> Liability:
        return Liability(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def liabilities(connection: Connection, todays: Mapping[str, date]) -> dict[str, Liability]:
    """Each store's liability; `todays`: store id → its business day (a card expired before it
    holds expired sessions)."""
    if not todays:
        return {}
    per = _balances(list(todays))
    today = case(todays, value=per.c.store_id)  # no bound date is grouped by: PostgreSQL-safe
    expired = and_(CARD.c.expires_on.is_not(None), CARD.c.expires_on < today)
    positive, negative = per.c.balance > 0, per.c.balance < 0

    def held(account: str, *more: Any) -> Any:
        wanted = and_(per.c.account == account, positive, *more)
        return func.coalesce(func.sum(case((wanted, per.c.balance), else_=0)), 0)

    def owed(account: str) -> Any:
        wanted = and_(per.c.account == account, negative)
        return func.coalesce(func.sum(case((wanted, -per.c.balance), else_=0)), 0)

    live_card = and_(per.c.account == "sessions", positive, ~expired, CARD.c.sessions > 0)
    value = case((live_card, per.c.balance * CARD.c.price // CARD.c.sessions), else_=0)
    figures = [
        held("principal"),
        held("bonus"),
        held("points"),
        held("sessions", ~expired),
        func.coalesce(func.sum(value), 0),
        held("sessions", expired),
        func.count(func.distinct(case((positive, per.c.customer_id)))),
        owed("principal"),
        owed("bonus"),
        owed("points"),
        owed("sessions"),
        func.count(func.distinct(case((negative, per.c.customer_id)))),
    ]  # fmt: skip — in the order of Liability's fields
    query = (
        select(per.c.store_id, *figures)
        .select_from(per.outerjoin(CARD, CARD.c.id == per.c.card_id))
        .group_by(per.c.store_id)
    )
    found = {store_id: Liability() for store_id in todays}
    for row in connection.execute(query):
        found[row[0]] = Liability(*(int(n) for n in row[1:]))
    for store_id, overdraft in _open_overdrafts(connection, list(todays)).items():
        found[store_id] = _with(found[store_id], overdraft)
    return found


def _open_overdrafts(connection: Connection, store_ids: list[str]) -> dict[str, dict[str, int]]:
    """Open overdraft conflicts per store: how many, and their shortfalls by unit (a conflict's
    details are JSON, read here; a store has few open)."""
    query = select(CONFLICT.c.store_id, CONFLICT.c.details).where(
        CONFLICT.c.store_id.in_(store_ids),
        CONFLICT.c.type == CONFLICT_OVERDRAFT,
        CONFLICT.c.status == CONFLICT_OPEN,
    )
    found: dict[str, dict[str, int]] = {}
    for store_id, details in connection.execute(query):
        held = load_json(details)
        shortfall = held.get("shortfall")
        account = held.get("account")
        unit = "money" if account in ("principal", "bonus") else account
        sums = found.setdefault(store_id, {"count": 0, "money": 0, "points": 0, "sessions": 0})
        sums["count"] += 1
        if isinstance(shortfall, int) and unit in sums:
            sums[unit] += shortfall
    return found


def _with(liability: Liability, overdraft: dict[str, int]) -> Liability:
    return Liability(
        **{f.name: getattr(liability, f.name) for f in fields(liability)}
        | {
            "overdrafts": overdraft["count"],
            "overdraft_money": overdraft["money"],
            "overdraft_points": overdraft["points"],
            "overdraft_sessions": overdraft["sessions"],
        }
    )


@dataclass(frozen=True)
class CardLeft:
    id: str
    name: str
    sold: int
    left: int
    price: int
    expires_on: date | None
    ticket_id: str | None
    created_at: datetime

    def expired(self, today: date) -> bool:
        return self.expires_on is not None and self.expires_on < today


@dataclass(frozen=True)
class Member:
    """A customer's balances at a store (fen, fen, points), and the cards listed with them."""

    customer_id: str
    name: str
    phone: str
    principal: int
    bonus: int
    points: int
    cards: tuple[CardLeft, ...] = ()


def _member_sums(per: Subquery) -> list[Any]:
    def of(account: str) -> Any:
        return func.coalesce(func.sum(case((per.c.account == account, per.c.balance), else_=0)), 0)

    return [of("principal"), of("bonus"), of("points")]


def members(
    connection: Connection, store_id: str, search: str, limit: int, offset: int = 0
) -> list[Member]:
    """The store's customers holding any balance (or debt) or a card with sessions left, by
    name; `search`: part of the name or of the phone number."""
    per = _balances([store_id])
    query = (
        select(per.c.customer_id, CUSTOMER.c.name, CUSTOMER.c.phone, *_member_sums(per))
        .select_from(per.outerjoin(CUSTOMER, CUSTOMER.c.id == per.c.customer_id))
        .group_by(per.c.customer_id, CUSTOMER.c.name, CUSTOMER.c.phone)
        .having(func.count(case((per.c.balance != 0, 1))) > 0)
        .order_by(func.coalesce(CUSTOMER.c.name, literal("")), per.c.customer_id)
        .limit(limit)
        .offset(offset)
    )
    text = search.strip()
    if text:
        digits = text.replace(" ", "")
        query = query.where(
            or_(
                func.lower(CUSTOMER.c.name).contains(text.lower(), autoescape=True),
                CUSTOMER.c.phone.contains(digits, autoescape=True),
            )
        )
    rows = [
        Member(r[0], r[1] or "", r[2] or "", int(r[3]), int(r[4]), int(r[5]))
        for r in connection.execute(query)
    ]
    cards = cards_of(connection, store_id, [r.customer_id for r in rows], only_left=True)
    return [replace(r, cards=tuple(cards.get(r.customer_id, ()))) for r in rows]


def cards_of(
    connection: Connection, store_id: str, customer_ids: list[str], only_left: bool = False
) -> dict[str, list[CardLeft]]:
    """Each customer's package cards with the sessions left (the sum of the card's entries)."""
    if not customer_ids:
        return {}
    left = func.coalesce(func.sum(BALANCE.c.amount), 0)
    query = (
        select(CARD, left.label("left"))
        .select_from(
            CARD.outerjoin(
                BALANCE,
                and_(BALANCE.c.card_id == CARD.c.id, BALANCE.c.account == "sessions"),
            )
        )
        .where(CARD.c.store_id == store_id, CARD.c.customer_id.in_(customer_ids))
        .group_by(*CARD.c)
        .order_by(CARD.c.created_at.desc(), CARD.c.id)
    )
    if only_left:
        query = query.having(left != 0)
    found: dict[str, list[CardLeft]] = {}
    for r in connection.execute(query).mappings():
        card = CardLeft(
            r["id"], r["name"], r["sessions"], int(r["left"]), r["price"], r["expires_on"],
            r["ticket_id"], r["created_at"],
        )  # fmt: skip
        found.setdefault(r["customer_id"], []).append(card)
    return found


def member(connection: Connection, store_id: str, customer_id: str) -> Member | None:
    """A customer of the store, or one with entries there; None when neither."""
    per = _balances([store_id])
    sums = connection.execute(
        select(*_member_sums(per), func.count()).where(per.c.customer_id == customer_id)
    ).one()
    person = connection.execute(
        select(CUSTOMER.c.name, CUSTOMER.c.phone).where(
            CUSTOMER.c.id == customer_id, CUSTOMER.c.store_id == store_id
        )
    ).first()
    if person is None and not sums[3]:
        return None
    name, phone = (person.name, person.phone) if person else ("", "")
    return Member(customer_id, name, phone, int(sums[0]), int(sums[1]), int(sums[2]))


@dataclass(frozen=True)
class EntryRow:
    id: str
    account: str
    amount: int
    reason: str
    card_name: str
    ticket_id: str | None
    ticket_number: str
    device_id: str | None
    note: str
    created_at: datetime


def entries(
    connection: Connection, store_id: str, customer_id: str, limit: int, offset: int = 0
) -> list[EntryRow]:
    """The customer's ledger at the store, newest first."""
    columns = [
        BALANCE.c.id,
        BALANCE.c.account,
        BALANCE.c.amount,
        BALANCE.c.reason,
        CARD.c.name,
        BALANCE.c.ticket_id,
        TICKET.c.number,
        BALANCE.c.device_id,
        BALANCE.c.note,
        BALANCE.c.created_at,
    ]  # fmt: skip — in the order of EntryRow's fields
    query = (
        select(*columns)
        .select_from(BALANCE)
        .outerjoin(CARD, CARD.c.id == BALANCE.c.card_id)
        .outerjoin(TICKET, TICKET.c.id == BALANCE.c.ticket_id)
        .where(BALANCE.c.store_id == store_id, BALANCE.c.customer_id == customer_id)
        .order_by(BALANCE.c.created_at.desc(), BALANCE.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    found = []
    for r in connection.execute(query):
        card, number, note = r[4] or "", str(r[6] or ""), r[8] or ""
        found.append(EntryRow(r[0], r[1], int(r[2]), r[3], card, r[5], number, r[7], note, r[9]))
    return found
