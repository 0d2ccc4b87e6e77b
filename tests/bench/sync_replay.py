"""Sync push throughput: 10,000 sales queued on a counter, pushed to a real server process on
127.0.0.1 backed by PostgreSQL, by the counter's own sender (batches, HTTP, JSON, results
recorded in the counter's outbox).

Beside it, in the same run: the rate of writing the very rows the server wrote for those
operations (tickets, lines, payments, ledger entries, applied operations, changes) straight into
an empty copy of the server's schema with executemany, one commit per batch; and the rate of a
replay, the same 10,000 operations sent again (each must come back "duplicate").

Then a first push as a counter with a year of data makes it: mostly customers (here 58 %
`customer.created`, the rest sales, interleaved), drained the same way.

Every plain sale moves stock three times (issue 13): its product and the two back-bar products
its facial uses, from dated batches received beforehand; the movements are among the rows
written directly.

The 10,000 carry member operations (issue 10): every fourth a member's sale (a service paid
by a package session, the rest by stored value and points, points earned: four ledger
entries), every twentieth a stored-value top-up, after a top-up and a package card for each of
the members; the member ledgers' rows (balance entries, package cards) are among those written
directly.

Targets: drain 10,000 sales in under 5 s (issue 4), at least 0.4 of the direct insert rate,
and the customer-heavy mix at least half the sales-only rate (issue 8). Prints one JSON line
last."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring
from sqlalchemy import Engine, Table, func, select

from salon_pos.db.models import Customer, OutboxOperation
from salon_pos.domain.clock import SystemClock
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from salon_pos.services.sync_enrollment import EnrollmentService
from salon_pos.services.sync_outbox import CounterOutbox
from sync.client import Sender, SyncClient
from sync.operations.sales import (
    SALE_COMPLETED,
)
from sync.server import admin, models
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine
from tests.bench.checkout import members_join
from tests.conftest import Shelf, Team, three_line_sale
from tests.keyring_backend import MemoryKeyring
from tests.sync import pg
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

DRAIN_TARGET_S = 5.0
DIRECT_FRACTION_TARGET = 0.4
MIX_FRACTION_TARGET = 0.5  # customer-heavy mix ops/s over sales-only ops/s
MIX_CUSTOMER_SHARE = 0.58  # 100,000 customers beside 73,106 sales in a year's first push
SETUP = [models.Owner, models.Store, models.Device]
TABLES = [
    models.Ticket,
    models.TicketLine,
    models.Payment,
    models.LedgerEntry,
    models.TenderEntry,
    models.SalesDay,
    models.AppliedOperation,
    models.ChangeRecord,
    models.BalanceEntry,
    models.PackageCard,
    models.StockMovement,
    models.StockOnHand,
]
MEMBERS = 50
MEMBER_EVERY, TOP_UP_EVERY = 4, 20  # of the drain's operations


def _counter(folder: Path) -> Backend:
    backend = open_backend(Paths(folder), SystemClock())
    backend.settings.initialise("丽人美容（压测店）", "A1")
    return backend


def _sender(counter: Backend, folder: Path) -> tuple[Sender, SyncClient]:
    enrollment = counter.sync.enrollment()
    assert enrollment is not None
    device_id = counter.settings.current.device_id
    client = SyncClient(enrollment.server_url, DeviceTokens().load(device_id))
    outbox = CounterOutbox(counter.db, counter.clock, device_id)
    return Sender(client, outbox, enrollment.store_id, device_id, folder / "sync.lock"), client


def _push(sender: Sender) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    outcome = sender.push_pending()
    seconds = time.perf_counter() - started
    assert outcome.error is None, outcome.error
    counts = {"applied": outcome.applied, "duplicates": outcome.duplicates}
    return seconds, counts | {"flagged": outcome.flagged, "rejected": outcome.rejected}


Rows = dict[Table, list[dict[str, object]]]


def _rows(engine: Engine, tables: list[type[models.Base]]) -> Rows:
    with engine.connect() as connection:
        return {
            table: [dict(row._mapping) for row in connection.execute(select(table))]
            for table in (models.table_of(model) for model in tables)
        }


def _chunks(rows: Rows, batches: int) -> dict[Table, list[list[dict[str, object]]]]:
    """Each table's rows in `batches` equal parts, but a ticket's rows go with the ticket (a
    member's top-up has two lines, a plain sale three)."""
    tickets = rows[models.table_of(models.Ticket)]
    size = -(-len(tickets) // batches)
    batch_of = {ticket["id"]: n // size for n, ticket in enumerate(tickets)}
    chunks: dict[Table, list[list[dict[str, object]]]] = {}
    for table, table_rows in rows.items():
        parts: list[list[dict[str, object]]] = [[] for _ in range(batches)]
        even = -(-len(table_rows) // batches)
        for n, row in enumerate(table_rows):
            parts[batch_of.get(row.get("ticket_id"), n // even)].append(row)  # type: ignore[arg-type]
        chunks[table] = parts
    return chunks


def _direct_insert(setup: Rows, rows: Rows, url: str, batches: int) -> float:
    """The same rows, into an empty schema, by executemany: `batches` commits, like the push."""
    engine = create_server_engine(url)
    migrate_engine(engine)
    with engine.begin() as connection:  # the owner, store and device the rows point at
        for table, table_rows in setup.items():
            connection.execute(table.insert(), table_rows)
    chunks = _chunks(rows, batches)
    started = time.perf_counter()
    for part in range(batches):
        with engine.begin() as connection:
            for table, table_chunks in chunks.items():
                if table_chunks[part]:
                    connection.execute(table.insert(), table_chunks[part])
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def _queue_mix(counter: Backend, team: Team, shelf: Shelf, operations: int) -> int:
    """Queue `operations` operations, customers and sales interleaved, as the cashier's desk
    makes them; returns how many customers."""
    customers = round(operations * MIX_CUSTOMER_SHARE)
    sales = operations - customers
    every = customers / max(sales, 1)
    made = 0
    for sale in range(sales + 1):
        upto = min(customers, round((sale + 1) * every))
        for n in range(made, upto):
            counter.customers.add(f"顾客{n:06d}", f"139{n:08d}")
        made = upto
        if sale < sales:
            counter.checkout.complete_sale(three_line_sale(team, shelf))
    return customers


def _members_join(counter: Backend, team: Team, shelf: Shelf, visits: int) -> list[SaleRequest]:
    """The members' top-ups and package cards, queued (operations of the drain); answers each
    member's visit (tests/bench/checkout.py)."""
    with counter.db.read() as session:
        members = session.scalars(
            select(Customer.id).where(Customer.name.like("会员%")).order_by(Customer.name)
        ).all()
    # ¥198 + ¥168 + ¥128 at list price: the facial by a session, ¥295 by stored value, ¥1 by points
    return members_join(counter, three_line_sale(team, shelf), list(members), visits, 29500)


def _queue_drain(counter: Backend, team: Team, shelf: Shelf, operations: int) -> int:
    """The drain's operations, member work among the plain sales; answers how many are."""
    members = _members_join(counter, team, shelf, -(-operations // MEMBER_EVERY // MEMBERS) + 1)
    visits = top_ups = 0  # each member in turn
    for made in range(len(members), operations):
        if made % MEMBER_EVERY == 0:
            counter.checkout.complete_sale(members[visits % MEMBERS])
            visits += 1
        elif made % TOP_UP_EVERY == 1:
            member = members[top_ups % MEMBERS].customer_id
            assert member is not None
            line = SaleLine(LineKind.STORED_VALUE, member, unit_price=10000)  # a small top-up
            paid = [Tender(TenderKind.WECHAT, 10000)]
            counter.checkout.complete_sale(SaleRequest(team.desk.id, [line], paid, member))
            top_ups += 1
        else:
            counter.checkout.complete_sale(three_line_sale(team, shelf))
    member_ops = len(members) + visits + top_ups  # each joined with one sale: top-up and card
    return member_ops


def _stock_the_shelf(counter: Backend, team: Team, shelf: Shelf, operations: int) -> None:
    """Stock for every sale (issue 13): the serum received in dated batches, and the facial
    using 5 ml of two back-bar products, so a plain sale moves stock three times (the serum
    sold, two consumables) first expired first out, and none goes below zero."""
    bars = [
        counter.catalog.add_product(
            "院装", name, f"BAR-{n}", 0, 20_000, unit="ml", pack_size=500, needs_expiry=True
        ).id
        for n, name in enumerate(("玻尿酸原液", "补水精华"))
    ]
    counter.stock.set_consumables(
        shelf.facial, [ConsumableLine(bar, 5, "ml") for bar in bars], team.manager.id
    )
    soon = counter.clock.now().date() + timedelta(days=200)
    batches = [
        ReceiptLine(product, packages, 5_000, f"L{n}", soon + timedelta(days=30 * n))
        for n in range(4)
        for product, packages in (
            (shelf.serum, operations // 3),
            *((b, operations // 300) for b in bars),
        )
    ]
    counter.stock.receive(batches, team.manager.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--operations", type=int, default=10_000)
    args = parser.parse_args()
    if pg.server_port() is None:
        print(json.dumps({"benchmark": "sync_replay", "skipped": pg.why_not()}))
        return
    keyring.set_keyring(MemoryKeyring())
    with (
        tempfile.TemporaryDirectory() as folder,
        pg.throwaway_database() as url,
        pg.throwaway_database() as direct_url,
    ):
        home = Path(folder)
        server = LiveServer(url, home / "server.log").start()
        engine = create_server_engine(url)
        try:
            admin.create_owner(engine, "owner@example.com", "correct horse battery")
            store_id = admin.create_store(engine, "owner@example.com", "压测总店")
            counter = _counter(home / "counter")
            EnrollmentService(counter.db, counter.settings, counter.clock).enroll(
                server.url, admin.create_enrollment_code(engine, store_id), DeviceTokens()
            )
            team, shelf = seed_store(counter)
            _stock_the_shelf(counter, team, shelf, args.operations)
            for n in range(MEMBERS):
                counter.customers.add(f"会员{n:03d}", f"137{n:08d}")
            sender, client = _sender(counter, home)
            sender.push_pending()  # staff and catalog: not part of the measure
            with engine.begin() as connection:  # measure only what the sales write
                for model in reversed(TABLES):
                    connection.execute(models.table_of(model).delete())

            started = time.perf_counter()
            member_ops = _queue_drain(counter, team, shelf, args.operations)
            queue_s = time.perf_counter() - started

            drain_s, drained = _push(sender)
            with engine.connect() as connection:
                applied = connection.scalar(select(func.count()).select_from(models.LedgerEntry))
                entries = connection.scalar(select(func.count()).select_from(models.BalanceEntry))
            assert drained["applied"] == args.operations, drained  # no overdraft, no conflict
            assert applied == args.operations

            batches = -(-args.operations // 200)
            pushed = _rows(engine, TABLES)
            direct_s = _direct_insert(_rows(engine, SETUP), pushed, direct_url, batches)

            with counter.db.read() as session:
                first_sale = session.scalar(
                    select(func.min(OutboxOperation.seq)).where(
                        OutboxOperation.type == SALE_COMPLETED
                    )
                )
            sender.outbox.requeue_from(first_sale)
            replay_s, replayed = _push(sender)
            assert replayed["duplicates"] == args.operations, replayed

            customers = _queue_mix(counter, team, shelf, args.operations)
            mix_s, mixed = _push(sender)
            assert mixed["applied"] + mixed["flagged"] == args.operations, mixed
            with engine.connect() as connection:
                stored = connection.scalar(select(func.count()).select_from(models.Customer))
            assert stored is not None and stored >= customers, (stored, customers)
            client.close()
            counter.close()
        finally:
            engine.dispose()
            server.stop()

    ops_per_s = args.operations / drain_s
    mix_ops_per_s = args.operations / mix_s
    direct_ops_per_s = args.operations / direct_s
    result = {
        "benchmark": "sync_replay",
        "database": "postgresql",
        "operations": args.operations,
        "member_operations": member_ops,
        "balance_entries": entries,
        "queue_seconds": round(queue_s, 2),
        "drain_seconds": round(drain_s, 2),
        "ops_per_second": round(ops_per_s),
        "direct_insert_ops_per_second": round(direct_ops_per_s),
        "rows_per_operation": round(sum(map(len, pushed.values())) / args.operations, 1),
        "ratio_to_direct": round(ops_per_s / direct_ops_per_s, 3),
        "replay_ops_per_second": round(replayed["duplicates"] / replay_s),
        "mix_customer_share": MIX_CUSTOMER_SHARE,
        "mix_drain_seconds": round(mix_s, 2),
        "mix_ops_per_second": round(mix_ops_per_s),
        "mix_ratio_to_sales_only": round(mix_ops_per_s / ops_per_s, 3),
        "targets": {
            "drain_seconds": DRAIN_TARGET_S,
            "ratio_to_direct": DIRECT_FRACTION_TARGET,
            "mix_ratio_to_sales_only": MIX_FRACTION_TARGET,
        },
        "pass": drain_s < DRAIN_TARGET_S
        and ops_per_s / direct_ops_per_s >= DIRECT_FRACTION_TARGET
        and mix_ops_per_s / ops_per_s >= MIX_FRACTION_TARGET,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
