"""A counter put back from a backup of its database (issue 8, section 6): it was behind what
the server had seen from it, reused ticket numbers and outbox sequence numbers the server had
applied, and its later sales never reached the ledger. Now it notices at its next round,
renumbers what it sold meanwhile after the server's tickets, sends it again, and goes on —
checked with the counter's real sender against the server (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, Ticket
from salon_pos.jobs.sync import RoundReport, sync_round
from salon_pos.paths import Paths
from salon_pos.services import sync_recovery
from salon_pos.services.backend import open_backend
from salon_pos.services.sync_home import Home
from salon_pos.services.sync_status import ConnectionState
from sync.server import admin
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.in_process import in_process_session, join, sync_in_process
from tests.sync.server.conftest import Device, Server

SALE = 49400  # three_line_sale: ¥494.00


class Counter:
    """One counter PC: its data folder, the app over it, its link to the server."""

    def __init__(self, home: Path, template: Path, clock: FakeClock, server: Server) -> None:
        self.home, self.clock, self.server = home, clock, server
        self.app = open_counter(home, template, clock, "A1")
        self.device: Device = join(self.app, server)

    def sync(self) -> RoundReport:
        return sync_in_process(self.app, self.home, self.server)

    def sell(self, team: Team, shelf: Shelf, count: int) -> list[str]:
        numbers = []
        for _ in range(count):
            numbers.append(self.app.checkout.complete_sale(three_line_sale(team, shelf)).number)
            self.clock.advance(minutes=1)
        return numbers

    def back_up(self, to: Path) -> None:
        """A copy of the database as a backup tool takes it (the WAL's pages included)."""
        with sqlite3.connect(self.app.db.path) as source, sqlite3.connect(to) as target:
            source.backup(target)
        target.close()
        source.close()

    def restore(self, backup: Path) -> None:
        """The database file put back from the backup, in its place, and the app started."""
        self.app.close()
        path = Paths(self.home).database
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        path.write_bytes(backup.read_bytes())
        self.app = open_backend(Paths(self.home), self.clock)

    def tickets(self) -> dict[str, tuple[str, str | None, int]]:
        with self.app.db.read() as session:
            rows = session.execute(
                select(Ticket.id, Ticket.number, Ticket.original_number, Ticket.total)
            ).all()
        return {row.id: (row.number, row.original_number, row.total) for row in rows}

    def sales_total(self) -> int:
        with self.app.db.read() as session:
            return int(session.scalar(select(func.coalesce(func.sum(Ticket.total), 0))) or 0)


@pytest.fixture
def counter(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[Counter]:
    counter = Counter(tmp_path / "a1", migrated_template, clock, server)
    yield counter
    counter.app.close()


def _server_tickets(server: Server) -> dict[str, int]:
    """Ticket id → how many sale entries the server's ledger has for it."""
    with server.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT ticket_id, count(*) FROM ledger_entry WHERE kind = 'sale' GROUP BY ticket_id"
        ).all()
    return {ticket_id: int(n) for ticket_id, n in rows}


def test_a_counter_put_back_from_a_backup_recovers_every_sale(
    counter: Counter, server: Server, tmp_path: Path
) -> None:
    team, shelf = seed_store(counter.app)
    assert counter.sell(team, shelf, 2) == ["A1-000001", "A1-000002"]
    assert counter.sync().error is None
    counter.back_up(tmp_path / "backup.db")
    counter.sell(team, shelf, 3)  # A1-000003 … 5: on the server, not in the backup
    assert counter.sync().error is None

    counter.restore(tmp_path / "backup.db")
    meanwhile = counter.sell(team, shelf, 2)
    assert meanwhile == ["A1-000003", "A1-000004"]  # numbers the server holds for other sales

    report = counter.sync()
    assert report.error is None and report.pending == 0 and report.rejected == 0, report
    assert report.recovered is not None and report.recovered.resent == 2
    tickets = counter.tickets()
    assert len(tickets) == 7  # its 5 older sales came back from the server
    assert _server_tickets(server) == dict.fromkeys(tickets, 1)  # each on the ledger once
    assert admin.store_sales_total(server.engine, server.store_id) == counter.sales_total()
    assert counter.sales_total() == 7 * SALE
    renumbered = sorted((n, o) for n, o, _ in tickets.values() if o is not None)
    assert renumbered == [("A1-000006", "A1-000003"), ("A1-000007", "A1-000004")]
    with counter.app.db.read() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "sync.recovered" in actions
    assert server.count("SELECT count(*) FROM alert") == 0  # nothing was sent under a used seq
    # The customer's receipt says A1-000003: the tickets screen finds the sale it is now, and
    # the other sale that holds that number.
    found = {t.number for t in counter.app.tickets.find(text="A1-000003")}
    assert found == {"A1-000003", "A1-000006"}
    assert {t.number for t in counter.app.tickets.find(text="4")} == {"A1-000004", "A1-000007"}

    assert counter.sell(team, shelf, 1) == ["A1-000008"]  # and it keeps selling
    assert counter.sync().error is None
    assert counter.sync().error is None  # a second round finds nothing to recover
    assert admin.store_sales_total(server.engine, server.store_id) == 8 * SALE
    assert _server_tickets(server) == dict.fromkeys(counter.tickets(), 1)


def _copy(counter: Counter, to: Path) -> Counter:
    """The data folder copied elsewhere and started there: the same device, twice."""
    Paths(to).ensure()
    counter.back_up(Paths(to).database)
    copy = Counter.__new__(Counter)
    copy.home, copy.clock, copy.server, copy.device = (
        to,
        counter.clock,
        counter.server,
        counter.device,
    )
    copy.app = open_backend(Paths(to), counter.clock)
    return copy


def _server_cursor(server: Server, device: Device) -> int:
    return server.count("SELECT cursor FROM device WHERE id = :d", d=device.id)


@pytest.mark.parametrize("where", ["another PC", "beside it on this PC"])
def test_a_copy_of_the_data_folder_is_stopped_with_a_message(
    counter: Counter, server: Server, tmp_path: Path, where: str
) -> None:
    team, shelf = seed_store(counter.app)
    counter.sell(team, shelf, 1)
    assert counter.sync().error is None
    copy = _copy(counter, tmp_path / "copy")
    try:
        if where == "another PC":
            copy.sync = lambda: sync_round(  # type: ignore[method-assign]
                copy.app,
                Paths(copy.home),
                session=in_process_session(server.client),
                home=Home.of(Paths(copy.home).database, machine="another-pc"),
            )
        copy.sell(team, shelf, 1)
        before = _server_cursor(server, counter.device)
        report = copy.sync()
        assert report.error is not None and "副本" in report.error, report
        assert ("另一台电脑" in report.error) == (where == "another PC")
        assert "revoke-device" in report.error and report.pushed == 0
        assert copy.app.sync.status().state is ConnectionState.REFUSED
        assert _server_cursor(server, counter.device) == before  # nothing of the copy's arrived

        counter.sell(team, shelf, 1)  # the original goes on as if nothing happened
        assert counter.sync().error is None
        assert admin.store_sales_total(server.engine, server.store_id) == 2 * SALE
    finally:
        copy.app.close()


def test_a_data_folder_moved_on_the_same_pc_goes_on(
    counter: Counter, server: Server, tmp_path: Path
) -> None:
    team, shelf = seed_store(counter.app)
    counter.sell(team, shelf, 1)
    assert counter.sync().error is None
    counter.app.close()
    moved = tmp_path / "moved"
    counter.home.rename(moved)
    counter.home = moved
    counter.app = open_backend(Paths(moved), counter.clock)
    counter.sell(team, shelf, 1)
    report = counter.sync()
    assert report.error is None and report.applied == 1, report
    assert admin.store_sales_total(server.engine, server.store_id) == 2 * SALE


def test_voids_and_customers_made_meanwhile_are_resent_with_the_new_numbers(
    counter: Counter, server: Server, tmp_path: Path
) -> None:
    team, shelf = seed_store(counter.app)
    counter.sell(team, shelf, 1)
    assert counter.sync().error is None
    counter.back_up(tmp_path / "backup.db")
    counter.sell(team, shelf, 2)  # A1-000002, 3 on the server
    assert counter.sync().error is None
    counter.restore(tmp_path / "backup.db")

    customer = counter.app.customers.add("林小姐", "13912345678")
    checkout = counter.app.checkout
    kept = checkout.complete_sale(three_line_sale(team, shelf, customer.id))
    voided = checkout.complete_sale(three_line_sale(team, shelf))
    checkout.void_sale(voided.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    assert (kept.number, voided.number) == ("A1-000002", "A1-000003")

    report = counter.sync()
    assert report.error is None and report.rejected == 0 and report.pending == 0, report
    with server.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, number, status FROM ticket").all()
    on_server = {row.id: (row.number, row.status) for row in rows}
    assert on_server[kept.ticket_id] == ("A1-000004", "completed")
    assert on_server[voided.ticket_id] == ("A1-000005", "voided")
    assert sorted(n for n, _ in on_server.values()) == [f"A1-00000{i}" for i in range(1, 6)]
    assert server.count("SELECT count(*) FROM customer WHERE id = :c", c=customer.id) == 1
    assert admin.store_sales_total(server.engine, server.store_id) == 4 * SALE  # 5 sold, 1 voided
    local = {row[0]: row[1] for row in counter.tickets().values()}
    assert local == {"A1-000004": "A1-000002", "A1-000005": "A1-000003"} | {
        f"A1-00000{i}": None for i in (1, 2, 3)
    }


def test_a_sale_made_while_the_counter_asks_the_server_is_sent_too(
    counter: Counter, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team, shelf = seed_store(counter.app)
    counter.sell(team, shelf, 1)
    assert counter.sync().error is None
    counter.back_up(tmp_path / "backup.db")
    counter.sell(team, shelf, 3)
    assert counter.sync().error is None
    counter.restore(tmp_path / "backup.db")
    counter.sell(team, shelf, 1)

    asking = sync_recovery._held

    def the_cashier_sells_meanwhile(*args: Any) -> dict[int, str]:
        counter.sell(team, shelf, 1)  # the round is between its read and its recovery
        return asking(*args)

    monkeypatch.setattr(sync_recovery, "_held", the_cashier_sells_meanwhile)
    report = counter.sync()
    assert report.error is None and report.pending == 0 and report.rejected == 0, report
    assert report.recovered is not None and report.recovered.resent == 2
    assert _server_tickets(server) == dict.fromkeys(counter.tickets(), 1)
    assert admin.store_sales_total(server.engine, server.store_id) == 6 * SALE
