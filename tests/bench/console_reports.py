"""Benchmark: the console's reports page (/console/reports) over a chain's year, on PostgreSQL
(issue 12: "the same reports for 20 stores in PostgreSQL on the web console, p95 under 200 ms").

The year is tests/bench/dashboard.py's (20 stores × 365 days × 200 tickets a day, 1.46 million
tickets, written with COPY, kept between runs). The reports read the per-day sums the push
batches keep (sales_item_day, sales_staff_day: sync/server/report_days.py); here they are made
from the year's lines in one SQL pass each, with the cardinality of a busy chain rather than
the dashboard's one item a store: each line on one of 30 items (24 services, 6 products) in 6
categories and one of 8 technicians a store, 60 % of tickets a member's (5,000 customers a
store), their pairs per day, week and month and the customers served counted from them. Then the
page, rendered by a real server process on 127.0.0.1 and fetched over HTTP by the signed-in
owner: a whole month of all 20 stores (store comparison), this month so far of all stores, a
week of all stores, and one store's month; p50 and p95 of each. Target: p95 under 200 ms.
Prints one JSON line last.

`measure(...)` answers the figures as a dict, its keys starting with `console_` (the verdict:
`console_reports_ok`); tests/bench/reports.py, the counter's part, merges them into its line.

Usage: python tests/bench/console_reports.py [--stores 20] [--days 365] [--per-day 200]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import Engine, text

from sync.server.db import create_server_engine
from sync.server.period_report import period_report
from sync.server.security import hash_password
from sync.server.web.pages import money
from tests.bench import dashboard
from tests.sync.live_server import LiveServer

TARGET_MS = 200.0
NET = re.compile(r'data-testid="report-net">([^<]+)<')
SUMS_KEY = "v3"
ITEMS_SQL = """
INSERT INTO sales_item_day (store_id, business_day, kind, item_id, category, name, quantity, amount)
SELECT t.store_id, t.business_day, CASE WHEN h.n >= 24 THEN 'product' ELSE 'service' END,
       'item-' || h.n, 'category-' || (h.n % 6), '项目' || h.n, sum(l.quantity), sum(l.net_total)
FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id
CROSS JOIN LATERAL (SELECT abs(hashtext(l.id)) % 30 AS n) h
GROUP BY 1, 2, 3, 4, 5, 6
"""
STAFF = "'T' || right(t.store_id, 12) || '-' || (abs(hashtext(l.id)) % 8)"  # 8 a store
STAFF_SQL = f"""
INSERT INTO sales_staff_day (store_id, business_day, staff_id, quantity, amount, tickets,
                             requested)
SELECT t.store_id, t.business_day, {STAFF}, sum(l.quantity), sum(l.net_total),
       count(DISTINCT t.id), 0
FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id
GROUP BY 1, 2, 3
"""
CUSTOMERS_SQL = f"""
INSERT INTO sales_staff_customer (store_id, grain, period_start, staff_id, customer_id, tickets)
SELECT t.store_id, g.grain, g.start, {STAFF},
       'C' || right(t.store_id, 12) || '-' || (abs(hashtext(t.id)) % 5000), count(DISTINCT t.id)
FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id
CROSS JOIN LATERAL (VALUES ('day', t.business_day),
                           ('week', date_trunc('week', t.business_day)::date),
                           ('month', date_trunc('month', t.business_day)::date)) g (grain, start)
