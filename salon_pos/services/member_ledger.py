"""The member ledgers on this counter: a customer's balances as the sum of the entries it holds
(its own and those pulled), and the entries a sale makes: stored value and points spent, a
package card's session used, a top-up with its bonus, a card sold, points earned
(docs/adr/0009-member-balances.md). Written in the sale's transaction; never updated."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, union_all
from sqlalchemy.dialects.sqlite import insert

from salon_pos.db.fast_insert import selected_rows
from salon_pos.db.models import BalanceEntry, PackageCard
from salon_pos.domain.balances import (
    MOST_CARDS_A_SALE,
    CardExpired,
    MemberPaymentNeedsCustomer,
    MemberRules,
    NoSessionsLeft,
    PointsExpiredTooFew,
    PointsTooFew,
    PointsTooFewToRedeem,
    SessionNotCovered,
    StoredValue,
    TooManyCards,
    TopUpNeedsMoney,
    points_by_line,
    points_for,
    share,
    spend,
    top_up,
)
from salon_pos.domain.errors import UnknownItem
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_money
from salon_pos.domain.points_expiry import EXPIRE, Expiry, PointsEntry, due_expiries
from salon_pos.domain.ticket import AppliedTender, LineKind, PricedLine, TenderKind

Row = dict[str, Any]
EARN_ENTRIES_A_SALE = 50  # beyond, one entry for the sale (a sale's operation holds 200)
MEMBER_TENDERS = (TenderKind.STORED_VALUE, TenderKind.POINTS, TenderKind.PACKAGE_SESSION)


@dataclass(frozen=True)
class CardBalance:
    id: str
    name: str
    service_ids: tuple[str, ...]
    sold: int  # sessions as sold
    left: int  # sessions left: the sum of the card's entries
    expires_on: date | None

    def expired(self, today: date) -> bool:
        return self.expires_on is not None and today > self.expires_on


@dataclass(frozen=True)
class MemberBalances:
    customer_id: str
    principal: int = 0
    bonus: int = 0
    points: int = 0
    cards: tuple[CardBalance, ...] = ()

    @property
    def stored_value(self) -> StoredValue:
        return StoredValue(self.principal, self.bonus)

    def card(self, card_id: str) -> CardBalance | None:
        return next((card for card in self.cards if card.id == card_id), None)


@dataclass(frozen=True)
class SessionUse:
    """Pay `sessions` units of the ticket's line at `position` (1-based) with a package card."""

    position: int
    card_id: str
    sessions: int = 1


# Built once (fast_insert.selected_rows): a member's sale reads these in its transaction.
_SUMS = union_all(
    select(BalanceEntry.account, BalanceEntry.card_id, func.sum(BalanceEntry.amount))
    .where(BalanceEntry.customer_id == bindparam("customer"))
    .group_by(BalanceEntry.account, BalanceEntry.card_id)
)
_CARDS = union_all(
    select(
        PackageCard.id,
        PackageCard.name,
        PackageCard.service_ids,
        PackageCard.sessions,
        PackageCard.expires_on,
        PackageCard.created_at,
    ).where(PackageCard.customer_id == bindparam("customer"))
).order_by("created_at")


def read_balances(connection: Connection, customer_id: str) -> MemberBalances:
    params = {"customer": customer_id}
    by_account: dict[str, int] = {}
    by_card: dict[str, int] = {}
    for account, card_id, amount in selected_rows(connection, _SUMS, params):
        if account == "sessions" and card_id:
            by_card[card_id] = int(amount)
        else:
            by_account[account] = by_account.get(account, 0) + int(amount)
    cards = tuple(
        CardBalance(
            card_id,
            name,
            tuple(json.loads(services) if isinstance(services, str) else services),
            sessions,
            by_card.get(card_id, 0),
            date.fromisoformat(expires) if isinstance(expires, str) else expires,
        )  # the driver's cursor gives SQLite's JSON and dates as text
        for card_id, name, services, sessions, expires, _ in selected_rows(
            connection, _CARDS, params
        )
    )
    return MemberBalances(
        customer_id,
        by_account.get("principal", 0),
        by_account.get("bonus", 0),
        by_account.get("points", 0),
        cards,
    )


