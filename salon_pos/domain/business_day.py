"""The business day a moment belongs to: local date, shifted back before the cut-over hour."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

DEFAULT_CUTOVER_HOUR = 4  # a store's business day starts at 04:00 unless it sets otherwise


def business_day(at: datetime, time_zone: str, cutover_hour: int) -> date:
    """A sale at 02:00 with a 04:00 cut-over still belongs to the evening before."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = at.astimezone(ZoneInfo(time_zone))
    return (local - timedelta(hours=cutover_hour)).date()


def day_start(day: date, time_zone: str, cutover_hour: int) -> datetime:
    """When business day `day` begins, in UTC: its local midnight plus the cut-over hour."""
    local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(time_zone))
    return (local + timedelta(hours=cutover_hour)).astimezone(UTC)
