"""Benchmark: the end-of-day close, the month's reports and the commission statement over a
busy salon's year.

On the counter: a generated year (year.py with its life, year_life.py: --tickets over --days
business days, about 200 a day, with members' ledgers, package cards, shared lines, bookings,
voids, refunds, drawer sessions and every day but the last closed) in a real migrated store.
Timed, --repeats times each (p50 and max, the first run included):
- the close of the last day (open, late in the year): `DayCloseService.view` (what the close
  screen shows: figures, checks, drawer sessions) and `z_report` (the Z summary the printer and
  the PDF are built from);
- the month's reports over the last full calendar month: every kind of the Reports page and
  `salon-pos report` (`ReportService.build`), the sales by day (the page's first) apart;
- the month's commission statement of every technician (`CommissionService.report`, as
  `salon-pos report --kind commission` and the Commission page).
Then the day is closed once (`DayCloseService.close`, it writes: one run).

The web console's part (20 stores on PostgreSQL) comes from console_reports.py and is merged
into the same line (see `console_figures`).

Prints one JSON line last; target: each under 1 s (its p50; the max is beside it).
Usage: python tests/bench/reports.py [--tickets 73000] [--days 365] [--customers 20000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from year import fill_year

from salon_pos.domain.commission import commission_rules_text, parse_commission_rules
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.reports import ReportKind

TARGET_MS = 1000.0
# 10 % of services (15 % asked for by name), 12 % for one category, ¥5 a product, 3 % of
# top-ups and cards: on use, so the statement reads what paid each line.
RULES = {
    "stored_value": "on_use",
    "package": "on_use",
    "rules": [
        {"kind": "service", "how": "percent", "rotation": 1000, "requested": 1500},
        {"kind": "service", "category": "服务03", "how": "percent", "rotation": 1200},
        {"kind": "product", "how": "fixed", "rotation": 500},
        {"kind": "stored_value", "how": "percent", "rotation": 300},
        {"kind": "package", "how": "percent", "rotation": 300},
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=73_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--home", help="keep the generated store here (reused when present)")
    parser.add_argument(
        "--no-freeze", action="store_true", help="no gc.freeze() (as the command line runs)"
    )
    parser.add_argument("--no-console", action="store_true", help="the counter's part only")
    parser.add_argument("--console-stores", type=int, default=20)
    parser.add_argument("--console-days", type=int, default=365)
    parser.add_argument("--console-per-day", type=int, default=200)
    parser.add_argument("--console-database", default="salon_bench_dashboard")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(args.home or Path(folder) / "home")
        started = time.perf_counter()
        if not Paths(home).database.exists():
            generate(home, args.tickets, args.days, args.customers)
        generated_s = time.perf_counter() - started
        # Measured on a copy: the run closes the last day, and a kept store stays as generated.
        measured = Path(folder) / "measured"
        shutil.copytree(home, measured)
        figures: dict[str, Any] = {
            "bench": "reports",
            "tickets": args.tickets,
            "days": args.days,
            "customers": args.customers,
            "generate_s": round(generated_s, 1),
            "gc_frozen": not args.no_freeze,
            **measure_counter(measured, args.repeats, not args.no_freeze),
        }
    figures |= console_figures(args)
    verdicts = [value for key, value in figures.items() if key.endswith("_ok")]
    figures["all_ok"] = all(verdicts)
    figures["load_average"] = round(os.getloadavg()[0], 1)  # other work on the machine
    print(json.dumps(figures, ensure_ascii=False))


def console_figures(args: argparse.Namespace) -> dict[str, Any]:
    """The web console's figures (20 stores on PostgreSQL, p95 under 200 ms) from
    tests/bench/console_reports.py's `measure(...)`, merged into the line as they are (its
    `console_reports_ok` counts in `all_ok`); none with --no-console, a reason without
    PostgreSQL."""
    if args.no_console:
        return {}
    from console_reports import measure

    from tests.sync import pg

    if pg.server_port() is None:
        return {"console_skipped": f"no PostgreSQL: {pg.why_not()}"}
    return measure(
        args.console_stores, args.console_days, args.console_per_day,
        database=args.console_database,
    )  # fmt: skip


def generate(home: Path, tickets: int, days: int, customers: int) -> None:
    backend = open_backend(Paths(home))
    try:
        fill_year(backend, tickets, customers, days=days, life=True)
        rules = parse_commission_rules(json.dumps(RULES))
        backend.settings.update(commission_rules=commission_rules_text(rules))
    finally:
        backend.close()


def measure_counter(home: Path, repeats: int, freeze: bool = True) -> dict[str, Any]:
    """The close, the month's reports and the commission statement on the counter: p50 and max
    of `repeats` runs each (ms), each p50 against the 1 s target (`…_ok`). `freeze`: as the
    app does once started (app.run_gui), what is loaded is kept out of the collector's walks;
    without it, as `salon-pos report` runs."""
    backend = open_backend(Paths(home))
    if freeze:
        gc.freeze()
    try:
        first_day, day = _ticket_days(backend)  # the last: the generated year's, even if kept
        first, last = last_month(day, first_day)
        timed: dict[str, Callable[[], object]] = {
            "close_view": lambda: backend.day_close.view(day),
            "z_report": lambda: backend.day_close.z_report(day),
            "commission_month": lambda: backend.commission.report(first, last),
        }
        for kind in ReportKind:
            timed[f"report_{kind.value}_month"] = _report(backend, kind, first, last)
        figures: dict[str, Any] = {"close_day": day.isoformat(), "month": f"{first}..{last}"}
        for name, action in timed.items():
            figures |= _figures(name, _times(action, repeats))
        reports = [v for k, v in figures.items() if k.endswith("_month_p50_ms") and "report_" in k]
        figures["report_worst_p50_ms"] = max(reports)
        figures |= _what_was_read(backend, day, first, last)
        started = time.perf_counter()
        closed = backend.day_close.close(day, _manager(backend))
        figures["close_day_once_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["close_day_tickets"] = closed.figures.tickets
        figures["target_ms"] = TARGET_MS
    finally:
        backend.close()
    return figures


def _what_was_read(backend: Backend, day: date, first: date, last: date) -> dict[str, int]:
    """What the timed calls worked on: the generated year reaches every part of them."""
    view = backend.day_close.view(day)
    month = backend.reports.build(ReportKind.DAY, first, last)
    return {
        "close_day_voids": len(view.figures.void_list),
        "close_day_refunds": len(view.figures.refund_list),
        "close_day_stored_value_spent_fen": view.figures.members.principal_spent,
        "close_day_drawer_sessions": len(view.drawers),
        "month_days_in_report": len(month.sections[0].table.rows),
        "commission_month_total_fen": backend.commission.statement(first, last).total,
    }


def _report(backend: Backend, kind: ReportKind, first: date, last: date) -> Callable[[], object]:
    return lambda: backend.reports.build(kind, first, last)


def last_month(day: date, since: date) -> tuple[date, date]:
    """The last full calendar month before `day`, from `since` on."""
    last = day.replace(day=1) - timedelta(days=1)
    return max(last.replace(day=1), since), last


def _ticket_days(backend: Backend) -> tuple[date, date]:
    """The first and the last business day with a ticket."""
    from sqlalchemy import func, select

    from salon_pos.db.models import Ticket

    with backend.db.read_connection() as connection:
        first, last = connection.execute(
            select(func.min(Ticket.business_day), func.max(Ticket.business_day))
        ).one()
    return first, last


def _manager(backend: Backend) -> str:
    return next(m.id for m in backend.staff.list() if m.role == "manager")


def _times(action: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """Wall and CPU ms of each run (the CPU time says what the machine's load added)."""
    wall, cpu = [], []
    for _ in range(repeats):
        started, used = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return wall, cpu


def _figures(name: str, times: tuple[list[float], list[float]]) -> dict[str, Any]:
    wall, cpu = times
    p50 = statistics.median(wall)
    return {
        f"{name}_p50_ms": round(p50, 1),
        f"{name}_max_ms": round(max(wall), 1),
        f"{name}_cpu_p50_ms": round(statistics.median(cpu), 1),
        f"{name}_ok": p50 < TARGET_MS,
    }


if __name__ == "__main__":
    main()