def points_entries(connection: Connection, customer_id: str) -> list[PointsEntry]:
    """The customer's points entries, as the expiry computation takes them."""
    found = connection.execute(
        select(
            BalanceEntry.id,
            BalanceEntry.amount,
            BalanceEntry.reason,
            BalanceEntry.created_at,
            BalanceEntry.line_id,
        ).where(BalanceEntry.customer_id == customer_id, BalanceEntry.account == "points")
    )
    return [PointsEntry(*row) for row in found]


def points_due(
    connection: Connection, customer_id: str, now: datetime, valid_days: int
) -> list[Expiry]:
    """The expiries this customer's points are due at `now` and not yet recorded here."""
    if valid_days <= 0:
        return []
    return due_expiries(points_entries(connection, customer_id), now, valid_days)


def without_expired(held: MemberBalances, due: Sequence[Expiry]) -> MemberBalances:
    """`held` as it stands once `due` is written: what a read shows without writing."""
    return replace(held, points=held.points + sum(e.amount for e in due)) if due else held


def expire_points(
    connection: Connection,
    journal: Any,
    customer_id: str,
    now: datetime,
    valid_days: int,
    actor_id: str | None,
) -> int:
    """Write the expiries due (one points.expired operation, audited), in the caller's write
    transaction; answers the points expired by them (corrections count against)."""
    from salon_pos.db.audit import AuditRecord
    from salon_pos.services.sync_ops import members as member_ops

    due = points_due(connection, customer_id, now, valid_days)
    if not due:
        return 0
    rows = [
        {
            "id": e.id,
            "customer_id": customer_id,
            "account": "points",
            "card_id": None,
            "amount": e.amount,
            "reason": EXPIRE,
            "ticket_id": None,
            "line_id": e.lot,  # the entry whose points expired
            "created_at": e.at,
            "device_id": None,
            "note": "",
        }
        for e in due
    ]
    expired = -sum(e.amount for e in due)
    connection.execute(insert(BalanceEntry).on_conflict_do_nothing(), rows)
    for chunk in range(0, len(rows), 100):
        journal.record(
            connection,
            now,
            AuditRecord(
                actor_id, "points.expired", "customer", customer_id, after={"points": expired}
            ),
            member_ops.points_expired(customer_id, rows[chunk : chunk + 100]),
        )
    return expired


def session_tenders(
    lines: Sequence[PricedLine], nets: Sequence[int], uses: Sequence[SessionUse]
) -> list[AppliedTender]:
    """The package-session tenders of a sale: each pays its line's share for its sessions."""
    tenders = []
    for use in uses:
        if not 1 <= use.position <= len(lines):
            raise UnknownItem(item_id=str(use.position))
        line, net = lines[use.position - 1], nets[use.position - 1]
        if use.sessions < 1 or use.sessions > line.quantity:
            raise NoSessionsLeft(card=line.name, left=line.quantity, asked=use.sessions)
        amount = net * use.sessions // line.quantity
        tenders.append(AppliedTender(TenderKind.PACKAGE_SESSION, amount, amount, use.card_id))
    return tenders


