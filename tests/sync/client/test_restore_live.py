"""Backups put back, against a real server process on 127.0.0.1 (SQLite, and PostgreSQL where
tests/sync/pg.py finds one), with the counter's own backup and restore (services/backups.py)
and the server's (`salon-sync-server backup` / pg_dump): nothing is lost or applied twice,
and nothing is left stuck in the counter's outbox (docs/backups.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from salon_pos.db.models import OutboxOperation, Ticket
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.backups import MANUAL, BackupService
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.sync_outbox import SUPERSEDED
from sync.protocol import REJECTED
from sync.server import admin
from sync.server import backup as server_backup
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

SALE = 49400  # three_line_sale


def sell(counter: Backend, team: Team, shelf: Shelf, count: int, clock: FakeClock) -> list[str]:
    ids = []
    for _ in range(count):
        ids.append(counter.checkout.complete_sale(three_line_sale(team, shelf)).ticket_id)
        clock.advance(minutes=1)
    return ids


def synced(counter: Backend) -> None:
    report = sync_once(counter)
    assert report.error is None and report.pending == 0 and report.rejected == 0, report


def server_sales(engine: Engine) -> dict[str, int]:
    """Ticket id → its sale entries on the server's ledger (each must be there once)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT ticket_id, count(*) FROM ledger_entry WHERE kind = 'sale' GROUP BY 1")
        ).all()
    return {ticket_id: int(n) for ticket_id, n in rows}


def nothing_stuck(counter: Backend) -> None:
    with counter.db.read() as session:
        refused = session.scalar(
            select(func.count())
            .select_from(OutboxOperation)
            .where(OutboxOperation.result == REJECTED)
        )
    assert outbox_status(counter.db).pending == 0 and refused == 0


def live_seqs(counter: Backend) -> list[int]:
    """The sequence numbers of the counter's operations that count (not superseded)."""
    with counter.db.read() as session:
        seqs = session.scalars(
            select(OutboxOperation.seq)
            .where(OutboxOperation.result.is_distinct_from(SUPERSEDED))
            .order_by(OutboxOperation.seq)
        )
        return list(seqs)


def local_tickets(counter: Backend) -> set[str]:
    with counter.db.read() as session:
        return set(session.scalars(select(Ticket.id)))


def test_a_counter_restored_from_its_backup_loses_and_repeats_nothing(
    counters: tuple[Backend, Backend],
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    sold = sell(a1, team, shelf, 2, clock)
    synced(a1)
    backup = a1.backups.back_up(MANUAL).backup.path
    in_backup = live_seqs(a1)[-1]
    sold += sell(a1, team, shelf, 3, clock)  # on the server, not in the backup
    synced(a1)

    paths = Paths(a1.db.path.parent)
    a1.close()
    restored = BackupService(paths, clock).restore(backup)
    assert restored.kept is not None
    a1 = open_backend(paths, clock)
    try:
        assert len(local_tickets(a1)) == 2
        sold += sell(a1, team, shelf, 2, clock)  # under numbers the server holds already
        synced(a1)
        synced(a1)  # a second round finds nothing more to do
        synced(b1)
        assert server_sales(server_engine) == dict.fromkeys(sold, 1)  # each once, none lost
        assert admin.store_sales_total(server_engine, store_id) == 7 * SALE
        assert local_tickets(a1) >= set(sold) and local_tickets(b1) >= set(sold)
        nothing_stuck(a1)
        with server_engine.connect() as connection:
            alerts = connection.execute(text("SELECT count(*) FROM alert")).scalar()
            cursor = connection.execute(
                text("SELECT cursor FROM device WHERE id = :d"),
                {"d": a1.settings.current.device_id},
            ).scalar()
        assert alerts == 0  # nothing was sent under a sequence number already used
        seqs = live_seqs(a1)  # the outbox sequence went on past the server's, none reused:
        assert seqs == sorted(set(seqs)) and seqs[-1] == cursor
        assert set(range(1, cursor + 1)) - set(seqs) == set(range(in_backup + 1, in_backup + 4))
    finally:
        a1.close()


def _server_backup(live_server: LiveServer, file: Path) -> None:
    url = make_url(live_server.database_url)
    if url.get_backend_name() == "sqlite":
        said: list[object] = []
        made = server_backup.back_up(live_server.database_url, file, lambda m, e: said.append(m))
        assert made == 0, said
        return
    target = url.set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(["pg_dump", "--format=custom", "--file", str(file), target], check=True)


def _server_restore(live_server: LiveServer, engine: Engine, file: Path) -> None:
    """The operator's restore: stop the server, put the backup back, start it."""
    live_server.stop()
    engine.dispose()  # no connection of the test's left open on the old database
    url = make_url(live_server.database_url)
    if url.get_backend_name() == "sqlite":
        database = Path(url.database or "")
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(file, database)
    else:
        target = url.set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--dbname", target, str(file)], check=True
        )
    live_server.start()


def test_a_server_restored_from_a_backup_gets_back_what_the_counters_had_sent(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    sold = sell(a1, team, shelf, 2, clock)
    synced(a1)
    synced(b1)
    _server_backup(live_server, tmp_path / "server-backup")
    sold += sell(a1, team, shelf, 3, clock)  # pushed, and then lost with the server's disk
    synced(a1)
    synced(b1)

    _server_restore(live_server, server_engine, tmp_path / "server-backup")
    assert len(server_sales(server_engine)) == 2
    synced(a1)  # nothing new to send: the round finds what the server lacks
    assert server_sales(server_engine) == dict.fromkeys(sold, 1)
    b_team_sale = sell(b1, team, shelf, 1, clock)
    sold += sell(a1, team, shelf, 1, clock)
    synced(a1)
    synced(b1)
    synced(a1)
    assert server_sales(server_engine) == dict.fromkeys(sold + b_team_sale, 1)
    assert admin.store_sales_total(server_engine, store_id) == 7 * SALE
    for counter in (a1, b1):
        assert local_tickets(counter) >= set(sold + b_team_sale)
        nothing_stuck(counter)
