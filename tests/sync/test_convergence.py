"""The stateful acceptance test of sync (issue 4): three counters of one store work offline at
random, sync in random orders through a network that loses answers after the server acted and
sends requests twice; at the end every counter and the server hold the same tickets, refunds and
customers, the server applied every operation exactly once, and its ledger is, to the fen, the
sum of what every counter sold less what it voided and refunded.

The same machine against a server with deduplication switched off (the test-only
`ServerSettings.deduplicate`) must fail, on the ledger: proof that it can catch the bug.

Each variant runs against SQLite and PostgreSQL (tests/sync/conftest.py, tests/sync/pg.py).
The machine and the in-process server are in tests/sync/convergence_machine.py.

Seeds: the convergence test draws new examples on every run (`database=None`: no replay of
old failures, so a run's time is bounded); a failure prints the steps to reproduce it. The
proof with deduplication off runs a fixed seed: the same examples on every run, so it either
always finds the bug or never does.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis.stateful import run_state_machine_as_test

from sync.server import admin
from tests.conftest import FakeClock
from tests.keyring_backend import MemoryKeyring
from tests.sync.convergence_machine import (
    OWNER,
    ConvergenceMachine,
    Counter,
    World,
    open_enrolled_counter,
    running_server,
    server_customer,
)

STEPS = 30
# Enough examples to cover sync orders, faults and concurrent edits; few enough that the module
# runs in about a minute for both databases. Soak it with SALON_CONVERGENCE_EXAMPLES=500.
EXAMPLES = int(os.environ.get("SALON_CONVERGENCE_EXAMPLES", "8"))

CONVERGENCE = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],  # the steps run while data is drawn
)
# Without deduplication the first example with a replayed sale fails. A seed fixes the examples
# (the same on every run, so the proof either always finds the bug or never does): with seed 5 the
# 5th example replays a sale (the first ones are Hypothesis's simplest), on SQLite and PostgreSQL
# alike, in 6-11 s at load 6-7. derandomize's own sequence first replayed one at example 65 (58 s
# a database on a quiet machine, 125 s at load 7). The examples move whenever the machine's source
# or settings change: max_examples leaves room, and a seed that finds it early again is a quick
# search. Shrinking it would cost more than finding it, and the proof needs no minimal example
# (shrunk by hand: sell on A1, one round sending its push twice, and the sale is in the ledger
# twice).
PROOF_SEED = 5
WITHOUT_DEDUPLICATION = settings(
    CONVERGENCE,
    max_examples=200,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
)


def _machine(world: World) -> type[ConvergenceMachine]:
    return type("Convergence", (ConvergenceMachine,), {"world": world})


# A failure is shrunk before it is reported, for up to 5 minutes (Hypothesis's own cap): give it
# the time, or the report would be pytest-timeout's instead of the steps that fail.
@pytest.mark.timeout(600)
@pytest.mark.usefixtures("memory_keyring")
def test_counters_and_server_converge_and_ledgers_add_up(
    server_database_url: str, tmp_path: Path, migrated_template: Path, clock: FakeClock
) -> None:
    started = time.perf_counter()
    with running_server(server_database_url, deduplicate=True, clock=clock) as server:
        world = World.around(server, migrated_template, clock, tmp_path)
        run_state_machine_as_test(_machine(world), settings=CONVERGENCE)
    assert world.converged >= max(1, EXAMPLES // 2)  # examples that ended with every check
    assert sum(world.faults.values()) > 0, "no fault was injected"
    print(f"{world.converged} examples converged, faults {dict(world.faults)}, "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


@pytest.mark.usefixtures("memory_keyring")
def test_without_deduplication_the_ledger_check_fails(
    server_database_url: str, tmp_path: Path, migrated_template: Path, clock: FakeClock
) -> None:
    with running_server(server_database_url, deduplicate=False, clock=clock) as server:
        world = World.around(server, migrated_template, clock, tmp_path)
        with pytest.raises(AssertionError) as failure:
            machine = seed(PROOF_SEED)(_machine(world))
            run_state_machine_as_test(machine, settings=WITHOUT_DEDUPLICATION)
    # The ledger caught it, not a crash or another check: a replayed sale entered twice.
    assert str(failure.value).startswith("LEDGER: "), failure.value
    assert world.faults["answers lost"] + world.faults["requests sent twice"] > 0
    print(f"failed at example {world.examples}: {failure.value}")


# ---------------------------------------------------------------- two cases, step by step
# Both diverged under the first pull rule (the higher stamp wins at the counter as well as at the
# server); kept as worked examples of what the machine checks at random.


@pytest.fixture
def two_counters(
    server_database_url: str,
    tmp_path: Path,
    migrated_template: Path,
    clock: FakeClock,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[World, Counter, Counter]]:
    with running_server(server_database_url, deduplicate=True, clock=clock) as server:
        world = World.around(server, migrated_template, clock, tmp_path)
        store_id = admin.create_store(world.engine, OWNER, "丽人美容 一店")
        a1, b1 = (open_enrolled_counter(world, tmp_path, store_id, p) for p in ("A1", "B1"))
        yield world, a1, b1
        a1.close()
        b1.close()


def _synced(*counters: Counter) -> None:
    for counter in counters:
        report = counter.sync()
        assert report.error is None and report.pending == 0, report


def test_notes_appended_on_two_counters_converge(
    two_counters: tuple[World, Counter, Counter],
) -> None:
    """The server appends each counter's addition to what it holds: its merged text carries
    the stamp of the last edit, which the counter that made it holds for its own text."""
    world, a1, b1 = two_counters
    customer = a1.backend.customers.add("林小姐", "13912345678", notes="敏感肌")
    _synced(a1, b1)
    for counter, note in ((a1, "喜欢安静"), (b1, "对花粉过敏")):  # both offline
        held = counter.backend.customers.get(customer.id)
        counter.backend.customers.update(replace(held, notes=f"{held.notes}\n{note}"))
        world.clock.advance(seconds=5)
    _synced(a1, b1, a1)
    merged = server_customer(world.engine, customer.id)["notes"]
    assert merged == "敏感肌\n喜欢安静\n对花粉过敏"  # no note lost
    assert a1.backend.customers.get(customer.id).notes == merged
    assert b1.backend.customers.get(customer.id).notes == merged


def test_a_counter_whose_clock_is_ahead_takes_a_later_edit(
    two_counters: tuple[World, Counter, Counter],
) -> None:
    """The server clamps a1's stamp, 10 minutes ahead, to its own clock; b1's edit 30 s later
    wins there, and must win at a1 too, though a1's own stamp is higher."""
    world, a1, b1 = two_counters
    a1.clock.offset = timedelta(minutes=10)
    customer = b1.backend.customers.add("林小姐", "13912345678")
    _synced(b1, a1)
    a1.backend.customers.update(replace(customer, name="林晓"))
    assert a1.sync().flagged == 1  # clock_ahead
    world.clock.advance(seconds=30)
    _synced(b1)
    b1.backend.customers.update(replace(customer, name="林小晓"))
    _synced(b1, a1)
    assert server_customer(world.engine, customer.id)["name"] == "林小晓"
    assert [c.type for c in a1.backend.sync.conflicts()] == ["clock_ahead"]
    assert a1.backend.customers.get(customer.id).name == "林小晓"
    assert b1.backend.customers.get(customer.id).name == "林小晓"


# ---------------------------------------------------------------- a bug the machine found


def test_a_customer_whose_phone_another_shares_can_still_be_edited(
    two_counters: tuple[World, Counter, Counter],
) -> None:
    _, a1, b1 = two_counters
    a1.backend.customers.add("林晓", "13800000001")
    theirs = b1.backend.customers.add("林小晓", "13800000001")  # offline, the same phone
    _synced(a1, b1, a1)
    assert [c.type for c in a1.backend.sync.conflicts()] == ["duplicate_customer"]
    pulled = a1.backend.customers.get(theirs.id)
    a1.backend.customers.update(replace(pulled, birthday=date(1990, 1, 1)))  # phone unchanged
    assert a1.backend.customers.get(theirs.id).birthday == date(1990, 1, 1)
