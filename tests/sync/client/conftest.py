"""Fixtures of the counter-side sync tests: a fake server, and a counter enrolled with it (the
in-memory keyring is in tests/sync/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_enrollment import EnrolledCounter, EnrollmentService
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.fake_server import FakeServer


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
