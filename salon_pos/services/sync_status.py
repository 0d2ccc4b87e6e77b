"""Sync as the people at the counter see it: the status bar's figures and the conflict inbox.

Resolving a conflict is an operation like any other (`conflict.resolved`), queued with its audit
entry in one transaction; the server applies it and the outcome comes back through the feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import OutboxOperation, ParkedChange, Staff, SyncConflict, SyncState
from salon_pos.domain.business_day import business_day
from salon_pos.domain.drawer import MoveKind
from salon_pos.domain.errors import InvalidChoice, ReasonRequired, UserError
from salon_pos.domain.staff import Role
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.counter import CounterService
from salon_pos.services.customers import CustomerProfile, customer_profiles
from salon_pos.services.drawer import record_cash
from salon_pos.services.sync_state import RESOLVING as RESOLVING
from salon_pos.services.sync_state import Enrollment, enrollment, sync_state
from sync.protocol import (
    CONFLICT_OPEN,
    CONFLICT_RESOLVED_STATUS,
    REJECTED,
)


def allowed_resolutions(conflict_type: str) -> tuple[str, ...]:
    """What a manager may pick for a conflict of this type (its usual suggestion first);
    "accept" alone for a type this counter does not know (a newer server's)."""
    from sync.operations import REGISTRY  # lazy: pydantic after the first paint

    return REGISTRY.resolutions_of(conflict_type)


COLLECT_TENDERS = ("cash", "bank_card", "wechat", "alipay")  # how an overdraft is collected


def collected_in_cash(conflict: SyncConflict, resolution: str, tender: str | None) -> int:
    """Fen of a stored-value overdraft the customer paid back in cash (its shortfall, as the
    manager was shown it): money into the drawer. 0 for anything else."""
    from sync.operations.members import CONFLICT_OVERDRAFT
    from sync.protocol import RESOLUTION_COLLECT

    if (conflict.type, resolution, tender) != (CONFLICT_OVERDRAFT, RESOLUTION_COLLECT, "cash"):
        return 0
    shortfall = conflict.details.get("shortfall")
    money = conflict.details.get("account") in ("principal", "bonus")
    return shortfall if money and isinstance(shortfall, int) and shortfall > 0 else 0


class ConnectionState(StrEnum):
    NOT_ENROLLED = "not_enrolled"
    ONLINE = "online"
    OFFLINE = "offline"
    REFUSED = "refused"


@dataclass(frozen=True)
class SyncStatus:
    state: ConnectionState
    server_url: str | None
    pending: int
    oldest_pending_at: datetime | None
    parked: int
    last_sync_at: datetime | None
    last_error: str | None
    open_conflicts: int
    changes_waiting: int = 0  # pulled changes parked until they can be applied (sync_changes)
    history: float | None = None  # a joining counter's past tickets, 0…1 here; None: all here


@dataclass(frozen=True)
class FirstPull:
    """How far a counter that joined a store has come (sync/pull.py): it can sell once all but
    the store's past tickets is here; the tickets keep coming in the background."""

    can_sell: bool
    feed_end: int  # the feed's last change when the first pull began (0: none yet)
    cursor: int  # changes up to here are on this counter (but history)
    history_cursor: int  # history up to here is on this counter
    history_done: bool

    @property
    def fraction(self) -> float:
        """Of what is needed to sell, 0…1."""
        return 1.0 if self.can_sell else min(self.cursor / max(self.feed_end, 1), 1.0)

    @property
    def history_fraction(self) -> float:
        return 1.0 if self.history_done else min(self.history_cursor / max(self.feed_end, 1), 1.0)


@dataclass(frozen=True)
class ConflictRow:
    id: str
    type: str
    status: str  # open / resolving / resolved
    entity: str
    entity_id: str
    details: dict[str, Any]
    suggestion: str
    resolution: str | None
    created_at: datetime
    rejected_reason: str | None = None  # the server refused the last decision: why
    resolved_by: str | None = None  # a manager's staff id, or a web-console account's id


# The details keys that name a customer (by id), as the server's handlers write them.
CUSTOMER_KEYS = ("customer_id", "other_customer_id")

# What a conflict list's contents depend on: the pull cursor (conflicts and the customers they
# name arrive by pull) and, per status, how many and the newest id (a decision taken here).
InboxMark = tuple[int, tuple[tuple[str, int, str], ...]]


@dataclass(frozen=True)
class ConflictInbox:
    """What the inbox shows: conflicts newest first, the customers they name and the staff
    who resolved them, by id."""

    mark: InboxMark
    rows: list[ConflictRow]
    people: dict[str, CustomerProfile]
    deciders: dict[str, str] = field(default_factory=dict)  # staff id → name


def named_customers(rows: Iterable[ConflictRow]) -> set[str]:
    return {
        str(row.details[key])
        for row in rows
        for key in CUSTOMER_KEYS
        if isinstance(row.details.get(key), str)
    }


class ResolveNeedsManager(UserError):
    en = "Only a manager or the owner may resolve sync conflicts."
    zh = "只有店长或老板可以处理同步冲突。"


class UnknownConflict(UserError):
    en = "No sync conflict has the id {conflict_id}."
    zh = "没有 id 为 {conflict_id} 的同步冲突。"


class ConflictNotOpen(UserError):
    en = "This conflict is already {status}."
    zh = "该冲突已处于“{status}”状态。"


_PENDING = select(func.count(), func.min(OutboxOperation.occurred_at)).where(
    OutboxOperation.pushed_at.is_(None)
)
_PARKED = select(func.count()).where(OutboxOperation.result == REJECTED)
_OPEN = select(func.count()).where(SyncConflict.status == CONFLICT_OPEN)
_WAITING = select(func.count()).select_from(ParkedChange)
_BY_STATUS = select(SyncConflict.status, func.count(), func.max(SyncConflict.id)).group_by(
    SyncConflict.status
)
_NEWEST_FIRST = (SyncConflict.created_at.desc(), SyncConflict.id)


def _newest(where: ColumnElement[bool], limit: int | None) -> Select[SyncConflict]:
    return select(SyncConflict).where(where).order_by(*_NEWEST_FIRST).limit(limit)


def _inbox_mark(session: Session) -> InboxMark:
    cursor = session.scalar(select(SyncState.pull_cursor).where(SyncState.id == 1)) or 0
    counts = sorted(
        (status, int(count), newest) for status, count, newest in session.execute(_BY_STATUS)
    )
    return int(cursor), tuple(counts)


def _row(conflict: SyncConflict) -> ConflictRow:
    return ConflictRow(
        conflict.id,
        conflict.type,
        conflict.status,
        conflict.entity,
        conflict.entity_id,
        dict(conflict.details or {}),
        conflict.suggestion,
        conflict.resolution,
        conflict.created_at,
        conflict.rejected_reason,
        conflict.resolved_by,
    )


def _deciders(session: Session, rows: list[ConflictRow]) -> dict[str, str]:
    """The names of the staff who resolved these conflicts (a web account is none of them)."""
    ids = {row.resolved_by for row in rows if row.resolved_by}
    if not ids:
        return {}
    found = session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(ids)))
    return {staff_id: name for staff_id, name in found}


