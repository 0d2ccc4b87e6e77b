"""How often the public pages answer one client: a sliding window per key (a client's address,
a phone number), kept in memory. Per process: a server run with several worker processes
allows each its own count, and a restart forgets them (docs/online-booking.md)."""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta

MAX_KEYS = 50_000  # beyond it, keys whose window has passed are dropped


class RateLimit:
    def __init__(self, limit: int, window: timedelta) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def allow(self, key: str, now: datetime) -> bool:
        """Whether `key` may go on now; counted when it may."""
        with self._lock:
            if len(self._hits) > MAX_KEYS:
                self._forget(now)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

    def _forget(self, now: datetime) -> None:
        for key in [
            k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window
        ]:
            del self._hits[key]


class OnlineLimits:
    """The public booking page's limits: requests per address and per phone, and the pages
    that compute free slots per address."""

    def __init__(self) -> None:
        ten_minutes = timedelta(minutes=10)
        self.requests_per_address = RateLimit(5, ten_minutes)
        self.requests_per_phone = RateLimit(5, ten_minutes)
        self.slot_pages_per_address = RateLimit(60, ten_minutes)
