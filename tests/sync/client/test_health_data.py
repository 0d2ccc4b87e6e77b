"""Health data across counters and the real server (SQLite and PostgreSQL): sealed everywhere it
rests or travels, opened only at a counter of the store for someone allowed to read it."""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text

from salon_pos.db.models import AuditEntry, OutboxOperation
from salon_pos.security.field_crypto import StoreKeys
from salon_pos.services.backend import Backend
from sync.server import admin
from tests.conftest import FakeClock
from tests.sync.client.conftest import enroll, sync_once
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.live_server import LiveServer

NOTE = "孕 24 周，对青霉素过敏 XJ-7731"
ALLERGY = "芒果 QZ-4410"
SECRETS = (NOTE, ALLERGY, "XJ-7731", "QZ-4410", "青霉素")


def _leaks(data: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in data]


def _counter_leaks(counter: Backend) -> list[str]:
    """The database file, its write-ahead log, and the outbox and audit rows as stored."""
    found: list[str] = []
    for path in (counter.db.path, Path(f"{counter.db.path}-wal")):
        if path.exists():
            found += _leaks(path.read_bytes())
    with counter.db.read() as session:
        rows = session.scalars(select(OutboxOperation.payload)).all()
        audit = session.execute(select(AuditEntry.before, AuditEntry.after))
        rows += [f"{before} {after}" for before, after in audit]
    return found + _leaks("\n".join(rows).encode())


def _server_leaks(engine: Engine, database_url: str) -> list[str]:
    """SQLite: the file's bytes (and its WAL); PostgreSQL: every row of every table as text."""
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        wal = Path(f"{path}-wal")
        return _leaks(path.read_bytes() + (wal.read_bytes() if wal.exists() else b""))
    found: list[str] = []
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            rows = connection.execute(text(f'SELECT t::text FROM "{table}" t')).scalars()
            found += _leaks("\n".join(rows).encode())
    return found


def test_notes_travel_sealed_and_open_at_another_counter_for_a_manager_only(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    a1, b1 = counters
    team, _shelf = seed_store(a1)
    added = a1.customers.add(
        "林晓", "13912345678", "F", actor_id=team.desk.id, allergies=ALLERGY, health_notes=NOTE
    )
    assert sync_once(a1).error is None
    assert sync_once(b1).error is None

    at_b1 = b1.customers.get(added.id, team.manager.id)
    assert (at_b1.allergies, at_b1.health_notes, at_b1.has_allergies) == (ALLERGY, NOTE, True)
    never_served = b1.customers.get(added.id, team.tech.id)
    assert never_served.health_notes is None and never_served.has_allergies

    for counter in (a1, b1):
        assert _counter_leaks(counter) == []
    assert _server_leaks(server_engine, live_server.database_url) == []
    assert _leaks(live_server.log_path.read_bytes()) == []
    # The key is a file beside the server, the same one both counters hold, in no database.
    key_file = live_server.log_path.parent / "store-keys" / f"{store_id}.key"
    key = base64.urlsafe_b64decode(key_file.read_text())
    for counter in (a1, b1):
        held = StoreKeys(counter.settings.current.device_id).load()
        assert held is not None and held.key == key and held.confirmed
        assert key_file.read_text().encode() not in counter.db.path.read_bytes()


def test_a_counter_that_sealed_notes_before_enrolling_seals_them_again_with_the_store_key(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
) -> None:
    a1, b1 = counters  # enrolled: the store has its key
    team, _shelf = seed_store(a1)
    assert sync_once(a1).error is None
    c1 = open_counter(tmp_path / "c1", migrated_template, clock, "C1")
    try:
        alone = c1.customers.add("周敏", "13600002222", allergies=ALLERGY, health_notes=NOTE)
        own = StoreKeys(c1.settings.current.device_id).load()
        assert own is not None and not own.confirmed  # made here, before enrolling

        enroll(c1, live_server.url, admin.create_enrollment_code(server_engine, store_id))
        assert sync_once(c1).error is None
        assert sync_once(b1).error is None

        at_b1 = b1.customers.get(alone.id, team.manager.id)
        assert (at_b1.allergies, at_b1.health_notes) == (ALLERGY, NOTE)
        held = StoreKeys(c1.settings.current.device_id).load()
        assert held is not None and held.confirmed and held.old == (own.key,)
        assert c1.customers.get(alone.id, team.manager.id).health_notes == NOTE
        assert _counter_leaks(c1) == []
    finally:
        c1.close()
