"""Benchmark (issue 11): the slot finder over a week for one service — 30 technicians on shift
9:00–21:00 every day with about 400 bookings a day between them — asked for every free start of
a 90-minute facial, and for the next free one. The day view's layout joins this bench when the
calendar screen lands.

Prints one JSON line last: the median of 20 runs of each, in ms (target: under 20 ms).
Usage: python tests/bench/booking_calendar.py [--technicians 30] [--bookings 400]
(Not calendar.py, as issue 11 names it: a calendar.py beside the scripts would stand in for the
standard library's calendar module in every bench script run from here.)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import datetime, timedelta

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


def timed_ms(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--technicians", type=int, default=30)
    parser.add_argument("--bookings", type=int, default=400)
    args = parser.parse_args()
    workers = week_of(args.technicians, args.bookings)
    week = Span(MONDAY, MONDAY + timedelta(days=7))
    facial = SlotRequest(minutes=90, skill="facial")
    found = find_slots(facial, workers, [], week, limit=10_000)
    every = [
        timed_ms(lambda: find_slots(facial, workers, [], week, limit=10_000)) for _ in range(20)
    ]
    first = [timed_ms(lambda: next_free_slot(facial, workers, [], week)) for _ in range(20)]
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
            }
        )
    )


if __name__ == "__main__":
    main()
