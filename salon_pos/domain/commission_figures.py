"""Commission figures (提成): what each line earns its technicians under the store's rules
(domain.commission), and what voids and refunds take back, each in the period it happens.

A line's **base** is its net (its share of the ticket after discounts and 抹零), less what
stored value or package sessions paid of it when that money earned on sale, plus that part as
the store values it when it earns on use. A percentage rule pays on the base; a fixed rule pays
for each unit, however it was paid for. A top-up or package card line earns only on sale.

The line's commission is the rule applied to the line as it stands: when sold, and again after
each refund (its units and amount less those refunded) or void (nothing left). A refund or void
takes back the difference on its own business day, so the commission of all periods together
is always the rule applied to the net line, and a line refunded whole gives back all it earned.
A line shared by several technicians splits each figure by their shares to the fen
(domain.shares.split); each technician's part is taken back the same way, so nobody gives back
more than their part of what the line earned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRules,
    SessionBasis,
    StoredValueBasis,
)
from salon_pos.domain.sales_figures import SoldLine
from salon_pos.domain.shares import WHOLE_SHARE, split
from salon_pos.domain.ticket import LineKind


@dataclass(frozen=True)
class SessionSpent:
    """Package sessions that paid a line: how many, and the card's price and sessions."""

    line_id: str
    sessions: int
    card_price: int
    card_sessions: int


@dataclass(frozen=True)
class TicketMoney:
    """What paid a ticket besides money: stored value (all of it, and its principal part), and
    package sessions line by line."""

    stored_value: int = 0
    principal: int = 0
    sessions: tuple[SessionSpent, ...] = ()


@dataclass(frozen=True)
class LinePaid:
    """Of a line's net: what stored value and package sessions paid, and those parts as the
    store values them when they earn on use."""

    stored_value: int = 0
    stored_value_worth: int = 0
    sessions: int = 0
    sessions_worth: int = 0


def paid_by_line(
    lines: Sequence[SoldLine], money: TicketMoney, rules: CommissionRules
) -> dict[str, LinePaid]:
    """Line id → what stored value and sessions paid of it. A session pays its part of its
    line's net, as checkout priced it (net × sessions ÷ quantity); the ticket's stored value
    pays the rest of every line but a top-up (paid with money only) in proportion, to the fen."""
    if not money.sessions and not money.stored_value:  # paid with money: most tickets
        return dict.fromkeys((line.id for line in lines), LinePaid())
    session_part = {line.id: 0 for line in lines}
    session_worth = {line.id: 0 for line in lines}
    by_id = {line.id: line for line in lines}
    for used in money.sessions:
        line = by_id.get(used.line_id)
        if line is None:
            continue
        part = line.net * used.sessions // line.quantity
        session_part[line.id] += part
        if rules.session_basis is SessionBasis.CARD and used.card_sessions > 0:
            session_worth[line.id] += used.card_price * used.sessions // used.card_sessions
        else:
            session_worth[line.id] += part
    payable = [ln for ln in lines if ln.kind is not LineKind.STORED_VALUE]
    weights = [max(0, ln.net - session_part[ln.id]) for ln in payable]
    by_card = split(money.stored_value, weights) if sum(weights) else [0] * len(payable)
    worth = by_card
    if rules.stored_value_basis is StoredValueBasis.PRINCIPAL and any(by_card):
        worth = split(min(money.principal, money.stored_value), by_card)
    card = {ln.id: (part, value) for ln, part, value in zip(payable, by_card, worth, strict=True)}
    return {
        line.id: LinePaid(*card.get(line.id, (0, 0)), session_part[line.id], session_worth[line.id])
        for line in lines
    }


def commission_base(line: SoldLine, paid: LinePaid, rules: CommissionRules) -> int:
    """The fen a percentage rule pays on, for the line as sold (module docstring)."""
    if not rules.earns(line.kind):
        return 0
    if line.kind is LineKind.STORED_VALUE:
        return line.net
    base = line.net - paid.stored_value - paid.sessions
    if rules.stored_value is CardMoney.ON_USE:
        base += paid.stored_value_worth
    if rules.package is CardMoney.ON_USE and line.kind is not LineKind.PACKAGE:
        base += paid.sessions_worth
    return max(0, base)


@dataclass(frozen=True)
class TakeBack:
    """A refund of some of a line (units and fen) or a void of its ticket, on its business
    day; a line's take-backs are given in the order they happened."""

    day: date
    cause: str  # refund / void
    quantity: int = 0
    amount: int = 0


@dataclass(frozen=True)
class CommissionMove:
    """One technician's commission from a line on one business day: earned by the sale (+), or
    taken back by a refund or void (−)."""

    line: SoldLine
    day: date
    cause: str  # sale / refund / void
    staff_id: str
    share: int  # basis points of the line
    net: int  # fen, signed: their part of the line's money
    base: int  # fen, signed: their part of the base
    commission: int  # fen, signed
    rule: CommissionRule | None


