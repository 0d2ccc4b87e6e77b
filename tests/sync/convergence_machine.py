"""The pieces of the stateful convergence test (tests/sync/test_convergence.py): a real sync
server in a thread of this process, three real counters per example, and the Hypothesis state
machine that drives them through random offline work, sync orders and network faults.

Why in-process: a server process per example (or a proxy process per fault) would cost more
than the whole example. The server is still the real one (uvicorn, the FastAPI app, SQLite or
PostgreSQL), and the faults are injected in the counters' requests sessions
(tests/sync/faulty_adapter.py) exactly where a network would inject them: after the server
acted, or by sending a request twice.
"""

from __future__ import annotations

import collections
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import requests
import uvicorn
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import ColumnElement, Engine, func, literal_column, select

from salon_pos.db.models import (
    BalanceEntry,
    Customer,
    OutboxOperation,
    Refund,
    RefundLine,
    SyncConflict,
    Ticket,
    TicketLine,
)
from salon_pos.domain.balances import AlreadySpent
from salon_pos.domain.errors import DuplicatePhone
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.jobs.sync import RoundReport, sync_round
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.customers import CustomerProfile
from sync.server import admin, models
from sync.server.app import create_app
from sync.server.config import ServerSettings
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine
from tests.conftest import FakeClock, Shelf, Team
from tests.sync.client.conftest import enroll
from tests.sync.client.feed import open_counter
from tests.sync.faulty_adapter import FaultyAdapter, faulty_session
from tests.sync.live_server import HOST, free_port

OWNER = "owner@example.com"
PREFIXES = ("A1", "B1", "C1")
PRICES = {"facial": 19800, "manicure": 16800, "serum": 12800}
SHARED_CUSTOMERS = (("林小姐", "13912345678"), ("陈女士", "13687654321"))
NEW_PHONES = ("13800000001", "13800000002", "13800000003")  # few: devices reuse each other's
NAMES = ("林晓", "林小晓", "张敏", "王芳", "赵丽")
GENDERS = ("", "F", "M")
BIRTHDAYS = (None, date(1990, 1, 1), date(1985, 5, 5))
NOTES = ("敏感肌", "喜欢安静", "对花粉过敏")
CLOCK_ERRORS = (0, 2, 10, -3)  # minutes a counter's clock is off; over 1 minute ahead is clamped
FAULTS = ("answers lost", "requests sent twice", "requests refused")
FINAL = ("applied", "applied_with_flags", "duplicate")  # answers a counter may hold at the end
SETTLE_PASSES = 6  # sync rounds per device at most, to push and pull everything at the end

S_TICKET = models.table_of(models.Ticket)
S_REFUND = models.table_of(models.Refund)
S_LEDGER = models.table_of(models.LedgerEntry)
S_APPLIED = models.table_of(models.AppliedOperation)
S_CUSTOMER = models.table_of(models.Customer)
S_CONFLICT = models.table_of(models.Conflict)


# ---------------------------------------------------------------- the server, in a thread


class InProcessServer:
    """The real app under uvicorn, in a daemon thread of this process, on 127.0.0.1."""

    def __init__(self, database_url: str, deduplicate: bool, clock: FakeClock) -> None:
        self.engine = create_server_engine(database_url)
        migrate_engine(self.engine)
        self.key_dir = Path(tempfile.mkdtemp(prefix="store-keys-"))  # not the working copy
        settings = ServerSettings(
            database_url=database_url,
            deduplicate=deduplicate,
            clock=clock.now,
            key_dir=self.key_dir,
        )
        self.app = create_app(settings, self.engine)
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        config = uvicorn.Config(
            self.app, host=HOST, port=self.port, log_config=None, access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self, timeout: float = 20.0) -> InProcessServer:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the in-process sync server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.engine.dispose()
        shutil.rmtree(self.key_dir, ignore_errors=True)


@contextmanager
def running_server(
    database_url: str, deduplicate: bool, clock: FakeClock
) -> Iterator[InProcessServer]:
    server = InProcessServer(database_url, deduplicate, clock).start()
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------- what the test is given


