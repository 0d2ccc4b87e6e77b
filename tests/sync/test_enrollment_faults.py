"""Enrolling through a network that loses answers and sends requests twice (issue 8, section
6): a proxy on 127.0.0.1 drops 30 % of the answers and sends 20 % of the requests twice at
once. Every counter that retries its code ends enrolled, with a token that works (before, about
a third ended with the code spent and no token: "the code was refused", then 409)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from salon_pos.domain.errors import UserError
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_enrollment import EnrollmentService
from sync.client import SyncClient
from sync.server import admin
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.feed import open_counter
from tests.sync.faulty_proxy import FaultyProxy
from tests.sync.live_server import LiveServer

COUNTERS = 12
TRIES = 12  # a counter gives up after this many (0.3 ** 12: about 1 in 2 million)


def _enroll_until_it_works(counter: Backend, url: str, code: str) -> tuple[int, list[str]]:
    service = EnrollmentService(counter.db, counter.settings, counter.clock)
    refusals = []
    for attempt in range(1, TRIES + 1):
        try:
            service.enroll(url, code, DeviceTokens(), timeout=5)
            return attempt, refusals
        except UserError as error:  # a lost answer: unreachable; a refused code: say so
            refusals.append(error.message("en"))
    return TRIES + 1, refusals


def test_every_counter_that_retries_its_code_ends_enrolled(
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
) -> None:
    tries = []
    with FaultyProxy(
        live_server.url, drop_answers=0.3, duplicate_requests=0.2, seed=8, parallel_duplicates=True
    ) as proxy:
        for n in range(COUNTERS):
            counter = open_counter(tmp_path / f"c{n}", migrated_template, clock, f"C{n}")
            code = admin.create_enrollment_code(server_engine, store_id)
            attempts, refusals = _enroll_until_it_works(counter, proxy.url, code)
            assert attempts <= TRIES, refusals
            assert not [r for r in refusals if "refused" in r], refusals
            device_id = counter.settings.current.device_id
            client = SyncClient(live_server.url, DeviceTokens().load(device_id))
            assert client.status(store_id, device_id).device_id == device_id  # the token works
            client.close()
            counter.close()
            tries.append(attempts)
    assert proxy.counts.dropped_answers > 0 and max(tries) > 1  # the faults did happen
    assert len(admin.list_devices(server_engine, store_id)) == COUNTERS