@dataclass
class SaleLedger:
    """The entries and cards one sale makes, built in order: spends, then what it sells."""

    ticket_id: str
    customer_id: str | None
    at: datetime
    today: date
    rules: MemberRules
    read: Callable[[], MemberBalances] | None  # what the customer holds; None: a walk-in
    entries: list[Row]
    cards: list[Row]
    expired_allowed_by: str | None = None  # the manager who let an expired card be used
    expired_used: list[str] = field(default_factory=list)  # cards used past their expiry
    points_expired: int = 0  # points this sale's transaction expired before it paid
    sessions_by_line: dict[str, int] = field(default_factory=dict)  # line id → sessions used
    redeemed: int = 0  # points lines redeemed with points took (the points tender has the rest)
    _held: MemberBalances | None = None

    @property
    def balances(self) -> MemberBalances | None:
        """Read once, and only by a sale that spends from the customer's balances: most sales
        (cash, WeChat, a card sold, points earned) need none of it."""
        if self._held is None and self.read is not None:
            self._held = self.read()
        return self._held

    def entry(self, account: str, amount: int, reason: str, **links: Any) -> None:
        if amount == 0:
            return
        assert self.customer_id is not None
        self.entries.append(
            {
                "id": new_id(),
                "customer_id": self.customer_id,
                "account": account,
                "card_id": links.get("card_id"),
                "amount": amount,
                "reason": reason,
                "ticket_id": self.ticket_id,
                "line_id": links.get("line_id"),
                "created_at": self.at,
                "device_id": None,
                "note": "",
            }
        )

    def pay(self, tenders: Sequence[AppliedTender], line_rows: Sequence[Row]) -> None:
        """Stored value and points spent: each kind once, whatever number of tenders carried
        it, against what the customer holds; never for a top-up, which is paid with money."""
        by_kind = {
            kind: sum(t.applied for t in tenders if t.kind is kind)
            for kind in (TenderKind.STORED_VALUE, TenderKind.POINTS)
        }
        if not any(by_kind.values()):
            return
        if self.balances is None:
            kind = next(k for k, fen in by_kind.items() if fen)
            raise MemberPaymentNeedsCustomer(tender=kind.words)
        top_ups = sum(ln["net_total"] for ln in line_rows if ln["kind"] == LineKind.STORED_VALUE)
        money = sum(t.applied for t in tenders if t.kind not in MEMBER_TENDERS)
        if money < top_ups:
            raise TopUpNeedsMoney(top_up=format_money(top_ups), money=format_money(money))
        if by_kind[TenderKind.STORED_VALUE]:
            split = spend(
                self.balances.stored_value,
                by_kind[TenderKind.STORED_VALUE],
                self.rules.spend_order,
                self.rules.offline_allowance,
            )
            self.entry("principal", split.principal, "spend")
            self.entry("bonus", split.bonus, "spend")
        if by_kind[TenderKind.POINTS]:
            needed = points_for(by_kind[TenderKind.POINTS], self.rules.points_per_yuan)
            left = self.balances.points - self.redeemed
            if needed > left and self.points_expired > 0:
                raise PointsExpiredTooFew(
                    points=left,
                    expired=self.points_expired,
                    days=self.rules.points_valid_days,
                    needed=needed,
                    amount=format_money(by_kind[TenderKind.POINTS]),
                )
            if needed > left:
                raise PointsTooFew(
                    points=self.balances.points - self.redeemed,
                    needed=needed,
                    amount=format_money(by_kind[TenderKind.POINTS]),
                )
            self.entry("points", -needed, "spend")

    def redeem(self, line_rows: Sequence[Row], points: Sequence[int]) -> None:
        """Lines paid with points at their points price: a points spend tied to each line (a
        void or a refund of the line gives them back), all within what the customer holds."""
        for line, needed in zip(line_rows, points, strict=True):
            if not needed:
                continue
            if self.balances is None:
                raise MemberPaymentNeedsCustomer(tender=TenderKind.POINTS.words)
            if self.redeemed + needed > self.balances.points:
                raise PointsTooFewToRedeem(
                    points=self.balances.points - self.redeemed, needed=needed, item=line["name"]
                )
            self.redeemed += needed
            self.entry("points", -needed, "spend", line_id=line["id"])

    def use_sessions(self, uses: Sequence[SessionUse], line_rows: Sequence[Row]) -> None:
        used: dict[str, int] = {}
        for use in uses:
            if self.balances is None:
                raise MemberPaymentNeedsCustomer(tender=TenderKind.PACKAGE_SESSION.words)
            card = self.balances.card(use.card_id)
            if card is None:
                raise UnknownItem(item_id=use.card_id)
            line = line_rows[use.position - 1]
            if line["kind"] != LineKind.SERVICE or line["item_id"] not in card.service_ids:
                raise SessionNotCovered(card=card.name, service=line["name"])
            if card.expired(self.today):
                if self.expired_allowed_by is None:
                    raise CardExpired(card=card.name, expired=str(card.expires_on))
                self.expired_used.append(card.id)
            used[card.id] = used.get(card.id, 0) + use.sessions
            if used[card.id] > card.left:
                raise NoSessionsLeft(card=card.name, left=card.left, asked=used[card.id])
            self.entry("sessions", -use.sessions, "spend", card_id=card.id, line_id=line["id"])
            self.sessions_by_line[line["id"]] = (
                self.sessions_by_line.get(line["id"], 0) + use.sessions
            )

    def sell(self, line_rows: Sequence[Row], plans: dict[str, Any]) -> None:
        cards = sum(ln["quantity"] for ln in line_rows if ln["kind"] == LineKind.PACKAGE)
        if cards > MOST_CARDS_A_SALE:  # each card is an entry of the sale's operation
            raise TooManyCards(most=MOST_CARDS_A_SALE, count=cards)
        for line in line_rows:
            if line["kind"] == LineKind.STORED_VALUE:
                added = top_up(line["net_total"], self.rules.top_up_rules)
                self.entry("principal", added.principal, "top_up", line_id=line["id"])
                self.entry("bonus", added.bonus, "top_up", line_id=line["id"])
            elif line["kind"] == LineKind.PACKAGE:
                self._card(line, plans[line["item_id"]])

    def _card(self, line: Row, plan: Any) -> None:
        for _ in range(line["quantity"]):
            card_id = new_id()
            expires = self.today + timedelta(days=plan.valid_days) if plan.valid_days else None
            assert self.customer_id is not None
            self.cards.append(
                {
                    "id": card_id,
                    "customer_id": self.customer_id,
                    "plan_id": plan.id,
                    "name": plan.name,
                    "service_ids": list(plan.service_ids),
                    "sessions": plan.sessions,
                    "price": line["unit_price"],
                    "expires_on": expires,
                    "ticket_id": self.ticket_id,
                    "line_id": line["id"],
                    "created_at": self.at,
                }
            )
            self.entry("sessions", plan.sessions, "card_sale", card_id=card_id, line_id=line["id"])

    def earn(
        self,
        line_rows: Sequence[Row],
        tenders: Sequence[AppliedTender],
        categories: Sequence[str],
    ) -> None:
        """Points on what the customer paid for services, products and cards, at each line's
        category rate: not on a top-up, nor on what points or package sessions paid. An entry
        a line, tied to it: a refund of some of its units takes back their share of it."""
        if self.customer_id is None:
            return
        bases = []
        for line, category in zip(line_rows, categories, strict=True):
            fen = 0 if line["kind"] == LineKind.STORED_VALUE else line["net_total"]
            by_card = min(self.sessions_by_line.get(line["id"], 0), line["quantity"])
            fen = fen * (line["quantity"] - by_card) // line["quantity"]  # the units paid
            bases.append((fen, self.rules.rate_of(category)))
        paid = sum(t.applied for t in tenders if t.kind is TenderKind.POINTS)
        by_line = points_by_line(bases, paid)
        if sum(1 for p in by_line if p) > EARN_ENTRIES_A_SALE:  # the operation's entries
            self.entry("points", sum(by_line), "earn")  # one entry: refunds take a money share
            return
        for line, points in zip(line_rows, by_line, strict=True):
            self.entry("points", points, "earn", line_id=line["id"])


