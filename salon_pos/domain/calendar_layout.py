"""Where each booking sits in the calendar (issue 11): its column, its top and height in minutes
from the column's start, and its lane. Bookings that overlap in one column sit side by side, one
lane each, so the front desk sees a double booking at a glance; a group of bookings linked by
overlaps shares one lane count, so their widths agree. Pure: the calendar widget paints what
this answers, the bench times it, the tests check it without Qt.

Columns are technicians, rooms or (the week view) days. A day column carries its date: its
window is the same times of day as the calendar's, on that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from salon_pos.domain.slots import Span

STATUSES = ("requested", "booked", "arrived", "in_service", "completed", "cancelled", "no_show")
FIXED_STATUSES = frozenset({"completed", "cancelled", "no_show"})  # cannot be dragged


@dataclass(frozen=True)
class CalendarColumn:
    id: str
    title: str
    working: Sequence[Span] = ()  # on shift; the rest of the column is shaded
    day: date | None = None  # the week view: the window's times of day on this date


@dataclass(frozen=True)
class CalendarItem:
    id: str
    column_id: str
    start: datetime
    end: datetime
    title: str
    detail: str
    status: str  # one of STATUSES
    clash: bool = False  # double-booked: a red outline
    requested: bool = False  # the customer asked for this technician by name (点钟)

    @property
    def movable(self) -> bool:
        return self.status not in FIXED_STATUSES


@dataclass(frozen=True)
class PlacedItem:
    item: CalendarItem
    column: int  # index into the columns
    top: float  # minutes from the column's start, clipped to the window
    height: float  # minutes, clipped to the window
    lane: int
    lanes: int


def column_origin(column: CalendarColumn, day_start: datetime) -> datetime:
    """When the column's window starts: the calendar's start, or that time on the column's day."""
    if column.day is None:
        return day_start
    return day_start + timedelta(days=(column.day - day_start.date()).days)


def lay_out(
    columns: Sequence[CalendarColumn],
    items: Sequence[CalendarItem],
    day_start: datetime,
    day_end: datetime,
) -> list[PlacedItem]:
    """Every item that is in a column and overlaps its window, once, clipped to the window;
    the others (and any that ends before it starts) are dropped. Sorted by column, then start:
    the order to paint in."""
    length = (day_end - day_start).total_seconds() / 60
    index = {column.id: n for n, column in enumerate(columns)}
    origins = [column_origin(column, day_start) for column in columns]
    by_column: list[list[tuple[float, float, CalendarItem]]] = [[] for _ in columns]
    for item in items:
        n = index.get(item.column_id)
        if n is None:
            continue
        top = max((item.start - origins[n]).total_seconds() / 60, 0.0)
        bottom = min((item.end - origins[n]).total_seconds() / 60, length)
        if bottom > top:
            by_column[n].append((top, bottom, item))
    placed: list[PlacedItem] = []
    for n, spans in enumerate(by_column):
        spans.sort(key=lambda s: (s[0], s[1], s[2].id))
        placed.extend(_lanes(n, spans))
    return placed


def _lanes(column: int, spans: list[tuple[float, float, CalendarItem]]) -> list[PlacedItem]:
    """Greedy lanes in start order: each item takes the first lane free at its start; a group
    ends where no item of it reaches the next start, and its items share its lane count."""
    placed: list[PlacedItem] = []
    group: list[tuple[float, float, CalendarItem, int]] = []
    lane_ends: list[float] = []
    group_end = float("-inf")

    def close_group() -> None:
        lanes = len(lane_ends)
        placed.extend(PlacedItem(i, column, t, b - t, lane, lanes) for t, b, i, lane in group)
        group.clear()
        lane_ends.clear()

    for top, bottom, item in spans:
        if top >= group_end:
            close_group()
        lane = next((k for k, end in enumerate(lane_ends) if end <= top), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(bottom)
        else:
            lane_ends[lane] = bottom
        group.append((top, bottom, item, lane))
        group_end = max(group_end, bottom) if len(group) > 1 else bottom
    close_group()
    return placed


def snapped(at: datetime, step: int = 15, *, down: bool = False) -> datetime:
    """`at` on the nearest (or, with down, the last) multiple of `step` minutes from midnight."""
    midnight = at.replace(hour=0, minute=0, second=0, microsecond=0)
    minutes = (at - midnight).total_seconds() / 60
    steps = minutes // step if down else (minutes + step / 2) // step
    return midnight + timedelta(minutes=int(steps) * step)
