"""Hybrid-clock stamps at the server: its own edits' stamps, incoming stamps checked and
clamped, and the per-field merge every stamped record uses (customers, staff, catalog items,
store settings): for each field an edit changed, the higher stamp wins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sync.protocol import HLC_MAX_AHEAD_MS, hlc_parts, hlc_stamp
from sync.server.batch import Rejected


def stamp_after(now: datetime, above: str) -> str:
    """A stamp of the server's own edit, after `above` and not behind the server's clock."""
    now_ms = int(now.timestamp() * 1000)
    wall, counter, _ = hlc_parts(above) if above else (0, 0, "")
    if now_ms > wall:
        return hlc_stamp(now_ms, 0, "server")
    return hlc_stamp(wall, counter + 1, "server")


def canonical_stamp(stamp: str, now: datetime) -> tuple[str, bool]:
    """The stamp in canonical form, and whether it was clamped to the server's clock (it ran
    more than HLC_MAX_AHEAD_MS ahead). A malformed stamp is rejected."""
    try:
        wall, counter, node = hlc_parts(stamp)
    except ValueError:
        raise Rejected("malformed hlc stamp") from None
    if not (0 <= wall < 10**13 and 0 <= counter < 10**5 and 0 < len(node) <= 64):
        raise Rejected("malformed hlc stamp")
    now_ms = int(now.timestamp() * 1000)
    if wall <= now_ms + HLC_MAX_AHEAD_MS:
        return hlc_stamp(wall, counter, node), False
    return hlc_stamp(now_ms, counter, node), True


def edit_stamp(stamp: str, now: datetime, stamps: Mapping[str, str]) -> str:
    """The stamp an edit of master data counts with: its own (clamped), or, for an edit that
    came without one (payload version 1, queued before a counter's upgrade), a stamp of its
    arrival, as those edits always counted."""
    if not stamp:
        return stamp_after(now, max(stamps.values(), default=""))
    return canonical_stamp(stamp, now)[0]


def merge_fields(
    held: Mapping[str, Any],
    stamps: dict[str, str],
    incoming: Mapping[str, Any],
    fields: Iterable[str],
    stamp: str,
) -> dict[str, Any]:
    """Per field, the incoming value where its stamp beats the one held; `stamps` is updated.
    Answers the values that change."""
    updates: dict[str, Any] = {}
    for name in fields:
        if stamp <= stamps.get(name, ""):
            continue
        stamps[name] = stamp
        if held.get(name) != incoming[name]:
            updates[name] = incoming[name]
    return updates
