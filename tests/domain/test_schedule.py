"""Working time from patterns (issue 11): weekly hours with breaks, a rotating cycle, late shifts
past midnight, leave taken out, and the slot finder reading the result."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from salon_pos.domain.schedule import (
    BreakOutsideShift,
    BreaksOverlap,
    Hours,
    InvalidCycle,
    InvalidHours,
    RotatingPattern,
    ShiftOfNoLength,
    WeeklyPattern,
    check_hours,
    whole_days,
    working_time,
)
from salon_pos.domain.slots import SlotRequest, Span, Worker, find_slots

MONDAY = date(2026, 12, 7)
DAY = Hours("10:00", "20:00", breaks=[("12:30", "13:30")])


def test_a_weekly_pattern_gives_each_days_hours_and_breaks_and_rests_on_its_days_off() -> None:
    pattern = WeeklyPattern([DAY, DAY, None, DAY, DAY, Hours("09:00", "21:00"), None])
    shifts, away = working_time(pattern, MONDAY, date(2026, 12, 13))
    assert [(s.start.day, s.start.hour, s.end.hour) for s in shifts] == [
        (7, 10, 20), (8, 10, 20), (10, 10, 20), (11, 10, 20), (12, 9, 21),
    ]  # fmt: skip
    assert away[0] == Span(datetime(2026, 12, 7, 12, 30), datetime(2026, 12, 7, 13, 30))
    assert len(away) == 4  # Saturday's long day has no break set


def test_a_rotating_pattern_repeats_its_cycle_from_its_first_day() -> None:
    early, late = Hours("09:00", "17:00"), Hours("14:00", "01:00", breaks=[("00:00", "00:15")])
    pattern = RotatingPattern(MONDAY, [early, late, None])  # 早班, 晚班, 休
    shifts, away = working_time(pattern, MONDAY, date(2026, 12, 12))
    assert [(s.start.day, s.start.hour) for s in shifts] == [(7, 9), (8, 14), (10, 9), (11, 14)]
    assert shifts[1].end == datetime(2026, 12, 9, 1, 0)  # the late shift ends the next day
    assert away[0] == Span(datetime(2026, 12, 9, 0, 0), datetime(2026, 12, 9, 0, 15))


def test_leave_takes_the_days_out_of_what_the_slot_finder_offers() -> None:
    pattern = WeeklyPattern([DAY] * 7)
    leave = [whole_days(date(2026, 12, 8), date(2026, 12, 9))]
    shifts, away = working_time(pattern, MONDAY, date(2026, 12, 10), leave)
    worker = Worker("李娜", frozenset({"facial"}), shifts, away)
    request = SlotRequest(minutes=60, skill="facial", step=60)
    window = Span(datetime(2026, 12, 7), datetime(2026, 12, 11))
    days = {slot.start.day for slot in find_slots(request, [worker], [], window, limit=1000)}
    assert days == {7, 10}
    lunch = [s.start.hour for s in find_slots(request, [worker], [], window) if s.start.day == 7]
    assert lunch == [10, 11, 14, 15, 16, 17, 18, 19]  # 12:00 and 13:00 run into 12:30–13:30


@pytest.mark.parametrize("text", ["9", "24:00", "09:60", "9:5", "０9:00", "早上"])
def test_hours_that_are_not_a_time_of_day_are_refused(text: str) -> None:
    with pytest.raises(InvalidHours):
        working_time(WeeklyPattern([Hours(text, "18:00")] * 7), MONDAY, MONDAY)


def test_a_cycle_of_no_days_is_refused() -> None:
    with pytest.raises(InvalidCycle):
        RotatingPattern(MONDAY, [])


def test_the_counter_refuses_a_shift_of_no_length_and_breaks_outside_it_or_overlapping() -> None:
    check_hours(Hours("09:00", "21:00", (("12:00", "12:30"), ("17:30", "18:00"))), "周一")
    check_hours(Hours("18:00", "02:00", (("00:30", "01:00"),)))  # a late shift past midnight
    with pytest.raises(ShiftOfNoLength):
        check_hours(Hours("09:00", "09:00"))
    with pytest.raises(BreakOutsideShift) as outside:
        check_hours(Hours("13:00", "21:00", (("12:00", "12:30"),)), "周二")
    assert outside.value.text("zh") == "周二：休息 12:00–12:30 不在班次 13:00–21:00 之内。"
    with pytest.raises(BreakOutsideShift):
        check_hours(Hours("09:00", "21:00", (("12:00", "12:00"),)))  # a break of a whole day
    with pytest.raises(BreaksOverlap):
        check_hours(Hours("09:00", "21:00", (("12:00", "13:00"), ("12:30", "13:30"))))
