"""Benchmark (issue 11): the slot finder over a week for one service — 30 technicians on shift
9:00–21:00 every day with about 400 bookings a day between them — asked for every free start of
a 90-minute facial, and for the next free one; then the calendar's day view of the same salon:
its layout (every booking's column, top, height and lane), and, reported apart, the whole widget
(set_items, then every pixel painted into an image with grab(), 1024×768, offscreen).

Prints one JSON line last: the median of 20 runs of each, in ms (targets: the slot finder under
20 ms, the layout under 100 ms; the widget is measured, with no target of its own).
Usage: python tests/bench/booking_calendar.py [--technicians 30] [--bookings 400] [--no-widget]
(Not calendar.py, as issue 11 names it: a calendar.py beside the scripts would stand in for the
standard library's calendar module in every bench script run from here.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from datetime import datetime, timedelta

from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem, lay_out
from salon_pos.domain.slots import SlotRequest, Span, Worker, find_slots, next_free_slot

MONDAY = datetime(2026, 12, 7)


def week_of(technicians: int, bookings_a_day: int, seed: int = 7) -> list[Worker]:
    rng = random.Random(seed)
    workers = []
    for n in range(technicians):
        shifts = [
            Span(MONDAY + timedelta(days=d, hours=9), MONDAY + timedelta(days=d, hours=21))
            for d in range(7)
        ]
        away = []
        for day in range(7):
            lunch = MONDAY + timedelta(days=day, hours=12, minutes=rng.choice([0, 30, 60]))
            away.append(Span(lunch, lunch + timedelta(minutes=30)))
            for _ in range(bookings_a_day // technicians):
                start = MONDAY + timedelta(days=day, minutes=rng.randrange(9 * 60, 20 * 60, 15))
                away.append(Span(start, start + timedelta(minutes=rng.choice([30, 60, 90]))))
        workers.append(Worker(f"技师{n:02d}", frozenset({"facial"}), shifts, away))
    return workers


STATUSES = ("booked", "booked", "arrived", "in_service", "completed", "requested", "cancelled")


def day_of(technicians: int, bookings: int) -> tuple[list[CalendarColumn], list[CalendarItem]]:
    """A Monday as the calendar's day view gets it: a column per technician on shift 9:00–21:00
    and the day's bookings dealt round them, at random quarter hours (some overlap)."""
    rng = random.Random(11)
    shift = [Span(MONDAY + timedelta(hours=9), MONDAY + timedelta(hours=21))]
    columns = [CalendarColumn(f"技师{n:02d}", f"技师{n:02d}", shift) for n in range(technicians)]
    items = []
    for n in range(bookings):
        start = MONDAY + timedelta(minutes=rng.randrange(9 * 60, 20 * 60, 15))
        end = start + timedelta(minutes=rng.choice([30, 60, 90]))
        column = columns[n % technicians].id
        status = rng.choice(STATUSES)
        items.append(CalendarItem(f"b{n}", column, start, end, "陈女士", "美白焕肤", status))
    return columns, items


def widget_ms(columns: list[CalendarColumn], items: list[CalendarItem]) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.calendar_view import CalendarView

    app = QApplication.instance() or QApplication([])
    view = CalendarView(now=lambda: MONDAY + timedelta(hours=14))
    view.resize(1024, 768)
    view.set_window(MONDAY + timedelta(hours=9), MONDAY + timedelta(hours=21))
    view.set_columns(columns)
    view.show()
    app.processEvents()

    def show_and_paint() -> None:
        view.set_items(items)
        view.grab()

    show_and_paint()
    figures = [timed_ms(show_and_paint) for _ in range(20)]
    view.close()
    return figures


def timed_ms(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--technicians", type=int, default=30)
    parser.add_argument("--bookings", type=int, default=400)
    parser.add_argument("--no-widget", action="store_true", help="time the layout only")
    args = parser.parse_args()
    workers = week_of(args.technicians, args.bookings)
    week = Span(MONDAY, MONDAY + timedelta(days=7))
    facial = SlotRequest(minutes=90, skill="facial")
    found = find_slots(facial, workers, [], week, limit=10_000)
    every = [
        timed_ms(lambda: find_slots(facial, workers, [], week, limit=10_000)) for _ in range(20)
    ]
    first = [timed_ms(lambda: next_free_slot(facial, workers, [], week)) for _ in range(20)]
    columns, items = day_of(args.technicians, args.bookings)
    window = (MONDAY + timedelta(hours=9), MONDAY + timedelta(hours=21))
    layout = [timed_ms(lambda: lay_out(columns, items, *window)) for _ in range(20)]
    lanes = max(p.lanes for p in lay_out(columns, items, *window))
    widget = {}
    if not args.no_widget:
        median = statistics.median(widget_ms(columns, items))
        widget = {"widget_set_items_and_paint_p50_ms": round(median, 3)}
    print(
        json.dumps(
            {
                "bench": "calendar",
                "technicians": args.technicians,
                "bookings_a_day": args.bookings,
                "free_starts_in_the_week": len(found),
                "slot_finder_week_p50_ms": round(statistics.median(every), 3),
                "next_free_slot_p50_ms": round(statistics.median(first), 3),
                "target_slot_finder_ms": 20,
                "bookings_in_the_day_view": len(items),
                "most_lanes_in_a_column": lanes,
                "layout_day_p50_ms": round(statistics.median(layout), 3),
                "target_layout_ms": 100,
                "ratio_layout": round(statistics.median(layout) / 100, 4),
                **widget,
            }
        )
    )


if __name__ == "__main__":
    main()
