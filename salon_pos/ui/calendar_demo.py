"""`python -m salon_pos.ui.calendar_demo FOLDER [--language zh_CN|en]`: the calendar with a
made-up salon's day (12 technicians, about 60 bookings of every status, one double booking) and
one technician's week, saved as calendar_day_<language>.png and calendar_week_<language>.png at
1024×768, in both languages unless one is named. Runs offscreen; `make screenshots` and the
calendar's tests use it, until the bookings page shows real bookings in it."""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem
from salon_pos.domain.slots import Span

DAY = date(2026, 12, 9)  # a Wednesday
NOW = datetime(2026, 12, 9, 14, 20)
TECHNICIANS = [
    "李娜",
    "王芳",
    "张敏",
    "刘洋",
    "陈静",
    "杨丽",
    "赵雪",
    "黄婷",
    "周琳",
    "吴倩",
    "徐慧",
    "孙悦",
]
CUSTOMERS = [
    "陈女士",
    "林小姐",
    "王佳怡",
    "张雨桐",
    "刘思琪",
    "黄梓涵",
    "周欣妍",
    "吴诗涵",
    "郑雅琴",
    "孙可馨",
]
SERVICES = (
    ("深层补水护理", 60),
    ("美白焕肤", 90),
    ("肩颈舒缓", 45),
    ("日式美甲", 75),
    ("嫁接睫毛", 90),
    ("头皮养护", 60),
    ("小气泡清洁", 30),
)


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)


def _status(end: datetime, rng: random.Random) -> str:
    """What a booking would be at NOW: the past done (or missed), the present in service."""
    if end <= NOW:
        return rng.choices(("completed", "no_show", "cancelled"), (8, 1, 1))[0]
    if end - timedelta(minutes=60) <= NOW:
        return rng.choice(("in_service", "arrived"))
    return rng.choices(("booked", "requested", "cancelled"), (7, 3, 1))[0]


def _shift(day: date, n: int) -> list[Span]:
    """Early, late or full day, with a lunch break: the grey between is off shift."""
    first, last = ((9, 18), (12, 21), (10, 20))[n % 3]
    lunch = 12 * 60 + 30 if first < 12 else 17 * 60
    return [
        Span(_at(day, first * 60), _at(day, lunch)),
        Span(_at(day, lunch + 30), _at(day, last * 60)),
    ]


def _bookings(column: str, shifts: list[Span], rng: random.Random, n: int) -> list[CalendarItem]:
    made: list[CalendarItem] = []
    for shift in shifts:
        at = shift.start + timedelta(minutes=rng.choice((0, 15, 30)))
        while True:
            service, minutes = rng.choice(SERVICES)
            end = at + timedelta(minutes=minutes)
            if end > shift.end:
                break
            if rng.random() < 0.85:
                customer = rng.choice(CUSTOMERS)
                status = _status(end, rng)
                named = rng.random() < 0.2  # 点钟
                made.append(
                    CalendarItem(
                        f"{column}-{len(made)}",
                        column,
                        at,
                        end,
                        customer,
                        service,
                        status,
                        requested=named,
                    )
                )
            at = end + timedelta(minutes=rng.choice((0, 0, 15, 30)))
    return made


def demo_day(
    day: date = DAY, technicians: int = 12
) -> tuple[list[CalendarColumn], list[CalendarItem]]:
    rng = random.Random(11)
    columns, items = [], []
    for n in range(technicians):
        column = f"tech-{n}"
        shifts = _shift(day, n)
        columns.append(CalendarColumn(column, TECHNICIANS[n % len(TECHNICIANS)], shifts))
        items += _bookings(column, shifts, rng, n)
    return columns, _with_a_clash(items, "tech-2", _at(day, 15 * 60 + 30))


def _with_a_clash(items: list[CalendarItem], column: str, at: datetime) -> list[CalendarItem]:
    """Two counters booked one technician at once (the red outlines); what was there goes."""
    end, later = at + timedelta(minutes=90), at + timedelta(minutes=15)
    clash = [
        CalendarItem(
            "clash-a", column, at, end - timedelta(minutes=30), "林小姐", "美白焕肤", "booked", True
        ),
        CalendarItem("clash-b", column, later, end, "周欣妍", "肩颈舒缓", "booked", clash=True),
    ]
    kept = [i for i in items if i.column_id != column or i.end <= at or i.start >= end]
    return kept + clash


def demo_week(first_day: date) -> tuple[dict[date, list[Span]], list[CalendarItem]]:
    """One technician's week: shifts by day (Monday off) and their bookings, by ISO date."""
    rng = random.Random(5)
    working: dict[date, list[Span]] = {}
    items: list[CalendarItem] = []
    for n in range(1, 7):
        day = first_day + timedelta(days=n)
        working[day] = _shift(day, n)
        for item in _bookings(day.isoformat(), working[day], rng, n):
            items.append(item)
    return working, items


def save_screenshots(folder: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from salon_pos.ui.calendar_view import CalendarView
    from salon_pos.ui.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations = Translations()
    translations.install(language)
    saved = []
    try:
        for kind in ("day", "week"):
            view = CalendarView(now=lambda: NOW)
            view.resize(1024, 768)
            if kind == "day":
                columns, items = demo_day()
                view.set_columns(columns)
            else:
                monday = DAY - timedelta(days=DAY.weekday())
                working, items = demo_week(monday)
                view.set_columns(view.week_columns(monday, working))
            view.set_items(items)
            view.show()
            view.scroll_to_time(datetime.combine(DAY, datetime.min.time()).replace(hour=10))
            app.processEvents()
            path = folder / f"calendar_{kind}_{language}.png"
            view.grab().save(str(path))
            saved.append(path)
            view.close()
            view.deleteLater()
    finally:
        translations.uninstall()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.folder.mkdir(parents=True, exist_ok=True)
    for language in [args.language] if args.language else ["zh_CN", "en"]:
        for path in save_screenshots(args.folder, language):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