def reversal(entries: Sequence[Row], at: datetime, part: int = 1, whole: int = 1) -> list[Row]:
    """Entries that undo `entries` (a void: all; a refund: the part/whole share, rounded
    toward zero): points earned taken back, stored value, points and sessions given back."""
    undone = []
    for entry in entries:
        amount = -share(entry["amount"], part, whole)
        if amount:
            undone.append(_undone(entry, amount, at))
    return undone


def _undone(entry: Row, amount: int, at: datetime) -> Row:
    """A new entry of `amount` that reverses (some of) `entry`."""
    fresh = {"id": new_id(), "amount": amount, "reason": "reverse", "created_at": at}
    return entry | fresh | {"device_id": None, "note": ""}


def entries_of_ticket(connection: Any, ticket_id: str) -> list[Row]:
    """The entries a sale made (not those its voids and refunds made since)."""
    found = connection.execute(
        select(BalanceEntry.__table__).where(
            BalanceEntry.ticket_id == ticket_id, BalanceEntry.reason != "reverse"
        )
    )
    return [dict(row._mapping) for row in found]


def refund_reversal(
    entries: Sequence[Row],
    at: datetime,
    units: Mapping[str, tuple[int, int, int]],
    amount: int,
    total: int,
    by_tender: Mapping[str, tuple[int, int, int]] | None = None,
    refunded_before: int = 0,
) -> list[Row]:
    """What a refund undoes: of a line's own entries (a top-up, a card sold, a session used)
    the refunded units' share (`units`: line → units refunded before, after this refund, and
    sold: all refunds of a line together undo all of it); of the stored value and points the
    sale spent, what the refund's stored-value and points tenders give back (`by_tender`:
    kind → fen back by it before this refund, after it, and what it paid: the card agrees
    with the refund's tenders, and all refunds together give back exactly what was spent);
    of the points the sale earned, the share of `total` (what earned them: the sale without
    its top-ups) that `amount` refunds, after `refunded_before` of it."""
    undone = []
    spent = [e for e in entries if e["reason"] == "spend" and not e.get("line_id")]
    for entry in entries:
        line = entry.get("line_id")
        if line:
            if line in units:
                before, after, sold = units[line]
                back = _share_between(-entry["amount"], before, after, sold)
                undone += [_undone(entry, back, at)] if back else []
        elif entry["reason"] != "spend":  # points earned: the money refunded so far, its share
            back = _share_between(
                -entry["amount"], refunded_before, refunded_before + amount, total
            )
            undone += [_undone(entry, back, at)] if back else []
    tenders = by_tender or {}
    for kind, accounts in (("stored_value", ("principal", "bonus")), ("points", ("points",))):
        if kind in tenders:
            undone += _given_back(spent, accounts, *tenders[kind], at)
    return undone


