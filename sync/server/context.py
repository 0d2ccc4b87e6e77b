"""What a handler gets: the operation, the batch's writer, and what was prefetched for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from sync.server.batch import BatchWriter, Rejected
from sync.wire import Operation

MAX_FEN = 10**12  # ten billion yuan: beyond it a number is a fuzzer's or a bug's, not a sale


@dataclass
class BatchCache:
    """Read once per batch: server catalog prices of the items sold, and tickets already known
    (id → (store id, id of the operation that recorded it))."""

    prices: dict[str, int] = field(default_factory=dict)
    tickets: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Customers created in the batch: id → store (None: not on file), and phone → the oldest
    # customer of the store holding it (None: nobody). Kept up to date as the batch creates
    # customers; a handler that may change who holds a phone clears `phone_holders`.
    customers: dict[str, str | None] = field(default_factory=dict)
    phone_holders: dict[str, str | None] = field(default_factory=dict)
    # Catalog ids sold that are aliases of another item (two counters created it offline):
    # alias → the item kept. Lines are recorded against the item kept.
    aliases: dict[str, str] = field(default_factory=dict)
    # Member balances looked at in the batch: (customer, account, card or "") → balance with
    # what the batch holds to write, and the latest spend of each ((ticket id, number), device).
    # Cleared when an operation is rewound: `handlers.members.balance` reads them again.
    balances: dict[tuple[str, str, str], int] = field(default_factory=dict)
    last_spends: dict[tuple[str, str, str], tuple[Any, str | None]] = field(default_factory=dict)
    # Customers whose every account `balances` holds (apply.prefetch read them all at once, and
    # each entry the batch records keeps them current): an account missing there is at zero.
    ledgers: set[str] = field(default_factory=set)
    # Of `ledgers`, the customers with a points expiry on record or recorded by the batch: only
    # theirs can need an expiry corrected (handlers.members.expiry_corrections).
    expiring: set[str] = field(default_factory=set)
    # Stock on hand per product of the store as the batch stands (stored with what the batch
    # holds to write), from apply.prefetch for the products the batch moves, and the latest
    # earlier take of each ((document number, device)): handlers.inventory.record_movements.
    # Cleared with the balances when an operation is rewound.
    stock: dict[str, int] = field(default_factory=dict)
    last_takes: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    # Of `stock`'s products, those whose stock the store keeps: something was ever put in
    # (received, counted, transferred in, adjusted); only theirs can go below zero.
    kept: set[str] = field(default_factory=set)
    # The latest posted count of each product of the store: product → (when counted, the
    # stocktake); read at the first need of the batch (handlers.stock_marks).
    count_marks: dict[str, tuple[datetime, str]] | None = None

    # Customers whose sales, voids or refunds the batch applied: their tier is worked out
    # again after the batch (tiers.refresh_tiers).
    standing_changed: set[str] = field(default_factory=set)
    # Days the batch closed (day → the close's seq) and the sales, voids and refunds it applied
    # by business day: closed days get the server's figures after the batch, and what reached
    # a day closed before it amends it (handlers.day_close.settle_closed_days).
    closes: dict[date, int] = field(default_factory=dict)
    days_touched: dict[date, list[dict[str, Any]]] = field(default_factory=dict)

    def forget_balances(self) -> None:
        self.balances.clear()
        self.last_spends.clear()
        self.ledgers.clear()
        self.expiring.clear()
        self.stock.clear()
        self.last_takes.clear()
        self.kept.clear()
        self.count_marks = None


@dataclass
class OpContext:
    writer: BatchWriter
    cache: BatchCache
    op: Operation
    now: datetime
    # Run by the server itself (a decision taken in the web console): no device is the origin
    # of its changes, so every counter of the store pulls them.
    at_server: bool = False

    @property
    def connection(self) -> Connection:
        return self.writer.connection

    @property
    def store_id(self) -> str:
        return self.writer.store_id

    @property
    def device_id(self) -> str | None:
        return None if self.at_server else self.op.device_id


Handler = Callable[[OpContext, Any], list[str]]


def check_fen(*amounts: int) -> None:
    if amounts and max(map(abs, amounts)) > MAX_FEN:  # on every line of every sale: keep it lean
        raise Rejected("amount out of range")


def same_store(ctx: OpContext, store_id: str | None, what: str) -> None:
    if store_id is None or store_id != ctx.store_id:
        # The same words either way: a device must not learn what other stores hold.
        raise Rejected(f"unknown {what}")
