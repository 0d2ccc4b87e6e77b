"""Fixtures of the counter-side sync tests: a fake server, and a counter enrolled with it (the
in-memory keyring is in tests/sync/conftest.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from salon_pos.db.models import Ticket
from salon_pos.jobs.sync import RoundReport, sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.staff import StaffMember
from salon_pos.services.sync_enrollment import EnrolledCounter, EnrollmentService
from sync.server import admin
from tests.conftest import FakeClock, Team
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.fake_server import FakeServer
from tests.sync.client.feed import open_counter
from tests.sync.live_server import LiveServer


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock, migrated_template: Path) -> Iterator[Backend]:
    """Counter B1 of the same store, with its own staff, catalog and sales."""
    counter = open_counter(tmp_path / "b1", migrated_template, clock, "B1")
    yield counter
    counter.close()


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    server = FakeServer().start()
    yield server
    server.stop()


def enroll(backend: Backend, url: str, code: str = "GOOD-CODE") -> EnrolledCounter:
    service = EnrollmentService(backend.db, backend.settings, backend.clock)
    return service.enroll(url, code, DeviceTokens(), timeout=5)


@pytest.fixture
def counter_paths(backend: Backend) -> Paths:
    return Paths(backend.db.path.parent)


@pytest.fixture
def counters(
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Backend]]:
    """A1 and B1, enrolled with the live server's store."""
    a1 = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    b1 = open_counter(tmp_path / "b1", migrated_template, clock, "B1")
    for counter in (a1, b1):
        enrolled = enroll(
            counter, live_server.url, admin.create_enrollment_code(server_engine, store_id)
        )
        assert enrolled.store_name == "丽人美容总店"
    yield a1, b1
    a1.close()
    b1.close()


def sync_once(counter: Backend) -> RoundReport:
    """One sync round of a counter, as its scheduler runs it."""
    return sync_round(counter, Paths(counter.db.path.parent), timeout=10)


@pytest.fixture
def enrolled(backend: Backend, fake_server: FakeServer, memory_keyring: MemoryKeyring) -> Backend:
    enroll(backend, fake_server.url)
    return backend


def synced(*counters: Backend) -> None:
    """A sync round of each counter in turn, each one clean."""
    for counter in counters:
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report


def take_back_some(counter: Backend, seed: int, voids: int, refunds: int, line: int) -> StaffMember:
    """A manager of `counter` voids `voids` of its completed tickets, then refunds one unit of
    line `line` of `refunds` others, chosen by `seed`; answers the manager."""
    manager = next(s for s in counter.staff.list() if s.role.approves)
    rng = random.Random(seed)
    with counter.db.read() as s:
        earlier = s.scalars(
            select(Ticket.id).where(Ticket.status == "completed").order_by(Ticket.number)
        ).all()
    for ticket_id in rng.sample(list(earlier), voids):
        counter.checkout.void_sale(ticket_id, Team.MANAGER_PIN, "顾客取消", manager.id)
    still = [t for t in earlier if counter.tickets.get(t).summary.status.value == "completed"]
    for ticket_id in rng.sample(still, refunds):
        taken = counter.tickets.get(ticket_id).lines[line]
        counter.checkout.refund_lines(
            ticket_id, {taken.id: 1}, Team.MANAGER_PIN, "不满意", manager.id
        )
    return manager
