"""Benchmark: the console's close and commission pages over a busy store's month (issue 12).

One store, `--days` business days of `--per-day` tickets (one or two service lines, a third of
them 点钟, a quarter with a line shared 60/40, between `--technicians` technicians), each day
with its drawer session and close, pushed through the sync API as counters push them (on
SQLite, or PostgreSQL with --postgres, a throwaway database). Then each page fetched by a
signed-in owner `--repeats` times through the app (TestClient, no network): the month's closes,
one day, the month's commission and one technician's. p50 and p95 of each; the commission page
also against a bound measured in the same run: the domain's computation alone
(commission_moves over the same facts), to show what the page adds to it. One JSON line last.

Usage: python tests/bench/console_closes.py [--days 30] [--per-day 200] [--postgres]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from salon_pos.domain.commission_figures import commission_moves
from salon_pos.domain.day_close import figures_json
from sync.operations.sales import SALE_COMPLETED
from sync.server import master_data
from sync.server.commission_facts import commission_facts, store_rules
from sync.server.day_figures import server_day_figures
from sync.server.migrate import migrate
from tests.sync import pg
from tests.sync.server.conftest import Server, make_server
from tests.sync.web import closes_scenario
from tests.sync.web.closes_scenario import People, day_ops, sale
from tests.sync.web.conftest import OWNER, OWNER_PASSWORD, browser_of

FIRST = date(2026, 11, 1)


def timed(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    """p50 and p95 in ms."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def fill(server: Server, days: int, per_day: int, technicians: int) -> People:
    device = server.enroll()
    people = People()
    people.techs += [
        closes_scenario.person(f"技师{n}", "technician") for n in range(3, technicians + 1)
    ]
    master_data.edit_store_settings(
        server.engine, server.store_id, {"commission_rules": closes_scenario.RULES}
    )

    def push(ops: list[closes_scenario.Op]) -> None:
        for start in range(0, len(ops), 200):
            batch = [device.op(kind, payload) for kind, payload in ops[start : start + 200]]
            server.push(device, batch)

    push(people.ops())
    rng = random.Random(3)
    number = 1
    for n in range(days):
        day = FIRST + timedelta(days=n)
        plan, ops = day_ops(day, "A1", number, people, rng, short=rng.choice((0, 100, -50)))
        number += len(plan.sales)
        extra = per_day - len(plan.sales)
        ops += [
            (SALE_COMPLETED, sale(day, 10 + 11 * i / extra, f"A1-{number + i:06d}", people, rng))
            for i in range(extra)
        ]
        number += extra
        push(ops)
        with server.engine.connect() as connection:
            figures = figures_json(server_day_figures(connection, server.store_id, day))
        push([closes_scenario.close_op(day, people, figures)])
    return people


def servers(postgres: bool) -> Iterator[Server]:
    with ExitStack() as stack:
        if postgres:
            url = stack.enter_context(pg.throwaway_database())
        else:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            url = f"sqlite:///{folder / 'server.db'}"
        migrate(url)
        yield from make_server(url)


def measure(server: Server, args: argparse.Namespace) -> dict[str, float]:
    start = time.perf_counter()
    people = fill(server, args.days, args.per_day, args.technicians)
    figures: dict[str, float] = {"fill_s": round(time.perf_counter() - start, 1)}
    owner = browser_of(server)
    owner.sign_in(OWNER, OWNER_PASSWORD)
    month, base = FIRST.strftime("%Y-%m"), f"/console/stores/{server.store_id}"
    middle = (FIRST + timedelta(days=args.days // 2)).isoformat()
    tech = people.techs[0]["id"]
    for name, path in (
        ("closes_month", f"{base}/closes?month={month}"),
        ("close_day", f"{base}/closes/{middle}"),
        ("commission_month", f"{base}/commission?month={month}"),
        ("commission_technician", f"{base}/commission/{tech}?month={month}"),
    ):
        assert owner.client.get(path).status_code == 200, path
        p50, p95 = timed(partial(owner.client.get, path), args.repeats)
        figures |= {f"{name}_p50_ms": round(p50, 1), f"{name}_p95_ms": round(p95, 1)}
    last = FIRST + timedelta(days=args.days - 1)
    with server.engine.connect() as connection:
        facts = commission_facts(connection, server.store_id, FIRST, last)
        rules = store_rules(connection, server.store_id)
    domain, _ = timed(partial(commission_moves, facts, rules), args.repeats)
    return figures | {
        "commission_domain_p50_ms": round(domain, 1),
        "commission_page_to_domain_p50": round(figures["commission_month_p50_ms"] / domain, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--per-day", type=int, default=200)
    parser.add_argument("--technicians", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    made = servers(args.postgres)
    server = next(made)
    try:
        figures = measure(server, args)
    finally:
        server.engine.dispose()
        made.close()  # the app and its database cleaned up, whatever happened
    print(
        json.dumps(
            {
                "database": "postgresql" if args.postgres else "sqlite",
                "tickets": args.days * args.per_day,
                **figures,
            }
        )
    )


if __name__ == "__main__":
    main()
