"""Who takes a booking or the next walk-in (issue 11).

Auto-assignment orders the technicians the slot finder tries: those with the skill, the
customer's favourite first (from their profile), then the lightest load of the day, then the
roster's order. The rotation queue (轮钟) is who is next for a customer who asked for nobody:
the technician on shift with the fewest rotation services started today, and of those the one
whose last rotation start is longest ago, then the roster's order. A service the customer asked
for by name (点钟) does not use up the technician's turn: it is paid differently, and the
rotation stays fair to those nobody asked for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from salon_pos.domain.slots import Worker


def assignment_order(
    workers: Sequence[Worker],
    skill: str,
    favourite_id: str | None,
    load_minutes: Mapping[str, int],
) -> list[Worker]:
    """`workers` (in the roster's order) as the slot finder should try them."""
    able = [w for w in workers if not skill or skill in w.skills]
    roster = {w.id: n for n, w in enumerate(workers)}
    return sorted(
        able,
        key=lambda w: (w.id != favourite_id, load_minutes.get(w.id, 0), roster[w.id]),
    )


@dataclass(frozen=True)
class ServiceStart:
    technician_id: str
    started_at: datetime
    requested: bool  # 点钟: the customer asked for this technician


def rotation_queue(on_shift: Sequence[str], today: Sequence[ServiceStart]) -> list[str]:
    """The technicians on shift (in the roster's order), the next in rotation first."""
    turns: dict[str, int] = {}
    last: dict[str, datetime] = {}
    for start in today:
        if start.requested:
            continue
        turns[start.technician_id] = turns.get(start.technician_id, 0) + 1
        if start.technician_id not in last or start.started_at > last[start.technician_id]:
            last[start.technician_id] = start.started_at
    roster = {tech: n for n, tech in enumerate(on_shift)}
    never = (False, 0)  # no rotation start yet: before anyone who has had one

    def place(tech: str) -> tuple[int, tuple[bool, object], int]:
        started = (True, last[tech]) if tech in last else never
        return turns.get(tech, 0), started, roster[tech]

    return sorted(on_shift, key=place)
