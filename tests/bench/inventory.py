"""Benchmark: a busy salon's stock after two years (issue 13), through the services.

In a real migrated store: --products products (a fifth needing an expiry, received in batches;
of those, two in five back-bar products kept by the ml that services use up), and --days
business days up to today of what a busy salon does: a receipt every Monday restocking what fell
below its minimum (about three weeks of its sales), --sales product sales and --uses consumptions
by services a day (popular products far more than the rest), first expired first out as the
counter takes them, and the expired stock written off on the first of each month. The rows are
generated in Python (the stock followed batch by batch) and bulk-inserted like checkout inserts
them; the trigger of migration 0028 keeps `stock_on_hand` as they go in, and the bench checks it
against the stock it followed.

Timed, --repeats times each (p50 and max, the first run included):
- `StockService.on_hand()`: every product's stock, minimum and value (the stock page);
- `StockService.expiring(30)`: the batches expiring within 30 days or expired;
- the stock reports (services/stock_reports.py through `ReportService.build`) over the last
  365 business days: on hand and value, in and out by product, consumables used, expiring
  within 30 days, slow movers (60 days);
- a stocktake of every product: `StocktakeService.start`, 50 counts through
  `StocktakeService.count` (scan, type, next: timed), the rest bulk-inserted (one count a
  product, one in twenty miscounted), the variance report (`sheet`), then `post` (it writes: one
  run).

Prints one JSON line last with the figures and the row counts; targets: on hand and the
expiring list under 200 ms each, each stock report under 1 s, the post under 2 s.
Usage: python tests/bench/inventory.py [--products 5000] [--days 730] [--sales 150] [--uses 300]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parent))
from year import id_at

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    Product,
    StockBatch,
    StockDocument,
    StockLevel,
    StockMovement,
    StockOnHand,
    StocktakeCount,
)
from salon_pos.domain.business_day import business_day
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.reports import ReportKind

ON_HAND_MS, EXPIRING_MS, POST_S = 200.0, 200.0, 2.0
STOCK_REPORT_MS = 1000.0  # a year of a busy salon, each stock report
STOCK_REPORTS = (
    ReportKind.STOCK,
    ReportKind.STOCK_FLOW,
    ReportKind.CONSUMPTION,
    ReportKind.EXPIRING,
    ReportKind.SLOW,
)
COUNTED_BY_SERVICE = 50
Row = dict[str, Any]


@dataclass
class Shelf:
    """One product's stock as the generator follows it: [batch id or None, expiry, units]
    in the order FEFO takes them (received in order, each expiring later than the last)."""

    id: str
    back_bar: bool
    pack: int
    expiry_days: int  # 0: no expiry, stock of no batch
    minimum: int  # units
    order_packs: int
    cost: int
    held: list[list[Any]] = field(default_factory=list)

    @property
    def on_hand(self) -> int:
        return sum(h[2] for h in self.held)


class Salon:
    """Generates the movements, batches and documents of `days` days ending today."""

    def __init__(self, backend: Backend, manager: str, rng: random.Random) -> None:
        settings = backend.settings.current
        self.zone = ZoneInfo(settings.time_zone)
        self.device = settings.device_id
        self.manager, self.rng = manager, rng
        self.movements: list[Row] = []
        self.batches: list[Row] = []
        self.documents: list[Row] = []

    def at(self, day: date, minute: int) -> datetime:
        local = datetime.combine(day, clock_time(minute // 60, minute % 60), self.zone)
        return local.astimezone(UTC)

    def move(
        self, shelf: Shelf, day: date, at: datetime, kind: str, units: int, document: str
    ) -> None:
        """`units` in (positive, to a new batch when the product has an expiry) or out
        (negative: first expired first out of the batches not expired, the rest from no batch)."""
        rng = self.rng
        if units > 0:
            batch = None
            if shelf.expiry_days:
                batch = id_at(at, rng)
                expires = day + timedelta(days=shelf.expiry_days + rng.randrange(-20, 21))
                self.batches.append(
                    {
                        "id": batch,
                        "product_id": shelf.id,
                        "code": f"L{day:%y%m%d}{rng.randrange(100):02d}",
                        "expires_on": expires,
                        "made_on": day - timedelta(days=30),
                        "received_at": at,
                        "unit_cost": shelf.cost,
                    }
                )
                shelf.held.append([batch, expires, units])
            else:
                self._add(shelf, None, units)
            self._row(shelf, batch, kind, units, at, day, document)
            return
        left = -units
        shelf.held.sort(key=lambda h: (h[0] is None, h[1] or date.max, h[0] or ""))
        for holding in shelf.held:
            if left == 0:
                break
            batch, expires, held = holding
            if batch is None or held <= 0 or expires < day:
                continue
            taken = min(left, held)
            holding[2] -= taken
            left -= taken
            self._row(shelf, batch, kind, -taken, at, day, document)
        if left:
            self._add(shelf, None, -left)
            self._row(shelf, None, kind, -left, at, day, document)
        shelf.held = [h for h in shelf.held if h[0] is None or h[2] != 0]

    def _add(self, shelf: Shelf, batch: str | None, units: int) -> None:
        for holding in shelf.held:
            if holding[0] is batch:
                holding[2] += units
                return
        shelf.held.append([batch, None, units])

    def _row(
        self,
        shelf: Shelf,
        batch: str | None,
        kind: str,
        units: int,
        at: datetime,
        day: date,
        document: str,
    ) -> None:
        self.movements.append(
            {
                "id": id_at(at, self.rng),
                "product_id": shelf.id,
                "batch_id": batch,
                "kind": kind,
                "quantity": units,
                "at": at,
                "business_day": day,
                "document_id": document,
                "line_id": None,
                "staff_id": self.manager if kind in ("receipt", "write_off") else None,
                "device_id": self.device,
                "reason": "",
            }
        )

    def document(self, kind: str, day: date, at: datetime) -> str:
        row = {
            "id": id_at(at, self.rng),
            "device_id": self.device,
            "document": kind,
            "business_day": day,
            "at": at,
            "staff_id": self.manager,
            "reason": "过期报损" if kind == "write_off" else "",
            "supplier": "广州美源" if kind == "receipt" else "",
            "supplier_id": None,
            "purchase_order_id": None,
        }
        self.documents.append(row)
        return str(row["id"])


def fill(backend: Backend, args: argparse.Namespace) -> tuple[str, dict[str, int], list[Shelf]]:
    """The catalog, two years of stock and the stores' minimums and costs; answers the
    manager's id, the row counts and the shelves as generated."""
    rng = random.Random(13)
    settings = backend.settings.initialise("基准测试店", "B1")
    manager = backend.staff.add("林店长", "manager", "9999").id
    now = backend.clock.now()
    today = business_day(now, settings.time_zone, settings.cutover_hour)
    first = today - timedelta(days=args.days - 1)
    shelves, products = _catalog(args.products, rng, now)
    retail = [s for s in shelves if not s.back_bar]
    back_bar = [s for s in shelves if s.back_bar]
    # Popular products far more than the rest (Zipf): a product's share of the day's takes.
    sold = list(itertools.accumulate(1 / (n + 1) for n in range(len(retail))))
    used = list(itertools.accumulate(1 / (n + 1) for n in range(len(back_bar))))
    for group, weights, per_day, mean_units in (
        (retail, sold, args.sales, 1.5),
        (back_bar, used, args.uses, 9.0),
    ):
        total = weights[-1]
        for n, shelf in enumerate(group):
            weekly = 7 * per_day * mean_units * (weights[n] - (weights[n - 1] if n else 0)) / total
            shelf.minimum = max(shelf.pack, math.ceil(weekly))
            shelf.order_packs = max(1, math.ceil(3 * weekly / shelf.pack))
    salon = Salon(backend, manager, rng)
    for offset in range(args.days):
        day = first + timedelta(days=offset)
        if offset == 0 or day.weekday() == 0:  # the opening stock, then every Monday
            at = salon.at(day, 9 * 60 + 30)
            receipt = salon.document("receipt", day, at)
            for shelf in shelves:
                if offset == 0 or shelf.on_hand < shelf.minimum:
                    salon.move(shelf, day, at, "receipt", shelf.order_packs * shelf.pack, receipt)
        if day.day == 1:  # expired stock written off
            at = salon.at(day, 9 * 60 + 40)
            written = salon.document("write_off", day, at)
            for shelf in shelves:
                for batch, expires, units in list(shelf.held):
                    if batch is not None and units > 0 and expires < day:
                        salon._row(shelf, batch, "write_off", -units, at, day, written)
                        shelf.held = [h for h in shelf.held if h[0] != batch]
        _day_of_takes(
            salon, day, retail, sold, rng.randint(args.sales * 4 // 5, args.sales * 6 // 5), "sale"
        )
        _day_of_takes(
            salon,
            day,
            back_bar,
            used,
            rng.randint(args.uses * 4 // 5, args.uses * 6 // 5),
            "consumption",
        )
    levels = [
        {"product_id": s.id, "minimum": s.minimum, "cost": s.cost, "hlc": ""} for s in shelves
    ]
    salon.movements.sort(key=lambda m: m["id"])
    with backend.db.write_connection() as connection:
        insert_rows(connection, Product, products)
        insert_rows(connection, StockLevel, levels)
        insert_rows(connection, StockDocument, salon.documents)
        insert_rows(connection, StockBatch, salon.batches)
        for start in range(0, len(salon.movements), 20_000):
            insert_rows(connection, StockMovement, salon.movements[start : start + 20_000])
    counts = {
        "products": len(shelves),
        "products_needing_expiry": sum(1 for s in shelves if s.expiry_days),
        "back_bar_products": len(back_bar),
        "days": args.days,
        "batches": len(salon.batches),
        "movements": len(salon.movements),
        "stock_documents": len(salon.documents),
    }
    return manager, counts, shelves


def _catalog(count: int, rng: random.Random, now: datetime) -> tuple[list[Shelf], list[Row]]:
    """`count` products: a fifth need an expiry, two in five of those back-bar (ml, 500 ml
    bottles); the rest retail by the piece."""
    shelves, rows = [], []
    for n in range(count):
        expiring = n % 5 == 0
        back_bar = expiring and n % 25 in (0, 10)
        cost = rng.randrange(10, 400) * 100
        shelves.append(
            Shelf(
                id=id_at(now - timedelta(days=800), rng),
                back_bar=back_bar,
                pack=500 if back_bar else 1,
                expiry_days=rng.randrange(120, 540) if expiring else 0,
                minimum=0,
                order_packs=0,
                cost=cost,
            )
        )
        rows.append(
            {
                "id": shelves[-1].id,
                "category": ("院装" if back_bar else "商品") + f"{n % 20:02d}",
                "name": f"{'院装原液' if back_bar else '护肤商品'}{n:05d}",
                "sku": f"SKU-{n:05d}",
                "barcode": f"69{n:011d}",
                "price": 0 if back_bar else cost * 2,
                "cost": cost,
                "active": True,
                "points_price": 0,
                "created_at": now,
                "updated_at": now,
                "unit": "ml" if back_bar else "piece",
                "pack_size": 500 if back_bar else 1,
                "needs_expiry": expiring,
            }
        )
    return shelves, rows


def _day_of_takes(
    salon: Salon, day: date, group: list[Shelf], weights: list[float], takes: int, kind: str
) -> None:
    """A day's sales (1 to 2 pieces) or services' consumptions (3 to 15 ml), in opening hours,
    each its own ticket."""
    rng = salon.rng
    chosen = rng.choices(group, cum_weights=weights, k=takes)
    minutes = sorted(rng.randrange(10 * 60, 21 * 60) for _ in range(takes))
    for shelf, minute in zip(chosen, minutes, strict=True):
        at = salon.at(day, minute)
        units = rng.randint(1, 2) if kind == "sale" else rng.randint(3, 15)
        salon.move(shelf, day, at, kind, -units, id_at(at, rng))


def check_on_hand(backend: Backend, shelves: list[Shelf]) -> int:
    """The trigger's stock_on_hand against the stock the generator followed; its row count."""
    with backend.db.read_connection() as connection:
        found = dict(
            connection.execute(
                select(StockOnHand.product_id, func.sum(StockOnHand.quantity)).group_by(
                    StockOnHand.product_id
                )
            ).all()
        )
        rows = connection.scalar(select(func.count()).select_from(StockOnHand)) or 0
    wrong = [s.id for s in shelves if found.get(s.id, 0) != s.on_hand]
    if wrong:
        raise SystemExit(f"stock_on_hand differs from the movements for {len(wrong)} products")
    return int(rows)


def timed(action: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples, result


def stock_reports(backend: Backend, repeats: int) -> Row:
    """Each stock report over the last 365 business days: p50 and max in ms, rows of its
    longest section, and the slowest report's p50 against the target."""
    last = backend.reports.business_today()
    first = last - timedelta(days=364)
    found: Row = {}
    slowest = 0.0
    for kind in STOCK_REPORTS:
        samples, report = timed(lambda k=kind: backend.reports.build(k, first, last), repeats)
        name = kind.value.replace("-", "_")
        found[f"report_{name}_p50_ms"] = round(statistics.median(samples), 1)
        found[f"report_{name}_max_ms"] = round(max(samples), 1)
        found[f"report_{name}_rows"] = max(len(s.table.rows) for s in report.sections)
        slowest = max(slowest, statistics.median(samples))
    found["stock_report_slowest_p50_ms"] = round(slowest, 1)
    found["stock_report_ratio_to_target"] = round(slowest / STOCK_REPORT_MS, 2)
    found["target_stock_report_ms"] = STOCK_REPORT_MS
    return found


def stocktake(backend: Backend, manager: str, shelves: list[Shelf], repeats: int) -> Row:
    """A full stocktake: started, 50 products counted through the service, the rest
    bulk-inserted (one in twenty miscounted), the variance report read, then posted."""
    rng = random.Random(29)
    take = backend.stocktakes.start(manager)
    counted = [max(0, s.on_hand) for s in shelves]
    for n, shelf in enumerate(shelves):
        if n % 20 == 7:
            counted[n] = max(
                0, counted[n] + rng.choice((-3, -2, -1, 1, 2)) * max(1, shelf.pack // 50)
            )
    by_service = []
    for shelf, units in zip(shelves[:COUNTED_BY_SERVICE], counted, strict=False):
        start = time.perf_counter()
        backend.stocktakes.count(take.id, shelf.id, units, manager)
        by_service.append((time.perf_counter() - start) * 1000)
    at = backend.clock.now()
    rows = [
        {
            "id": id_at(at, rng),
            "stocktake_id": take.id,
            "product_id": shelf.id,
            "quantity": units,
            "counted_at": at,
            "counted_by": manager,
        }
        for shelf, units in zip(shelves, counted, strict=True)
    ][COUNTED_BY_SERVICE:]
    with backend.db.write_connection() as connection:
        insert_rows(connection, StocktakeCount, rows)
    sheet_ms, sheet = timed(lambda: backend.stocktakes.sheet(take.id), repeats)
    post_ms, posted = timed(lambda: backend.stocktakes.post(take.id, manager), 1)
    moved = sum(1 for line in posted if line.difference != 0)
    return {
        "count_by_service_p50_ms": round(statistics.median(by_service), 2),
        "stocktake_sheet_p50_ms": round(statistics.median(sheet_ms), 1),
        "stocktake_sheet_max_ms": round(max(sheet_ms), 1),
        "stocktake_sheet_lines": len(sheet),
        "stocktake_post_s": round(post_ms[0] / 1000, 3),
        "stocktake_posted_lines": len(posted),
        "stocktake_movements": moved,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--sales", type=int, default=150, help="product sales a day")
    parser.add_argument("--uses", type=int, default=300, help="consumptions by services a day")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        backend = open_backend(Paths(Path(folder) / "home"))
        start = time.perf_counter()
        manager, counts, shelves = fill(backend, args)
        counts["stock_on_hand_rows"] = check_on_hand(backend, shelves)
        fill_s = time.perf_counter() - start
        on_hand_ms, stock = timed(backend.stock.on_hand, args.repeats)
        expiring_ms, expiring = timed(lambda: backend.stock.expiring(30), args.repeats)
        reports = stock_reports(backend, args.repeats)
        taken = stocktake(backend, manager, shelves, args.repeats)
        backend.close()
    result = {
        "bench": "inventory",
        **counts,
        "fill_s": round(fill_s, 1),
        "on_hand_p50_ms": round(statistics.median(on_hand_ms), 1),
        "on_hand_max_ms": round(max(on_hand_ms), 1),
        "on_hand_rows": len(stock),
        "expiring_p50_ms": round(statistics.median(expiring_ms), 1),
        "expiring_max_ms": round(max(expiring_ms), 1),
        "expiring_batches": len(expiring),
        **taken,
        **reports,
        "on_hand_ratio_to_target": round(statistics.median(on_hand_ms) / ON_HAND_MS, 2),
        "expiring_ratio_to_target": round(statistics.median(expiring_ms) / EXPIRING_MS, 2),
        "post_ratio_to_target": round(taken["stocktake_post_s"] / POST_S, 2),
        "target_on_hand_ms": ON_HAND_MS,
        "target_expiring_ms": EXPIRING_MS,
        "target_post_s": POST_S,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