@dataclass
class World:
    """What outlives one Hypothesis example: the server, its owner, the template database."""

    server_url: str
    engine: Engine  # the server's database, for the checks and the admin calls
    template: Path  # a migrated counter database, copied for each counter
    clock: FakeClock  # the counters' and the server's
    folder: Path  # the counters' data folders go below it, one folder per example
    examples: int = 0
    converged: int = 0  # examples that reached the end and passed every check of it
    faults: collections.Counter[str] = field(default_factory=collections.Counter)

    @classmethod
    def around(
        cls, server: InProcessServer, template: Path, clock: FakeClock, folder: Path
    ) -> World:
        """The world of a freshly started server: its owner is created here (argon2, once)."""
        admin.create_owner(server.engine, OWNER, "correct horse battery", clock=clock.now)
        return cls(server.url, server.engine, template, clock, folder)


# ---------------------------------------------------------------- one counter


@dataclass
class CounterClock:
    """A counter PC's clock: the world's (the server's) time, off by `offset`."""

    world: FakeClock
    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return self.world.now() + self.offset


@dataclass
class Counter:
    """One counter PC: its database, its network (a session that can be told to misbehave) and
    what it did, as the test saw it (the model the server's ledger is checked against)."""

    name: str
    backend: Backend
    clock: CounterClock
    session: requests.Session
    adapter: FaultyAdapter
    sold: int = 0  # fen: sales less voids less refunds done on this counter
    sales: dict[str, int] = field(default_factory=dict)  # own ticket id → total
    voided: set[str] = field(default_factory=set)
    refunded: dict[str, int] = field(default_factory=dict)  # own ticket id → fen refunded

    @property
    def device_id(self) -> str:
        return self.backend.settings.current.device_id

    def sync(
        self, after: int = 0, drop: int = 0, duplicate: int = 0, refuse: int = 0
    ) -> RoundReport:
        """One sync round; `after` requests go through before the faults asked for apply."""
        adapter = self.adapter
        adapter.pass_next_requests = after
        adapter.drop_next_answers = drop
        adapter.duplicate_next_requests = duplicate
        adapter.refuse_next_requests = refuse
        try:
            paths = Paths(self.backend.db.path.parent)
            return sync_round(self.backend, paths, timeout=30, session=self.session)
        finally:
            adapter.calm()

    def faults(self) -> collections.Counter[str]:
        counts = (self.adapter.dropped, self.adapter.duplicated, self.adapter.refused)
        return collections.Counter(dict(zip(FAULTS, counts, strict=True)))

    def close(self) -> None:
        self.session.close()
        self.backend.close()


def open_enrolled_counter(world: World, folder: Path, store_id: str, prefix: str) -> Counter:
    """A new counter database in `folder`/`prefix`, enrolled with the server as a device of
    the store; its clock is the world's until the test puts it off."""
    clock = CounterClock(world.clock)
    backend = open_counter(folder / prefix, world.template, clock, prefix)
    session, adapter = faulty_session()
    code = admin.create_enrollment_code(world.engine, store_id, clock=world.clock.now)
    enroll(backend, world.server_url, code)
    return Counter(prefix, backend, clock, session, adapter)


# ---------------------------------------------------------------- strategies

sale_lines = st.lists(
    st.tuples(st.sampled_from(sorted(PRICES)), st.integers(1, 3)), min_size=1, max_size=3
)
devices = st.integers(0, len(PREFIXES) - 1)
picks = st.integers(0, 10_000)  # an index into whatever the rule chooses from, modulo its size


