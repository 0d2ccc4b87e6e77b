"""Reading the change feed, for the sender (sync/client.py).

A counter that joins a store with a past must be able to sell long before it has the store's
year of tickets. Its first pull therefore comes in two parts (docs/sync-counter.md, "Joining a
store"): first everything but the history entities (sync.operations.HISTORY: tickets, refunds)
up to the feed's end as it was when the pull began, `until`; then the live feed as usual; and
the history up to `until` in the background, a few pages each round, from its own cursor. Both
cursors live in the counter's database, so a pull cut off anywhere goes on where it stopped.
The store's stock movements are history too: the counter starts from the server's stock by
product and batch as of `until` (its snapshot), asked for with `until` itself, so it sells from
the right batches at once; the history's movements then replace the snapshot, never add to it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sync.operations import HISTORY

if TYPE_CHECKING:
    from sync.client import OutboxPort, SyncClient

HISTORY_PAGES_PER_ROUND = 40  # 20,000 tickets: a round that also pushes stays short


@dataclass(frozen=True)
class HistoryPull:
    """History entities up to `until` still to pull, after `cursor`."""

    until: int
    cursor: int


@dataclass(frozen=True)
class PullProgress:
    """How far a round's pull is: changes received so far of about `total` (what the feed held
    beyond the cursor, by sequence numbers; a first pull's skipped history counts in it until
    the counter can sell, when the two meet)."""

    pulled: int
    total: int


@dataclass
class PullTally:
    pulled: int = 0  # changes received
    applied: int = 0  # of them, applied here
    history_left: bool = False  # history still to pull: run the next round soon


class FeedReader:
    def __init__(
        self,
        client: SyncClient,
        outbox: OutboxPort,
        store_id: str,
        page_size: int,
        stop: threading.Event,
        max_pages: int,
        on_pulled: Callable[[PullProgress], None] | None = None,
        *,
        device_id: str,
    ) -> None:
        """`on_pulled`: told after each page of the feed (not the history) how far it is."""
        self.on_pulled = on_pulled
        self.device_id = device_id
        self.client = client
        self.outbox = outbox
        self.store_id = store_id
        self.page_size = page_size
        self.stop = stop
        self.max_pages = max_pages

    def pull(self) -> PullTally:
        tally = PullTally(applied=self.outbox.retry_parked_changes())
        if self.outbox.pull_cursor() == 0 and self.outbox.history_pull() is None:
            self._begin()
        history = self.outbox.history_pull()
        # What the counter needs to sell comes first (whoever waits for it reads the cursors:
        # SyncService.first_pull); the history comes after the live feed.
        selling = history is None or self.outbox.pull_cursor() >= history.until
        if history is not None and not selling and not self._pages(tally, history.until):
            tally.history_left = True
            return tally
        self._pages(tally)
        history = self.outbox.history_pull()
        if history is not None:
            self._history(tally, history)
        return tally

    def _begin(self) -> None:
        """A first pull: where the feed ends now is where its history ends, and the store's
        stock as of there stands in for the stock movements until they arrive (a server older
        than the snapshot: the feed's end alone, and the stock comes with the history)."""
        stock = self.client.stock_snapshot(self.store_id, self.device_id)
        until = stock.until if stock else self.client.changes(self.store_id, 0, 1).last_seq
        if until > 0:
            self.outbox.start_history(until, stock)

    def _pages(self, tally: PullTally, until: int | None = None) -> bool:
        """Pull pages until the feed (up to `until`, without history) has no more; whether it
        got there."""
        skip = HISTORY if until is not None else ()
        for _ in range(self.max_pages):
            if self.stop.is_set():
                return False
            cursor = self.outbox.pull_cursor()
            page = self.client.changes(
                self.store_id, cursor, self.page_size, until=until, skip=skip
            )
            if page.last_seq < cursor:
                # The server's feed is behind this counter: it was restored from a backup and
                # will hand out numbers this counter has seen for other changes. Read it all
                # again from the start (applying is idempotent), never skip what it says now.
                self.outbox.start_history(None)
                self.outbox.apply_changes([], 0)
                until, skip = None, ()
                continue
            reached = cursor
            if page.changes:
                reached = max(cursor, page.changes[-1].seq)
                tally.applied += self.outbox.apply_changes(page.changes, reached)
                tally.pulled += len(page.changes)
            done = not page.more or not page.changes
            if done and until is not None:
                reached = until
                self.outbox.apply_changes([], until)  # all but history is here
            if self.on_pulled is not None:
                left = 0 if done else max((until or page.last_seq) - reached, 0)
                self.on_pulled(PullProgress(tally.pulled, tally.pulled + left))
            if done:
                return True
        return False

    def _history(self, tally: PullTally, history: HistoryPull) -> None:
        cursor = history.cursor
        for _ in range(HISTORY_PAGES_PER_ROUND):
            if self.stop.is_set():
                break
            page = self.client.changes(
                self.store_id, cursor, self.page_size, until=history.until, only=HISTORY
            )
            done = not page.more or not page.changes
            cursor = history.until if done else page.changes[-1].seq
            tally.applied += self.outbox.apply_history(page.changes, cursor)
            tally.pulled += len(page.changes)
            if done:
                return
        tally.history_left = True
