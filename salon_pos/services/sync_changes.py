"""Applying a page of pulled changes to the counter's database, in order, idempotently.

Nothing here queues an operation: these facts came from the server. Each change runs in its own
savepoint with the applier its family registered (salon_pos/services/sync_ops/). A change this
counter cannot apply (yet) — an entity it does not know, a record it refers to that is missing,
a row it clashes with — is parked (table parked_change), shown to the manager, and tried again
on every pull; the cursor moves on, so one such change never stalls the feed. Any other error is
a bug: it propagates, the page is rolled back with the cursor, and the round stops (logged with
its traceback by the caller). Own records come back too; applying them changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from salon_pos.db.models import ParkedChange
from salon_pos.services.changes import PARKED, Changes
from salon_pos.services.sync_ops.registry import APPLIERS, INSERTERS, ChangeNotApplicable
from salon_pos.services.sync_state import set_cursor
from sync.wire import Change

log = logging.getLogger(__name__)

# The faults of a change itself: never of this program, never of a locked or broken database
# (an OperationalError is neither: it propagates, and the page is tried again later).
CHANGE_FAULTS = (ChangeNotApplicable, ValidationError, IntegrityError)


@dataclass
class PageOutcome:
    applied: int = 0
    parked: int = 0
    touched: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) as they come

    @property
    def changes(self) -> Changes:
        return Changes.touched(self.touched)


def apply_page(session: Session, changes: Sequence[Change], cursor: int | None) -> PageOutcome:
    """Apply the changes in order, park those that cannot be applied, store the cursor (None:
    the caller keeps its own). A run of one entity's changes goes through its inserter first,
    when it has one: records new here are written together (a first pull is mostly those)."""
    outcome = PageOutcome()
    anything_parked = session.scalar(select(ParkedChange.seq).limit(1)) is not None
    for run in _runs(changes):
        left = _insert_new(session, run, outcome, anything_parked)
        anything_parked = _apply_each(session, left, outcome, anything_parked)
    if cursor is not None:
        set_cursor(session, cursor)
    return outcome


def _runs(changes: Sequence[Change]) -> list[Sequence[Change]]:
    """The page cut where the entity changes: [customer×300, ticket×200] → two runs."""
    return [list(run) for _, run in groupby(changes, key=attrgetter("entity"))]


def _insert_new(
    session: Session, run: Sequence[Change], outcome: PageOutcome, anything_parked: bool
) -> Sequence[Change]:
    """Write the run's new records at once; answers the changes left for one-by-one."""
    inserter = INSERTERS.get(run[0].entity) if len(run) > 1 else None
    if inserter is None:
        return run
    try:
        with session.begin_nested():
            left = inserter(session, run)
    except CHANGE_FAULTS as error:
        log.info("sync: %s %s changes one by one: %s", len(run), run[0].entity, error)
        return run
    kept = {c.entity_id for c in left}
    for change in run:
        if change.entity_id not in kept:
            _applied(session, change, outcome, anything_parked)
    return left


def _apply_each(
    session: Session, changes: Sequence[Change], outcome: PageOutcome, anything_parked: bool
) -> bool:
    """Apply one by one; answers whether anything is parked now."""
    for change in changes:
        reason = _apply(session, change)
        if reason is None:
            _applied(session, change, outcome, anything_parked)
        else:
            _park(session, change, reason)
            anything_parked = True
            outcome.parked += 1
            outcome.touched.append((PARKED, change.entity_id))
    return anything_parked


def _applied(session: Session, change: Change, outcome: PageOutcome, anything_parked: bool) -> None:
    """Count an applied change; an older parked change of its record is done with."""
    if anything_parked:
        _unpark(session, change)
    outcome.applied += 1
    outcome.touched.append((change.entity, change.entity_id))


def retry_parked(session: Session) -> PageOutcome:
    """Try every parked change again, oldest first, and again while any applies (a ticket
    parked after its refund lets the refund in); those that apply leave the table."""
    outcome = PageOutcome()
    waiting = session.scalars(select(ParkedChange).order_by(ParkedChange.seq)).all()
    progress = True
    while waiting and progress:
        progress, still = False, []
        for parked in waiting:
            reason = _apply(session, _change_of(parked))
            if reason is None:
                session.delete(parked)
                progress = True
                outcome.applied += 1
                outcome.touched.append((parked.entity, parked.entity_id))
            else:
                parked.reason = reason
                still.append(parked)
        waiting = still
    for parked in waiting:
        parked.attempts += 1
    outcome.parked = len(waiting)
    session.flush()
    return outcome


def _change_of(parked: ParkedChange) -> Change:
    return Change(
        seq=parked.seq,
        entity=parked.entity,
        entity_id=parked.entity_id,
        data=dict(parked.data),
        origin_device_id=parked.origin_device_id,
        at=parked.at,
    )


def _apply(session: Session, change: Change) -> str | None:
    """None when applied; else why it cannot be (yet)."""
    applier = APPLIERS.get(change.entity)
    if applier is None:
        return f"this version of the app does not know “{change.entity}” records (update it)"
    try:
        with session.begin_nested():
            applier(session, change)
    except CHANGE_FAULTS as error:
        log.warning(
            "sync: change %s (%s %s) parked: %s", change.seq, change.entity, change.entity_id, error
        )
        return _reason(error)
    return None


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return f"not in a form this version reads: {error.error_count()} field(s) wrong"
    if isinstance(error, IntegrityError):
        return f"clashes with a record here: {str(error.orig)[:200]}"
    return str(error)[:500]


def _park(session: Session, change: Change, reason: str) -> None:
    """Keep the change (a newer one of the same record replaces an older one)."""
    older = session.scalars(
        select(ParkedChange).where(
            ParkedChange.entity == change.entity, ParkedChange.entity_id == change.entity_id
        )
    ).first()
    attempts = 1
    if older is not None:
        if older.seq >= change.seq:
            return
        attempts = older.attempts + 1
        session.delete(older)
        session.flush()
    session.add(
        ParkedChange(
            seq=change.seq,
            entity=change.entity,
            entity_id=change.entity_id,
            data=change.data,
            origin_device_id=change.origin_device_id,
            at=change.at,
            reason=reason,
            attempts=attempts,
        )
    )
    session.flush()


def _unpark(session: Session, change: Change) -> None:
    """A newer change of a parked record was applied: the record stands as the server has it."""
    session.execute(
        delete(ParkedChange).where(
            ParkedChange.entity == change.entity,
            ParkedChange.entity_id == change.entity_id,
            ParkedChange.seq < change.seq,
        )
    )
