"""A joining counter's stock before its history (docs/inventory.md, "A counter joining a
store").

A counter's first pull leaves the store's stock movements for later, with the rest of the
history (sync/pull.py). So that it sells from the right batches at once, it asks the server
first for the store's stock by product and batch as of where the history ends (`until`),
leaving out this counter's own movements, which it holds already. That snapshot goes into
`stock_on_hand` and, as what is still to come, into `stock_snapshot`. Each movement of
another's that the history then brings is written as any movement is (the trigger adds it to
`stock_on_hand`) and taken off both again: the snapshot counted it already. When the history
is complete, whatever is left of the snapshot (nothing, unless a movement is still parked or the
server's ledger and feed disagree) comes off `stock_on_hand` and the snapshot is gone: on hand
is then exactly the sum of the movements held, as on every other counter."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import ParkedChange, StockMovement, StockOnHand, StockSnapshot
from salon_pos.services.sync_state import sync_state

if TYPE_CHECKING:  # pydantic: not before the sign-in screen (tests/cli/test_cold_start.py)
    from sync.wire import Change

log = logging.getLogger(__name__)

Key = tuple[str, str]  # product, batch ('' for stock of no batch)


def take_snapshot(session: Session, stock: Iterable[tuple[str, str | None, int]]) -> None:
    """The store's stock at the join (product, batch or None, units), counted from now on."""
    sums: dict[Key, int] = {}
    for product_id, batch_id, units in stock:
        key = (product_id, batch_id or "")
        sums[key] = sums.get(key, 0) + units
    _add(session, StockSnapshot, sums)
    _add(session, StockOnHand, sums)
    sync_state(session).stock_snapshot = True


def snapshot_held(session: Session) -> bool:
    return sync_state(session).stock_snapshot


def others_movements(changes: Sequence[Change], device_id: str) -> list[str]:
    """The ids of a history page's movements made elsewhere (the snapshot holds those; this
    counter's own it held already and the snapshot left out)."""
    from sync.operations.inventory import CHANGE_STOCK_MOVEMENT

    return [
        c.entity_id
        for c in changes
        if c.entity == CHANGE_STOCK_MOVEMENT and c.data.get("device_id") != device_id
    ]


def held(session: Session, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    found = session.scalars(select(StockMovement.id).where(StockMovement.id.in_(ids)))
    return set(found)


def parked_in_snapshot(session: Session, device_id: str) -> list[str]:
    """The ids of parked movements made elsewhere that the snapshot counted (the history's: up
    to where it ends) and not held: a retry that writes one takes it off the snapshot, as the
    history's pages do (history_arrived)."""
    from sync.operations.inventory import CHANGE_STOCK_MOVEMENT

    state = sync_state(session)
    if not state.stock_snapshot or state.history_until is None:
        return []
    parked = session.execute(
        select(ParkedChange.entity_id, ParkedChange.data).where(
            ParkedChange.entity == CHANGE_STOCK_MOVEMENT,
            ParkedChange.seq <= state.history_until,
        )
    )
    ids = [movement for movement, data in parked if data.get("device_id") != device_id]
    return sorted(set(ids) - held(session, ids))


def history_arrived(session: Session, written: Sequence[str]) -> None:
    """Movements of the history just written here (the trigger added them to stock_on_hand):
    the snapshot counted them already, so they come off it and off stock_on_hand."""
    if not written:
        return
    batch_key = func.coalesce(StockMovement.batch_id, "")
    summed = session.execute(
        select(StockMovement.product_id, batch_key, func.sum(StockMovement.quantity))
        .where(StockMovement.id.in_(written))
        .group_by(StockMovement.product_id, batch_key)
    )
    taken = {(product, batch): -int(units) for product, batch, units in summed}
    _add(session, StockSnapshot, taken)
    _add(session, StockOnHand, taken)


def supersede(session: Session) -> None:
    """The history is here (or will not come apart: the feed is read again from the start):
    what is left of the snapshot comes off stock_on_hand, and the snapshot is gone."""
    state = sync_state(session)
    if not state.stock_snapshot:
        return
    left = {
        (r.product_id, r.batch_key): -r.quantity
        for r in session.scalars(select(StockSnapshot).where(StockSnapshot.quantity != 0))
    }
    if left:
        log.warning("stock: %s snapshot rows left when the history ended, taken off", len(left))
    _add(session, StockOnHand, left)
    session.execute(delete(StockSnapshot))
    state.stock_snapshot = False


def snapshot_of(session: Session, product_ids: Sequence[str]) -> dict[str, int]:
    """What is left of the snapshot of these products, by batch key (a merge of products)."""
    rows = session.execute(
        select(StockSnapshot.batch_key, func.sum(StockSnapshot.quantity))
        .where(StockSnapshot.product_id.in_(product_ids))
        .group_by(StockSnapshot.batch_key)
    )
    return {batch: int(units) for batch, units in rows}


def move_snapshot(session: Session, alias_id: str, kept_id: str) -> None:
    """A duplicate product merged into the one kept: its part of the snapshot too."""
    rows = session.scalars(select(StockSnapshot).where(StockSnapshot.product_id == alias_id)).all()
    moved = {(kept_id, r.batch_key): r.quantity for r in rows}
    session.execute(delete(StockSnapshot).where(StockSnapshot.product_id == alias_id))
    _add(session, StockSnapshot, moved)


def _add(
    session: Session, model: type[StockSnapshot] | type[StockOnHand], sums: Mapping[Key, int]
) -> None:
    """Add units to the rows by (product, batch key), creating those missing (one upsert)."""
    rows = [
        {"product_id": p, "batch_key": b, "quantity": units}
        for (p, b), units in sorted(sums.items())
        if units
    ]
    if not rows:
        return
    statement = insert(model)
    statement = statement.on_conflict_do_update(
        index_elements=["product_id", "batch_key"],
        set_={"quantity": model.quantity + statement.excluded.quantity},
    )
    session.execute(statement, rows)
