"""Fault injection against a real server on 127.0.0.1 (SQLite and PostgreSQL), issue 4: the
server killed in the middle of a batch; answers lost after the server committed and requests
sent twice (a proxy); the counter killed with SIGKILL in the middle of a push, fifty times; a
malformed operation in the middle of a batch; two senders started on one device. Each ends with
the same strict check (`assert_ledger_exact`): every queued operation reached the server exactly
once, and the server's ledger equals what the counters sold, to the fen."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from salon_pos.db.models import OutboxOperation, Refund, Ticket, TicketLine
from salon_pos.db.outbox import append_encoded
from salon_pos.jobs.sync import RoundReport
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_state import sync_state
from sync.operations.sales import (
    SALE_COMPLETED,
    SALE_REFUNDED,
    SALE_VOIDED,
)
from sync.protocol import (
    APPLIED,
    APPLIED_WITH_FLAGS,
    DUPLICATE,
    FINAL_RESULTS,
    MAX_BATCH_BYTES,
    MAX_BATCH_OPERATIONS,
    REJECTED,
)
from sync.server import admin, models
from sync.server.db import create_server_engine
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.keyring_backend import ENV_FILE, FileKeyring
from tests.sync import fault_child
from tests.sync.client.conftest import enroll, sync_once
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.faulty_proxy import FaultyProxy
from tests.sync.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
APPLIED_OP = models.table_of(models.AppliedOperation)
DEVICE = models.table_of(models.Device)
LEDGER = models.table_of(models.LedgerEntry)
LEDGERED = frozenset({SALE_COMPLETED, SALE_VOIDED, SALE_REFUNDED})  # one ledger entry each

SMALL = 1200  # sales queued on a counter for most tests
LARGE = 5000  # for the proxy: at least 5,000 operations
STAGES = (0, SMALL, LARGE)
EVERY = 300  # in the first SMALL sales, every EVERY-th is voided and the one half-way refunded

# ---------------------------------------------------------------- counters with a queue


class QueuedCounters:
    """Counter databases (prefix A1, not enrolled) with staff, a catalog and 0, SMALL or LARGE
    sales queued, built once per session and copied into each test: a sale takes a few ms, and
    the same queues serve every test here on both server databases. The copies share a device
    id, which is fine: each test has a server of its own."""

    def __init__(self, folder: Path, template: Path) -> None:
        self._folder = folder
        self._template = template
        self._built: dict[int, Path] = {}
        self._counter: Backend | None = None
        self._sold = 0
        self.team: Team | None = None
        self.shelf: Shelf | None = None

    def path(self, sales: int) -> Path:
        assert sales in STAGES, sales
        for stage in STAGES:
            if stage > sales:
                break
            if stage not in self._built:
                self._build(stage)
        return self._built[sales]

    def _build(self, stage: int) -> None:
        if self._counter is None:
            clock = FakeClock(datetime(2026, 11, 20, 6, 30, tzinfo=UTC))
            self._counter = open_counter(self._folder / "a1", self._template, clock, "A1")
            self.team, self.shelf = seed_store(self._counter)
        counter = self._counter
        assert self.team is not None and self.shelf is not None
        while self._sold < stage:
            sale = counter.checkout.complete_sale(three_line_sale(self.team, self.shelf))
            self._sold += 1
            if self._sold <= SMALL and self._sold % EVERY == 0:
                _void(counter, self.team, sale.ticket_id)
            elif self._sold <= SMALL and self._sold % EVERY == EVERY // 2:
                _refund_one_line(counter, self.team, sale.ticket_id)
        counter.db.engine.dispose()  # the last connection checkpoints the WAL into the file
        self._built[stage] = self._folder / f"queued-{stage}.db"
        shutil.copyfile(counter.db.path, self._built[stage])

    def close(self) -> None:
        if self._counter is not None:
            self._counter.close()


def _void(counter: Backend, team: Team, ticket_id: str) -> None:
    counter.checkout.void_sale(ticket_id, Team.MANAGER_PIN, "录错了", team.desk.id)


def _refund_one_line(counter: Backend, team: Team, ticket_id: str) -> None:
    with counter.db.read() as session:
        line_id = session.scalars(
            select(TicketLine.id).where(TicketLine.ticket_id == ticket_id, TicketLine.position == 3)
        ).one()
    counter.checkout.refund_lines(ticket_id, {line_id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id)


@pytest.fixture(scope="session")
def queued_counters(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Iterator[QueuedCounters]:
    built = QueuedCounters(tmp_path_factory.mktemp("queued"), migrated_template)
    yield built
    built.close()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The test FileKeyring, in this process and in the child processes given the environment
    this yields, so a counter enrolled here can sync from a child."""
    environment = {
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
        ENV_FILE: str(tmp_path / "keyring.json"),
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())  # type: ignore[no-untyped-call]
    yield environment
    keyring.set_keyring(before)


