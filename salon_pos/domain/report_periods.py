"""Periods of business days for reports: the presets a manager picks (today, this week, this
month, last month) and the buckets a period's days fall in (day, ISO week from Monday, month)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from salon_pos.domain.errors import UserError

MAX_DAYS = 366 * 3  # a longer period is almost surely a typo (20260101 for 2026-01-01 …)


class InvalidReportPeriod(UserError):
    en = "The report's period ends ({last}) before it starts ({first})."
    zh = "报表的结束日期（{last}）早于开始日期（{first}）。"


class ReportPeriodTooLong(UserError):
    en = "A report covers at most {most} days; {first} to {last} is {days}."
    zh = "报表最多覆盖 {most} 天；{first} 至 {last} 共 {days} 天。"


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def check(self) -> Period:
        if self.last < self.first:
            raise InvalidReportPeriod(first=self.first.isoformat(), last=self.last.isoformat())
        days = (self.last - self.first).days + 1
        if days > MAX_DAYS:
            raise ReportPeriodTooLong(
                most=MAX_DAYS, first=self.first.isoformat(), last=self.last.isoformat(), days=days
            )
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


class Preset(StrEnum):
    TODAY = "today"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"


def preset_period(preset: Preset, today: date) -> Period:
    """A preset period up to today (this week and this month end today, not in the future)."""
    if preset is Preset.TODAY:
        return Period(today, today)
    if preset is Preset.THIS_WEEK:
        return Period(today - timedelta(days=today.weekday()), today)
    if preset is Preset.THIS_MONTH:
        return Period(today.replace(day=1), today)
    end = today.replace(day=1) - timedelta(days=1)
    return Period(end.replace(day=1), end)


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def bucket_start(day: date, grain: Grain) -> date:
    """The first day of the bucket `day` falls in: itself, its week's Monday, its month's 1st."""
    if grain is Grain.DAY:
        return day
    if grain is Grain.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def buckets(period: Period, grain: Grain) -> list[Period]:
    """The period cut into days, weeks or months, the first and last clipped to the period."""
    found: list[Period] = []
    for day in period.days():
        if found and bucket_start(day, grain) == bucket_start(found[-1].first, grain):
            found[-1] = Period(found[-1].first, day)
        else:
            found.append(Period(day, day))
    return found


def bucket_label(bucket: Period, grain: Grain) -> str:
    """2026-11-16; 2026-11-16~11-22 for a week; 2026-11 for a month."""
    if grain is Grain.DAY:
        return bucket.first.isoformat()
    if grain is Grain.WEEK:
        return f"{bucket.first.isoformat()}~{bucket.last:%m-%d}"
    return f"{bucket.first:%Y-%m}"
