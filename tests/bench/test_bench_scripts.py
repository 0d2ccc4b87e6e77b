"""The benchmarks stay runnable: each, at a small size, ends with one JSON line of figures.
(The figures are measured by running the scripts at full size; see docs/benchmarks.md.)"""

import json
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.sync import pg

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("script", "args", "keys"),
    [
        (
            "checkout.py",
            ["--sales", "30"],
            {
                "checkout_p50_ms",
                "raw_commit_p50_ms",
                "ratio_p50",
                "member_checkout_p50_ms",
                "member_ratio_p50",
                "inventory_checkout_p50_ms",
                "inventory_ratio_p50",
            },
        ),
        (
            "inventory.py",
            [
                "--products",
                "300",
                "--days",
                "60",
                "--sales",
                "20",
                "--uses",
                "40",
                "--repeats",
                "2",
            ],
            {
                "movements",
                "batches",
                "stock_on_hand_rows",
                "on_hand_p50_ms",
                "expiring_p50_ms",
                "stocktake_post_s",
                "stocktake_movements",
            },
        ),
        ("customer_search.py", ["--customers", "2000", "--queries", "40"], {"worst_p95_ms"}),
        ("import_customers.py", ["--rows", "1500", "--small", "500"], {"worst_rows_per_s"}),
        (
            "gui.py",
            ["--customers", "300", "--items", "60", "--starts", "1", "--scans", "5"],
            {"cold_start_s", "cold_start_cpu_s", "scan_to_line_p50_ms"},
        ),
        (
            "join_store.py",
            ["--customers", "300", "--tickets", "200", "--cache", "{tmp}"],
            {"can_sell_s", "history_s", "changes_per_s"},
        ),
        (
            "dashboard.py",
            [
                "--stores",
                "2",
                "--days",
                "40",
                "--per-day",
                "20",
                "--repeats",
                "3",
                "--http-repeats",
                "3",
                "--database",
                "{database}",
            ],
            {
                "month_all_stores_p95_ms",
                "whole_month_all_stores_p95_ms",
                "store_day_p95_ms",
                "http_month_all_stores_p95_ms",
                "http_store_day_p95_ms",
            },
        ),
        (
            "console_reports.py",
            [
                "--stores",
                "2",
                "--days",
                "40",
                "--per-day",
                "20",
                "--repeats",
                "3",
                "--database",
                "{database}",
            ],
            {"console_http_whole_month_all_stores_p95_ms", "console_http_month_one_store_p95_ms"},
        ),
        (
            "booking_calendar.py",
            ["--technicians", "5", "--bookings", "40"],
            {
                "slot_finder_week_p50_ms",
                "next_free_slot_p50_ms",
                "free_starts_in_the_week",
                "layout_day_p50_ms",
                "most_lanes_in_a_column",
                "widget_set_items_and_paint_p50_ms",
            },
        ),
        (
            "console_closes.py",
            ["--days", "3", "--per-day", "20", "--repeats", "2"],
            {"closes_month_p95_ms", "close_day_p95_ms", "commission_month_p95_ms"},
        ),
        (
            "reports.py",
            [
                "--tickets",
                "1200",
                "--days",
                "40",
                "--customers",
                "300",
                "--repeats",
                "1",
                "--no-console",
            ],  # console_reports.py is run on its own above
            {
                "close_view_p50_ms",
                "z_report_p50_ms",
                "report_day_month_p50_ms",
                "report_worst_p50_ms",
                "commission_month_p50_ms",
                "close_day_once_ms",
                "close_day_tickets",
            },
        ),
        (
            "tickets_screen.py",
            ["--tickets", "1500", "--customers", "500", "--repeats", "1"],
            {"open_ms", "week_ms", "year_range_ms", "search_year_ms", "paint_500_ms"},
        ),
    ],
)
def test_benchmark_prints_one_json_line_last(
    script: str, args: list[str], keys: set[str], tmp_path: Path
) -> None:
    with ExitStack() as stack:
        database = ""
        if script in ("dashboard.py", "console_reports.py"):
            if pg.server_port() is None:
                pytest.skip(f"{script} needs PostgreSQL: {pg.why_not()}")
            # A database of this run's own: a fixed name was shared with every other run of the
            # suite on this PostgreSQL (another checkout's migrations, another worker).
            database = str(make_url(stack.enter_context(pg.throwaway_database())).database)
        args = [arg.format(tmp=tmp_path, database=database) for arg in args]
        done = subprocess.run(
            [sys.executable, str(HERE / script), *args], capture_output=True, text=True, timeout=300
        )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert keys <= figures.keys()
    assert all(figures[key] > 0 for key in keys)
