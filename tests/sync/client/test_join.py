"""A counter joining a store with a past (issue 9): what it needs to sell comes first, the
store's tickets afterwards, a few pages a round, from cursors that survive a cut-off pull
(sync/pull.py). And the first pull's bulk path: new records written together, with the same
outcome as one by one, clashes still parked (services/sync_changes.py)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from salon_pos.db.models import Customer, ParkedChange, Refund, ServiceItem, Staff, Ticket
from salon_pos.jobs.first_pull import first_pull
from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_outbox import CounterOutbox
from sync import pull
from sync.client import Sender, SyncClient
from sync.operations import HISTORY
from sync.pull import PullProgress
from sync.server import admin
from tests.conftest import Team, three_line_sale
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.conftest import enroll
from tests.sync.client.fake_server import FakeServer
from tests.sync.client.feed import Feed, open_counter, seed_store
from tests.sync.live_server import LiveServer


def _count(backend: Backend, model: Any) -> int:
    with backend.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _store_with_a_past(other: Backend, fake_server: FakeServer, sales: int) -> list[str]:
    """B1 brought the staff, the catalog, 40 customers and `sales` sales (one voided, one
    refunded), interleaved as a day goes; the server publishes them in that order."""
    team, shelf = seed_store(other)
    tickets = []
    for n in range(sales):
        other.customers.add(f"顾客{n:02d}", f"1391234{n:04d}")
        customer = other.customers.add(f"会员{n:02d}", f"1381234{n:04d}")
        tickets.append(other.checkout.complete_sale(three_line_sale(team, shelf, customer.id)))
    other.checkout.void_sale(tickets[1].ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    line = other.tickets.get(tickets[2].ticket_id).lines[0]
    other.checkout.refund_lines(
        tickets[2].ticket_id, {line.id: 1}, Team.MANAGER_PIN, "不满意", team.desk.id
    )
    feed = Feed()
    feed.from_outbox(other)
    for change in feed.changes:
        fake_server.state.add_change(change.entity, change.entity_id, change.data)
    return [t.ticket_id for t in tickets]


def _sender(counter: Backend, fake_server: FakeServer, **options: Any) -> Sender:
    enrollment = counter.sync.enrollment()
    assert enrollment is not None
    device_id = counter.settings.current.device_id
    client = SyncClient(fake_server.url, DeviceTokens().load(device_id))
    outbox = CounterOutbox(counter.db, counter.clock, device_id)
    lock = Paths(counter.db.path.parent).home / "sync.lock"
    return Sender(client, outbox, enrollment.store_id, device_id, lock, **options)


def test_a_joining_counter_can_sell_before_the_history_and_gets_all_of_it_later(
    enrolled: Backend, other: Backend, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _store_with_a_past(other, fake_server, sales=20)
    monkeypatch.setattr(pull, "HISTORY_PAGES_PER_ROUND", 1)
    sender = _sender(enrolled, fake_server, page_size=7)
    assert not enrolled.sync.first_pull().can_sell

    first = sender.run_round()
    assert first.error is None and first.history_left
    progress = enrolled.sync.first_pull()
    assert progress.can_sell and not progress.history_done
    assert progress.feed_end == len(fake_server.state.changes)
    assert _count(enrolled, Staff) == 3 and _count(enrolled, ServiceItem) == 2
    assert _count(enrolled, Customer) == 40  # every customer before any sale of the past
    assert _count(enrolled, Ticket) == 7  # one page of history so far

    rounds = 1
    while sender.run_round().history_left:
        rounds += 1
        assert enrolled.sync.first_pull().history_fraction < 1.0
    assert rounds == 3  # 20 tickets and a refund, 7 a page, one page a round after the first
    assert enrolled.sync.first_pull().history_done
    assert _count(enrolled, Ticket) == 20 and _count(enrolled, Refund) == 1
    assert _count(enrolled, ParkedChange) == 0
    statuses = {t: enrolled.tickets.get(t).summary.status for t in ids[:3]}
    assert statuses == {ids[0]: "completed", ids[1]: "voided", ids[2]: "completed"}
    after = sender.run_round()
    assert after.pulled == 0 and not after.history_left


def test_a_first_pull_cut_off_anywhere_goes_on_where_it_stopped(
    enrolled: Backend, other: Backend, fake_server: FakeServer
) -> None:
    _store_with_a_past(other, fake_server, sales=12)
    stop = threading.Event()
    applied: list[int] = []
    outbox = CounterOutbox(enrolled.db, enrolled.clock, enrolled.settings.current.device_id)
    original = CounterOutbox.apply_changes

    def apply_then_stop(self: CounterOutbox, changes: Any, cursor: int) -> int:
        applied.append(len(changes))
        if len(applied) == 2:
            stop.set()  # the app closes after the second page
        return original(self, changes, cursor)

    sender = _sender(enrolled, fake_server, page_size=5, stop=stop)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CounterOutbox, "apply_changes", apply_then_stop)
        cut = sender.run_round()
    assert cut.history_left and not enrolled.sync.first_pull().can_sell
    assert outbox.pull_cursor() > 0

    sender = _sender(enrolled, fake_server, page_size=5)
    while sender.run_round().history_left:
        pass
    assert enrolled.sync.first_pull().history_done
    assert _count(enrolled, Ticket) == 12 and _count(enrolled, Customer) == 24
    assert _count(enrolled, Refund) == 1 and _count(enrolled, ParkedChange) == 0


def test_new_records_in_bulk_come_out_as_one_by_one_and_clashes_are_parked(
    backend: Backend, other: Backend
) -> None:
    """A page of B1's tickets where one number is taken here by another ticket: that one is
    parked with its reason, the others are written; applied twice, nothing changes."""
    b1_team, b1_shelf = seed_store(other)
    sold = [other.checkout.complete_sale(three_line_sale(b1_team, b1_shelf)) for _ in range(6)]
    feed = Feed()
    feed.from_outbox(other)
    tickets = [c for c in feed.changes if c.entity == "ticket"]
    clash = tickets[3].model_copy(update={"data": tickets[3].data | {"number": "A1-000001"}})
    page = [*tickets[:3], clash, *tickets[4:]]
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    setup = [c for c in feed.changes if c.entity != "ticket"]  # B1's staff and catalog
    assert outbox.apply_changes(setup, setup[-1].seq) == len(setup)
    backend.checkout.complete_sale(three_line_sale(b1_team, b1_shelf))  # A1-000001 is here

    assert outbox.apply_changes(page, page[-1].seq) == 5
    with backend.db.read() as session:
        parked = session.scalars(select(ParkedChange)).one()
    assert parked.entity_id == sold[3].ticket_id and "A1-000001" in parked.reason
    for sale in sold[:3] + sold[4:]:
        here, there = backend.tickets.get(sale.ticket_id), other.tickets.get(sale.ticket_id)
        assert here.summary == there.summary and here.lines == there.lines
        assert here.payments == there.payments
    assert outbox.apply_changes(page, page[-1].seq) == 5  # a replay: the same, nothing new
    assert _count(backend, Ticket) == 6


def test_the_real_server_narrows_the_feed_for_a_first_pull(
    tmp_path: Any,
    clock: Any,
    migrated_template: Any,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
) -> None:
    """SQLite and PostgreSQL: `until`, `only` and `skip` on GET …/changes, and a counter that
    joins after A1 sold gets everything, history included, in its first round."""
    a1 = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    c1 = open_counter(tmp_path / "c1", migrated_template, clock, "C1")
    try:
        for counter in (a1, c1):
            enroll(counter, live_server.url, admin.create_enrollment_code(server_engine, store_id))
        team, shelf = seed_store(a1)
        for n in range(4):
            a1.customers.add(f"顾客{n}", f"1391234000{n}")
            a1.checkout.complete_sale(three_line_sale(team, shelf))
        assert sync_round(a1, Paths(a1.db.path.parent)).error is None
        client = SyncClient(live_server.url, DeviceTokens().load(c1.settings.current.device_id))
        everything = client.changes(store_id, 0)
        entities = [c.entity for c in everything.changes]
        assert entities.count("ticket") == 4 and entities.count("customer") == 4
        only = client.changes(store_id, 0, only=HISTORY)
        history = {"ticket", "stock_movement"}  # each sale took a serum from the shelf
        assert {c.entity for c in only.changes} == history and len(only.changes) == 8
        skipped = client.changes(store_id, 0, skip=HISTORY)
        assert len(skipped.changes) == len(everything.changes) - 8
        assert "ticket" not in {c.entity for c in skipped.changes}
        bounded = client.changes(store_id, 0, 3, until=5)
        assert [c.seq for c in bounded.changes] == [1, 2, 3] and bounded.more
        last = client.changes(store_id, 3, 3, until=5)
        assert [c.seq for c in last.changes] == [4, 5] and not last.more
        client.close()

        report = sync_round(c1, Paths(c1.db.path.parent))
        assert report.error is None and not report.history_left
        assert report.pulled == len(everything.changes)
        assert c1.sync.first_pull().can_sell and c1.sync.first_pull().history_done
        assert _count(c1, Ticket) == 4 and _count(c1, Customer) == 4
    finally:
        a1.close()
        c1.close()


def test_the_join_screens_first_pull_ends_when_the_counter_can_sell(
    enrolled: Backend, other: Backend, fake_server: FakeServer
) -> None:
    """The wizard waits for what the counter needs to sell, not for the store's past."""
    _store_with_a_past(other, fake_server, sales=20)
    told: list[PullProgress] = []
    result = first_pull(enrolled, told.append, threading.Event())
    assert not result.stopped and enrolled.sync.first_pull().can_sell
    assert _count(enrolled, Staff) == 3 and _count(enrolled, Customer) == 40
    assert _count(enrolled, Ticket) == 0  # the past comes after
    assert told and told[-1].pulled == told[-1].total == result.pulled
    report = sync_round(enrolled, Paths(enrolled.db.path.parent))
    assert report.error is None and not report.history_left
    assert _count(enrolled, Ticket) == 20 and enrolled.sync.first_pull().history_done
