"""Benchmark: the tickets screen (单据) over a busy salon's year, offscreen.

A generated year (year.py: --tickets over 365 business days, --customers customers, bulk
INSERTs shaped like checkout's rows) in a real migrated store; the main window at 1280×800,
signed in. Each action is timed from its start to the ticket list painted:
open (the page built and shown, first time), "近 7 天", a 365-day range, a search over those 365
days (a ticket number, a name's first two characters, four phone digits: the slowest of the
three), and 500 rows set and painted. Median of --repeats (open: once, it is built once).

Prints one JSON line last; target: every action < 200 ms (ratio = slowest / 200 ms).
Usage: python tests/bench/tickets_screen.py [--tickets 73000] [--customers 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from year import fill_year

from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend

TARGET_MS = 200.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=73_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--home", help="keep the generated store here (reused when present)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(args.home or Path(folder) / "home")
        started = time.perf_counter()
        if not Paths(home).database.exists():
            backend = open_backend(Paths(home))
            fill_year(backend, args.tickets, args.customers)
            backend.close()
        generated_s = time.perf_counter() - started
        figures = measure(home, args.repeats)
    worst = max(figures.values())
    print(
        json.dumps(
            {
                "bench": "tickets_screen",
                "tickets": args.tickets,
                "customers": args.customers,
                "generate_s": round(generated_s, 1),
                **{f"{key}_ms": round(value, 1) for key, value in figures.items()},
                "worst_ms": round(worst, 1),
                "target_ms": TARGET_MS,
                "ratio_worst_to_target": round(worst / TARGET_MS, 2),
            }
        )
    )


def measure(home: Path, repeats: int) -> dict[str, float]:
    from PySide6.QtCore import QDate, QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.pages.tickets import LIMIT, TicketsPage
    from salon_pos.ui.shell import Shell

    class Painted(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    backend = open_backend(Paths(home))
    shell = Shell(app, backend, "zh_CN")
    shell.window.resize(1280, 800)
    shell.window.show()
    shell.ctx.sign_in(backend.staff.list()[0])
    shell.settle()
    painted = Painted()

    def timed(action: Callable[[], object], page: TicketsPage | None = None) -> float:
        seen = painted.count
        start = time.perf_counter()
        action()
        if page is not None:
            page.table.viewport().update()
        while painted.count == seen:
            app.processEvents()
            if time.perf_counter() - start > 30:
                raise RuntimeError("the ticket list was never painted")
        return (time.perf_counter() - start) * 1000

    def open_tickets() -> None:
        """Built and laid out here; painted in the event loop that timed() runs next."""
        built = shell.window.open_page("tickets")
        assert isinstance(built, TicketsPage)
        built.table.viewport().installEventFilter(painted)

    figures = {"open": timed(open_tickets)}
    page = shell.window.open_page("tickets")
    assert isinstance(page, TicketsPage)
    today = backend.tickets.find(limit=1)[0].business_day
    year_ago = today - timedelta(days=364)
    a_number = backend.tickets.find(day_from=year_ago, day_to=year_ago, limit=1)[0].number
    some = backend.tickets.find(day_from=today - timedelta(days=200), limit=300)
    named = next(t for t in some if t.customer)
    searches = (a_number, (named.customer or "")[:2], (named.customer_phone or "")[-4:])

    def year_range() -> None:
        page.date_from.setDate(QDate(year_ago.year, year_ago.month, year_ago.day))

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            page.search.setText(text)
            page._search_pause.stop()  # the pause after the last key is not the screen's cost
            page.refresh()

        return run

    def today() -> None:
        search("")()
        page.show_days(1)

    rows = backend.tickets.find(day_from=year_ago, limit=LIMIT)
    steps: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {  # set-up, action
        "week": (today, page.week_button.click),
        "year_range": (page.week_button.click, year_range),
        "search_number": (year_range, search(searches[0])),
        "search_name": (year_range, search(searches[1])),
        "search_phone": (year_range, search(searches[2])),
        "paint_500": (lambda: page.model.set_rows([]), lambda: page.model.set_rows(rows)),
    }
    for key, (set_up, action) in steps.items():
        runs = []
        for _ in range(repeats):
            set_up()
            shell.settle()
            runs.append(timed(action, page))
        figures[key] = statistics.median(runs)
        today()
    figures["search_year"] = max(figures[f"search_{kind}"] for kind in ("number", "name", "phone"))
    shell.close()
    app.processEvents()
    backend.close()
    return figures


if __name__ == "__main__":
    main()