@pytest.fixture
def enrolled_counter(
    queued_counters: QueuedCounters,
    tmp_path: Path,
    clock: FakeClock,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    file_keyring: dict[str, str],
) -> Iterator[Callable[[int], Backend]]:
    """Opens a copy of a queued counter and enrolls it with the live server."""
    opened: list[Backend] = []

    def open_enrolled(sales: int) -> Backend:
        home = tmp_path / f"counter{len(opened)}"
        source = queued_counters.path(sales)
        opened.append(
            copy_and_enroll(source, home, clock, live_server.url, server_engine, store_id)
        )
        return opened[-1]

    yield open_enrolled
    for counter in opened:
        counter.close()


def copy_and_enroll(
    source: Path, home: Path, clock: FakeClock, url: str, engine: Engine, store: str
) -> Backend:
    paths = Paths(home).ensure()
    shutil.copyfile(source, paths.database)
    counter = open_backend(paths, clock)
    try:
        enroll(counter, url, admin.create_enrollment_code(engine, store))
    except BaseException:
        counter.close()
        raise
    return counter


# ---------------------------------------------------------------- helpers


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {seconds} s waiting for {what}")
        time.sleep(0.005)


def pending(counter: Backend) -> int:
    return outbox_status(counter.db).pending


def device_of(counter: Backend) -> str:
    return counter.settings.current.device_id


def server_cursor(engine: Engine, device_id: str) -> int:
    with engine.connect() as connection:
        cursor = connection.execute(select(DEVICE.c.cursor).where(DEVICE.c.id == device_id))
        return int(cursor.scalar_one())


def recorded_up_to(counter: Backend) -> int:
    """The highest seq this counter knows the server has: pushed ones are a prefix by seq."""
    with counter.db.read() as session:
        highest = session.scalar(
            select(func.max(OutboxOperation.seq)).where(OutboxOperation.pushed_at.is_not(None))
        )
    return int(highest or 0)


def sell(counter: Backend, team: Team, shelf: Shelf, sales: int) -> None:
    for _ in range(sales):
        counter.checkout.complete_sale(three_line_sale(team, shelf))


def drain(
    counter: Backend, seconds: float = 60, rounds: int = 200, on_error: bool = True
) -> list[RoundReport]:
    """Rounds until one pushed everything and pulled to the end without an error."""
    deadline = time.monotonic() + seconds
    reports: list[RoundReport] = []
    for _ in range(rounds):
        report = sync_once(counter)
        reports.append(report)
        if report.error is None and report.pending == 0 and not report.busy:
            return reports
        assert on_error or report.error is None, report
        if time.monotonic() > deadline:
            break
    pytest.fail(f"not drained after {len(reports)} rounds: {reports[-1]}")


def point_at(counter: Backend, url: str) -> None:
    """Send this counter's rounds to another address (the proxy), as a re-configured URL."""
    with counter.db.write() as session:
        sync_state(session).server_url = url


@dataclass(frozen=True)
class LedgerSummary:
    operations: int
    tickets: int
    total: int


def _own_sales(session: Session, prefix: str) -> tuple[dict[str, int], int]:
    """This counter's own tickets (id → total) and what its voids and refunds took back."""
    own = Ticket.number.like(f"{prefix}-%")
    tickets = dict(session.execute(select(Ticket.id, Ticket.total).where(own)).all())
    voided = session.scalar(
        select(func.coalesce(func.sum(Ticket.total), 0)).where(own, Ticket.status == "voided")
    )
    refunded = session.scalar(
        select(func.coalesce(func.sum(Refund.amount), 0))
        .join(Ticket, Ticket.id == Refund.ticket_id)
        .where(own)
    )
    return tickets, int(voided or 0) + int(refunded or 0)


