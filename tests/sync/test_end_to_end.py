"""The issue's end-to-end check: a real server process on 127.0.0.1 (SQLite and PostgreSQL),
two real counter databases. Both go offline, each records 200 sales and edits the same
customers; a price changes at the server meanwhile; the server comes back. Within 30 s every
operation is applied exactly once, the server's sales equal both counters' to the fen, each
counter holds the other's sales, and the crafted conflicts are on record everywhere."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select

from salon_pos.db.models import OutboxOperation, Ticket
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.customers import CustomerProfile
from sync.operations.customers import (
    CONFLICT_CLOCK_AHEAD,
    CONFLICT_DUPLICATE_CUSTOMER,
    CONFLICT_FIELD_OVERWRITTEN,
)
from sync.operations.sales import (
    CONFLICT_PRICE_MISMATCH,
)
from sync.server import admin, master_data
from sync.server.models import AppliedOperation, LedgerEntry
from tests.conftest import FakeClock, Team
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.conftest import enroll, sync_once
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.live_server import LiveServer

SALES_EACH = 200
ONE_HOUR_AGO = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)


def _open(home: Path, template: Path, prefix: str, url: str, code: str) -> Backend:
    counter = open_counter(home, template, FakeClock(ONE_HOUR_AGO), prefix)
    enroll(counter, url, code)
    return counter


def _sale(counter: Backend, team: Team, items: list[tuple[LineKind, str, int]], n: int) -> None:
    """A varied sale: one to three lines, sometimes two tenders, sometimes a customer."""
    pick = random.Random(n)
    chosen = pick.sample(items, pick.randint(1, 3))
    quantities = [pick.randint(1, 2) for _ in chosen]
    lines = [
        SaleLine(kind, item, quantity=quantity, technician_id=team.tech.id)
        for (kind, item, _), quantity in zip(chosen, quantities, strict=True)
    ]
    total = sum(price * q for (_, _, price), q in zip(chosen, quantities, strict=True))
    if pick.random() < 0.5:
        tenders = [Tender(TenderKind.WECHAT, total)]
    else:
        cash = total // 3
        tenders = [Tender(TenderKind.CASH, cash), Tender(TenderKind.ALIPAY, total - cash)]
    counter.checkout.complete_sale(SaleRequest(team.desk.id, lines, tenders))
    assert isinstance(counter.clock, FakeClock)
    counter.clock.advance(seconds=pick.randint(20, 90))


def _own_sales(counter: Backend, prefix: str) -> int:
    with counter.db.read() as session:
        total = session.scalar(
            select(func.coalesce(func.sum(Ticket.total), 0)).where(
                Ticket.number.like(f"{prefix}-%")
            )
        )
    return int(total or 0)


def _ticket_ids(counter: Backend) -> set[str]:
    with counter.db.read() as session:
        return set(session.scalars(select(Ticket.id)))


def _outbox_ids(counter: Backend) -> set[str]:
    with counter.db.read() as session:
        return set(session.scalars(select(OutboxOperation.id)))


def test_two_counters_offline_with_200_sales_each_converge(
    tmp_path: Path,
    migrated_template: Path,
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    memory_keyring: MemoryKeyring,
) -> None:
    code = admin.create_enrollment_code
    a1 = _open(
        tmp_path / "a1", migrated_template, "A1", live_server.url, code(server_engine, store_id)
    )
    b1 = _open(
        tmp_path / "b1", migrated_template, "B1", live_server.url, code(server_engine, store_id)
    )
    # The first counter brings the store's staff, catalog and customers; the second pulls them.
    team, shelf = seed_store(a1)
    items = [
        (LineKind.SERVICE, shelf.facial, 19800),
        (LineKind.SERVICE, shelf.manicure, 16800),
        (LineKind.PRODUCT, shelf.serum, 12800),
    ]
    regulars = [a1.customers.add(f"老客{i}", f"1391234{i:04d}") for i in range(5)]
    assert sync_once(a1).error is None
    assert sync_once(b1).error is None
    assert {c.name for c in b1.customers.recent()} >= {c.name for c in regulars}

    live_server.stop()  # both counters are offline from here
    master_data.set_price(server_engine, store_id, shelf.facial, 22800)  # the owner raises a price
    for n in range(SALES_EACH):
        _sale(a1, team, items, n)
        _sale(b1, team, items, 10_000 + n)
    shared = regulars[0]
    a1.customers.update(CustomerProfile(shared.id, "林晓", shared.phone, "F", None, ""))
    b1.clock.advance(minutes=5)  # type: ignore[attr-defined]
    b1.customers.update(CustomerProfile(shared.id, "林小晓", shared.phone, "", None, "花粉过敏"))
    a1.customers.update(replace_notes(a1, regulars[1].id, "喜欢安静"))
    b1.customers.update(replace_notes(b1, regulars[1].id, "对酒精过敏"))
    a1.customers.add("新客张", "13800001111")
    b1.customers.add("张女士", "13800001111")  # the same person, created twice offline
    b1.clock.current = datetime.now(UTC) + timedelta(minutes=10)  # type: ignore[attr-defined]
    b1.customers.update(CustomerProfile(regulars[2].id, "赵敏", regulars[2].phone, "F", None, ""))
    assert not sync_once(a1).online and not sync_once(b1).online

    live_server.start()
    started = time.monotonic()
    while True:
        reports = [sync_once(a1), sync_once(b1)]
        assert all(r.error is None for r in reports), reports
        if all(r.pending == 0 for r in reports) and sum(r.pulled for r in reports) == 0:
            break
        assert time.monotonic() - started < 30, "not converged within 30 s"
    drained_in = time.monotonic() - started
    assert drained_in < 30

    # Every operation applied exactly once.
    with server_engine.connect() as connection:
        applied = dict(
            connection.execute(
                select(AppliedOperation.device_id, func.count()).group_by(
                    AppliedOperation.device_id
                )
            ).all()
        )
        ledger_per_ticket = connection.execute(
            select(LedgerEntry.ticket_id, func.count())
            .where(LedgerEntry.kind == "sale")
            .group_by(LedgerEntry.ticket_id)
        ).all()
    for counter in (a1, b1):
        assert applied[counter.settings.current.device_id] == len(_outbox_ids(counter))
    assert len(ledger_per_ticket) == 2 * SALES_EACH
    assert {count for _, count in ledger_per_ticket} == {1}

    # Money: the server's sales equal the sum of both counters, to the fen.
    expected = _own_sales(a1, "A1") + _own_sales(b1, "B1")
    assert expected > 0
    assert admin.store_sales_total(server_engine, store_id) == expected

    # Each counter holds the other's sales.
    assert _ticket_ids(a1) == _ticket_ids(b1)
    assert len(_ticket_ids(a1)) == 2 * SALES_EACH
    for counter in (a1, b1):
        assert _own_sales(counter, "A1") + _own_sales(counter, "B1") == expected

    # The customers converged, by the rules.
    for customer_id in (shared.id, regulars[1].id, regulars[2].id):
        assert a1.customers.get(customer_id) == b1.customers.get(customer_id)
    assert a1.customers.get(shared.id).name == "林小晓"  # the later stamp wins
    assert a1.customers.get(shared.id).gender == "F"  # b1 did not change it
    merged_notes = a1.customers.get(regulars[1].id).notes
    assert "喜欢安静" in merged_notes and "对酒精过敏" in merged_notes  # append-only

    # The crafted conflicts are on record, on both counters.
    for counter in (a1, b1):
        kinds = sorted(c.type for c in counter.sync.conflicts())
        assert CONFLICT_PRICE_MISMATCH in kinds, kinds
        assert CONFLICT_FIELD_OVERWRITTEN in kinds, kinds
        assert kinds.count(CONFLICT_DUPLICATE_CUSTOMER) == 1, kinds
        assert CONFLICT_CLOCK_AHEAD in kinds, kinds
    print(f"drained and converged in {drained_in:.1f} s")
    a1.close()
    b1.close()


def replace_notes(counter: Backend, customer_id: str, notes: str) -> CustomerProfile:
    profile = counter.customers.get(customer_id)
    return CustomerProfile(
        profile.id, profile.name, profile.phone, profile.gender, profile.birthday, notes
    )