class ConvergenceMachine(RuleBasedStateMachine):
    """Three counters of one new store; random offline work, syncs in random order, faults."""

    world: ClassVar[World]

    def __init__(self) -> None:
        super().__init__()
        world = self.world
        world.examples += 1
        self.folder = Path(tempfile.mkdtemp(prefix="example-", dir=world.folder))
        self.store_id = admin.create_store(world.engine, OWNER, "丽人美容 一店")
        self.counters = [
            open_enrolled_counter(world, self.folder, self.store_id, prefix) for prefix in PREFIXES
        ]

    # ------------------------------------------------------------ setting up the store

    @initialize()
    def open_the_store(self) -> None:
        """The first counter enters staff, catalog and two customers; the others pull them."""
        first = self.counters[0].backend
        self.team = Team(
            manager=first.staff.add("王店长", "manager", Team.MANAGER_PIN),
            desk=first.staff.add("周小敏", "front_desk", Team.DESK_PIN),
            tech=first.staff.add("李娜", "technician", "2222", skills=["facial", "nail"]),
        )
        facial = first.catalog.add_service(
            "面部护理", "补水保湿护理", PRICES["facial"], 60, "facial"
        )
        manicure = first.catalog.add_service("美甲", "日式美甲", PRICES["manicure"], 90, "nail")
        serum = first.catalog.add_product(
            "护肤品", "玻尿酸精华", "SKU-001", PRICES["serum"], 5000, "6901234"
        )
        self.shelf = Shelf(facial.id, manicure.id, serum.id)
        for name, phone in SHARED_CUSTOMERS:
            first.customers.add(name, phone)
        for counter in self.counters:
            report = counter.sync()
            assert report.error is None and report.pending == 0, report
        for counter in self.counters[1:]:
            assert len(counter.backend.staff.list()) == 3, "staff did not reach " + counter.name

    # ------------------------------------------------------------ offline work at a counter

    @rule(device=devices, lines=sale_lines, paid_by_wechat=st.integers(0, 100),
          change=st.sampled_from([0, 0, 600, 10000]), customer=st.none() | picks)  # fmt: skip
    def sell(
        self,
        device: int,
        lines: list[tuple[str, int]],
        paid_by_wechat: int,
        change: int,
        customer: int | None,
    ) -> None:
        counter = self.counters[device]
        items = {"facial": self.shelf.facial, "manicure": self.shelf.manicure}
        items["serum"] = self.shelf.serum
        request_lines = [
            SaleLine(
                LineKind.PRODUCT if name == "serum" else LineKind.SERVICE,
                items[name],
                quantity,
                technician_id=None if name == "serum" else self.team.tech.id,
            )
            for name, quantity in lines
        ]
        total = sum(PRICES[name] * quantity for name, quantity in lines)
        wechat = total * paid_by_wechat // 100
        tenders = [Tender(TenderKind.WECHAT, wechat)] if wechat else []
        if total - wechat + change > 0:
            tenders.append(Tender(TenderKind.CASH, total - wechat + change))
        known = _customer_ids(counter.backend)
        customer_id = None if customer is None or not known else known[customer % len(known)]
        done = counter.backend.checkout.complete_sale(
            SaleRequest(self.team.desk.id, request_lines, tenders, customer_id)
        )
        assert done.total == total
        counter.sales[done.ticket_id] = done.total
        counter.sold += done.total
        self.world.clock.advance(seconds=7)

    def _refundable(self, counter: Counter) -> list[str]:
        return [t for t in counter.sales if t not in counter.voided]  # in the order sold

    @precondition(lambda self: any(c.sales for c in self.counters))
    @rule(device=devices, pick=picks)
    def void_own_sale(self, device: int, pick: int) -> None:
        counter = self.counters[device]
        voidable = [
            t for t in self._refundable(counter) if not counter.refunded.get(t)
        ]  # a ticket with refunds cannot be voided
        if not voidable:
            return
        ticket_id = voidable[pick % len(voidable)]
        checkout = counter.backend.checkout
        if refused(counter, ticket_id, lambda: checkout.void_sale(
            ticket_id, Team.MANAGER_PIN, "顾客取消", self.team.desk.id
        )):  # fmt: skip
            return
        counter.voided.add(ticket_id)
        counter.sold -= counter.sales[ticket_id]

    @precondition(lambda self: any(c.sales for c in self.counters))
    @rule(device=devices, pick=picks, line_pick=picks)
    def refund_one_unit(self, device: int, pick: int, line_pick: int) -> None:
        counter = self.counters[device]
        candidates = [t for t in self._refundable(counter) if _units_left(counter.backend, t)]
        if not candidates:
            return
        ticket_id = candidates[pick % len(candidates)]
        left = _units_left(counter.backend, ticket_id)
        line_id = left[line_pick % len(left)]
        checkout = counter.backend.checkout
        done: list[int] = []
        if refused(counter, ticket_id, lambda: done.append(checkout.refund_lines(
            ticket_id, {line_id: 1}, Team.MANAGER_PIN, "顾客不满意", self.team.desk.id
        ))):  # fmt: skip
            return
        amount = done[0]
        counter.refunded[ticket_id] = counter.refunded.get(ticket_id, 0) + amount
        counter.sold -= amount

    @rule(device=devices, pick=picks, name=st.none() | st.sampled_from(NAMES),
          gender=st.none() | st.sampled_from(GENDERS),
          birthday=st.none() | st.integers(0, len(BIRTHDAYS) - 1))  # fmt: skip
    def edit_customer(
        self,
        device: int,
        pick: int,
        name: str | None,
        gender: str | None,
        birthday: int | None,
    ) -> None:
        """Any customer the counter knows; the two shared ones are edited on all counters.
        None keeps a field; `birthday` is an index into BIRTHDAYS (which holds None too)."""
        backend = self.counters[device].backend
        known = _customer_ids(backend)
        before = backend.customers.get(known[pick % len(known)])
        after = CustomerProfile(
            before.id,
            name if name is not None else before.name,
            before.phone,
            gender if gender is not None else before.gender,
            BIRTHDAYS[birthday] if birthday is not None else before.birthday,
            before.notes,
        )
        backend.customers.update(after)  # even when another customer shares the phone
        self.world.clock.advance(seconds=1)

    @rule(device=devices, pick=picks, note=st.sampled_from(NOTES))
    def append_note(self, device: int, pick: int, note: str) -> None:
        """Notes are append-only: the server keeps every counter's additions."""
        backend = self.counters[device].backend
        known = _customer_ids(backend)
        before = backend.customers.get(known[pick % len(known)])
        notes = f"{before.notes}\n{note}" if before.notes else note
        backend.customers.update(replace(before, notes=notes))
        self.world.clock.advance(seconds=1)

    @rule(device=devices, name=st.sampled_from(NAMES), phone=st.sampled_from(NEW_PHONES))
    def add_customer(self, device: int, name: str, phone: str) -> None:
        """Two counters may take the same phone offline: a duplicate_customer conflict, never a
        merge. A counter that already holds the phone (its own, or pulled) refuses it."""
        with suppress(DuplicatePhone):
            self.counters[device].backend.customers.add(name, phone)

    @rule(seconds=st.integers(1, 120))
    def time_passes(self, seconds: int) -> None:
        self.world.clock.advance(seconds=seconds)

    @rule(device=devices, minutes=st.sampled_from(CLOCK_ERRORS))
    def clock_goes_wrong(self, device: int, minutes: int) -> None:
        """A counter's clock runs ahead (its stamps get clamped at the server) or behind."""
        self.counters[device].clock.offset = timedelta(minutes=minutes)

    # ------------------------------------------------------------ the network

    @rule(device=devices)
    def sync(self, device: int) -> None:
        report = self.counters[device].sync()
        assert report.error is None, report

    @rule(device=devices, after=st.integers(0, 1), answers=st.integers(1, 2))
    def sync_losing_answers(self, device: int, after: int, answers: int) -> None:
        """The server acts, the answer is lost: the counter cannot know and sends again later.
        With `after`, the push goes well and the pull's answer is lost."""
        self._faulty(device, after=after, drop=answers)

    @rule(device=devices, after=st.integers(0, 1), requests_=st.integers(1, 3))
    def sync_sending_twice(self, device: int, after: int, requests_: int) -> None:
        report = self._faulty(device, after=after, duplicate=requests_)
        assert report.error is None, report  # a request sent twice is answered twice, alike

    @rule(device=devices, after=st.integers(0, 1))
    def sync_cut_off(self, device: int, after: int) -> None:
        """The network goes before the push (nothing sent) or after it (nothing pulled)."""
        self._faulty(device, after=after, refuse=1)

    def _faulty(self, device: int, **faults: int) -> RoundReport:
        counter = self.counters[device]
        before = counter.faults()
        report = counter.sync(**faults)
        self.world.faults.update(counter.faults() - before)
        return report

    # ------------------------------------------------------------ checks

    @invariant()
    def each_operation_reaches_the_ledger_at_most_once(self) -> None:
        """Exactly-once, checked after every step: no operation has two ledger entries."""
        with self.world.engine.connect() as connection:
            twice = connection.execute(
                select(S_LEDGER.c.op_id, func.count())
                .where(S_LEDGER.c.store_id == self.store_id)
                .group_by(S_LEDGER.c.op_id)
                .having(func.count() > 1)
            ).all()
        assert not twice, f"LEDGER: operations entered more than once: {twice}"

    def teardown(self) -> None:
        try:
            # Only when the steps passed (a failing step is the report) and the store opened.
            if sys.exc_info()[0] is None and hasattr(self, "shelf"):
                self._settle()
                self.check_converged()
                self.world.converged += 1
        finally:
            for counter in self.counters:
                counter.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def check_converged(self) -> None:
        """What must hold once the network is good again (a machine that adds work adds its
        checks here)."""
        check_converged(self)

    def _settle(self) -> None:
        """The network is good again: sync every counter until a whole pass moves nothing."""
        for _ in range(SETTLE_PASSES):
            reports = [counter.sync() for counter in self.counters]
            for counter, report in zip(self.counters, reports, strict=True):
                assert report.error is None, f"{counter.name}: {report}"
            if not any(r.pushed or r.pulled or r.pending for r in reports):
                return
        raise AssertionError(f"still syncing after {SETTLE_PASSES} passes: {reports}")


