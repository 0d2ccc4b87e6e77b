"""The member ledgers under the convergence machine (tests/sync/test_member_ledgers_converge.py):
the same real server in a thread and three real counters of one store (tests/sync/
convergence_machine.py), driven through top-ups, stored-value and points spends, package cards
sold and their sessions used, voids and refunds (the parent's rules, which now meet member
sales), overdrafts resolved at a counter, points expiring (days pass beyond the store's
validity; a counter expires what it knows, maybe what another counter expired too, or before
a spend elsewhere reached it) and replays of what was pushed — offline, online, synced in any
order through the parent's lost answers and doubled requests.

At the end, on every counter and at the server (docs/adr/0009-member-balances.md):
- the entries are the same everywhere (ids and amounts), and so are the package cards;
- each balance (principal, bonus, points, each card's sessions) is the sum of its entries;
- an account below zero has an overdraft on record that is not settled, and the shortfalls of
  the overdrafts of an account are exactly how far the server's ledger went below zero as it
  applied the operations in order (a top-up after an overdraft lifts the balance, not the
  debt on record: the bound then is "at least");
- a collect or write-off brought its account back by exactly its shortfall, once;
- each ticket's stored value on the card ledger is what its stored-value tenders took, less
  what its voids and refunds gave back by that tender (the money the customer holds on the
  card agrees with the drawer's books);
- a replay of operations already applied changes no balance (checked when it happens);
- once every counter has expired what is due and synced, nothing more is due anywhere, and
  each lot's expiries on record add up to what the FIFO rule expires of it."""

from __future__ import annotations

import collections
import json
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule
from sqlalchemy import select

from salon_pos.db.models import BalanceEntry, OutboxOperation, PackageCard, PackagePlan, Setting
from salon_pos.domain.balances import SpendOrder
from salon_pos.domain.points_expiry import PointsEntry, due_expiries, expired_by_lot
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.checkout import CompletedSale, SaleLine, SaleRequest
from salon_pos.services.member_ledger import MemberBalances, SessionUse, read_balances
from salon_pos.services.sync_outbox import CounterOutbox
from sync.operations.members import CONFLICT_OVERDRAFT
from sync.protocol import (
    CONFLICT_OPEN,
    RESOLUTION_CARRY,
    RESOLUTION_COLLECT,
    RESOLUTION_WRITE_OFF,
)
from sync.server import models
from tests.conftest import Team
from tests.sync.convergence_machine import (
    PRICES,
    ConvergenceMachine,
    Counter,
    _customer_ids,
    _units_left,
    devices,
    picks,
    refused,
)

PLAN_ID = "01a00000-0000-7000-8000-00000000c0de"  # the same plan on every counter
PLAN_PRICE, PLAN_SESSIONS = 50000, 3
TOP_UPS = (100, 30000, 100000)  # fen paid in; ¥1,000 and more get ¥200 of bonus
TOP_UP_RULES = "100000:20000"
POINTS_VALID_DAYS = 2  # the store's points validity: the expiries rule passes 1–3 days
RESOLUTIONS = (RESOLUTION_COLLECT, RESOLUTION_WRITE_OFF, RESOLUTION_CARRY)
SETTLED = {RESOLUTION_COLLECT: "collect", RESOLUTION_WRITE_OFF: "write_off"}

S_BALANCE = models.table_of(models.BalanceEntry)
S_CARD = models.table_of(models.PackageCard)
S_CHANGE = models.table_of(models.ChangeRecord)
S_CONFLICT = models.table_of(models.Conflict)
S_TENDER = models.table_of(models.TenderEntry)
S_LINE = models.table_of(models.TicketLine)
Key = tuple[str, str, str]  # customer, account, card ("" for none)


