"""A booking being dragged in the calendar: where it would go, snapped to the quarter hour.
No Qt beyond the press point: the grid says which column and which minute the mouse is at."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from PySide6.QtCore import QPointF

from salon_pos.domain.calendar_layout import PlacedItem, snapped

STEP = 15  # minutes: drops, resizes and clicks snap to it


class Grip(Enum):
    MOVE = "move"
    RESIZE = "resize"  # its bottom edge
    CLICK = "click"  # a closed booking: it cannot move, a press is only a click


@dataclass
class Drag:
    placed: PlacedItem
    grip: Grip
    press: QPointF  # in content coordinates
    grab: float  # minutes from the booking's start to the press
    started: bool = False  # past the drag distance: not a click any more
    column: int = 0
    start: datetime | None = None
    end: datetime | None = None

    def move_to(self, column: int, origin: datetime, minutes: float, window: float) -> None:
        """The mouse is `minutes` into `column` (whose window starts at `origin` and lasts
        `window` minutes): the booking's start follows it, the same distance above as when
        pressed, and keeps its length; it starts inside the window."""
        item = self.placed.item
        start = snapped(origin + timedelta(minutes=minutes - self.grab), STEP)
        latest = origin + timedelta(minutes=window - STEP)
        self.column = column
        self.start = min(max(start, origin), latest)
        self.end = self.start + (item.end - item.start)

    def stretch_to(self, origin: datetime, minutes: float) -> None:
        """The bottom edge follows the mouse; a booking lasts at least one step."""
        item = self.placed.item
        end = snapped(origin + timedelta(minutes=minutes), STEP)
        self.column = self.placed.column
        self.start = item.start
        self.end = max(end, item.start + timedelta(minutes=STEP))

    @property
    def changed(self) -> bool:
        item = self.placed.item
        if self.grip is Grip.MOVE:
            return self.start != item.start or self.column != self.placed.column
        return self.end != item.end
