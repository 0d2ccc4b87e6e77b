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

from salon_pos.domain.errors import UserError
from salon_pos.domain.slots import Span


class InvalidHours(UserError):
    en = "“{text}” is not a time of day: write it like 09:00 or 21:30."
    zh = "“{text}”不是有效的时间，请写成 09:00 或 21:30 这样的格式。"


class InvalidCycle(UserError):
    en = "A rotating pattern needs 1 to 28 days in its cycle; it has {days}."
    zh = "轮班周期须为 1 到 28 天，当前为 {days} 天。"


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
