"""Benchmark: a fresh counter joins a busy store (issue 9).

The server holds a store's year: its staff and catalog, 100,000 customers and 73,000 tickets,
pushed as a counter would have pushed them (real operations applied by the server's own
handlers, in process, so the change feed is the real one). That server database is built once
and kept in a cache folder (`--cache`, default ~/.cache/salon-pos-bench), keyed by its size and
the server's schema.

Then, against a real server process on 127.0.0.1: a fresh counter is set up, enrolls with a
code and runs its first pull. Measured: the time from the code to "can sell" (the store's staff,
catalog, settings and customers on the counter) and to "history complete" (every ticket), and
the pull rate in changes/s. Target: can sell in under 2 minutes. Prints one JSON line last.

Usage: python tests/bench/join_store.py [--customers 100000] [--tickets 73000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).parent))

import keyring
from customer_search import GIVEN, SURNAMES  # type: ignore[import-not-found]
from sqlalchemy import func, select
from year import id_at  # type: ignore[import-not-found]

from salon_pos.db.models import Customer, ServiceItem, Staff, Ticket
from salon_pos.domain.clock import SystemClock
from salon_pos.domain.ticket import LineKind, PricedLine
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.security.pins import hash_pin
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.sync_enrollment import EnrollmentService
from sync.operations import OPERATIONS
from sync.operations.customers import CUSTOMER_CREATED, CustomerCreated
from sync.operations.sales import SALE_COMPLETED, SaleCompleted
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED, CatalogItemSaved, StaffSaved
from sync.protocol import MAX_BATCH_OPERATIONS, hlc_stamp
from sync.server import admin
from sync.server.apply import apply_push
from sync.server.db import create_server_engine
from sync.server.enrollment import enroll
from sync.server.migrate import migrate_engine
from sync.wire import EnrollRequest, Operation
from tests.keyring_backend import MemoryKeyring
from tests.sync.live_server import LiveServer

TARGET_SELL_S = 120.0
CATEGORIES = ("面部护理", "身体护理", "美甲", "美睫", "头皮养护")
ROLES = ("manager", "front_desk", "front_desk", *("technician",) * 6, "owner")


def _schema_key() -> str:
    """Changes when the server's migrations or the operation payloads change."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "sync").rglob("*.py")):
        if "migrations" in path.parts or path.parent.name in ("operations",):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class Seed:
    """The operations of the store's first counter, in the order it made them."""

    def __init__(self, device_id: str, rng: random.Random) -> None:
        self.device_id = device_id
        self.rng = rng
        self.ops: list[Operation] = []

    def add(self, at: datetime, op_type: str, payload: dict[str, Any]) -> None:
        self.ops.append(
            Operation(
                id=id_at(at, self.rng),
                device_id=self.device_id,
                seq=len(self.ops) + 1,
                type=op_type,
                occurred_at=at,
                payload_version=OPERATIONS[op_type].version,
                payload=payload,
            )
        )


def _store_setup(seed: Seed, at: datetime) -> tuple[list[str], list[tuple[str, str, int]]]:
    staff = []
    for n, role in enumerate(ROLES):
        member = StaffSaved(
            id=id_at(at, seed.rng),
            name=f"员工{n:02d}",
            role=role,  # type: ignore[arg-type]
            skills=["facial", "nails"] if role == "technician" else [],
            pin_hash=hash_pin(f"{1000 + n}"),
        )
        seed.add(at, STAFF_SAVED, member.model_dump(mode="json"))
        staff.append(member.id)
    services = []
    for n in range(60):
        item = CatalogItemSaved(
            id=id_at(at, seed.rng),
            kind="service" if n < 40 else "product",
            category=CATEGORIES[n % len(CATEGORIES)],
            name=f"项目{n:02d}",
            price=9800 + 1000 * (n % 20),
            duration_min=60 if n < 40 else None,
            sku=None if n < 40 else f"SKU{n:04d}",
            barcode=None if n < 40 else f"69{n:011d}",
        )
        seed.add(at, CATALOG_ITEM_SAVED, item.model_dump(mode="json"))
        if n < 40:
            services.append((item.id, item.name, item.price))
    return staff, services


def _customers(seed: Seed, count: int, start: datetime, span: timedelta) -> list[str]:
    ids = []
    phones = seed.rng.sample(range(10**9), count)
    for n, phone in enumerate(phones):
        at = start + span * n / max(count, 1)
        name = seed.rng.choice(SURNAMES) + "".join(seed.rng.choice(GIVEN) for _ in range(2))
        customer = CustomerCreated(
            id=id_at(at, seed.rng),
            name=name,
            phone=f"1{seed.rng.choice('3589')}{phone:09d}",
            gender="F",
            hlc=hlc_stamp(int(at.timestamp() * 1000), 0, seed.device_id[-12:]),
        )
        seed.add(at, CUSTOMER_CREATED, customer.model_dump(mode="json"))
        ids.append(customer.id)
    return ids


def _sale(seed: Seed, at: datetime, number: int, people: list[str], staff: list[str],
          services: list[tuple[str, str, int]]) -> None:  # fmt: skip
    from year import _sale as year_sale  # the same rows as the tickets benchmark

    rng = seed.rng
    techs = staff[3:9]
    lines = [
        PricedLine(
            LineKind.SERVICE, sid, name, 1, price, rng.choice((0, 0, 1000)), rng.choice(techs)
        )
        for sid, name, price in rng.sample(services, rng.choice((1, 1, 2, 3)))
    ]
    customer = rng.choice(people) if people and rng.random() < 0.7 else None
    day = at.date()
    ticket, line_rows, payments = year_sale(
        at, f"A1-{number:06d}", customer, staff[1], seed.device_id, lines, day, rng
    )
    payload = SaleCompleted.model_validate(
        ticket | {"lines": line_rows, "payments": payments, "discount_approved_by": None}
    )
    seed.add(at, SALE_COMPLETED, payload.model_dump(mode="json"))


