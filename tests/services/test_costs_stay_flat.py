"""Costs that must not grow with the data (issue 8): the tickets list, the status bar's counts,
the sign-in and approval lockout checks. Each is run on two generated stores as busy as each
other, one with 15 times the history, and the work SQLite does is compared (virtual-machine
steps, tests/sqlite_work.py): reading what is needed does not grow with the history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from salon_pos.domain.errors import Both, WrongManagerPin
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.sign_in import WrongPin
from tests.bench.year import Year, fill_year
from tests.sqlite_work import steps_of

PER_DAY = 100
SMALL, LARGE = 10, 150  # days of history
FLAT = 1.5  # the longer history may cost at most this much more


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Backend, Year]]:
    made = {}
    for size in (SMALL, LARGE):
        backend = open_backend(Paths(tmp_path_factory.mktemp(f"year{size}")))
        made[size] = backend, fill_year(backend, PER_DAY * size, customers=300, days=size)
    yield made
    for backend, _ in made.values():
        backend.close()


def growth(
    stores: dict[int, tuple[Backend, Year]], call: Callable[[Backend, Year], object]
) -> float:
    small, large = (steps_of(b.db.engine, lambda b=b, y=y: call(b, y)) for b, y in stores.values())
    assert small > 0
    return large / small


def test_ticket_list_over_the_whole_range_reads_only_the_rows_shown(stores) -> None:
    def year(backend: Backend, made: Year) -> None:
        rows = backend.tickets.find("", made.first_day, made.last_day, limit=50)
        assert len(rows) == 50

    assert growth(stores, year) < FLAT


def test_ticket_list_of_an_old_week_does_not_walk_the_newer_tickets(stores) -> None:
    def old_week(backend: Backend, made: Year) -> None:
        first = made.first_day
        assert backend.tickets.find("", first, first + timedelta(days=6), limit=20)

    assert growth(stores, old_week) < FLAT


def test_ticket_search_by_number_is_an_index_lookup(stores) -> None:
    def by_number(backend: Backend, made: Year) -> None:
        first = made.first_day
        assert [t.number for t in backend.tickets.find("b1-000007", first, made.last_day)] == [
            "B1-000007"
        ]
        assert "B1-000007" in [t.number for t in backend.tickets.find("7", first, made.last_day)]

    assert growth(stores, by_number) < FLAT


def test_ticket_search_by_a_prefix_many_numbers_share_reads_only_the_rows_shown(stores) -> None:
    def typing_a_number(backend: Backend, made: Year) -> None:
        rows = backend.tickets.find("b1-0", made.first_day, made.last_day, limit=50)
        assert len(rows) == 50 and all(t.number.startswith("B1-0") for t in rows)
        assert rows == sorted(rows, key=lambda t: t.completed_at or made.last_day, reverse=True)

    assert growth(stores, typing_a_number) < FLAT


def test_status_bar_counts_read_only_what_is_waiting(stores) -> None:
    def counts(backend: Backend, made: Year) -> None:
        status = backend.sync.status()
        assert status.parked == 12
        assert status.pending == outbox_status(backend.db).pending >= 40  # and the setup's own

    assert growth(stores, counts) < FLAT


def test_sign_in_lockout_check_reads_only_that_persons_attempts(stores) -> None:
    def wrong_pin(backend: Backend, made: Year) -> None:
        newcomer = backend.staff.add(f"新人{len(backend.staff.list())}", "front_desk", "4321")
        with pytest.raises(WrongPin):
            backend.sign_in.sign_in(newcomer.id, "0000")

    assert growth(stores, wrong_pin) < FLAT


def test_approval_lockout_check_reads_only_the_last_minute(stores) -> None:
    def wrong_manager_pin(backend: Backend, made: Year) -> None:
        with pytest.raises(WrongManagerPin):
            backend.checkout._approve("0000", Both("退款", "refund"), made.desk_id)

    assert growth(stores, wrong_manager_pin) < FLAT


def test_a_store_generated_for_these_checks_is_filled(stores) -> None:
    backend, made = stores[LARGE]
    assert made.tickets == PER_DAY * LARGE
    assert len(backend.tickets.find(limit=made.tickets + 1)) == made.tickets