WHERE abs(hashtext(t.id)) % 10 < 6
GROUP BY 1, 2, 3, 4, 5
"""
SERVED_SQL = """
INSERT INTO sales_staff_served (store_id, grain, period_start, staff_id, customers)
SELECT store_id, grain, period_start, staff_id, count(*) FROM sales_staff_customer
WHERE tickets > 0 GROUP BY 1, 2, 3, 4
"""
TABLES = ("sales_item_day", "sales_staff_day", "sales_staff_customer", "sales_staff_served")


def report_sums(engine: Engine) -> dict[str, int]:
    """The per-day sums of the year, made once (kept with a marker, like the year itself)."""
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS bench_reports_marker (key text)"))
        held = connection.execute(text("SELECT key FROM bench_reports_marker")).scalar()
        if held != SUMS_KEY:
            print("making the report sums of the year", file=sys.stderr)
            for table in TABLES:
                connection.execute(text(f"DELETE FROM {table}"))
            for sql in (ITEMS_SQL, STAFF_SQL, CUSTOMERS_SQL, SERVED_SQL):
                connection.execute(text(sql))
            connection.execute(text("DELETE FROM bench_reports_marker"))
            connection.execute(
                text("INSERT INTO bench_reports_marker VALUES (:k)"), {"k": SUMS_KEY}
            )
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        for table in TABLES:
            connection.execute(text(f"VACUUM ANALYZE {table}"))  # as autovacuum would have
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in TABLES
        }


def measure(
    stores: int = 20, days: int = 365, per_day: int = 200, repeats: int = 50,
    database: str = "salon_bench_dashboard",
) -> dict[str, Any]:  # fmt: skip
    """p50/p95 of the reports page over HTTP on a chain's year in PostgreSQL."""
    args = argparse.Namespace(stores=stores, days=days, per_day=per_day, database=database)
    engine = create_server_engine(dashboard.database(args))
    rows = report_sums(engine)
    with engine.connect() as connection:
        ids = [r[0] for r in connection.exec_driver_sql("SELECT id FROM store ORDER BY name")]
        tickets = connection.exec_driver_sql("SELECT count(*) FROM ticket").scalar_one()
        today = date.today()
        last_month_end = today.replace(day=1) - timedelta(days=1)
        whole = period_report(connection, ids, last_month_end.replace(day=1), last_month_end)
        assert whole.net > 0 and len(whole.stores) == len(ids) and whole.technicians
    urls = {
        "whole_month_all_stores": f"/console/reports?period=month&day={last_month_end}",
        "month_all_stores": f"/console/reports?period=month&day={today}",
        "week_all_stores": f"/console/reports?period=week&day={today}",
        "month_one_store": f"/console/reports?period=month&day={last_month_end}&store={ids[0]}",
    }
    timings = _pages(engine, urls, money(whole.net), repeats)
    engine.dispose()
    worst = max(p95 for _, p95 in timings.values())
    return {  # "console_" keys: tests/bench/reports.py merges them into its own line
        "console_stores": len(ids),
        "console_tickets": tickets,
        **{f"console_{table}_rows": count for table, count in rows.items()},
        **{
            f"console_http_{name}_{q}_ms": round(value, 1)
            for name, figures in timings.items()
            for q, value in zip(("p50", "p95"), figures, strict=True)
        },
        "console_target_ms": TARGET_MS,
        "console_ratio": round(TARGET_MS / worst, 2),
        "console_reports_ok": worst < TARGET_MS,
    }


def _pages(
    engine: Engine, urls: dict[str, str], whole_net: str, repeats: int
) -> dict[str, tuple[float, float]]:
    with engine.begin() as connection:  # the generated owner gets a password to sign in with
        connection.execute(
            text("UPDATE owner SET password_hash = :h WHERE email = :e"),
            {"h": hash_password(dashboard.PASSWORD), "e": dashboard.OWNER},
        )
        connection.execute(text("DELETE FROM login_failure"))
    with tempfile.TemporaryDirectory() as folder:
        url = engine.url.render_as_string(hide_password=False)
        server = LiveServer(url, Path(folder) / "server.log").start()
        try:
            session = dashboard._signed_in(server)

            def fetch(path: str) -> str:
                answer = session.get(f"{server.url}{path}", timeout=30)
                assert answer.status_code == 200 and "report-net" in answer.text, path
                return answer.text

            shown = NET.search(fetch(urls["whole_month_all_stores"]))  # the first render
            assert shown and shown.group(1) == whole_net, (shown, whole_net)
            return {
                name: dashboard._timed(lambda path=path: fetch(path), repeats)
                for name, path in urls.items()
            }
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=int, default=20)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--database", default="salon_bench_dashboard")
    args = parser.parse_args()
    figures = measure(args.stores, args.days, args.per_day, args.repeats, args.database)
    print(json.dumps({"bench": "console_reports", **figures, "date": date.today().isoformat()}))


if __name__ == "__main__":
    main()
