"""Two real counter databases against a real server process on 127.0.0.1 (SQLite, and
PostgreSQL where tests/sync/pg.py finds one): enroll, sell offline, sync, converge."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from salon_pos.db.models import Ticket
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.sync_status import ConnectionState
from sync.server import admin
from tests.conftest import FakeClock, three_line_sale
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer


def _sales_total(counter: Backend, prefix: str) -> int:
    with counter.db.read() as session:
        total = session.scalar(
            select(func.coalesce(func.sum(Ticket.total), 0)).where(Ticket.number.like(f"{prefix}%"))
        )
    return int(total or 0)


def test_two_counters_sell_offline_and_converge(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    customer = a1.customers.add("林小姐", "13912345678", notes="敏感肌")
    assert sync_once(a1).error is None
    pulled = sync_once(b1)
    assert pulled.error is None and pulled.pulled >= 7  # staff, catalog and the customer
    assert {s.name for s in b1.staff.list()} == {"王店长", "周小敏", "李娜"}

    live_server.stop()  # both counters go offline
    for _ in range(20):
        a1.checkout.complete_sale(three_line_sale(team, shelf, customer.id))
        b1.checkout.complete_sale(three_line_sale(team, shelf))
        clock.advance(minutes=1)
    a1.customers.update(CustomerProfile(customer.id, "林晓", "13912345678", "F", None, "敏感肌"))
    clock.advance(seconds=30)
    b1.customers.update(CustomerProfile(customer.id, "林小晓", "13912345678", "", None, "敏感肌"))
    offline = sync_once(a1)
    assert not offline.online and offline.pending == 21
    assert a1.sync.status().state is ConnectionState.OFFLINE

    live_server.start()
    for counter in (a1, b1, a1):  # a1 again: pull what b1 pushed after it
        report = sync_once(counter)
        assert report.error is None and report.pending == 0, report
    expected = _sales_total(a1, "A1") + _sales_total(b1, "B1")
    assert expected == 40 * 49400
    assert admin.store_sales_total(server_engine, store_id) == expected
    for counter in (a1, b1):  # each holds the other's sales
        assert _sales_total(counter, "A1") + _sales_total(counter, "B1") == expected
    names = {counter.customers.get(customer.id).name for counter in (a1, b1)}
    assert names == {"林小晓"}  # the later stamp wins on both counters
    assert a1.customers.get(customer.id).gender == "F"  # b1 did not change it
    conflicts = a1.sync.conflicts()
    assert [c.type for c in conflicts] == ["field_overwritten"]
    assert [c.type for c in b1.sync.conflicts()] == ["field_overwritten"]

    a1.sync.resolve(conflicts[0].id, "accept", team.manager.id)
    assert a1.sync.conflicts(open_only=False)[0].status == "resolving"
    assert sync_once(a1).error is None
    assert a1.sync.conflicts(open_only=False)[0].status == "resolved"
    assert a1.sync.status().open_conflicts == 0


def test_a_revoked_counter_is_refused_and_keeps_its_queue(
    counters: tuple[Backend, Backend], server_engine: Engine
) -> None:
    a1, _ = counters
    seed_store(a1)
    admin.revoke_device(server_engine, a1.settings.current.device_id)
    report = sync_once(a1)
    assert not report.online and report.pending == 6
    assert a1.sync.status().state is ConnectionState.REFUSED


def test_a_counter_put_back_from_a_backup_recovers_against_the_real_server(
    counters: tuple[Backend, Backend],
    server_engine: Engine,
    store_id: str,
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    a1.checkout.complete_sale(three_line_sale(team, shelf))
    assert sync_once(a1).error is None
    backup = tmp_path / "backup.db"
    with sqlite3.connect(a1.db.path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    for connection in (source, target):
        connection.close()
    for _ in range(3):
        a1.checkout.complete_sale(three_line_sale(team, shelf))
    assert sync_once(a1).error is None

    paths = Paths(a1.db.path.parent)
    a1.close()  # the database file put back from the backup, where it was
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, paths.database)
    restored = open_backend(paths, clock)
    try:
        sold = [restored.checkout.complete_sale(three_line_sale(team, shelf)) for _ in range(2)]
        assert [s.number for s in sold] == ["A1-000002", "A1-000003"]
        report = sync_once(restored)
        assert report.error is None and report.rejected == 0 and report.pending == 0, report
        assert sync_once(b1).error is None
        expected = 6 * 49400
        assert admin.store_sales_total(server_engine, store_id) == expected
        for counter in (restored, b1):
            assert _sales_total(counter, "A1") == expected
        numbers = {restored.tickets.get(s.ticket_id).summary.number for s in sold}
        assert numbers == {"A1-000005", "A1-000006"}
    finally:
        restored.close()


def test_a_counter_reports_its_version_and_queue_for_the_owners_console(
    counters: tuple[Backend, Backend], server_engine: Engine
) -> None:
    a1, _ = counters
    seed_store(a1)  # six operations waiting
    assert sync_once(a1).error is None
    device_id = a1.settings.current.device_id
    with server_engine.connect() as connection:
        seen = connection.execute(
            text("SELECT app_version, queued, oldest_queued_at FROM device_report"
                 " WHERE device_id = :d"), {"d": device_id},
        ).one()  # fmt: skip
    assert seen.app_version and seen.queued == 6 and seen.oldest_queued_at is not None
    assert sync_once(a1).error is None  # the queue is empty now: reported at the next round
    with server_engine.connect() as connection:
        queued = connection.execute(
            text("SELECT queued FROM device_report WHERE device_id = :d"), {"d": device_id}
        ).scalar()
    assert queued == 0
