"""Wire formats shared by the counter and the central server. Versioned: a payload's shape
changes only with a new version number, and both sides keep reading the old ones.

Kept light (no pydantic here). The request and response bodies are in sync/wire.py, the
operations in sync/operations/; docs/sync.md describes the whole protocol."""

from __future__ import annotations

from typing import Final

API: Final = "/api/v1"

# Operation types, their payload versions, change-feed entities and conflict kinds are declared
# per family in sync/operations/.

# What the server answers for each pushed operation.
APPLIED: Final = "applied"
APPLIED_WITH_FLAGS: Final = "applied_with_flags"  # applied; conflict records were created
DUPLICATE: Final = "duplicate"  # applied before: the stored answer is returned again
REJECTED: Final = "rejected"  # malformed or impossible: parked for a person, queue goes on
RETRY_LATER: Final = "retry_later"  # the only answer that stops the queue
FINAL_RESULTS: Final = frozenset({APPLIED, APPLIED_WITH_FLAGS, DUPLICATE, REJECTED})

# Conflict records.
CONFLICT_OPEN: Final = "open"
CONFLICT_RESOLVED_STATUS: Final = "resolved"

# Resolutions a manager may pick (the conflict record suggests one).
RESOLUTION_ACCEPT: Final = "accept"  # keep what happened (the price paid, the winning value)
RESOLUTION_MERGE: Final = "merge"  # duplicate customer: fold the second into the first
RESOLUTION_KEEP_BOTH: Final = "keep_both"  # duplicate customer: they are two people
RESOLUTION_USE_OTHER: Final = "use_other"  # overwritten field: restore the losing value
RESOLUTION_COLLECT: Final = "collect"  # overdraft: the customer pays the difference
RESOLUTION_WRITE_OFF: Final = "write_off"  # overdraft: the store bears it (a reason is given)
RESOLUTION_CARRY: Final = "carry"  # overdraft: stays on the card as debt

# Limits of one push.
MAX_BATCH_OPERATIONS: Final = 400
MAX_BATCH_BYTES: Final = 512 * 1024
MAX_CHANGES_PER_PULL: Final = 500

# Hybrid logical clock stamps: "<wall ms, 13 digits>-<counter, 5 digits>-<device id>";
# the fixed widths make string order the clock's order.
HLC_MAX_AHEAD_MS: Final = 60_000
HLC_COUNTER_LIMIT: Final = 100_000  # 5 digits


def hlc_stamp(wall_ms: int, counter: int, node: str) -> str:
    """A counter past 5 digits carries into the millisecond (wider, it would sort below
    smaller counters): stamps stay fixed-width and in order, old ones included."""
    carried, counter = divmod(counter, HLC_COUNTER_LIMIT)
    return f"{wall_ms + carried:013d}-{counter:05d}-{node}"


def hlc_parts(stamp: str) -> tuple[int, int, str]:
    wall, counter, node = stamp.split("-", 2)
    return int(wall), int(counter), node


def hlc_next(last: str | None, now_ms: int, node: str) -> str:
    """The stamp for a local event: after both the wall clock and every stamp seen so far."""
    if last is None:
        return hlc_stamp(now_ms, 0, node)
    wall, counter, _ = hlc_parts(last)
    if now_ms > wall:
        return hlc_stamp(now_ms, 0, node)
    return hlc_stamp(wall, counter + 1, node)