# ---------------------------------------------------------------- reading a counter


def _customer_ids(backend: Backend) -> list[str]:
    """In the order this counter got them: ids are UUIDv7, whose order within a millisecond is
    random, and the rules must pick the same customer when Hypothesis replays an example."""
    with backend.db.read() as session:
        order: ColumnElement[int] = literal_column("customer.rowid")
        return list(session.scalars(select(Customer.id).order_by(order)))


def refused(counter: Counter, ticket_id: str, give_back: Callable[[], Any]) -> bool:
    """Run a void or refund; True when the counter refused it because the customer has already
    spent what the sale gave them (a top-up, a card's sessions, points: the member machine's
    sales), having written nothing. Refused only when the sale gave something to an account
    that now holds less than it gave."""
    with counter.backend.db.read() as session:
        before = session.scalar(select(func.count()).select_from(OutboxOperation))
    try:
        give_back()
    except AlreadySpent:
        with counter.backend.db.read() as session:
            after = session.scalar(select(func.count()).select_from(OutboxOperation))
            given = session.execute(
                select(BalanceEntry.customer_id, BalanceEntry.account, BalanceEntry.card_id,
                       func.sum(BalanceEntry.amount))
                .where(BalanceEntry.ticket_id == ticket_id, BalanceEntry.reason != "reverse",
                       BalanceEntry.amount > 0)
                .group_by(BalanceEntry.customer_id, BalanceEntry.account, BalanceEntry.card_id)
            ).all()  # fmt: skip
            held = {
                (customer, account, card): session.scalar(
                    select(func.sum(BalanceEntry.amount)).where(
                        BalanceEntry.customer_id == customer, BalanceEntry.account == account,
                        BalanceEntry.card_id.is_(None) if card is None
                        else BalanceEntry.card_id == card,
                    )
                )
                for customer, account, card, _ in given
            }  # fmt: skip
        assert after == before, "a refused void or refund queued an operation"
        short = [g for g in given if (held[g[:3]] or 0) < g[3]]
        assert short, f"refused, but the customer still holds all that {ticket_id} gave"
        return True
    return False


