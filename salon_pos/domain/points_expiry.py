"""Points expiry (issue 10): points earned stay valid for the store's `points_valid_days`
(0: for ever). Each positive points entry is a lot, dated by its created_at; spends and
take-backs consume the oldest lots first (FIFO); what of a lot is unspent when it reaches its
expiry expires. Pure and deterministic: every counter and the server, holding the same
entries, answer the same expiries with the same ids, so one written twice is recorded once.

An expiry is an entry of reason "expire" whose `line_id` names the lot it expired. A counter
that expired a lot while it did not know of a spend made elsewhere before the expiry expired
too much: once it knows, the computation answers a correction (the difference, its own id),
so the ledgers converge on the FIFO answer whoever wrote first."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

EXPIRE = "expire"
# Fixed: the ids of expiries must be the same on every counter and the server, for ever.
_NAMESPACE = uuid.UUID("6f1d6a52-3c1e-5b8e-9a57-0c6f0d6e2b10")


@dataclass(frozen=True)
class PointsEntry:
    id: str
    amount: int
    reason: str
    created_at: datetime
    lot: str | None = None  # an expiry's: the entry whose points it expired


@dataclass(frozen=True)
class Expiry:
    """Points of lot `lot` expired (negative), or an earlier expiry of it corrected."""

    id: str
    lot: str
    amount: int
    at: datetime


@dataclass
class _Lot:
    id: str
    expires: datetime
    left: int


def expiry_id(lot: str, recorded: int, expired: int) -> str:
    """The id of the entry that brings lot `lot`'s recorded expiry from `recorded` to
    `expired` points: the same wherever it is computed."""
    return str(uuid.uuid5(_NAMESPACE, f"{lot}:{recorded}:{expired}"))


def _ordered(entries: Iterable[PointsEntry]) -> list[PointsEntry]:
    return sorted(entries, key=lambda e: (e.created_at, e.id))


def expired_by_lot(
    entries: Iterable[PointsEntry], now: datetime, valid_days: int
) -> dict[str, tuple[int, datetime]]:
    """Each lot expired by `now`: (points it expired, when). Recorded expiries are not part of
    the computation; a negative entry beyond the lots it finds leaves a debt the next lots
    pay first."""
    if valid_days <= 0:
        return {}
    validity = timedelta(days=valid_days)
    lots: list[_Lot] = []  # oldest first
    debt = 0
    expired: dict[str, tuple[int, datetime]] = {}

    def expire_until(moment: datetime) -> None:
        while lots and lots[0].expires <= moment:
            lot = lots.pop(0)
            expired[lot.id] = (lot.left, lot.expires)

    for entry in _ordered(e for e in entries if e.reason != EXPIRE):
        expire_until(entry.created_at)  # a lot that expires at an entry's moment is gone
        if entry.amount > 0:
            paid = min(debt, entry.amount)
            debt -= paid
            lots.append(_Lot(entry.id, entry.created_at + validity, entry.amount - paid))
            continue
        taking = -entry.amount
        for lot in lots:
            took = min(lot.left, taking)
            lot.left -= took
            taking -= took
        debt += taking
    expire_until(now)
    return expired


def due_expiries(entries: Iterable[PointsEntry], now: datetime, valid_days: int) -> list[Expiry]:
    """The expiry entries still to write for `entries` (one customer's points) at `now`: for
    each lot, what it should have expired less what is recorded as expired of it."""
    held = list(entries)
    expired = expired_by_lot(held, now, valid_days)
    recorded: dict[str, int] = {}
    for entry in held:
        if entry.reason == EXPIRE and entry.lot:
            recorded[entry.lot] = recorded.get(entry.lot, 0) - entry.amount
    known = {e.id for e in held if e.reason != EXPIRE}
    due = []
    for lot in sorted(expired.keys() | recorded.keys()):
        if lot not in known:
            continue  # its lot not here yet: nothing to decide about it
        points, at = expired.get(lot, (0, now))
        was = recorded.get(lot, 0)
        if points != was:
            due.append(Expiry(expiry_id(lot, was, points), lot, was - points, at))
    return sorted(due, key=lambda e: (e.at, e.lot))
