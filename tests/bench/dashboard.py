"""Benchmark: the owner's sales figures over a chain's year, on PostgreSQL (issue 9).

20 stores × 365 days × 200 tickets a day (1.46 million tickets, with their lines, payments and
sales ledger entries; about 1 % voided and 1 % partly refunded), written straight into a
migrated server database with COPY, and kept between runs in the database
`salon_bench_dashboard` (rebuilt when the size or the server's schema changes). Then the two
readings the owner's sales page makes, 30 times each: "this month, all stores" (this month so
far, and the whole of last month: the most a month reads) and "one store's day" (its figures
and its first 50 tickets); p50 and p95 of each. Then the pages themselves, rendered by a real
server process on 127.0.0.1 (uvicorn, as `salon-sync-server serve` runs it) and fetched over
HTTP by a signed-in owner, 50 times each: /console/sales?period=month (all stores; this month
and the whole of last month) and a store's day, /console/stores/{id}/tickets?day=…
Target: p95 under 200 ms, each. Prints one JSON line last.

Usage: python tests/bench/dashboard.py [--stores 20] [--days 365] [--per-day 200]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg
import requests
from sqlalchemy import Engine, text

from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine
from sync.server.sales_report import sales_overview, store_tickets
from sync.server.security import hash_password
from sync.server.web.pages import money
from tests.sync import pg
from tests.sync.live_server import LiveServer

TARGET_MS = 200.0
OWNER, PASSWORD = "owner@example.com", "bench password"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
NET = re.compile(r'data-testid="net-sales">([^<]+)<')
TENDERS = ("wechat", "wechat", "alipay", "cash", "bank_card")


def _data_key(args: argparse.Namespace) -> str:
    """The generated data's size and shape; the schema is brought up to date by migrating, as
    a production server would be."""
    return f"v2/{args.stores}/{args.days}/{args.per_day}"


class Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return str(uuid.UUID(int=(0x0190 << 112) | self.n))


def _copy(
    cursor: psycopg.Cursor[Any], table: str, columns: str, rows: list[tuple[Any, ...]]
) -> None:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def build(dsn: str, args: argparse.Namespace, key: str) -> None:
    rng, new_id = random.Random(5), Ids()
    now = datetime.now(UTC)
    first = date.today() - timedelta(days=args.days - 1)
    with psycopg.connect(dsn, autocommit=False) as connection, connection.cursor() as cursor:
        owner = new_id()
        cursor.execute(
            "INSERT INTO owner (id, email, password_hash, created_at) VALUES (%s, %s, %s, %s)",
            (owner, "owner@example.com", "-", now),
        )
        for s in range(args.stores):
            store, device = new_id(), new_id()
            cursor.execute(
                "INSERT INTO store (id, name, time_zone, owner_id, change_seq, created_at)"
                " VALUES (%s, %s, 'Asia/Shanghai', %s, 0, %s)",
                (store, f"门店{s + 1:02d}", owner, now),
            )
            cursor.execute(
                "INSERT INTO device (id, store_id, counter, hostname, token_hash, cursor,"
                " enrolled_at) VALUES (%s, %s, 'A1', 'bench', %s, 0, %s)",
                (device, store, f"{s:064x}", now),
            )
            _store_year(cursor, rng, new_id, store, device, first, args)
            connection.commit()
            print(f"store {s + 1}/{args.stores} written", file=sys.stderr)
        for source, column, by in (
            ("ledger_entry", "''", ""),
            ("tender_entry", "tender", ", tender"),
        ):
            cursor.execute(  # what the server's write path keeps (batch.py), in one go
                "INSERT INTO sales_day (store_id, business_day, kind, tender, entries, amount) "
                f"SELECT store_id, business_day, kind, {column}, count(*), sum(amount) "
                f"FROM {source} GROUP BY store_id, business_day, kind{by}"
            )
        cursor.execute("CREATE TABLE bench_marker (key text)")
        cursor.execute("INSERT INTO bench_marker VALUES (%s)", (key,))
        connection.commit()
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")  # as autovacuum would have by now


def _store_year(
    cursor: psycopg.Cursor[Any],
    rng: random.Random,
    new_id: Callable[[], str],
    store: str,
    device: str,
    first: date,
    args: argparse.Namespace,
) -> None:
    tickets, lines, payments, ledger, tenders, refunds = [], [], [], [], [], []
    number = 0
    for offset in range(args.days):
        day = first + timedelta(days=offset)
        opened = datetime.combine(day, clock_time(2), UTC)  # 10:00 in Shanghai
        for n in range(args.per_day):
            number += 1
            ticket, op = new_id(), new_id()
            at = opened + timedelta(seconds=n * 180 + rng.randrange(170))
            prices = [
                rng.choice((9800, 12800, 19800, 29800, 39800))
                for _ in range(rng.choice((1, 1, 2, 3)))
            ]
            total = sum(prices)
            voided = rng.random() < 0.01
            refunded = prices[0] if not voided and rng.random() < 0.01 else 0
            status = "voided" if voided else "refunded" if refunded else "completed"
            tickets.append(
                (ticket, store, device, op, f"A1-{number:06d}", status, None, device, day, at,
                 total, refunded, at if voided else None, device if voided else None,
                 "顾客取消" if voided else None, "{}")
            )  # fmt: skip
            for position, price in enumerate(prices, start=1):
                lines.append(
                    (new_id(), ticket, position, "service", store, "项目", 1, price, price, 0,
                     price, price, device)
                )  # fmt: skip
            tender = rng.choice(TENDERS)
            payments.append((new_id(), ticket, 1, tender, total, total, ""))
            ledger.append((store, device, op, ticket, day, "sale", total))
            tenders.append((store, ticket, day, "sale", tender, total))
            if voided:
                ledger.append((store, device, new_id(), ticket, day, "void", -total))
                tenders.append((store, ticket, day, "void", tender, -total))
            if refunded:
                ledger.append((store, device, new_id(), ticket, day, "refund", -refunded))
                tenders.append((store, ticket, day, "refund", tender, -refunded))
                given = json.dumps({"tenders": [{"kind": tender, "amount": refunded}]})
                refunds.append((new_id(), store, ticket, new_id(), day, at, refunded, given))
    _copy(cursor, "ticket", "id, store_id, device_id, op_id, number, status, customer_id,"
          " cashier_id, business_day, completed_at, total, refunded, voided_at, voided_by,"
          " void_reason, payload", tickets)  # fmt: skip
    line_columns = (
        "id, ticket_id, position, kind, item_id, name, quantity, list_price, unit_price,"
        " line_discount, total, net_total, technician_id"
    )
    _copy(cursor, "ticket_line", line_columns, lines)
    _copy(cursor, "payment", "id, ticket_id, position, kind, tendered, applied, reference",
          payments)  # fmt: skip
    _copy(cursor, "ledger_entry", "store_id, device_id, op_id, ticket_id, business_day, kind,"
          " amount", ledger)  # fmt: skip
    _copy(cursor, "refund", "id, store_id, ticket_id, op_id, business_day, refunded_at, amount,"
          " payload", refunds)  # fmt: skip
    _copy(cursor, "tender_entry", "store_id, ticket_id, business_day, kind, tender, amount",
          tenders)  # fmt: skip


def database(args: argparse.Namespace) -> str:
    port = pg.server_port()
    if port is None:
        raise SystemExit(f"dashboard benchmark: no PostgreSQL ({pg.why_not()})")
    admin_dsn = f"host={pg.HOST} port={port} user={pg.USER} dbname=postgres"
    dsn = f"host={pg.HOST} port={port} user={pg.USER} dbname={args.database}"
    key = _data_key(args)
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (args.database,)
        ).fetchone()
    if exists:
        with psycopg.connect(dsn) as connection:
            try:
                marker = connection.execute("SELECT key FROM bench_marker").fetchone()
            except psycopg.Error:
                marker = None
        if marker and marker[0] == key:
            url = f"postgresql+psycopg://{pg.USER}@{pg.HOST}:{port}/{args.database}"
            engine = create_server_engine(url)
            migrate_engine(engine)  # later migrations' indexes, on the year already there
            engine.dispose()
            return url
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {args.database} WITH (FORCE)")
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {args.database}")
    url = f"postgresql+psycopg://{pg.USER}@{pg.HOST}:{port}/{args.database}"
    engine = create_server_engine(url)
    migrate_engine(engine)
    engine.dispose()
    started = time.perf_counter()
    build(dsn, args, key)
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return url


def _timed(action: Callable[[], Any], repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]


def _signed_in(server: LiveServer) -> requests.Session:
    """A browser-like session of the owner, signed in through the login form."""
    session = requests.Session()
    form = session.get(f"{server.url}/console/login", timeout=30)
    token = CSRF.search(form.text)
    assert token, form.text[:500]
    answer = session.post(
        f"{server.url}/console/login",
        data={"email": OWNER, "password": PASSWORD, "csrf_token": token.group(1)},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 303, answer.text[:500]
    return session


def _pages(
    engine: Engine,
    store: str,
    today: date,
    last_day: date,
    expected: dict[str, str],
    repeats: int,
) -> dict[str, tuple[float, float]]:
    """p50 and p95 of the sales pages over HTTP from a real server process, each checked to
    show the figure the report functions give."""
    with engine.begin() as connection:  # the generated owner gets a password to sign in with
        connection.execute(
            text("UPDATE owner SET password_hash = :h WHERE email = :e"),
            {"h": hash_password(PASSWORD), "e": OWNER},
        )
        connection.execute(text("DELETE FROM login_failure"))
    urls = {
        "month_all_stores": f"/console/sales?period=month&day={today.isoformat()}",
        "whole_month_all_stores": f"/console/sales?period=month&day={last_day.isoformat()}",
        "store_day": f"/console/stores/{store}/tickets?day={today.isoformat()}",
    }
    with tempfile.TemporaryDirectory() as folder:
        server = LiveServer(str(engine.url.render_as_string(hide_password=False)),
                            Path(folder) / "server.log").start()  # fmt: skip
        try:
            session = _signed_in(server)

            def fetch(path: str) -> str:
                answer = session.get(f"{server.url}{path}", timeout=30)
                assert answer.status_code == 200 and "net-sales" in answer.text, path
                return answer.text

            for name, key in (("month_all_stores", "month"), ("whole_month_all_stores", "whole")):
                shown = NET.search(fetch(urls[name]))  # also the first render: templates load
                assert shown and shown.group(1) == expected[key], (name, shown, expected[key])
            fetch(urls["store_day"])
            return {
                name: _timed(lambda path=path: fetch(path), repeats) for name, path in urls.items()
            }
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=int, default=20)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--http-repeats", type=int, default=50)
    parser.add_argument("--database", default="salon_bench_dashboard")
    args = parser.parse_args()
    engine = create_server_engine(database(args))
    with engine.connect() as connection:
        stores = [r[0] for r in connection.exec_driver_sql("SELECT id FROM store ORDER BY name")]
        tickets = connection.exec_driver_sql("SELECT count(*) FROM ticket").scalar_one()
        today = date.today()
        month = (today.replace(day=1), today)
        last_day = month[0] - timedelta(days=1)  # a whole month: the most a month page reads
        whole = (last_day.replace(day=1), last_day)
        overview = sales_overview(connection, stores, *whole)
        assert overview.net > 0 and len(overview.stores) == len(stores)
        assert sum(overview.tenders.values()) == overview.net  # both ledgers agree
        month_p50, month_p95 = _timed(
            lambda: sales_overview(connection, stores, *month), args.repeats
        )
        whole_p50, whole_p95 = _timed(
            lambda: sales_overview(connection, stores, *whole), args.repeats
        )

        def one_day() -> None:
            sales_overview(connection, stores[:1], today, today)
            store_tickets(connection, stores[0], today)

        day_p50, day_p95 = _timed(one_day, args.repeats)
        expected = {
            "month": money(sales_overview(connection, stores, *month).net),
            "whole": money(overview.net),
        }
    pages = _pages(engine, stores[0], today, last_day, expected, args.http_repeats)
    engine.dispose()
    worst = max(month_p95, whole_p95, day_p95, *(p95 for _, p95 in pages.values()))
    print(
        json.dumps(
            {
                "bench": "dashboard",
                "stores": len(stores),
                "tickets": tickets,
                "month_all_stores_p50_ms": round(month_p50, 1),
                "month_all_stores_p95_ms": round(month_p95, 1),
                "whole_month_all_stores_p50_ms": round(whole_p50, 1),
                "whole_month_all_stores_p95_ms": round(whole_p95, 1),
                "store_day_p50_ms": round(day_p50, 1),
                "store_day_p95_ms": round(day_p95, 1),
                **{
                    f"http_{name}_{q}_ms": round(value, 1)
                    for name, figures in pages.items()
                    for q, value in zip(("p50", "p95"), figures, strict=True)
                },
                "target_ms": TARGET_MS,
                "ratio": round(TARGET_MS / worst, 2),
                "date": today.isoformat(),
            }
        )
    )


if __name__ == "__main__":
    main()
