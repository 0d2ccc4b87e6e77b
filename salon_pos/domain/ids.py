"""Record ids: UUIDv7 strings made on the device, so they never clash and sort by creation.

Made here rather than with uuid6.uuid7, which read its random bits from the OS for every id (a
system call that let go of the GIL: an import's two threads took turns at each id) and kept
ids of one millisecond apart by moving the timestamp on 1 ms an id, so an import making
15,000 ids a second stamped them minutes ahead of the clock. Here (RFC 9562, 6.2, method 3)
the ids of one millisecond share its timestamp and count up from a random start by random
steps. The random bits come from a generator seeded by the OS in each process: ids need to be
unique, not secret.
"""

from __future__ import annotations

import os
import random
import threading
import time

_TAIL_BITS = 74  # rand_a (12 bits) and rand_b (62 bits) of RFC 9562
_START_BITS = _TAIL_BITS - 1  # a millisecond starts in the lower half: room to count up
_STEP_BITS = 32
_LOW_48 = (1 << 48) - 1


class _Clock:
    """The last id's millisecond and random tail, behind a lock (a read-ahead thread and the
    writing thread both make ids)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.random = random.Random(os.urandom(32))
        self.ms = 0
        self.tail = 0

    def reseed(self) -> None:
        """A forked child must not repeat its parent's random numbers."""
        self.lock = threading.Lock()
        self.random = random.Random(os.urandom(32))

    def next_ids(self, count: int) -> list[str]:
        ids = []
        with self.lock:
            bits = self.random.getrandbits
            now = time.time_ns() // 1_000_000
            ms, tail = self.ms, self.tail
            for _ in range(count):
                if now > ms:  # a new millisecond: a fresh random start
                    ms, tail = now, bits(_START_BITS)
                else:  # the same millisecond (or the clock stepped back): count up
                    tail += bits(_STEP_BITS) + 1
                    if tail >> _TAIL_BITS:  # never in practice: borrow the next millisecond
                        ms, tail = ms + 1, bits(_START_BITS)
                ids.append(_text(ms, tail))
            self.ms, self.tail = ms, tail
        return ids


_CLOCK = _Clock()
os.register_at_fork(after_in_child=_CLOCK.reseed)


def _text(ms: int, tail: int) -> str:
    """unix_ts_ms (48 bits), version 7, rand_a (12), variant 0b10, rand_b (62)."""
    return "%08x-%04x-%04x-%04x-%012x" % (  # noqa: UP031  (the fastest of the ways tried)
        ms >> 16,
        ms & 0xFFFF,
        0x7000 | tail >> 62,
        0x8000 | tail >> 48 & 0x3FFF,
        tail & _LOW_48,
    )


def new_id() -> str:
    return _CLOCK.next_ids(1)[0]


def new_ids(count: int) -> list[str]:
    """`count` ids in increasing order, for the rows of a batch."""
    return _CLOCK.next_ids(count)
