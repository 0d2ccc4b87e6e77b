"""Technicians' working time (issue 11): a weekly pattern (the same hours each Monday, …) or a
rotating one (a cycle of N days from a start date: 早班, 晚班, 休), with breaks, turned into the
shifts and breaks of the days asked for, less leave. What the slot finder (domain/slots.py)
takes as a technician's shifts and away time.

Hours are "HH:MM" of the store's zone; a shift that ends at or before it starts ends the next
day (a late shift to 01:00)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from salon_pos.domain.errors import Both, UserError
from salon_pos.domain.slots import Span


class InvalidHours(UserError):
    en = "“{text}” is not a time of day: write it like 09:00 or 21:30."
    zh = "“{text}”不是有效的时间，请写成 09:00 或 21:30 这样的格式。"


class InvalidCycle(UserError):
    en = "A rotating pattern needs 1 to 28 days in its cycle; it has {days}."
    zh = "轮班周期须为 1 到 28 天，当前为 {days} 天。"


class ShiftOfNoLength(UserError):
    en = "{day}: a shift from {start} to {end} has no length; the end must differ from the start."
    zh = "{day}：{start}–{end} 的班次没有时长，下班时间须与上班时间不同。"


class BreakOutsideShift(UserError):
    en = "{day}: the break {start}-{end} is not within the shift {shift}."
    zh = "{day}：休息 {start}–{end} 不在班次 {shift} 之内。"


class BreaksOverlap(UserError):
    en = "{day}: the breaks {first} and {second} overlap."
    zh = "{day}：休息 {first} 与 {second} 时间重叠。"


def clock_time(text: str) -> time:
    hours, _, minutes = text.strip().partition(":")
    if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
        raise InvalidHours(text=text)
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59 and len(minutes) == 2):
        raise InvalidHours(text=text)
    return time(int(hours), int(minutes))


@dataclass(frozen=True)
class Hours:
    """One day's working hours and its breaks, as "HH:MM" pairs."""

    start: str
    end: str
    breaks: Sequence[tuple[str, str]] = ()

    def on(self, day: date) -> tuple[Span, list[Span]]:
        shift = _span(day, self.start, self.end)
        return shift, [_span(day, s, e, within=shift) for s, e in self.breaks]


def check_hours(hours: Hours, day: Both | str = "") -> None:
    """What the counter refuses in hours it writes (`day` names the day in the message): a
    shift of no length, a break outside its shift, breaks that overlap. A pattern that arrives
    by sync is taken as it is; InvalidHours for a time that is not one."""
    shift, breaks = hours.on(date(2026, 1, 5))
    if clock_time(hours.start) == clock_time(hours.end):
        raise ShiftOfNoLength(day=day, start=hours.start, end=hours.end)
    for (start, end), span in zip(hours.breaks, breaks, strict=True):
        if span.start < shift.start or span.end > shift.end:
            raise BreakOutsideShift(
                day=day, start=start, end=end, shift=_both_span(hours.start, hours.end)
            )
    ordered = sorted(zip(breaks, hours.breaks, strict=True), key=lambda b: b[0].start)
    for (one, one_text), (two, two_text) in pairwise(ordered):
        if two.start < one.end:
            raise BreaksOverlap(day=day, first=_both_span(*one_text), second=_both_span(*two_text))


def _both_span(start: str, end: str) -> Both:
    return Both(f"{start}–{end}", f"{start}-{end}")


def _span(day: date, start: str, end: str, within: Span | None = None) -> Span:
    begins = datetime.combine(day, clock_time(start))
    ends = datetime.combine(day, clock_time(end))
    if within is not None and begins < within.start:  # a break after midnight of a late shift
        begins, ends = begins + timedelta(days=1), ends + timedelta(days=1)
    if ends <= begins:
        ends += timedelta(days=1)
    return Span(begins, ends)


@dataclass(frozen=True)
class WeeklyPattern:
    """Hours by weekday, Monday first; None: a day off."""

    days: Sequence[Hours | None]  # seven

    def hours_on(self, day: date) -> Hours | None:
        return self.days[day.weekday()] if len(self.days) == 7 else None


@dataclass(frozen=True)
class RotatingPattern:
    """A cycle of days from `first_day` (its day one): each day's hours, or None for off."""

    first_day: date
    cycle: Sequence[Hours | None]

    def __post_init__(self) -> None:
        if not 1 <= len(self.cycle) <= 28:
            raise InvalidCycle(days=len(self.cycle))

    def hours_on(self, day: date) -> Hours | None:
        return self.cycle[(day - self.first_day).days % len(self.cycle)]


def working_time(
    pattern: WeeklyPattern | RotatingPattern,
    first_day: date,
    last_day: date,
    leave: Sequence[Span] = (),
) -> tuple[list[Span], list[Span]]:
    """The shifts of the days first_day…last_day (a late shift runs past the last) and the time
    taken out of them: the breaks and the leave."""
    shifts: list[Span] = []
    away: list[Span] = list(leave)
    day = first_day
    while day <= last_day:
        hours = pattern.hours_on(day)
        if hours is not None:
            shift, breaks = hours.on(day)
            shifts.append(shift)
            away += breaks
        day += timedelta(days=1)
    return shifts, away


def whole_days(first: date, last: date) -> Span:
    """Leave of whole days, first…last."""
    return Span(datetime.combine(first, time()), datetime.combine(last + timedelta(days=1), time()))


WEEKDAYS = (
    Both("周一", "Monday"),
    Both("周二", "Tuesday"),
    Both("周三", "Wednesday"),
    Both("周四", "Thursday"),
    Both("周五", "Friday"),
    Both("周六", "Saturday"),
    Both("周日", "Sunday"),
)


def check_pattern(pattern: WeeklyPattern | RotatingPattern) -> None:
    """`check_hours` of every working day, each named (周三, 第 5 天) in the refusal."""
    if isinstance(pattern, WeeklyPattern):
        named = list(zip(WEEKDAYS, pattern.days, strict=False))
    else:
        named = [(Both(f"第 {n} 天", f"day {n}"), h) for n, h in enumerate(pattern.cycle, 1)]
    for day, hours in named:
        if hours is not None:
            check_hours(hours, day)