def _units_left(backend: Backend, ticket_id: str) -> list[str]:
    """Lines of a completed ticket with units not refunded yet."""
    with backend.db.read() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.status != "completed":
            return []
        refunded = (
            select(func.coalesce(func.sum(RefundLine.quantity), 0))
            .where(RefundLine.ticket_line_id == TicketLine.id)
            .scalar_subquery()
        )
        return list(
            session.scalars(
                select(TicketLine.id)
                .where(TicketLine.ticket_id == ticket_id, TicketLine.quantity > refunded)
                .order_by(TicketLine.position)
            )
        )


def _tickets(backend: Backend) -> dict[str, str]:
    with backend.db.read() as session:
        return dict(session.execute(select(Ticket.id, Ticket.status)).all())


def _refunds(backend: Backend) -> dict[str, int]:
    with backend.db.read() as session:
        return dict(session.execute(select(Refund.id, Refund.amount)).all())


def _customers(backend: Backend) -> dict[str, tuple[Any, ...]]:
    with backend.db.read() as session:
        rows = session.execute(
            select(
                Customer.id,
                Customer.name,
                Customer.phone,
                Customer.gender,
                Customer.birthday,
                Customer.notes,
                Customer.merged_into,
            )
        ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def _conflicts(backend: Backend) -> dict[str, tuple[str, str]]:
    with backend.db.read() as session:
        rows = session.execute(select(SyncConflict.id, SyncConflict.type, SyncConflict.status))
        return {row[0]: (row[1], row[2]) for row in rows}


def _outbox(backend: Backend) -> dict[str, str | None]:
    with backend.db.read() as session:
        rows = session.execute(select(OutboxOperation.id, OutboxOperation.result))
        return dict(rows.all())


# ---------------------------------------------------------------- the final comparison


def check_converged(machine: ConvergenceMachine) -> None:
    engine, store_id = machine.world.engine, machine.store_id
    with engine.connect() as connection:
        applied = {
            device: dict(
                connection.execute(
                    select(S_APPLIED.c.id, S_APPLIED.c.status).where(
                        S_APPLIED.c.device_id == device
                    )
                ).all()
            )
            for device in (c.device_id for c in machine.counters)
        }
        ledger_by_device = dict(
            connection.execute(
                select(S_LEDGER.c.device_id, func.sum(S_LEDGER.c.amount))
                .where(S_LEDGER.c.store_id == store_id)
                .group_by(S_LEDGER.c.device_id)
            ).all()
        )
        server_tickets = dict(
            connection.execute(
                select(S_TICKET.c.id, S_TICKET.c.status).where(S_TICKET.c.store_id == store_id)
            ).all()
        )
        server_refunds = dict(
            connection.execute(
                select(S_REFUND.c.id, S_REFUND.c.amount).where(S_REFUND.c.store_id == store_id)
            ).all()
        )
        customer_rows = connection.execute(
            select(
                S_CUSTOMER.c.id,
                S_CUSTOMER.c.name,
                S_CUSTOMER.c.phone,
                S_CUSTOMER.c.gender,
                S_CUSTOMER.c.birthday,
                S_CUSTOMER.c.notes,
                S_CUSTOMER.c.merged_into,
            ).where(S_CUSTOMER.c.store_id == store_id)
        ).all()
        conflict_rows = connection.execute(
            select(S_CONFLICT.c.id, S_CONFLICT.c.type, S_CONFLICT.c.status).where(
                S_CONFLICT.c.store_id == store_id
            )
        ).all()
    server_customers = {row[0]: tuple(row[1:]) for row in customer_rows}
    server_conflicts = {row[0]: (row[1], row[2]) for row in conflict_rows}

    for counter in machine.counters:
        outbox = _outbox(counter.backend)
        unfinished = {op: result for op, result in outbox.items() if result not in FINAL}
        assert not unfinished, f"{counter.name}: operations not pushed: {unfinished}"
        got = applied[counter.device_id]
        assert set(got) == set(outbox), (
            f"EXACTLY-ONCE: {counter.name} queued {len(outbox)} operations, the server holds "
            f"{len(got)}: missing {set(outbox) - set(got)}, unknown {set(got) - set(outbox)}"
        )
        rejected = {op: s for op, s in got.items() if s == "rejected"}
        assert not rejected, f"{counter.name}: the server rejected {rejected}"
        assert ledger_by_device.get(counter.device_id, 0) == counter.sold, (
            f"LEDGER: the server holds {ledger_by_device.get(counter.device_id, 0)} fen for "
            f"{counter.name}, which sold {counter.sold} fen (sales less voids and refunds)"
        )
    assert admin.store_sales_total(engine, store_id) == sum(c.sold for c in machine.counters), (
        "LEDGER: the store's total is not the sum of its counters"
    )

    own_tickets = {t for c in machine.counters for t in c.sales}
    assert set(server_tickets) == own_tickets, "the server's tickets are not the counters' sales"
    for counter in machine.counters:
        assert _tickets(counter.backend) == server_tickets, f"{counter.name}: tickets differ"
        assert _refunds(counter.backend) == server_refunds, f"{counter.name}: refunds differ"
        assert _conflicts(counter.backend) == server_conflicts, f"{counter.name}: conflicts differ"
        customers = _customers(counter.backend)
        assert customers == server_customers, (
            f"CONVERGENCE: {counter.name}'s customers differ from the server's: "
            f"{_difference(customers, server_customers)}"
        )


def _difference(
    here: dict[str, tuple[Any, ...]], there: dict[str, tuple[Any, ...]]
) -> dict[str, Any]:
    return {
        key: (here.get(key), there.get(key))
        for key in sorted(set(here) | set(there))
        if here.get(key) != there.get(key)
    }


def server_customer(engine: Engine, customer_id: str) -> dict[str, Any]:
    with engine.connect() as connection:
        row = connection.execute(select(S_CUSTOMER).where(S_CUSTOMER.c.id == customer_id))
        return dict(row.mappings().one())
