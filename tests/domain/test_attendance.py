"""Attendance pairing: in → next out of the same person; two ins in a row flag the earlier;
an out without an in is stray; an open in is on the clock, then missing. By example and by
property: worked time is never negative, the total is the sum of the pairs, and the order in
which clockings arrive changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.attendance import (
    MAX_SHIFT,
    AttendanceNoteTooLong,
    Clocking,
    ClockKind,
    InvalidPeriod,
    check_note,
    hours_report,
    next_kind,
    timesheet,
    timesheets,
)
from salon_pos.domain.business_day import business_day

IN, OUT = ClockKind.IN, ClockKind.OUT
MONDAY = datetime(2026, 11, 16, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def at(hours: float, day: int = 0) -> datetime:
    return MONDAY + timedelta(days=day, hours=hours)


def clock(kind: ClockKind, when: datetime, staff: str = "lina", cid: str = "") -> Clocking:
    return Clocking(cid or f"{staff}-{when.isoformat()}-{kind}", staff, kind, when)


def shanghai_day(moment: datetime) -> date:
    return business_day(moment, "Asia/Shanghai", 4)


NOW = at(0, day=10)


def test_an_in_pairs_with_the_next_out() -> None:
    sheet = timesheet("lina", [clock(IN, at(0)), clock(OUT, at(8.5))], NOW)
    assert [s.length for s in sheet.shifts] == [timedelta(hours=8, minutes=30)]
    assert sheet.missing_out == sheet.stray_out == () and sheet.on_clock is None


def test_two_ins_in_a_row_the_later_starts_the_pair_and_the_earlier_is_flagged() -> None:
    first, second = clock(IN, at(0)), clock(IN, at(1))
    sheet = timesheet("lina", [first, second, clock(OUT, at(9))], NOW)
    assert sheet.missing_out == (first,)
    assert [s.clock_in for s in sheet.shifts] == [second]
    assert sheet.worked == timedelta(hours=8)


def test_an_out_without_an_in_is_stray_and_an_open_in_is_on_the_clock_then_missing() -> None:
    stray, last_in = clock(OUT, at(2)), clock(IN, at(3))
    sheet = timesheet("lina", [stray, last_in], at(5))
    assert sheet.stray_out == (stray,) and sheet.on_clock == last_in and not sheet.missing_out
    later = timesheet("lina", [stray, last_in], at(3) + MAX_SHIFT)
    assert later.on_clock is None and later.missing_out == (last_in,)


def test_a_forgotten_clock_out_and_next_days_out_are_two_flags_not_a_long_day() -> None:
    monday_in, tuesday_out = clock(IN, at(0)), clock(OUT, at(10, day=1))
    sheet = timesheet("lina", [monday_in, tuesday_out], NOW)
    assert sheet.shifts == ()
    assert sheet.missing_out == (monday_in,) and sheet.stray_out == (tuesday_out,)


def test_the_report_counts_days_hours_and_missing_clock_outs_per_person() -> None:
    clockings = [
        clock(IN, at(0)), clock(OUT, at(9)),  # Monday 09:00–18:00
        clock(IN, at(0, day=1)), clock(IN, at(0.5, day=1)), clock(OUT, at(8, day=1)),
        clock(IN, at(13, day=2)), clock(OUT, at(17, day=2)),  # Wednesday 22:00 → Thu 02:00
        clock(IN, at(0), staff="zhou"),
    ]  # fmt: skip
    report = hours_report(clockings, date(2026, 11, 16), date(2026, 11, 18), shanghai_day, NOW)
    lina, zhou = report["lina"], report["zhou"]
    assert (lina.days_worked, lina.minutes, lina.missing_clock_outs) == (3, 9 * 60 + 450 + 240, 1)
    assert (zhou.days_worked, zhou.minutes, zhou.missing_clock_outs) == (1, 0, 1)
    tuesday = hours_report(clockings, date(2026, 11, 17), date(2026, 11, 17), shanghai_day, NOW)
    assert tuesday["lina"].minutes == 450 and "zhou" not in tuesday


def test_a_period_ending_before_it_starts_and_a_long_note_are_refused() -> None:
    with pytest.raises(InvalidPeriod):
        hours_report([], date(2026, 11, 2), date(2026, 11, 1), shanghai_day, NOW)
    with pytest.raises(AttendanceNoteTooLong):
        check_note("长" * 201)
    assert check_note("  迟到：堵车 ") == "迟到：堵车"


def test_the_next_kind_is_out_while_on_the_clock() -> None:
    assert next_kind(None, at(0)) is IN
    assert next_kind(clock(IN, at(0)), at(8)) is OUT
    assert next_kind(clock(IN, at(0)), at(0) + MAX_SHIFT) is IN
    assert next_kind(clock(OUT, at(8)), at(9)) is IN


# ---------------------------------------------------------------- properties

clockings_strategy = st.lists(
    st.builds(
        lambda staff, kind, minutes, n: clock(kind, at(minutes / 60), staff, f"c{n:04d}"),
        st.sampled_from(["lina", "zhou", "wang"]),
        st.sampled_from([IN, OUT]),
        st.integers(min_value=0, max_value=60 * 24 * 5),
        st.integers(min_value=0, max_value=9999),
    ),
    max_size=40,
    unique_by=lambda c: c.id,
)


@given(clockings_strategy)
def test_worked_time_is_never_negative_nor_longer_than_a_shift(clockings: list[Clocking]) -> None:
    for sheet in timesheets(clockings, NOW).values():
        assert sheet.worked >= timedelta()
        assert all(timedelta() <= s.length <= MAX_SHIFT for s in sheet.shifts)
        assert all(
            s.clock_in.staff_id == s.clock_out.staff_id == sheet.staff_id for s in sheet.shifts
        )


@given(clockings_strategy)
def test_the_total_is_the_sum_of_the_paired_intervals(clockings: list[Clocking]) -> None:
    sheets = timesheets(clockings, NOW)
    report = hours_report(clockings, date(2026, 11, 1), date(2026, 11, 30), shanghai_day, NOW)
    for staff_id, line in report.items():
        pairs = sheets[staff_id].shifts
        assert line.worked == sum((s.clock_out.at - s.clock_in.at for s in pairs), timedelta())
        assert line.shifts == len(pairs)
        assert line.minutes >= 0


@given(clockings_strategy)
def test_every_clocking_is_counted_exactly_once(clockings: list[Clocking]) -> None:
    for staff_id, sheet in timesheets(clockings, NOW).items():
        seen = [c.id for s in sheet.shifts for c in (s.clock_in, s.clock_out)]
        seen += [c.id for c in (*sheet.missing_out, *sheet.stray_out)]
        seen += [sheet.on_clock.id] if sheet.on_clock else []
        assert sorted(seen) == sorted(c.id for c in clockings if c.staff_id == staff_id)


@given(clockings_strategy, st.randoms(use_true_random=False))
def test_the_order_of_arrival_changes_nothing(clockings: list[Clocking], rng) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(clockings)
    rng.shuffle(shuffled)
    assert timesheets(shuffled, NOW) == timesheets(clockings, NOW)
    twice = shuffled + clockings  # a clocking applied twice (a replayed pull) counts once
    first, last = date(2026, 11, 1), date(2026, 11, 30)
    assert hours_report(twice, first, last, shanghai_day, NOW) == hours_report(
        clockings, first, last, shanghai_day, NOW
    )