@dataclass(frozen=True)
class _Standing:
    units: int
    net: int


def _after(standing: _Standing, back: TakeBack) -> _Standing:
    if back.cause == "void":
        return _Standing(0, 0)
    return _Standing(max(0, standing.units - back.quantity), max(0, standing.net - back.amount))


def staff_shares(line: SoldLine) -> tuple[tuple[str, int], ...]:
    """(technician, basis points) of the line: its shares, else its technician whole."""
    if line.shares:
        return line.shares
    return ((line.technician_id, WHOLE_SHARE),) if line.technician_id else ()


def line_moves(
    line: SoldLine, base: int, take_backs: Sequence[TakeBack], rules: CommissionRules
) -> list[CommissionMove]:
    """The line's commission moves, per technician: its sale, then each take-back."""
    shares = staff_shares(line)
    if not shares:
        return []
    rule = rules.rule_for(line.kind, line.item_id, line.category)
    rule = rule if rules.earns(line.kind) else None
    weights = [share for _, share in shares]

    def parts(standing: _Standing) -> tuple[list[int], ...]:
        if line.net > 0:
            left = base * standing.net // line.net
        else:
            left = base * standing.units // line.quantity
        earned = rule.earned(left, standing.units, line.requested) if rule else 0
        return split(standing.net, weights), split(left, weights), split(earned, weights)

    standing = _Standing(line.quantity, line.net)
    before = parts(standing)
    moves = [
        CommissionMove(line, line.day, "sale", staff, share, net, b, c, rule)
        for (staff, share), net, b, c in zip(shares, *before, strict=True)
    ]
    for back in take_backs:
        standing = _after(standing, back)
        after = parts(standing)
        for i, (staff, share) in enumerate(shares):
            net, base_part, earned = (
                now[i] - then[i] for then, now in zip(before, after, strict=True)
            )
            if net or base_part or earned:  # a second take-back of what is already gone: none
                moves.append(
                    CommissionMove(
                        line, back.day, back.cause, staff, share, net, base_part, earned, rule
                    )
                )
        before = after
    return moves


@dataclass(frozen=True)
class TechnicianCommission:
    """One technician's commission over a period: the moves in it, in order."""

    staff_id: str
    moves: tuple[CommissionMove, ...]

    @property
    def lines(self) -> int:
        """Lines sold in the period that they had a part in."""
        return sum(1 for m in self.moves if m.cause == "sale")

    @property
    def net(self) -> int:
        return sum(m.net for m in self.moves)

    @property
    def base(self) -> int:
        return sum(m.base for m in self.moves)

    @property
    def earned(self) -> int:
        return sum(m.commission for m in self.moves if m.cause == "sale")

    @property
    def taken_back(self) -> int:
        """What refunds and voids in the period took back (a positive figure)."""
        return -sum(m.commission for m in self.moves if m.cause != "sale")

    @property
    def total(self) -> int:
        return self.earned - self.taken_back


def by_technician(
    moves: Sequence[CommissionMove], first: date, last: date
) -> dict[str, TechnicianCommission]:
    """Technician id → their commission over the business days first..last, the moves by day
    (then as given)."""
    found: dict[str, list[CommissionMove]] = {}
    for move in moves:
        if first <= move.day <= last:
            found.setdefault(move.staff_id, []).append(move)
    return {
        staff: TechnicianCommission(staff, tuple(sorted(listed, key=lambda m: m.day)))
        for staff, listed in found.items()
    }


@dataclass(frozen=True)
class CommissionFacts:
    """What a statement reads from either side's tables (the counter's
    services/commission_data.py, the server's sync/server/commission_facts.py)."""

    lines: dict[str, SoldLine]  # every line of the tickets concerned
    take_backs: dict[str, list[TakeBack]]  # line id → its refunds and void, in order
    money: dict[str, TicketMoney]  # ticket id → what paid it besides money
    numbers: dict[str, str]  # ticket id → its number (A1-000123)


def commission_moves(facts: CommissionFacts, rules: CommissionRules) -> list[CommissionMove]:
    """Every move of every line the facts hold (their periods are the caller's to choose)."""
    by_ticket: dict[str, list[SoldLine]] = {}
    for line in facts.lines.values():
        by_ticket.setdefault(line.ticket_id, []).append(line)
    moves: list[CommissionMove] = []
    for ticket_id, lines in by_ticket.items():
        lines.sort(key=lambda line: line.id)
        paid = paid_by_line(lines, facts.money.get(ticket_id, TicketMoney()), rules)
        for line in lines:
            base = commission_base(line, paid[line.id], rules)
            moves += line_moves(line, base, facts.take_backs.get(line.id, ()), rules)
    return moves
