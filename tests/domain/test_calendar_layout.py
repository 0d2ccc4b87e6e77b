"""The calendar's layout (issue 11): bookings overlapping in one column never share a lane, every
booking in the window is placed once, clipped to it, and the rest are dropped."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.calendar_layout import (
    CalendarColumn,
    CalendarItem,
    PlacedItem,
    lay_out,
    snapped,
)

DAY = datetime(2026, 12, 7)
START, END = DAY.replace(hour=9), DAY.replace(hour=21)
COLUMNS = [CalendarColumn(f"t{n}", f"技师{n}") for n in range(3)]


def at(minute: int) -> datetime:
    return DAY + timedelta(minutes=minute)


def item(n: int, column: str, start: int, end: int, status: str = "booked") -> CalendarItem:
    return CalendarItem(f"b{n}", column, at(start), at(end), f"客户{n}", "面部护理", status)


items = st.lists(
    st.tuples(
        st.sampled_from(["t0", "t1", "t2", "gone"]),
        st.integers(7 * 60, 22 * 60),
        st.integers(1, 180),
    ),
    max_size=40,
).map(lambda rows: [item(n, c, s, s + length) for n, (c, s, length) in enumerate(rows)])


def in_window(i: CalendarItem) -> bool:
    return i.column_id != "gone" and i.start < END and i.end > START


@given(items)
def test_overlapping_items_in_a_column_never_share_a_lane(bookings: list[CalendarItem]) -> None:
    placed = lay_out(COLUMNS, bookings, START, END)
    for a in placed:
        assert 0 <= a.lane < a.lanes
        for b in placed:
            overlap = a.top < b.top + b.height and b.top < a.top + a.height
            if a is not b and a.column == b.column and overlap:
                assert a.lane != b.lane
                assert a.lanes == b.lanes  # side by side, the same width


@given(items)
def test_every_item_in_the_window_is_laid_out_once_and_clipped(
    bookings: list[CalendarItem],
) -> None:
    placed = lay_out(COLUMNS, bookings, START, END)
    assert sorted(p.item.id for p in placed) == sorted(i.id for i in bookings if in_window(i))
    for p in placed:
        assert COLUMNS[p.column].id == p.item.column_id
        assert 0 <= p.top < 12 * 60 and p.height > 0 and p.top + p.height <= 12 * 60
        assert p.top == max((p.item.start - START).total_seconds() / 60, 0)


def test_a_double_booking_sits_side_by_side_and_the_next_booking_takes_the_whole_width() -> None:
    placed = lay_out(
        COLUMNS,
        [item(1, "t1", 600, 660), item(2, "t1", 630, 720), item(3, "t1", 720, 780)],
        START,
        END,
    )
    assert [(p.item.id, p.column, p.top, p.height, p.lane, p.lanes) for p in placed] == [
        ("b1", 1, 60, 60, 0, 2),
        ("b2", 1, 90, 90, 1, 2),
        ("b3", 1, 180, 60, 0, 1),  # touches b2's end: no overlap
    ]


def test_items_outside_the_window_are_dropped_and_those_across_its_edges_clipped() -> None:
    placed = lay_out(
        COLUMNS,
        [
            item(1, "t0", 480, 520),  # 8:00-8:40: before the window
            item(2, "t0", 510, 600),  # 8:30-10:00
            item(3, "t0", 1230, 1320),  # 20:30-22:00
            item(4, "t0", 1260, 1300),  # 21:00-21:40: after
            item(5, "t9", 600, 660),  # no such column
            item(6, "t0", 700, 700),  # no length
        ],
        START,
        END,
    )
    assert [(p.item.id, p.top, p.height) for p in placed] == [("b2", 0, 60), ("b3", 690, 30)]


def test_a_week_column_is_laid_out_against_its_own_day() -> None:
    week = [
        CalendarColumn(str(date(2026, 12, 7 + d)), "", (), date(2026, 12, 7 + d)) for d in range(7)
    ]
    wednesday = CalendarItem(
        "w", "2026-12-09", at(2 * 1440 + 600), at(2 * 1440 + 690), "", "", "arrived"
    )
    assert lay_out(week, [wednesday], START, END) == [PlacedItem(wednesday, 2, 60, 90, 0, 1)]


def test_times_snap_to_the_nearest_or_the_last_quarter_hour_from_midnight() -> None:
    assert snapped(at(10 * 60 + 7)) == at(10 * 60)
    assert snapped(at(10 * 60 + 8)) == at(10 * 60 + 15)
    assert snapped(at(10 * 60 + 14), down=True) == at(10 * 60)
    assert snapped(DAY.replace(hour=23, minute=55)) == DAY + timedelta(days=1)