def _history(state: SyncState | None) -> float | None:
    if state is None or state.history_until is None:
        return None
    return min(state.history_cursor / max(state.history_until, 1), 1.0)


class SyncService(CounterService):
    def status(self) -> SyncStatus:
        with self._db.read() as session:
            pending, oldest = session.execute(_PENDING).one()
            parked = session.execute(_PARKED).scalar_one()
            open_conflicts = session.execute(_OPEN).scalar_one()
            waiting = session.execute(_WAITING).scalar_one()
            state = session.get(SyncState, 1)
        connection = ConnectionState.NOT_ENROLLED
        if state is not None and state.server_url and state.store_id:
            connection = ConnectionState(state.connection)
        return SyncStatus(
            state=connection,
            server_url=state.server_url if state else None,
            pending=int(pending),
            oldest_pending_at=oldest,
            parked=int(parked),
            last_sync_at=state.last_sync_at if state else None,
            last_error=state.last_error if state else None,
            open_conflicts=int(open_conflicts),
            changes_waiting=int(waiting),
            history=_history(state),
        )

    def first_pull(self) -> FirstPull:
        with self._db.read() as session:
            state = session.get(SyncState, 1)
        cursor = state.pull_cursor if state else 0
        until = state.history_until if state else None
        if state is None or until is None:  # no first pull under way: ready once one went by
            ready = state is not None and (cursor > 0 or state.last_sync_at is not None)
            return FirstPull(ready, cursor, cursor, cursor, ready)
        return FirstPull(cursor >= until, until, cursor, state.history_cursor, False)

    def enrollment(self) -> Enrollment | None:
        """The server and store this counter is enrolled with, or None."""
        with self._db.read() as session:
            return enrollment(session)

    def record_attempt(self, state: ConnectionState, error: str | None) -> None:
        """After a round: how it went, for the status bar; last_sync_at only when it worked."""
        now = self._clock.now()
        with self._db.write() as session:
            row = sync_state(session)
            row.connection = state.value
            row.last_attempt_at = now
            row.last_error = error
            if error is None:
                row.last_sync_at = now

    def conflicts(self, open_only: bool = True, limit: int | None = None) -> list[ConflictRow]:
        """Newest first: the open ones, or all; at most `limit` of them."""
        query = select(SyncConflict).order_by(*_NEWEST_FIRST).limit(limit)
        if open_only:
            query = query.where(SyncConflict.status == CONFLICT_OPEN)
        with self._db.read() as session:
            return [_row(c) for c in session.scalars(query)]

    def inbox(
        self, show_resolved: bool, resolved_limit: int, unless: InboxMark | None = None
    ) -> ConflictInbox | None:
        """The conflicts still to see to (open, resolving), with the newest `resolved_limit`
        resolved ones if asked, and the customers they name: one read, for the database worker.
        None if nothing has changed since the read that gave the mark `unless`."""
        with self._db.read() as session:
            mark = _inbox_mark(session)
            if mark == unless:
                return None
            unresolved = SyncConflict.status != CONFLICT_RESOLVED_STATUS
            rows = [_row(c) for c in session.scalars(_newest(unresolved, None))]
            if show_resolved:
                resolved = _newest(SyncConflict.status == CONFLICT_RESOLVED_STATUS, resolved_limit)
                rows += [_row(c) for c in session.scalars(resolved)]
                rows.sort(key=lambda row: row.id)  # then newest first, the id breaking ties
                rows.sort(key=lambda row: row.created_at, reverse=True)
            people = customer_profiles(session, named_customers(rows))
            return ConflictInbox(mark, rows, people, _deciders(session, rows))

    def resolve(
        self,
        conflict_id: str,
        resolution: str,
        actor_id: str,
        note: str = "",
        tender: str | None = None,
    ) -> Changes:
        """Queue the manager's decision, with their note (a write-off's reason, kept with the
        decision at the server); the row shows "resolving" until the server confirms. An
        overdraft of stored value collected in cash (`tender` "cash") goes into this counter's
        drawer, in the same transaction."""
        from salon_pos.services.sync_ops import (
            conflicts as conflict_ops,  # lazy: pydantic after the first paint
        )
        from sync.operations import REGISTRY
        from sync.operations.conflicts import CHANGE_CONFLICT, CONFLICT_RESOLVED

        now = self._clock.now()
        with self._db.write() as session:
            actor = session.get(Staff, actor_id)
            if actor is None or not actor.active or not Role(actor.role).approves:
                raise ResolveNeedsManager()
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None:
                raise UnknownConflict(conflict_id=conflict_id)
            if conflict.status != CONFLICT_OPEN:
                raise ConflictNotOpen(status=conflict.status)
            allowed = allowed_resolutions(conflict.type)
            if resolution not in allowed:
                raise InvalidChoice(text=resolution, choices=" / ".join(allowed))
            if REGISTRY.needs_note(conflict.type, resolution) and not note.strip():
                raise ReasonRequired()
            if tender is not None and tender not in COLLECT_TENDERS:
                raise InvalidChoice(text=tender, choices=" / ".join(COLLECT_TENDERS))
            session.execute(
                update(SyncConflict)
                .where(SyncConflict.id == conflict_id)
                .values(status=RESOLVING, resolution=resolution, resolved_by=actor_id)
            )
            payload = conflict_ops.conflict_resolved(
                conflict_id, resolution, actor_id, note.strip()[:500]
            )
            self._journal().record(
                session,
                now,
                AuditRecord(
                    actor_id,
                    CONFLICT_RESOLVED,
                    "sync_conflict",
                    conflict_id,
                    before={"status": CONFLICT_OPEN},
                    after={"status": RESOLVING, "resolution": resolution, "note": note.strip()}
                    | ({"tender": tender} if tender else {}),
                ),
                payload,
            )
            if cash := collected_in_cash(conflict, resolution, tender):
                settings = self._settings.current
                day = business_day(now, settings.time_zone, settings.cutover_hour)
                customer = str(conflict.details.get("customer_id") or "") or None
                record_cash(
                    session, self._journal(), now, day, MoveKind.OVERDRAFT_COLLECTED, cash,
                    note.strip(), actor_id, actor_id, customer,
                )  # fmt: skip
        return Changes.of(CHANGE_CONFLICT, conflict_id) | Changes.of(QUEUED)