def _given_back(
    spent: Sequence[Row], accounts: Sequence[str], before: int, after: int, paid: int, at: datetime
) -> list[Row]:
    """Spends of `accounts` (a card's principal and bonus, or points) given back as `paid` fen
    went back by their tender: from `before` to `after` fen back. The first account takes its
    proportion, rounded down; the last the rest: so a refund's entries add up to what its
    tender gave back (in points: at the rate the sale paid), and all refunds to the spend."""
    taken = {a: -sum(e["amount"] for e in spent if e["account"] == a) for a in accounts}
    whole = sum(taken.values())
    if paid <= 0 or whole <= 0:
        return []
    undone, due = [], whole * after // paid - whole * before // paid
    for account in accounts:
        first = taken[account] * after // paid - taken[account] * before // paid
        amount = first if account != accounts[-1] else due
        due -= amount
        template = next((e for e in spent if e["account"] == account), None)
        if amount and template is not None:
            undone.append(_undone(template, amount, at))
    return undone


def _share_between(amount: int, before: int, after: int, whole: int) -> int:
    """The part of `amount` between the shares before/whole and after/whole (rounded toward
    zero): parts that add up to the whole amount when `after` reaches `whole`."""
    return share(amount, after, whole) - share(amount, before, whole)


def sessions_paid_back(
    entries: Sequence[Row], units: Mapping[str, tuple[int, int, int]], nets: Mapping[str, int]
) -> int:
    """What the sessions a refund gives back had paid of their lines (as session_tenders
    priced them): fen that go back by the package-session tender, not from the drawer.
    `units`: line → units refunded before, after this refund, and sold."""
    fen = 0
    for entry in entries:
        line = str(entry.get("line_id"))
        if entry["account"] != "sessions" or entry["reason"] != "spend" or line not in units:
            continue
        before, after, sold = units[line]
        used = -entry["amount"]
        paid = nets[line] * used // sold
        back_before, back_after = used * before // sold, used * after // sold
        fen += paid * back_after // used - paid * back_before // used
    return fen


