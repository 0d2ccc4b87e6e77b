"""Cash drawer sessions (交班): a counter opens its drawer with a float, moves cash in and out
with a reason, and closes it with a count by denomination (docs/drawer.md).

A session belongs to the counter that opened it and only that counter moves cash in it or
closes it, so two counters never clash over one: nothing here raises a conflict. The counter
that did it is the operation's device (and the change's origin). Every counter of the store
receives every session, with its movements and its close, as one `drawer_session` change; cash
moved while a counter had no session open is a `drawer_movement` change of its own."""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from pydantic import Field

from sync.operations.kinds import ChangeKind, Family, OperationKind
from sync.operations.payloads import Fen, Id, Lenient, Moment

DRAWER_OPENED: Final = "drawer.opened"
DRAWER_CASH_MOVED: Final = "drawer.cash_moved"
DRAWER_CLOSED: Final = "drawer.closed"
CHANGE_DRAWER_SESSION: Final = "drawer_session"
CHANGE_DRAWER_MOVEMENT: Final = "drawer_movement"

MOST_FEN = 10**10  # ¥100,000,000: beyond it a figure is a bug's, not a drawer's
MoveKind = Literal["pay_in", "pay_out", "stored_value_refund", "overdraft_collected"]
MOVED_OUT: Final = ("pay_out", "stored_value_refund")


class DrawerOpened(Lenient):
    id: Id
    business_day: date
    opened_at: Moment
    opened_by: Id
    opening_float: Fen = Field(ge=0, le=MOST_FEN)


class DrawerCashMoved(Lenient):
    """Cash into or out of the drawer other than by a sale, void or refund. `session_id` None:
    the counter had no session open (a stored-value refund paid in cash, say)."""

    id: Id
    session_id: Id | None = None
    business_day: date
    at: Moment
    kind: MoveKind
    amount: Fen = Field(gt=0, le=MOST_FEN)
    reason: str = Field(default="", max_length=200)
    staff_id: Id | None = None
    approved_by: Id | None = None
    customer_id: Id | None = None


class DrawerClosed(Lenient):
    """The count (`counts`: denomination in fen → pieces) and the figures as the counter worked
    them out: expected = float + cash_sales − cash_back + moved_in − moved_out."""

    session_id: Id
    closed_at: Moment
    closed_by: Id
    counts: dict[int, int] = Field(max_length=20)
    counted: Fen = Field(ge=0, le=MOST_FEN)
    expected: Fen = Field(ge=-MOST_FEN, le=MOST_FEN)
    variance: Fen = Field(ge=-MOST_FEN, le=MOST_FEN)
    cash_sales: Fen = Field(ge=0, le=MOST_FEN)
    cash_back: Fen = Field(ge=0, le=MOST_FEN)
    moved_in: Fen = Field(ge=0, le=MOST_FEN)
    moved_out: Fen = Field(ge=0, le=MOST_FEN)
    blind: bool = False
    reason: str = Field(default="", max_length=200)
    approved_by: Id | None = None
    first_counted: Fen | None = Field(default=None, ge=0, le=MOST_FEN)


class DrawerMovementData(DrawerCashMoved):
    """A movement in the change feed: the counter whose drawer it went through."""

    device_id: Id | None = None


class DrawerSessionData(DrawerOpened):
    """A session in the change feed, as it stands: its counter, its movements, its close (None
    while open), and the expected cash the server worked out from its own rows when that
    differs from the counter's (docs/drawer.md)."""

    device_id: Id
    movements: list[DrawerMovementData] = Field(default_factory=list, max_length=10_000)
    close: DrawerClosed | None = None
    server_expected: Fen | None = None


FAMILY = Family(
    name="drawer",
    operations=(
        OperationKind(DRAWER_OPENED, {1: DrawerOpened}, changes=(CHANGE_DRAWER_SESSION,)),
        OperationKind(
            DRAWER_CASH_MOVED,
            {1: DrawerCashMoved},
            changes=(CHANGE_DRAWER_SESSION, CHANGE_DRAWER_MOVEMENT),
        ),
        OperationKind(DRAWER_CLOSED, {1: DrawerClosed}, changes=(CHANGE_DRAWER_SESSION,)),
    ),
    changes=(
        ChangeKind(CHANGE_DRAWER_SESSION, DrawerSessionData, history=True),
        ChangeKind(CHANGE_DRAWER_MOVEMENT, DrawerMovementData, history=True),
    ),
)
