"""Points expiry (domain/points_expiry.py): lots expire FIFO after the store's validity; the
expiries are the same, with the same ids, wherever they are computed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from salon_pos.domain.points_expiry import (
    EXPIRE,
    Expiry,
    PointsEntry,
    due_expiries,
    expired_by_lot,
    expiry_id,
)

DAY0 = datetime(2026, 1, 1, 10, tzinfo=UTC)


def at(days: float) -> datetime:
    return DAY0 + timedelta(days=days)


def earn(id_: str, points: int, days: float) -> PointsEntry:
    return PointsEntry(id_, points, "earn", at(days))


def spend(id_: str, points: int, days: float) -> PointsEntry:
    return PointsEntry(id_, -points, "spend", at(days))


def recorded(expiry: Expiry) -> PointsEntry:
    return PointsEntry(expiry.id, expiry.amount, EXPIRE, expiry.at, expiry.lot)


def test_earn_spend_earn_then_time_passes_expires_what_is_left_of_each_lot_in_turn() -> None:
    entries = [earn("a", 100, 0), spend("s", 60, 10), earn("b", 50, 20)]
    # Before the first lot's expiry nothing is due.
    assert due_expiries(entries, at(29.9), 30) == []
    # At day 30 the first lot's 40 unspent points expire; the second lot is still valid.
    first = due_expiries(entries, at(30), 30)
    assert first == [Expiry(expiry_id("a", 0, 40), "a", -40, at(30))]
    # At day 50 the second lot goes whole; the first, recorded, is not expired again.
    later = due_expiries([*entries, recorded(first[0])], at(50), 30)
    assert later == [Expiry(expiry_id("b", 0, 50), "b", -50, at(50))]
    assert sum(e.amount for e in [*entries, *first, *later]) == 0


def test_a_spend_takes_the_oldest_lot_first_and_a_partial_lot_expires_in_part() -> None:
    entries = [earn("a", 30, 0), earn("b", 50, 5), spend("s", 40, 10)]
    # The spend took all of a (30) and 10 of b: a expires nothing, b its 40 left.
    assert expired_by_lot(entries, at(40), 30) == {"a": (0, at(30)), "b": (40, at(35))}
    due = due_expiries(entries, at(40), 30)
    assert [(e.lot, e.amount) for e in due] == [("b", -40)]


def test_a_spend_at_or_after_a_lots_expiry_cannot_use_it() -> None:
    entries = [earn("a", 100, 0), earn("b", 20, 25), spend("s", 20, 30)]
    # At day 30 lot a is gone before the spend: the spend takes b.
    assert expired_by_lot(entries, at(31), 30) == {"a": (100, at(30))}


def test_no_validity_expires_nothing() -> None:
    assert due_expiries([earn("a", 100, 0)], at(10_000), 0) == []


def test_an_expiry_written_too_large_is_corrected_once_the_spend_is_known() -> None:
    """A counter expired lot a whole, not knowing of a spend made elsewhere before the
    expiry: the entries once both are known answer a correction back, and nothing more."""
    lot = earn("a", 100, 0)
    blind = due_expiries([lot], at(31), 30)
    assert [(e.lot, e.amount) for e in blind] == [("a", -100)]
    known = [lot, spend("s", 60, 20), recorded(blind[0])]
    correction = due_expiries(known, at(31), 30)
    assert [(e.lot, e.amount) for e in correction] == [("a", 60)]
    settled = [*known, recorded(correction[0])]
    assert due_expiries(settled, at(31), 30) == []
    assert sum(e.amount for e in settled) == 0


def test_the_same_entries_answer_the_same_ids_in_any_order() -> None:
    entries = [earn("a", 100, 0), spend("s", 10, 1), earn("b", 5, 2)]
    assert due_expiries(entries, at(90), 30) == due_expiries(entries[::-1], at(90), 30)
    ids = {e.id for e in due_expiries(entries, at(90), 30)}
    assert len(ids) == 2


def test_a_debt_is_paid_by_the_next_lot_before_it_can_expire() -> None:
    # A take-back beyond the lots (an offline overdraft) is paid first by the next earning.
    entries = [spend("s", 30, 0), earn("a", 100, 1)]
    assert expired_by_lot(entries, at(40), 30) == {"a": (70, at(31))}
