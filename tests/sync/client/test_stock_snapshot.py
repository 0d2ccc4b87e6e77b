"""A joining counter's stock snapshot at the counter (services/stock_snapshot.py): it stands in
for the store's movements until the history brings them, each taking its part off, never
adding to it; this counter's own movements were left out of it by the server; a history
begun again (a server put back from a backup) drops it; a product merged into another (a
catalog alias) takes its part of it along."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from salon_pos.db.models import ParkedChange, StockMovement, StockSnapshot
from salon_pos.domain.ids import new_id
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ReceiptLine
from salon_pos.services.sync_outbox import CounterOutbox
from sync.wire import HeldStock
from sync.wire import StockSnapshot as Snapshot
from tests.conftest import Shelf, Team
from tests.sync.client.feed import Feed
from tests.sync.client.test_alias_stock import _alias

OTHER = "01939000-0000-7000-8000-00000000b001"  # another counter of the store


def _on_hand(backend: Backend) -> dict[str, int]:
    return {r.product_id: r.on_hand for r in backend.stock.on_hand() if r.on_hand}


def _ledger(backend: Backend) -> dict[str, int]:
    with backend.db.read() as s:
        rows = s.execute(
            select(StockMovement.product_id, func.sum(StockMovement.quantity)).group_by(
                StockMovement.product_id
            )
        )
        return {p: int(q) for p, q in rows if q}


def _snapshot_rows(backend: Backend) -> int:
    with backend.db.read() as s:
        return s.scalar(select(func.count()).select_from(StockSnapshot)) or 0


def _outbox(backend: Backend) -> CounterOutbox:
    return CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)


def _joined(backend: Backend, product_id: str, units: int) -> CounterOutbox:
    """The first pull began with the store holding `units` of the product (no batch)."""
    outbox = _outbox(backend)
    held = [HeldStock(product_id=product_id, batch_id=None, quantity=units)]
    outbox.start_history(10, Snapshot(until=10, stock=held))
    return outbox


def _movement(feed: Feed, product_id: str, units: int, device: str | None = OTHER) -> None:
    movement_id = new_id()
    feed.add(
        "stock_movement",
        movement_id,
        {
            "id": movement_id, "product_id": product_id, "batch_id": None, "kind": "receipt",
            "quantity": units, "at": "2026-11-01T02:00:00+00:00", "business_day": "2026-11-01",
            "document_id": new_id(), "device_id": device,
        },
    )  # fmt: skip


def test_the_history_replaces_the_snapshot_page_by_page(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    backend.stock.receive([ReceiptLine(shelf.serum, 3, 5_000)], team.manager.id)  # this one's
    outbox = _joined(backend, shelf.serum, 12)  # the server left this counter's 3 out
    assert _on_hand(backend) == {shelf.serum: 15}
    feed = Feed()
    _movement(feed, shelf.serum, 8)
    _movement(feed, shelf.serum, 3, backend.settings.current.device_id)  # own: held already
    _movement(feed, shelf.serum, 5)
    _movement(feed, shelf.serum, -1, None)  # made at the server
    mine = next(c for c in feed.changes if c.data["quantity"] == 3)
    with backend.db.write() as s:  # this counter's own movement, as pushed, has the same id
        s.execute(StockMovement.__table__.update().values(id=mine.entity_id))
    outbox.apply_history(feed.changes[:2], 2)
    assert _on_hand(backend) == {shelf.serum: 15}
    outbox.apply_history(feed.changes[2:], 10)  # the history's end
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 15}
    assert _snapshot_rows(backend) == 0
    outbox.apply_history(feed.changes, 10)  # a page again: nothing more
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 15}


def test_what_the_history_did_not_bring_is_taken_off_at_its_end(
    backend: Backend, shelf: Shelf
) -> None:
    """The snapshot said 12, the history brings 8: the ledger held is the truth."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    _movement(feed, shelf.serum, 8)
    outbox.apply_history(feed.changes, 10)
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 8}


def test_a_history_begun_again_drops_the_snapshot(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    backend.stock.receive(
        [ReceiptLine(shelf.serum, 3, 5_000, "L1", date(2027, 6, 1))], team.manager.id
    )
    outbox = _joined(backend, shelf.serum, 7)
    assert _on_hand(backend) == {shelf.serum: 10}
    outbox.start_history(None)  # the server's feed is behind: read again, all of it
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 3}
    assert _snapshot_rows(backend) == 0


