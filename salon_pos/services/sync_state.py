"""This counter's sync bookkeeping (one row of sync_state), read and written inside the caller's
transaction: the server it is enrolled with, the pull cursor, the highest clock stamp seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from salon_pos.db.models import SyncState
from sync.protocol import hlc_next

ROW = 1
RESOLVING = "resolving"  # a conflict resolved here whose operation is on its way


@dataclass(frozen=True)
class Enrollment:
    server_url: str
    store_id: str
    store_name: str


def sync_state(session: Session) -> SyncState:
    """The row, created on first use (a counter that never enrolled still stamps its edits)."""
    state = session.get(SyncState, ROW)
    if state is None:
        state = SyncState(id=ROW, pull_cursor=0, connection="offline")
        session.add(state)
        session.flush()
    return state


def behind_the_server(executor: Any) -> bool:
    """Enrolled, and the last sync round did not get through: what this counter knows of a
    member's balance may be behind what other counters spent (the offline allowance applies).
    A counter with no server holds every sale of its store: never behind."""
    found = executor.execute(
        select(SyncState.server_url, SyncState.connection).where(SyncState.id == ROW)
    ).first()
    return found is not None and bool(found[0]) and found[1] != "online"


def enrollment(session: Session) -> Enrollment | None:
    state = session.get(SyncState, ROW)
    if state is None or not state.server_url or not state.store_id:
        return None
    return Enrollment(state.server_url, state.store_id, state.store_name or "")


def next_hlc(session: Session, now: datetime, node: str) -> str:
    """A stamp for a local edit, after every stamp this counter has made or pulled."""
    state = sync_state(session)
    stamp = hlc_next(state.highest_hlc, int(now.timestamp() * 1000), node)
    state.highest_hlc = stamp
    return stamp


def next_hlcs(session: Session, now: datetime, node: str, count: int) -> list[str]:
    """`count` stamps for local edits made together (an import's batch), in order."""
    state = sync_state(session)
    stamps, last, now_ms = [], state.highest_hlc, int(now.timestamp() * 1000)
    for _ in range(count):
        last = hlc_next(last, now_ms, node)
        stamps.append(last)
    state.highest_hlc = last
    return stamps


def observe_hlc(session: Session, stamps: list[str]) -> None:
    """Remember the highest of pulled stamps, so the next local stamp comes after them."""
    if not stamps:
        return
    state = sync_state(session)
    highest = max(stamps)
    if state.highest_hlc is None or highest > state.highest_hlc:
        state.highest_hlc = highest


def set_cursor(session: Session, cursor: int) -> None:
    sync_state(session)
    session.execute(update(SyncState).where(SyncState.id == ROW).values(pull_cursor=cursor))