def assert_ledger_exact(engine: Engine, store: str, counters: Sequence[Backend]) -> LedgerSummary:
    """For every counter: each outbox operation is on the server exactly once (same id, same
    seq, none missing, none extra), nothing is left pending, and the device cursor is the last
    seq. For the store: each of the counters' tickets has exactly one sale ledger entry, each
    applied sale, void or refund exactly one ledger entry (a rejected one none), and the
    ledger's sum is what the counters sold less their voids and refunds, to the fen."""
    expected_total = 0
    own_tickets: dict[str, int] = {}
    ledgered_ops: Counter[str] = Counter()
    operations = 0
    for counter in counters:
        device = device_of(counter)
        with counter.db.read() as session:
            outbox = session.execute(
                select(
                    OutboxOperation.id,
                    OutboxOperation.seq,
                    OutboxOperation.type,
                    OutboxOperation.result,
                ).where(OutboxOperation.device_id == device)
            ).all()
            tickets, taken_back = _own_sales(session, counter.settings.current.counter_prefix)
        with engine.connect() as connection:
            on_server = connection.execute(
                select(APPLIED_OP.c.id, APPLIED_OP.c.seq, APPLIED_OP.c.status).where(
                    APPLIED_OP.c.device_id == device
                )
            ).all()
            cursor = connection.execute(
                select(DEVICE.c.cursor).where(DEVICE.c.id == device)
            ).scalar_one()
        queued = Counter((op_id, seq) for op_id, seq, _, _ in outbox)
        arrived = Counter((op_id, seq) for op_id, seq, _ in on_server)
        missing, extra = queued - arrived, arrived - queued
        assert not missing and not extra, (
            f"device {device}: {sum(missing.values())} lost, {sum(extra.values())} extra, "
            f"e.g. {list(missing)[:3]} {list(extra)[:3]}"
        )
        assert max(arrived.values(), default=1) == 1, "an operation is on the server twice"
        assert cursor == len(outbox) == max((seq for _, seq, _, _ in outbox), default=0)
        results = Counter(result for _, _, _, result in outbox)
        assert set(results) <= FINAL_RESULTS, f"not fully pushed: {results}"
        status = {op_id: s for op_id, _, s in on_server}
        for op_id, _, op_type, result in outbox:
            if (result == REJECTED) != (status[op_id] == REJECTED) and result != DUPLICATE:
                pytest.fail(f"{op_id}: the counter says {result}, the server {status[op_id]}")
            if op_type in LEDGERED and status[op_id] in (APPLIED, APPLIED_WITH_FLAGS):
                ledgered_ops[op_id] = 1
        assert not own_tickets.keys() & tickets.keys()
        own_tickets |= tickets
        expected_total += sum(tickets.values()) - taken_back
        operations += len(outbox)
    with engine.connect() as connection:
        entries = connection.execute(
            select(LEDGER.c.op_id, LEDGER.c.ticket_id, LEDGER.c.kind).where(
                LEDGER.c.store_id == store
            )
        ).all()
    sales = Counter(ticket for _, ticket, kind in entries if kind == "sale")
    assert sales.keys() == own_tickets.keys(), "tickets missing from or extra in the ledger"
    assert set(sales.values()) <= {1}, f"tickets ledgered twice: {sales.most_common(3)}"
    by_op = Counter(op_id for op_id, _, _ in entries)
    assert by_op == ledgered_ops, "an operation ledgered twice, or never, or a rejected one"
    total = admin.store_sales_total(engine, store)
    assert total == expected_total, f"server ledger {total} fen, counters {expected_total} fen"
    return LedgerSummary(operations, len(own_tickets), total)


# ---------------------------------------------------------------- 1. the server killed