def redeemed_points(connection: Any, ticket_id: str) -> dict[str, int]:
    """Line id → the points that paid the line (redeemed at its points price)."""
    found = connection.execute(
        select(BalanceEntry.line_id, func.sum(BalanceEntry.amount))
        .where(
            BalanceEntry.ticket_id == ticket_id,
            BalanceEntry.account == "points",
            BalanceEntry.reason == "spend",
            BalanceEntry.line_id.is_not(None),
        )
        .group_by(BalanceEntry.line_id)
    )
    return {line_id: -int(amount) for line_id, amount in found}


def member_rows(connection: Any, ticket_id: str) -> list[tuple[str, str]]:
    """What a member's receipt says under the payments: points this ticket earned, and what
    the customer held after it (entries made up to the sale's time): stored value with
    principal and bonus, points, each card's sessions left. Labels in Chinese, as receipts."""
    from salon_pos.db.models import Ticket

    ticket = connection.execute(
        select(Ticket.customer_id, Ticket.completed_at).where(Ticket.id == ticket_id)
    ).first()
    if ticket is None or ticket.customer_id is None:
        return []
    mine = entries_of_ticket(connection, ticket_id)
    if not mine:
        return []
    held = _held_at(connection, ticket.customer_id, ticket.completed_at)
    rows = []
    earned = sum(e["amount"] for e in mine if e["reason"] == "earn")
    if earned:
        rows.append(("本单积分", f"+{earned}"))
    stored = held.principal + held.bonus
    if any(e["account"] in ("principal", "bonus") for e in mine) or stored:
        rows.append(("储值余额", format_money(stored, "￥")))
        rows.append(
            (
                "  本金/赠送",
                f"{format_money(held.principal, '￥')}/{format_money(held.bonus, '￥')}",
            )
        )
    rows.append(("积分余额", str(held.points)))
    used = {e["card_id"] for e in mine if e["account"] == "sessions"}
    rows += [(card.name, f"剩 {card.left} 次") for card in held.cards if card.id in used]
    return rows


def _held_at(connection: Any, customer_id: str, at: datetime) -> MemberBalances:
    """The balances of entries made up to `at`."""
    sums = connection.execute(
        select(BalanceEntry.account, BalanceEntry.card_id, func.sum(BalanceEntry.amount))
        .where(BalanceEntry.customer_id == customer_id, BalanceEntry.created_at <= at)
        .group_by(BalanceEntry.account, BalanceEntry.card_id)
    ).all()
    now = read_balances(connection, customer_id)
    by = {(account, card or ""): int(amount) for account, card, amount in sums}
    cards = tuple(
        CardBalance(
            c.id, c.name, c.service_ids, c.sold, by.get(("sessions", c.id), 0), c.expires_on
        )
        for c in now.cards
    )
    return MemberBalances(
        customer_id,
        by.get(("principal", ""), 0),
        by.get(("bonus", ""), 0),
        by.get(("points", ""), 0),
        cards,
    )


def check_reversible(connection: Any, undone: Sequence[Row]) -> None:
    """A void or refund takes back only what the customer still holds: a top-up whose money was
    spent, or a card whose sessions were used, is refused (AlreadySpent) — never an overdraft
    made at the counter."""
    from salon_pos.domain.balances import AlreadySpent
    from sync.messages import ACCOUNT_WORDS

    taking: dict[tuple[str, str, str], int] = {}
    for entry in undone:  # what each account gains and loses, netted
        key = (entry["customer_id"], entry["account"], entry.get("card_id") or "")
        taking[key] = taking.get(key, 0) + entry["amount"]
    for (customer_id, account, card), amount in taking.items():
        if amount >= 0:
            continue
        held = read_balances(connection, customer_id)
        if account == "sessions":
            found = held.card(card)
            left = found.left if found else 0
        else:
            left = {"principal": held.principal, "bonus": held.bonus, "points": held.points}[
                account
            ]
        if left + amount < 0:
            money = account in ("principal", "bonus")
            raise AlreadySpent(
                what=ACCOUNT_WORDS[account],
                left=format_money(left) if money else left,
                taken=format_money(-amount) if money else -amount,
            )
