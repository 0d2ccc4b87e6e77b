"""Benchmark: a full checkout through the service layer (3 lines, 2 tenders, outbox, audit)
against a one-row INSERT+COMMIT with the sqlite3 module on a file with the same settings.

Prints one JSON line last: p50 and p99 of both, in ms, and the ratio of the p50s (target <= 4).
Usage: python tests/bench/checkout.py [--sales 400]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from salon_pos.db.engine import pragmas
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[int(q) - 1]


def prepared_sale(backend: Backend) -> SaleRequest:
    backend.settings.initialise("基准测试店", "B1")
    desk = backend.staff.add("前台", "front_desk", "1111")
    tech = backend.staff.add("技师", "technician", "2222", skills=["facial"])
    facial = backend.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial").id
    nails = backend.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail").id
    serum = backend.catalog.add_product("护肤品", "玻尿酸精华", "SKU-1", 12800, 5000, "690123").id
    customer = backend.customers.add("张三", "13800138000").id
    return SaleRequest(
        cashier_id=desk.id,
        customer_id=customer,
        lines=[
            SaleLine(LineKind.SERVICE, facial, technician_id=tech.id),
            SaleLine(LineKind.SERVICE, nails, technician_id=tech.id),
            SaleLine(LineKind.PRODUCT, serum),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)],
    )


def raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in pragmas():
        connection.execute(pragma)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
    return connection


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        backend = open_backend(Paths(Path(folder) / "home"))
        sale = prepared_sale(backend)
        raw = raw_connection(Path(folder) / "raw.db")

        def raw_commit() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t (payload) VALUES (?)", ("sale",))
            raw.execute("COMMIT")

        for _ in range(20):  # warm up both paths
            backend.checkout.complete_sale(sale)
            raw_commit()
        checkout_ms: list[float] = []
        raw_ms: list[float] = []
        for _ in range(args.sales):  # interleaved, so both see the same disk and CPU
            checkout_ms.append(timed(lambda: backend.checkout.complete_sale(sale)))
            raw_ms.append(timed(raw_commit))
        backend.close()
        raw.close()
    result = {
        "bench": "checkout",
        "sales": args.sales,
        "checkout_p50_ms": round(statistics.median(checkout_ms), 3),
        "checkout_p99_ms": round(percentile(checkout_ms, 99), 3),
        "raw_commit_p50_ms": round(statistics.median(raw_ms), 3),
        "raw_commit_p99_ms": round(percentile(raw_ms, 99), 3),
        "ratio_p50": round(statistics.median(checkout_ms) / statistics.median(raw_ms), 2),
        "target_ratio_p50": 4,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