@pytest.mark.slow
def test_server_killed_in_the_middle_of_a_batch(
    enrolled_counter: Callable[[int], Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    # The long queue: a batch is up to 400 operations and a push is quick, so a short queue
    # could be drained before the kill lands.
    counter = enrolled_counter(LARGE)
    device = device_of(counter)
    queued = pending(counter)
    assert queued >= 5000
    rng = random.Random(1)
    for kill in range(3):  # three crashes, each a little after a batch of the round committed
        before = server_cursor(server_engine, device)
        reports: list[RoundReport] = []
        pushing = threading.Thread(target=lambda out=reports: out.append(sync_once(counter)))
        pushing.start()
        wait_for(
            lambda: server_cursor(server_engine, device) > before,  # noqa: B023
            30,
            f"a batch of push {kill} to commit",
        )
        time.sleep(rng.uniform(0, 0.1))  # the moment of the crash, seeded
        live_server.kill()
        pushing.join(30)
        assert not pushing.is_alive()
        [report] = reports
        assert report.error is not None and not report.online, report
        assert 0 < report.pending < queued, "the crash was not in the middle of the push"
        live_server.start()
    drain(counter)
    summary = assert_ledger_exact(server_engine, store_id, [counter])
    assert summary.operations == queued


# ---------------------------------------------------------------- 2. the faulty network


@pytest.mark.slow
def test_answers_dropped_after_commit_and_requests_duplicated(
    enrolled_counter: Callable[[int], Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    counter = enrolled_counter(LARGE)
    queued = pending(counter)
    assert queued >= 5000
    with FaultyProxy(
        live_server.url,
        drop_answers=0.3,
        duplicate_requests=0.1,
        seed=2,
        parallel_duplicates=True,
    ) as proxy:
        point_at(counter, proxy.url)
        reports = drain(counter, seconds=150, rounds=500)
    counts = proxy.counts
    assert counts.dropped_push_answers >= 3 and counts.duplicated_pushes >= 1, counts
    assert 0.15 <= counts.dropped_answers / counts.requests <= 0.45, counts
    assert sum(r.duplicates for r in reports) > 0  # the server answered replays from its store
    summary = assert_ledger_exact(server_engine, store_id, [counter])
    assert summary.operations == queued


# ---------------------------------------------------------------- 3. the counter killed

KILLS = 50
TOP_UP_BELOW, TOP_UP = 400, 200  # a guard: keep a push going in every life


def _child(context: Any, home: str, environment: dict[str, str]) -> Any:
    """A counter process that syncs until killed, once it has opened the database."""
    ready = context.Event()
    child = context.Process(
        target=fault_child.sync_until_killed, args=(home, environment, ready), daemon=True
    )
    child.start()
    assert ready.wait(30), "the child did not open the counter"
    return child


def _kill(child: Any) -> None:
    child.kill()
    child.join(10)
    assert child.exitcode == -signal.SIGKILL, f"the child ended by itself: {child.exitcode}"


@pytest.mark.slow
def test_counter_killed_in_the_middle_of_a_push_fifty_times(
    enrolled_counter: Callable[[int], Backend],
    queued_counters: QueuedCounters,
    file_keyring: dict[str, str],
    server_engine: Engine,
    store_id: str,
) -> None:
    counter = enrolled_counter(LARGE)
    device = device_of(counter)
    home = str(counter.db.path.parent)
    assert queued_counters.team is not None and queued_counters.shelf is not None
    # Forked from a server that imported the app once: a life costs milliseconds, not a second.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.sync.fault_child"])

    # A first life, killed once its first batch is recorded, measures how long that takes
    # here; the fifty kills fall at seeded random moments within that time: before the first
    # request, while the server applies the batch, after it committed, while the counter
    # records the answers.
    child = _child(context, home, file_keyring)  # the first also starts the forkserver
    started = time.monotonic()
    wait_for(lambda: recorded_up_to(counter) > 0, 30, "the first batch to be recorded")
    # Up to 2 s: a cap of 0.4 s left 1 of 50 lives committing when another worker and other
    # suites shared the 2 cores (load 10), their kills all before the first commit.
    window = min(max(time.monotonic() - started, 0.15), 2.0)
    _kill(child)

    rng = random.Random(3)
    deadline = time.monotonic() + 150
    lost_answers = progressed = 0
    for _ in range(KILLS):
        assert time.monotonic() < deadline, "the kills took too long"
        if pending(counter) < TOP_UP_BELOW:
            sell(counter, queued_counters.team, queued_counters.shelf, TOP_UP)
        before = server_cursor(server_engine, device)
        child = _child(context, home, file_keyring)
        time.sleep(rng.uniform(0, window))  # the random moment of the kill, seeded
        _kill(child)
        after = server_cursor(server_engine, device)
        progressed += after > before
        lost_answers += after > max(before, recorded_up_to(counter))  # committed, not recorded
    print(f"\nwindow {window:.2f} s, {progressed} committed, {lost_answers} answers lost")
    assert progressed >= 10, f"only {progressed} of {KILLS} lives had a batch committed"
    assert lost_answers >= 3, f"only {lost_answers} kills between a commit there and here"
    drain(counter)
    with counter.db.read_connection() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
    assert_ledger_exact(server_engine, store_id, [counter])


# ---------------------------------------------------------------- 4. a malformed operation


def _queue_raw(counter: Backend, payload: dict[str, Any]) -> str:
    with counter.db.write_connection() as connection:
        text = json.dumps(payload, ensure_ascii=False)
        op = append_encoded(
            connection, device_of(counter), SALE_COMPLETED, 1, text, counter.clock.now()
        )
    return op.id


def _last_sale_payload(counter: Backend) -> dict[str, Any]:
    with counter.db.read() as session:
        payload = session.scalars(
            select(OutboxOperation.payload)
            .where(OutboxOperation.type == SALE_COMPLETED)
            .order_by(OutboxOperation.seq.desc())
            .limit(1)
        ).one()
    data: dict[str, Any] = json.loads(payload)
    return data


def _clashing_sale(sale: dict[str, Any]) -> dict[str, Any]:
    """A well-formed sale whose line and payment ids are another ticket's: only the database
    can refuse it (a primary key), which sends the server down its one-by-one path."""
    ticket_id = "01900000-0000-7000-8000-00000000c1a5"
    return sale | {
        "id": ticket_id,
        "number": "A1-X3",
        "lines": [line | {"ticket_id": ticket_id} for line in sale["lines"]],
        "payments": [payment | {"ticket_id": ticket_id} for payment in sale["payments"]],
    }


def _push_log(server: LiveServer) -> list[dict[str, Any]]:
    lines = server.log_path.read_text().splitlines()
    events = [json.loads(line) for line in lines if line.startswith("{")]
    return [event for event in events if event.get("event") == "push"]


def test_malformed_operations_in_the_middle_of_a_batch_are_parked(
    enrolled_counter: Callable[[int], Backend],
    queued_counters: QueuedCounters,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    counter = enrolled_counter(0)
    team, shelf = queued_counters.team, queued_counters.shelf
    assert team is not None and shelf is not None
    sell(counter, team, shelf, 40)
    sale = _last_sale_payload(counter)
    bad = {
        _queue_raw(counter, sale | {"id": "no-lines", "number": "A1-X1", "lines": []}): (
            "malformed payload",
            "lines",
        ),
        _queue_raw(counter, sale | {"id": "bad-total", "number": "A1-X2", "total": "很多"}): (
            "malformed payload",
            "total",
        ),
        _queue_raw(counter, _clashing_sale(sale)): ("could not be stored", ""),
    }
    sell(counter, team, shelf, 40)
    queued = pending(counter)
    first_batch = CounterOutbox(counter.db, counter.clock, device_of(counter)).pending_batch(
        MAX_BATCH_OPERATIONS, MAX_BATCH_BYTES
    )
    positions = [i for i, op in enumerate(first_batch) if op.id in bad]
    assert len(first_batch) == queued and 0 < positions[0] < positions[-1] < queued - 1

    report = sync_once(counter)

    assert report.error is None and report.pending == 0, report
    assert (report.rejected, report.applied, report.duplicates) == (3, queued - 3, 0)
    [push] = _push_log(live_server)  # one batch, which the database refused as a whole:
    assert push["one_by_one"] and push["counts"] == {APPLIED: queued - 3, REJECTED: 3}
    with counter.db.read() as session:
        results = dict(session.execute(select(OutboxOperation.id, OutboxOperation.result)).all())
    assert {results[op_id] for op_id in bad} == {REJECTED}
    assert Counter(results.values()) == {APPLIED: queued - 3, REJECTED: 3}
    with server_engine.connect() as connection:
        parked = connection.execute(
            select(
                APPLIED_OP.c.id, APPLIED_OP.c.status, APPLIED_OP.c.reason, APPLIED_OP.c.payload
            ).where(APPLIED_OP.c.id.in_(bad))
        ).all()
    assert {row.id for row in parked} == bad.keys()
    for row in parked:  # parked with the reason and what was sent, for a person
        why, field = bad[row.id]
        assert row.status == REJECTED and why in row.reason and field in row.reason, row
        assert json.loads(row.payload)["number"].startswith("A1-X")
    summary = assert_ledger_exact(server_engine, store_id, [counter])
    assert summary.tickets == 80


def test_a_rejection_whose_answer_was_lost_still_shows_on_the_counter(
    enrolled_counter: Callable[[int], Backend],
    queued_counters: QueuedCounters,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    counter = enrolled_counter(0)
    team, shelf = queued_counters.team, queued_counters.shelf
    assert team is not None and shelf is not None
    sell(counter, team, shelf, 3)
    bad = _queue_raw(counter, _last_sale_payload(counter) | {"id": "no-lines", "lines": []})
    sell(counter, team, shelf, 3)
    with FaultyProxy(live_server.url, drop_answers=1.0, duplicate_requests=0) as proxy:
        point_at(counter, proxy.url)
        lost = sync_once(counter)  # the server parks it; its answer is lost on the way back
    assert lost.error is not None and lost.pending == pending(counter) > 0
    point_at(counter, live_server.url)
    drain(counter)
    with server_engine.connect() as connection:
        parked = connection.execute(select(APPLIED_OP.c.status).where(APPLIED_OP.c.id == bad))
        assert parked.scalar_one() == REJECTED
    assert_ledger_exact(server_engine, store_id, [counter])
    with counter.db.read() as session:
        recorded = session.get(OutboxOperation, bad)
        assert recorded is not None and recorded.result == REJECTED  # fails: "duplicate"
    assert counter.sync.status().parked == 1


def test_the_ledger_check_catches_an_operation_applied_twice(
    queued_counters: QueuedCounters,
    tmp_path: Path,
    clock: FakeClock,
    file_keyring: dict[str, str],
) -> None:
    """The check the fault tests end with can fail: with deduplication switched off on the
    server (its test-only flag) and every request sent twice, sales are ledgered twice."""
    server = LiveServer(
        f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log", "--no-deduplicate"
    ).start()
    engine = create_server_engine(server.database_url)
    try:
        admin.create_owner(engine, "owner@example.com", "correct horse battery")
        store = admin.create_store(engine, "owner@example.com", "丽人美容总店")
        source = queued_counters.path(0)
        counter = copy_and_enroll(source, tmp_path / "a1", clock, server.url, engine, store)
        try:
            assert queued_counters.team is not None and queued_counters.shelf is not None
            sell(counter, queued_counters.team, queued_counters.shelf, 5)
            with FaultyProxy(server.url, drop_answers=0, duplicate_requests=1.0) as proxy:
                point_at(counter, proxy.url)
                report = sync_once(counter)
            assert report.error is None and report.pending == 0, report
            with pytest.raises(AssertionError, match="ledgered twice"):
                assert_ledger_exact(engine, store, [counter])
        finally:
            counter.close()
    finally:
        engine.dispose()
        server.stop()


# ---------------------------------------------------------------- 5. two senders


def test_two_sender_threads_on_one_device(
    enrolled_counter: Callable[[int], Backend], server_engine: Engine, store_id: str
) -> None:
    counter = enrolled_counter(SMALL)
    queued = pending(counter)
    start = threading.Barrier(2)
    reports: list[RoundReport] = []

    def sender() -> None:
        start.wait(10)
        reports.append(sync_once(counter))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
        assert not thread.is_alive()
    busy = [r for r in reports if r.busy]
    sent = [r for r in reports if not r.busy]
    assert len(busy) == 1 and busy[0].pushed == 0, reports
    assert len(sent) == 1 and sent[0].error is None, reports
    assert (sent[0].pushed, sent[0].applied, sent[0].duplicates) == (queued, queued, 0)
    assert_ledger_exact(server_engine, store_id, [counter])


PUSHED = re.compile(r"Pushed (\d+)")  # the CLI's words with SALON_POS_LANG=en


def test_two_sender_processes_on_one_device(
    enrolled_counter: Callable[[int], Backend],
    file_keyring: dict[str, str],
    server_engine: Engine,
    store_id: str,
) -> None:
    counter = enrolled_counter(LARGE)  # a round long enough that the two always overlap
    device = device_of(counter)
    queued = pending(counter)
    command = [
        str(Path(sys.executable).with_name("salon-pos")),
        "--home",
        str(counter.db.path.parent),
        "sync",
    ]
    environment = os.environ | file_keyring | {"PYTHONPATH": str(ROOT), "SALON_POS_LANG": "en"}
    processes = [
        subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]  # started at the same moment
    try:
        wait_for(lambda: server_cursor(server_engine, device) > 0, 60, "a sender to push")
        here = sync_once(counter)  # a third sender, in this process, while one is sending
        outputs = [p.communicate(timeout=60) for p in processes]
    finally:
        for process in processes:
            process.kill()
    assert here.busy and here.pushed == 0, here
    texts = [out.decode() + err.decode() for out, err in outputs]
    assert [p.returncode for p in processes] == [0, 0], texts
    pushed = sorted(int(m.group(1)) if (m := PUSHED.search(t)) else -1 for t in texts)
    assert pushed == [-1, queued], texts  # one sent everything, the other nothing
    assert sum("Another sync is running" in t for t in texts) == 1, texts
    with counter.db.read() as session:
        results = Counter(session.scalars(select(OutboxOperation.result)).all())
    assert results == {APPLIED: queued}, results  # no operation was answered as a replay
    assert_ledger_exact(server_engine, store_id, [counter])
