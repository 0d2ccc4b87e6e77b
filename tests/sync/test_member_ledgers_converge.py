"""The member ledgers' acceptance test (issue 10, "Done when": property tests): three real
counters of one store and the real server (SQLite and PostgreSQL) through random top-ups,
stored-value and points spends, package cards sold and used, voids, refunds, overdrafts
resolved at a counter and replays, offline and online, synced in any order through lost
answers and doubled requests. The checks are in tests/sync/member_ledger_machine.py.

New examples every run (`database=None`), as the convergence test; soak it with
SALON_MEMBER_LEDGER_EXAMPLES=300 (4–6 s an example and database on 2 cores; the default
4 adds about 45 s to the suite for both databases)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.stateful import run_state_machine_as_test

from tests.conftest import FakeClock
from tests.sync.convergence_machine import World, running_server
from tests.sync.member_ledger_machine import MemberLedgerMachine
from tests.sync.test_convergence import CONVERGENCE

STEPS = 30
EXAMPLES = int(os.environ.get("SALON_MEMBER_LEDGER_EXAMPLES", "4"))

LEDGERS = settings(CONVERGENCE, max_examples=EXAMPLES, stateful_step_count=STEPS)


@pytest.mark.timeout(600)
@pytest.mark.usefixtures("memory_keyring")
def test_member_ledgers_converge_and_add_up(
    server_database_url: str, tmp_path: Path, migrated_template: Path, clock: FakeClock
) -> None:
    started = time.perf_counter()
    with running_server(server_database_url, deduplicate=True, clock=clock) as server:
        world = World.around(server, migrated_template, clock, tmp_path)
        machine = type("MemberLedgers", (MemberLedgerMachine,), {"world": world})
        run_state_machine_as_test(machine, settings=LEDGERS)
    assert world.converged >= max(1, EXAMPLES // 2)
    print(f"{world.converged} examples converged, faults {dict(world.faults)}, "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