class MemberLedgerMachine(ConvergenceMachine):
    """The parent's store, counters, sales, voids, refunds, syncs and faults, with member work.
    The parent's profile edits are not drawn here (their convergence is the parent's test):
    the steps go to the ledgers."""

    edit_customer = append_note = add_customer = clock_goes_wrong = None  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.replays = 0  # replays checked

    @initialize(order=st.sampled_from(SpendOrder))
    def open_the_store(self, order: SpendOrder) -> None:  # type: ignore[override]
        """The parent's store; every counter sells the same package plan and spends in the same
        order (member settings are each counter's own for now); the two regulars start with
        ¥1,000 (+¥200 bonus) on their cards, the first with a package card and its points,
        all known to every counter."""
        ConvergenceMachine.open_the_store(self)
        for counter in self.counters:
            with counter.backend.db.write() as session:
                session.merge(Setting(key="top_up_rules", value=TOP_UP_RULES))
                session.merge(Setting(key="spend_order", value=order.value))
                session.merge(Setting(key="points_valid_days", value=str(POINTS_VALID_DAYS)))
            counter.backend.settings.reload()
        self._plan_everywhere()
        first = self.counters[0]
        for pick in range(2):
            self.top_up(0, pick, 100000)
        self.sell_package_card(0, 0)
        for counter in (first, *self.counters):
            report = counter.sync()
            assert report.error is None and report.pending == 0, report

    def _plan_everywhere(self) -> None:
        for counter in self.counters:
            with counter.backend.db.write() as session:
                session.merge(
                    PackagePlan(
                        id=PLAN_ID,
                        name="补水3次卡",
                        service_ids=[self.shelf.facial],
                        sessions=PLAN_SESSIONS,
                        price=PLAN_PRICE,
                        valid_days=0,
                        active=True,
                        hlc="",
                    )
                )

    # ------------------------------------------------------------ member work at a counter

    def _customer(self, counter: Counter, pick: int) -> str:
        known = _customer_ids(counter.backend)
        return known[pick % len(known)]

    def _complete(self, counter: Counter, request: SaleRequest) -> CompletedSale:
        done = counter.backend.checkout.complete_sale(request)
        counter.sales[done.ticket_id] = done.total
        counter.sold += done.total
        self.world.clock.advance(seconds=7)
        return done

    @rule(device=devices, pick=picks, paid=st.sampled_from(TOP_UPS))
    def top_up(self, device: int, pick: int, paid: int) -> None:
        counter = self.counters[device]
        customer = self._customer(counter, pick)
        line = SaleLine(LineKind.STORED_VALUE, customer, unit_price=paid)
        request = SaleRequest(self.team.desk.id, [line], [Tender(TenderKind.CASH, paid)], customer)
        self._complete(counter, request)

    @rule(device=devices, pick=picks, percent=st.integers(1, 100), both=st.booleans(),
          cash_first=st.booleans())  # fmt: skip
    def pay_by_card(
        self, device: int, pick: int, percent: int, both: bool, cash_first: bool
    ) -> None:
        """Up to what this counter knows the card holds: the rest in cash, paid before or after."""
        counter = self.counters[device]
        customer = self._customer(counter, pick)
        held = balances(counter, customer)
        available = held.stored_value.total  # net: a debt carried counts against it
        names = ["facial", "manicure"] if both else ["facial"]
        total = sum(PRICES[name] for name in names)
        if available <= 0:
            return
        amount = max(1, min(available, total) * percent // 100)
        tenders = [Tender(TenderKind.STORED_VALUE, amount)]
        if amount < total:
            cash = Tender(TenderKind.CASH, total - amount)
            tenders = [cash, *tenders] if cash_first else [*tenders, cash]
        request = SaleRequest(self.team.desk.id, self._services(names), tenders, customer)
        self._complete(counter, request)

    @rule(first=devices, second=devices, pick=picks)
    def two_counters_spend_all_of_it(self, first: int, second: int, pick: int) -> None:
        """Each of two counters spends all it knows the card holds (an overdraft at the server
        unless one of them learnt of the other's spend first)."""
        for device in dict.fromkeys((first, second)):
            counter = self.counters[device]
            customer = self._customer(counter, pick)
            held = balances(counter, customer)
            available = held.stored_value.total  # net: a debt carried counts against it
            if available <= 0:
                continue
            facials = -(-available // PRICES["facial"])
            lines = [replace(self._services(["facial"])[0], quantity=facials)]
            tenders = [Tender(TenderKind.STORED_VALUE, available)]
            if facials * PRICES["facial"] > available:
                tenders.append(Tender(TenderKind.CASH, facials * PRICES["facial"] - available))
            self._complete(counter, SaleRequest(self.team.desk.id, lines, tenders, customer))

    @rule(device=devices, pick=picks, percent=st.integers(1, 100))
    def pay_by_points(self, device: int, pick: int, percent: int) -> None:
        """100 points pay ¥1 (the default): a facial, partly or wholly by points (those this
        counter knows are valid: the expired ones it leaves out)."""
        counter = self.counters[device]
        customer = self._customer(counter, pick)
        points = counter.backend.members.balances(customer).points
        if points <= 0:
            return
        fen = max(1, min(points, PRICES["facial"]) * percent // 100)
        tenders = [Tender(TenderKind.POINTS, fen)]
        if fen < PRICES["facial"]:
            tenders.append(Tender(TenderKind.WECHAT, PRICES["facial"] - fen))
        request = SaleRequest(self.team.desk.id, self._services(["facial"]), tenders, customer)
        self._complete(counter, request)

    @rule(device=devices, pick=picks, days=st.integers(1, 3))
    def expiries(self, device: int, pick: int, days: int) -> None:
        """Days pass (maybe beyond the validity of points earned); a counter shows a
        customer's member account, which records what has expired by now. After it nothing
        more is due on that counter, and the customer's points are the sum of their entries."""
        self.world.clock.advance(days=days)
        counter = self.counters[device]
        customer = self._customer(counter, pick)
        counter.backend.members.expire_points(customer, self.team.desk.id)
        shown = counter.backend.members.balances(customer).points
        assert shown == balances(counter, customer).points, "EXPIRY: still due after expiring"

    @rule(device=devices, pick=picks)
    def sell_package_card(self, device: int, pick: int) -> None:
        counter = self.counters[device]
        customer = self._customer(counter, pick)
        line = SaleLine(LineKind.PACKAGE, PLAN_ID)
        tenders = [Tender(TenderKind.ALIPAY, PLAN_PRICE)]
        self._complete(counter, SaleRequest(self.team.desk.id, [line], tenders, customer))

    @rule(device=devices, pick=picks, with_product=st.booleans())
    def use_a_session(self, device: int, pick: int, with_product: bool) -> None:
        """A facial paid by a session of a card this counter knows has one left."""
        counter = self.counters[device]
        cards = [
            (customer, card.id)
            for customer in _customer_ids(counter.backend)
            for card in balances(counter, customer).cards
            if card.left > 0
        ]
        if not cards:
            return
        customer, card_id = cards[pick % len(cards)]
        lines = self._services(["facial"])
        tenders = []
        if with_product:
            lines.append(SaleLine(LineKind.PRODUCT, self.shelf.serum))
            tenders.append(Tender(TenderKind.CASH, PRICES["serum"]))
        request = SaleRequest(
            self.team.desk.id, lines, tenders, customer, sessions=[SessionUse(1, card_id)]
        )
        self._complete(counter, request)

    def _services(self, names: list[str]) -> list[SaleLine]:
        items = {"facial": self.shelf.facial, "manicure": self.shelf.manicure}
        tech = self.team.tech.id
        return [SaleLine(LineKind.SERVICE, items[n], technician_id=tech) for n in names]

    @rule(device=devices, pick=picks, line_pick=picks, void=st.booleans())
    def give_back_a_member_sale(self, device: int, pick: int, line_pick: int, void: bool) -> None:
        """The parent's void or refund of one unit, of a sale that moved a member's balance
        (the parent's rules pick among all sales, most of them plain)."""
        counter = self.counters[device]
        with counter.backend.db.read() as session:
            member = set(session.scalars(select(BalanceEntry.ticket_id).distinct()))
        candidates = [t for t in self._refundable(counter) if t in member]
        if void:
            candidates = [t for t in candidates if not counter.refunded.get(t)]
        else:
            candidates = [t for t in candidates if _units_left(counter.backend, t)]
        if not candidates:
            return
        ticket_id = candidates[pick % len(candidates)]
        checkout = counter.backend.checkout
        if void:
            if refused(counter, ticket_id, lambda: checkout.void_sale(
                ticket_id, Team.MANAGER_PIN, "顾客取消", self.team.desk.id
            )):  # fmt: skip
                return
            counter.voided.add(ticket_id)
            counter.sold -= counter.sales[ticket_id]
            return
        left = _units_left(counter.backend, ticket_id)
        done: list[int] = []
        if refused(counter, ticket_id, lambda: done.append(checkout.refund_lines(
            ticket_id, {left[line_pick % len(left)]: 1}, Team.MANAGER_PIN, "不满意",
            self.team.desk.id,
        ))):  # fmt: skip
            return
        amount = done[0]
        counter.refunded[ticket_id] = counter.refunded.get(ticket_id, 0) + amount
        counter.sold -= amount

    @rule(device=devices, pick=picks, resolution=st.sampled_from(RESOLUTIONS))
    def resolve_an_overdraft(self, device: int, pick: int, resolution: str) -> None:
        """A manager decides at a counter (two counters may decide one overdraft apart: the
        first decision the server applies stands)."""
        counter = self.counters[device]
        counter.sync()  # what the manager sees: the inbox after the last sync (it may fail)
        backend = counter.backend
        open_ = [c for c in backend.sync.conflicts() if c.type == CONFLICT_OVERDRAFT]
        if not open_:
            return
        chosen = open_[pick % len(open_)]
        backend.sync.resolve(chosen.id, resolution, self.team.manager.id, note="店长处理")

    @rule(device=devices, pick=picks)
    def replay_what_was_pushed(self, device: int, pick: int) -> None:
        """Operations the server applied, sent again (as a counter does that lost the answers):
        every one is a duplicate, and no balance at the server moves."""
        counter = self.counters[device]
        report = counter.sync()
        assert report.error is None, report
        with counter.backend.db.read() as session:
            pushed = list(
                session.scalars(
                    select(OutboxOperation.seq)
                    .where(OutboxOperation.pushed_at.is_not(None))
                    .order_by(OutboxOperation.seq)
                )
            )
        if report.pending or not pushed:
            return
        before = server_balances(self)
        CounterOutbox(counter.backend.db, counter.backend.clock, counter.device_id).requeue_from(
            pushed[pick % len(pushed)]
        )
        again = counter.sync()
        assert again.error is None and again.pending == 0, again
        assert server_balances(self) == before, "REPLAY: a replayed operation moved a balance"
        self.replays += 1

    def check_converged(self) -> None:
        super().check_converged()
        self.world.faults.update(check_member_ledgers(self))
        self.world.faults["replays"] += self.replays
        self.world.faults.update(self._check_expiries())

    def _check_expiries(self) -> collections.Counter[str]:
        """Every counter expires what it holds due, the store syncs: nothing is due anywhere,
        the entries are the same everywhere, and each lot's expiries add up to the FIFO's."""
        for counter in self.counters:
            for customer in _customer_ids(counter.backend):
                counter.backend.members.expire_points(customer, self.team.desk.id)
        self._settle()
        now = self.world.clock.now()
        with self.world.engine.connect() as connection:
            rows = connection.execute(
                select(S_BALANCE).where(
                    S_BALANCE.c.store_id == self.store_id, S_BALANCE.c.account == "points"
                )
            ).all()
        by_customer: dict[str, list[PointsEntry]] = collections.defaultdict(list)
        for r in rows:
            by_customer[r.customer_id].append(
                PointsEntry(r.id, r.amount, r.reason, r.created_at, r.line_id)
            )
        expired = 0
        for customer, entries in by_customer.items():
            assert due_expiries(entries, now, POINTS_VALID_DAYS) == [], f"EXPIRY: {customer}"
            fifo = expired_by_lot(entries, now, POINTS_VALID_DAYS)
            recorded: collections.Counter[str] = collections.Counter()
            for e in entries:
                if e.reason == "expire":
                    recorded[str(e.lot)] -= e.amount
            assert +recorded == collections.Counter(
                {lot: points for lot, (points, _) in fifo.items() if points}
            ), f"EXPIRY: {customer}'s expiries on record are not the FIFO's"
            expired += sum(recorded.values())
        server = {r.id: (r.customer_id, r.account, r.card_id, r.amount, r.reason) for r in rows}
        for counter in self.counters:
            here = {k: v for k, v in _counter_entries(counter).items() if v[1] == "points"}
            assert here == server, f"EXPIRY: {counter.name}'s points entries differ"
            for customer in by_customer:
                held = counter.backend.members.balances(customer).points
                assert held == balances(counter, customer).points, counter.name
        return collections.Counter(points_expired=expired)


# ---------------------------------------------------------------- reading


def balances(counter: Counter, customer_id: str) -> MemberBalances:
    with counter.backend.db.write_connection() as connection:
        return read_balances(connection, customer_id)


def _key(customer: str, account: str, card: str | None) -> Key:
    return (customer, account, card or "")


def server_balances(machine: ConvergenceMachine) -> dict[Key, int]:
    sums: dict[Key, int] = collections.defaultdict(int)
    with machine.world.engine.connect() as connection:
        rows = connection.execute(
            select(S_BALANCE.c.customer_id, S_BALANCE.c.account, S_BALANCE.c.card_id,
                   S_BALANCE.c.amount).where(S_BALANCE.c.store_id == machine.store_id)
        )  # fmt: skip
        for customer, account, card, amount in rows:
            sums[_key(customer, account, card)] += amount
    return dict(sums)


def _counter_entries(counter: Counter) -> dict[str, tuple[Any, ...]]:
    with counter.backend.db.read() as session:
        rows = session.execute(
            select(BalanceEntry.id, BalanceEntry.customer_id, BalanceEntry.account,
                   BalanceEntry.card_id, BalanceEntry.amount, BalanceEntry.reason)
        )  # fmt: skip
        return {row[0]: tuple(row[1:]) for row in rows}


def _counter_cards(counter: Counter) -> dict[str, tuple[Any, ...]]:
    with counter.backend.db.read() as session:
        rows = session.execute(
            select(PackageCard.id, PackageCard.customer_id, PackageCard.sessions)
        )
        return {row[0]: tuple(row[1:]) for row in rows}


# ---------------------------------------------------------------- the final checks


def check_member_ledgers(machine: MemberLedgerMachine) -> collections.Counter[str]:
    """The checks; answers what the example held (overdrafts, settled, refunds of stored
    value), for the test's summary."""
    engine, store = machine.world.engine, machine.store_id
    with engine.connect() as connection:
        entries = {
            row.id: row
            for row in connection.execute(select(S_BALANCE).where(S_BALANCE.c.store_id == store))
        }
        cards = {
            row.id: (row.customer_id, row.sessions)
            for row in connection.execute(select(S_CARD).where(S_CARD.c.store_id == store))
        }
        order = dict(
            connection.execute(
                select(S_CHANGE.c.entity_id, S_CHANGE.c.seq).where(
                    S_CHANGE.c.store_id == store, S_CHANGE.c.entity == "balance_entry"
                )
            ).all()
        )
        overdrafts = [
            (row.status, row.resolution, json.loads(row.details))
            for row in connection.execute(
                select(S_CONFLICT).where(
                    S_CONFLICT.c.store_id == store, S_CONFLICT.c.type == CONFLICT_OVERDRAFT
                )
            )
        ]
        by_ticket: collections.Counter[str] = collections.Counter()
        by_session: collections.Counter[str] = collections.Counter()
        given_back = 0
        for ticket, tender, amount in connection.execute(
            select(S_TENDER.c.ticket_id, S_TENDER.c.tender, S_TENDER.c.amount).where(
                S_TENDER.c.store_id == store,
                S_TENDER.c.tender.in_(["stored_value", "package_session"]),
            )
        ):
            if tender == "stored_value":
                by_ticket[ticket] += amount
                given_back += amount < 0
            else:
                by_session[ticket] += amount
        service_lines = {
            row.id: (row.ticket_id, row.net_total, row.quantity)
            for row in connection.execute(
                select(S_LINE).where(
                    S_LINE.c.kind == "service",
                    S_LINE.c.id.in_({e.line_id for e in entries.values() if e.line_id}),
                )
            )
        }
    sums = server_balances(machine)
    server_entries = {
        id_: (e.customer_id, e.account, e.card_id, e.amount, e.reason) for id_, e in entries.items()
    }
    assert set(order) == set(entries), "LEDGERS: an entry the change feed does not carry"

    # The same entries and cards everywhere; balances the sums of their entries.
    for counter in machine.counters:
        here = _counter_entries(counter)
        assert here == server_entries, (
            f"LEDGERS: {counter.name}'s entries differ from the server's: missing "
            f"{sorted(set(server_entries) - set(here))}, unknown "
            f"{sorted(set(here) - set(server_entries))}, different "
            f"{[k for k in set(here) & set(server_entries) if here[k] != server_entries[k]]}"
        )
        assert _counter_cards(counter) == cards, f"LEDGERS: {counter.name}'s cards differ"
        for customer in {key[0] for key in sums}:
            held = balances(counter, customer)
            assert held.principal == sums.get((customer, "principal", ""), 0), counter.name
            assert held.bonus == sums.get((customer, "bonus", ""), 0), counter.name
            assert held.points == sums.get((customer, "points", ""), 0), counter.name
            for card in held.cards:
                assert card.left == sums.get((customer, "sessions", card.id), 0), counter.name

    _check_overdrafts(entries, order, overdrafts, sums)
    seen = collections.Counter(
        overdrafts=len(overdrafts),
        settled=sum(1 for _, resolution, _ in overdrafts if resolution in SETTLED),
        stored_value_given_back=given_back,
    )

    # The card ledger agrees with the tender ledger, ticket by ticket.
    on_card: collections.Counter[str] = collections.Counter()
    for entry in entries.values():
        if entry.account in ("principal", "bonus") and entry.ticket_id and not entry.line_id:
            on_card[entry.ticket_id] += entry.amount
    for ticket in set(on_card) | set(by_ticket):
        assert on_card[ticket] == -by_ticket[ticket], (
            f"STORED VALUE: ticket {ticket} took {by_ticket[ticket]} fen net by stored value "
            f"(sales less voids and refunds), but moved {on_card[ticket]} fen on the card"
        )

    # The sessions a ticket's service lines hold used are what its package-session tender
    # paid, less what its voids and refunds gave back by it (the machine's lines are of one
    # unit, so a session's worth is its line's price).
    used: collections.Counter[str] = collections.Counter()
    for entry in entries.values():
        if entry.account == "sessions" and entry.line_id in service_lines:
            ticket, net, quantity = service_lines[entry.line_id]
            used[ticket] += -entry.amount * net // quantity
    for ticket in set(used) | set(by_session):
        assert used[ticket] == by_session[ticket], (
            f"SESSIONS: ticket {ticket} took {by_session[ticket]} fen net by package sessions, "
            f"but its lines hold {used[ticket]} fen of sessions used"
        )
    return seen


def _check_overdrafts(
    entries: dict[str, Any],
    order: dict[str, int],
    overdrafts: list[tuple[str, str | None, dict[str, Any]]],
    sums: dict[Key, int],
) -> None:
    shortfalls: collections.Counter[Key] = collections.Counter()
    unsettled: collections.Counter[Key] = collections.Counter()
    settled: collections.Counter[tuple[Key, str]] = collections.Counter()
    for status, resolution, details in overdrafts:
        key = _key(details["customer_id"], details["account"], details.get("card_id"))
        assert details["shortfall"] > 0, details
        shortfalls[key] += details["shortfall"]
        if status == CONFLICT_OPEN or resolution not in SETTLED:
            unsettled[key] += details["shortfall"]
        else:
            settled[(key, SETTLED[resolution])] += details["shortfall"]
    settlements: collections.Counter[tuple[Key, str]] = collections.Counter()
    for e in entries.values():
        if e.reason in SETTLED.values():
            settlements[(_key(e.customer_id, e.account, e.card_id), e.reason)] += e.amount
    # A decision settles at most the shortfall: less when the account came back up before the
    # server applied it (a void or an expiry correction that reached it first), never more,
    # and never one the manager did not decide.
    for settled_key, amount in settlements.items():
        assert 0 < amount <= settled[settled_key], (
            f"OVERDRAFT: {settled_key} settled {amount}, decided {settled[settled_key]}"
        )

    for key, balance in sums.items():
        if balance < 0:
            assert unsettled[key] >= -balance, (
                f"OVERDRAFT: {key} is {balance} with {unsettled[key]} of open overdrafts"
            )

    # How far each account went below zero as the server applied the operations, in order.
    by_op: dict[str, dict[Key, int]] = {}
    first_seq: dict[str, int] = {}
    for e in entries.values():
        deltas = by_op.setdefault(e.op_id, collections.Counter())
        deltas[_key(e.customer_id, e.account, e.card_id)] += e.amount
        first_seq[e.op_id] = min(first_seq.get(e.op_id, order[e.id]), order[e.id])
    running: collections.Counter[Key] = collections.Counter()
    below: collections.Counter[Key] = collections.Counter()
    for op in sorted(by_op, key=first_seq.__getitem__):
        for key, delta in by_op[op].items():
            was, running[key] = running[key], running[key] + delta
            if delta < 0:
                below[key] += max(0, -running[key]) - max(0, -was)
    assert +below == +shortfalls, (
        f"OVERDRAFT: the shortfalls on record {dict(shortfalls)} are not how far the ledger "
        f"went below zero {dict(below)}"
    )
