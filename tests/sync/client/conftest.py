"""Fixtures of the counter-side sync tests: a fake server, and a counter enrolled with it (the
in-memory keyring is in tests/sync/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_enrollment import EnrolledCounter, EnrollmentService
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.fake_server import FakeServer
from tests.sync.client.feed import open_counter


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
def enrolled(backend: Backend, fake_server: FakeServer, memory_keyring: MemoryKeyring) -> Backend:
    enroll(backend, fake_server.url)
    return backend