def test_a_product_merged_into_another_takes_its_snapshot_along(
    backend: Backend, shelf: Shelf
) -> None:
    outbox = _joined(backend, shelf.serum, 7)
    kept = new_id()
    _alias(backend, shelf.serum, kept)
    assert _on_hand(backend) == {kept: 7}
    feed = Feed()
    _movement(feed, kept, 7)
    outbox.apply_history(feed.changes, 10)
    assert _on_hand(backend) == _ledger(backend) == {kept: 7}


def test_a_parked_movement_retried_before_the_history_ends_is_not_counted_twice(
    backend: Backend, shelf: Shelf
) -> None:
    """A movement of the history this version could not read waits, parked; once it can (an
    update), the retry writes it and takes it off the snapshot, as the history's pages do."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    _movement(feed, shelf.serum, 8)
    _movement(feed, shelf.serum, 4)
    feed.changes[1].data["kind"] = "sample"  # a kind of movement this version does not know
    outbox.apply_history(feed.changes, 5)  # the history goes on to 10
    assert _on_hand(backend) == {shelf.serum: 12}
    with backend.db.write() as s:  # the app updated: it reads the parked movement now
        parked = s.scalars(select(ParkedChange)).one()
        parked.data = {**parked.data, "kind": "receipt"}
    assert outbox.retry_parked_changes() == 1
    assert _on_hand(backend) == {shelf.serum: 12}
    outbox.apply_history([], 10)  # the history's end
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 12}
    assert _snapshot_rows(backend) == 0


def test_a_parked_movement_from_after_the_snapshot_counts_in_full(
    backend: Backend, shelf: Shelf
) -> None:
    """The live feed beyond the history's end is not in the snapshot: its parked movement,
    retried while the history is still coming, adds all it brings."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    for _ in range(11):  # feed positions 1-10: the history's; 11, the live feed's
        _movement(feed, shelf.serum, 0)
    _movement(feed, shelf.serum, 4)
    feed.changes[-1].data["kind"] = "sample"
    outbox.apply_changes(feed.changes[-1:], 12)
    with backend.db.write() as s:
        parked = s.scalars(select(ParkedChange)).one()
        assert parked.seq == 12
        parked.data = {**parked.data, "kind": "receipt"}
    assert outbox.retry_parked_changes() == 1
    assert _on_hand(backend) == {shelf.serum: 16}


def _park_then_retry(backend: Backend, outbox: CounterOutbox, feed: Feed) -> None:
    """The history's last movement this version cannot read is parked; an update reads it."""
    feed.changes[-1].data["kind"] = "sample"
    outbox.apply_history(feed.changes, feed.changes[-1].seq)
    with backend.db.write() as s:
        parked = s.scalars(select(ParkedChange)).one()
        parked.data = {**parked.data, "kind": "receipt"}
    assert outbox.retry_parked_changes() == 1


def test_review_a_parked_movement_at_the_historys_very_end_comes_off_the_snapshot(
    backend: Backend, shelf: Shelf
) -> None:
    """Review (9d545aa): `until` is the last feed position the snapshot counted (seq <= until)."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    for _ in range(9):
        _movement(feed, shelf.serum, 0)
    _movement(feed, shelf.serum, 12)  # feed position 10: the history's last
    _park_then_retry(backend, outbox, feed)
    assert _on_hand(backend) == {shelf.serum: 12}
    outbox.apply_history([], 10)
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 12}


def test_review_a_parked_movement_of_no_counter_comes_off_the_snapshot(
    backend: Backend, shelf: Shelf
) -> None:
    """Review (9d545aa): the server's snapshot counts movements with no device (its own), as
    parked_in_snapshot takes them (a device_id of None is not this counter's)."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    _movement(feed, shelf.serum, 12, device=None)
    _park_then_retry(backend, outbox, feed)
    assert _on_hand(backend) == {shelf.serum: 12}


def test_review_a_parked_movement_of_this_counter_not_held_here_adds_in_full(
    backend: Backend, shelf: Shelf
) -> None:
    """Review (9d545aa): the server left this counter's own movements out of the snapshot; one
    it does not hold (its data folder began again) that a retry writes adds all it brings."""
    outbox = _joined(backend, shelf.serum, 12)
    feed = Feed()
    _movement(feed, shelf.serum, 12)  # what the snapshot counted
    _movement(feed, shelf.serum, 4, backend.settings.current.device_id)
    _park_then_retry(backend, outbox, feed)
    assert _on_hand(backend) == {shelf.serum: 16}
    outbox.apply_history([], 10)
    assert _on_hand(backend) == _ledger(backend) == {shelf.serum: 16}