def build_server(path: Path, customers: int, tickets: int) -> str:
    """The store's year in a SQLite server database at `path`; answers the store id."""
    url = f"sqlite:///{path}"
    engine = create_server_engine(url)
    migrate_engine(engine)
    admin.create_owner(engine, "owner@example.com", "correct horse battery")
    store_id = admin.create_store(engine, "owner@example.com", "丽人美业·旗舰店")
    code = admin.create_enrollment_code(engine, store_id)
    seed_device = "0190f000-0000-7000-8000-00000000a001"
    enroll(
        engine,
        EnrollRequest(code=code, device_id=seed_device, counter="A1", hostname="seed"),
        datetime.now(UTC),
    )
    rng = random.Random(9)
    seed = Seed(seed_device, rng)
    first = datetime.now(UTC) - timedelta(days=365)
    staff, services = _store_setup(seed, first)
    people = _customers(seed, customers, first, timedelta(days=300))
    for n in range(tickets):
        at = first + timedelta(days=365) * (n + 1) / (tickets + 1)
        _sale(seed, at, n + 1, people[: max(1, int(len(people) * (n + 1) / tickets))], staff,
              services)  # fmt: skip
    # The seed counter made customers and sales interleaved in time: push them in that order.
    setup, rest = seed.ops[: len(ROLES) + 60], seed.ops[len(ROLES) + 60 :]
    rest.sort(key=lambda op: op.occurred_at)
    ordered = [op.model_copy(update={"seq": n}) for n, op in enumerate(setup + rest, start=1)]
    started = time.perf_counter()
    for part in range(0, len(ordered), MAX_BATCH_OPERATIONS):
        outcome = apply_push(
            engine, store_id, seed_device, ordered[part : part + MAX_BATCH_OPERATIONS],
            datetime.now(UTC),
        )  # fmt: skip
        assert not outcome.counts.get("rejected"), outcome.counts
    print(f"built the server in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    engine.dispose()
    return store_id


def server_copy(cache: Path, folder: Path, customers: int, tickets: int) -> tuple[Path, str]:
    cache.mkdir(parents=True, exist_ok=True)
    name = f"join_store-{customers}-{tickets}-{_schema_key()}"
    cached, store_file = cache / f"{name}.db", cache / f"{name}.store"
    if not cached.exists():
        building = cache / f"{name}.building"
        building.unlink(missing_ok=True)
        store_id = build_server(building, customers, tickets)
        store_file.write_text(store_id)
        building.rename(cached)
    copy = folder / "server.db"
    shutil.copyfile(cached, copy)
    return copy, store_file.read_text()


def can_sell(counter: Backend, staff: int, items: int, customers: int) -> bool:
    with counter.db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Staff)) == staff
            and session.scalar(select(func.count()).select_from(ServiceItem)) == items
            and session.scalar(select(func.count()).select_from(Customer)) == customers
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--tickets", type=int, default=73_000)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache/salon-pos-bench")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server_db, store_id = server_copy(args.cache, folder, args.customers, args.tickets)
        server = LiveServer(f"sqlite:///{server_db}", folder / "server.log").start()
        try:
            engine = create_server_engine(server.database_url)
            code = admin.create_enrollment_code(engine, store_id)
            with engine.connect() as connection:
                from sync.server.models import ChangeRecord

                feed = connection.scalar(select(func.count()).select_from(ChangeRecord))
            engine.dispose()
            result = join(folder / "counter", server.url, code, args)
        finally:
            server.stop()
    result |= {"changes_in_feed": feed, "customers": args.customers, "tickets": args.tickets}
    print(json.dumps(result, ensure_ascii=False))


def watch(counter: Backend, started: float, sellable: list[float]) -> None:
    """When the counter can sell, as the join screen sees it (it polls the same way)."""
    while not counter.sync.first_pull().can_sell:
        time.sleep(0.2)
    sellable.append(time.perf_counter() - started)


def join(home: Path, url: str, code: str, args: argparse.Namespace) -> dict[str, Any]:
    from salon_pos.jobs.sync import sync_round

    counter = open_backend(Paths(home), SystemClock())
    try:
        counter.settings.initialise("", "C1")
        started = time.perf_counter()
        EnrollmentService(counter.db, counter.settings, counter.clock).enroll(
            url, code, DeviceTokens()
        )
        sellable: list[float] = []
        watcher = threading.Thread(target=watch, args=(counter, started, sellable), daemon=True)
        watcher.start()
        pulled, rounds = 0, 0
        while True:  # the rounds the sync job would run, one after the other
            report = sync_round(counter, Paths(home), timeout=60)
            rounds += 1
            assert report.error is None, report.error
            pulled += report.pulled
            if not report.history_left:
                break
        history_s = time.perf_counter() - started
        watcher.join(timeout=5)
        assert sellable and can_sell(counter, len(ROLES), 40, args.customers)
        sellable_s = sellable[0]
        with counter.db.read() as session:
            tickets = session.scalar(select(func.count()).select_from(Ticket)) or 0
    finally:
        counter.close()
    assert tickets == args.tickets, (tickets, args.tickets)
    return {
        "bench": "join_store",
        "can_sell_s": round(sellable_s, 1),
        "history_s": round(history_s, 1),
        "changes_pulled": pulled,
        "changes_per_s": round(pulled / history_s),
        "rounds": rounds,
        "target_can_sell_s": TARGET_SELL_S,
        "ratio": round(TARGET_SELL_S / sellable_s, 2),
        "date": date.today().isoformat(),
    }


if __name__ == "__main__":
    main()
