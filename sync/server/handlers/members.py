"""Member ledgers at the server: entries recorded as the counters made them (by their ids, so a
replay adds none), package cards and plans, and the overdraft a balance spent on two counters
while apart leaves: the sale stands, the shortfall is a conflict (docs/adr/0009)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select, update

from salon_pos.domain.points_expiry import EXPIRE, PointsEntry, due_expiries
from sync.operations.members import (
    CHANGE_BALANCE_ENTRY,
    CHANGE_PACKAGE_CARD,
    CHANGE_PACKAGE_PLAN,
    OVERDRAFT,
    PACKAGE_PLAN_SAVED,
    POINTS_ADJUSTED,
    POINTS_EXPIRED,
    STORED_VALUE_REFUNDED,
    BalanceEntryPayload,
    PackageCardPayload,
    PackagePlanSaved,
    PointsAdjusted,
    PointsExpired,
    StoredValueRefunded,
)
from sync.server import models
from sync.server.batch import Rejected, new_server_id
from sync.server.context import OpContext, check_fen, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles

BALANCE = models.table_of(models.BalanceEntry)
CARD = models.table_of(models.PackageCard)
PLAN = models.table_of(models.PackagePlan)
SETTINGS = models.table_of(models.StoreSettings)
TICKET = models.table_of(models.Ticket)
Key = tuple[str, str, str]  # customer, account, card ("" for none)


def _key(customer_id: str, account: str, card_id: str | None) -> Key:
    return (customer_id, account, card_id or "")


def entry_data(row: dict[str, Any]) -> dict[str, Any]:
    """An entry as the change feed sends it."""
    data = {k: row[k] for k in ("id", "customer_id", "account", "card_id", "amount", "reason")}
    data |= {k: row[k] for k in ("ticket_id", "line_id", "note", "device_id")}
    return data | {"created_at": row["created_at"].isoformat()}


def prefetch_balances(connection: Any, store_id: str, customers: set[str]) -> dict[Key, int]:
    """Every account of these customers, stored: one grouped query for a batch (apply.prefetch)
    instead of one a first look at each account."""
    found = connection.execute(
        select(
            BALANCE.c.customer_id, BALANCE.c.account, BALANCE.c.card_id, func.sum(BALANCE.c.amount)
        )
        .where(BALANCE.c.store_id == store_id, BALANCE.c.customer_id.in_(sorted(customers)))
        .group_by(BALANCE.c.customer_id, BALANCE.c.account, BALANCE.c.card_id)
    )
    return {_key(customer, account, card): int(total) for customer, account, card, total in found}


def prefetch_expiring(connection: Any, store_id: str, customers: set[str]) -> set[str]:
    """Of these customers, those with a points expiry on record (one query a batch)."""
    found = connection.execute(
        select(BALANCE.c.customer_id)
        .where(
            BALANCE.c.store_id == store_id,
            BALANCE.c.customer_id.in_(sorted(customers)),
            BALANCE.c.reason == EXPIRE,
        )
        .distinct()
    )
    return set(found.scalars())


def balance(ctx: OpContext, key: Key) -> int:
    """The balance of one account as the batch stands: what is stored, with what the batch
    holds to write; kept in the batch's cache from the first look (or from the batch's start,
    for the customers whose entries it carries)."""
    if key[0] in ctx.cache.ledgers:
        return ctx.cache.balances.get(key, 0)
    if key not in ctx.cache.balances:
        customer, account, card = key
        stored = ctx.connection.execute(
            select(func.coalesce(func.sum(BALANCE.c.amount), 0)).where(
                BALANCE.c.store_id == ctx.store_id,
                BALANCE.c.customer_id == customer,
                BALANCE.c.account == account,
                BALANCE.c.card_id.is_(None) if not card else BALANCE.c.card_id == card,
            )
        ).scalar()
        pending = sum(
            row["amount"]
            for row in ctx.writer.rows[BALANCE]
            if _key(row["customer_id"], row["account"], row["card_id"]) == key
        )
        ctx.cache.balances[key] = int(stored or 0) + pending
    return ctx.cache.balances[key]


def record_entries(
    ctx: OpContext,
    entries: Sequence[BalanceEntryPayload],
    ticket: tuple[str, str] | None = None,
) -> list[str]:
    """Write the entries and their changes; answer the overdraft conflicts they leave (one per
    account they take below zero). `ticket`: (id, number) of the sale that spent."""
    check_fen(*(entry.amount for entry in entries))
    entries = [*expiry_corrections(ctx, entries), *entries]
    deltas: dict[Key, int] = {}
    for entry in entries:
        key = _key(entry.customer_id, entry.account, entry.card_id)
        deltas[key] = deltas.get(key, 0) + entry.amount
    before = {key: balance(ctx, key) for key, delta in deltas.items() if delta < 0}
    for entry in entries:
        row = entry.model_dump() | {
            "store_id": ctx.store_id,
            "device_id": ctx.device_id,
            "op_id": ctx.op.id,
        }
        ctx.writer.add(BALANCE, row)
        ctx.writer.change(CHANGE_BALANCE_ENTRY, entry.id, entry_data(row), ctx.device_id)
    for key, delta in deltas.items():
        if key in ctx.cache.balances or key[0] in ctx.cache.ledgers:
            ctx.cache.balances[key] = ctx.cache.balances.get(key, 0) + delta
    ctx.cache.expiring |= {e.customer_id for e in entries if e.reason == EXPIRE}
    conflicts = []
    for key, was in before.items():
        now = was + deltas[key]
        if now < 0:
            shortfall = min(-deltas[key], -now)
            conflicts.append(_overdraft(ctx, key, shortfall, now, ticket))
        ctx.cache.last_spends[key] = (ticket, ctx.device_id)
    return conflicts


def expiry_corrections(
    ctx: OpContext, entries: Sequence[BalanceEntryPayload]
) -> list[BalanceEntryPayload]:
    """Expiries recorded too large, corrected before `entries` take points: a counter that
    expired a lot while a spend made on another counter before the expiry had not reached it
    expired the points that spend took (domain/points_expiry.py). Without this the spend, or
    the expiry arriving after it, would take the balance below zero: an overdraft nobody made.
    Only lots with an expiry on record are corrected (the counters write expiries), at the
    store's validity (or, not set store-wide, the one those expiries were written with);
    each correction's id is the one a counter holding the same entries computes, so it is
    recorded once."""
    customers = {
        e.customer_id
        for e in entries
        if e.account == "points" and (e.amount < 0 or e.reason == EXPIRE)
    }
    corrections = []
    for customer in sorted(customers):
        expiring = customer in ctx.cache.expiring or any(
            e.customer_id == customer and e.reason == EXPIRE for e in entries
        )
        if customer in ctx.cache.ledgers and not expiring:
            continue  # no expiry of theirs on record: nothing to correct (apply.prefetch)
        held = _points_of(ctx, customer, entries)
        expiries = [e for e in held if e.reason == EXPIRE and e.lot]
        lots = {e.id: e for e in held if e.reason != EXPIRE}
        lot = next((lots[e.lot] for e in expiries if e.lot in lots), None)
        if lot is None:
            continue
        days = _valid_days(ctx)
        if days is None:  # the counters' own setting: the one they wrote the expiry with
            expiry = next(e for e in expiries if e.lot == lot.id)
            days = round((expiry.created_at - lot.created_at).total_seconds() / 86400)
        now = max([ctx.now, *(e.created_at for e in held)])
        recorded = {e.lot for e in expiries}
        corrections += [
            BalanceEntryPayload(
                id=due.id,
                customer_id=customer,
                account="points",
                amount=due.amount,
                reason="expire",
                line_id=due.lot,
                created_at=due.at,
            )
            for due in due_expiries(held, now, days)
            if due.lot in recorded
        ]
    return corrections


def _valid_days(ctx: OpContext) -> int | None:
    """The store's points validity, when it is set store-wide."""
    data = ctx.connection.execute(
        select(SETTINGS.c.data).where(SETTINGS.c.store_id == ctx.store_id)
    ).scalar()
    held = load_json(data).get("points_valid_days") if data else None
    return int(held) if held is not None else None


def _points_of(
    ctx: OpContext, customer: str, entries: Sequence[BalanceEntryPayload]
) -> list[PointsEntry]:
    """The customer's points entries: stored, held by the batch to write, and `entries`."""
    columns = (BALANCE.c.id, BALANCE.c.amount, BALANCE.c.reason, BALANCE.c.created_at,
               BALANCE.c.line_id)  # fmt: skip
    stored = ctx.connection.execute(
        select(*columns).where(
            BALANCE.c.store_id == ctx.store_id,
            BALANCE.c.customer_id == customer,
            BALANCE.c.account == "points",
        )
    )
    found = {row.id: PointsEntry(*row) for row in stored}
    for row in ctx.writer.rows[BALANCE]:
        if row["customer_id"] == customer and row["account"] == "points":
            found[row["id"]] = PointsEntry(
                row["id"], row["amount"], row["reason"], row["created_at"], row["line_id"]
            )
    for e in entries:
        if e.customer_id == customer and e.account == "points":
            found[e.id] = PointsEntry(e.id, e.amount, e.reason, e.created_at, e.line_id)
    return list(found.values())


def _overdraft(
    ctx: OpContext, key: Key, shortfall: int, now: int, ticket: tuple[str, str] | None
) -> str:
    customer, account, card = key
    earlier, earlier_device = ctx.cache.last_spends.get(key) or _last_spend(ctx, key)
    spends = [(t, d) for t, d in ((earlier, earlier_device), (ticket, ctx.device_id)) if t]
    details = {
        "customer_id": customer,
        "account": account,
        "card_id": card or None,
        "shortfall": shortfall,
        "balance": now,
        "ticket_ids": [t[0] for t, _ in spends],
        "numbers": [t[1] for t, _ in spends],
        "stamps": sorted({d for t, d in spends if d}),
        "op_type": ctx.op.type,
    }
    return ctx.writer.conflict(OVERDRAFT, "customer", customer, [ctx.op.id], details, ctx.device_id)


def _last_spend(ctx: OpContext, key: Key) -> tuple[tuple[str, str] | None, str | None]:
    """The latest earlier spend of the account that names a ticket: (id, number), device."""
    customer, account, card = key
    for row in reversed(ctx.writer.rows[BALANCE]):
        spent = row["amount"] < 0 and row["ticket_id"] and row["op_id"] != ctx.op.id
        if spent and _key(row["customer_id"], row["account"], row["card_id"]) == key:
            return (row["ticket_id"], _number(ctx, row["ticket_id"])), row["device_id"]
    found = ctx.connection.execute(
        select(BALANCE.c.ticket_id, BALANCE.c.device_id)
        .where(
            BALANCE.c.store_id == ctx.store_id,
            BALANCE.c.customer_id == customer,
            BALANCE.c.account == account,
            BALANCE.c.card_id.is_(None) if not card else BALANCE.c.card_id == card,
            BALANCE.c.amount < 0,
            BALANCE.c.ticket_id.is_not(None),
        )
        .order_by(BALANCE.c.created_at.desc())
        .limit(1)
    ).first()
    if found is None:
        return None, None
    return (found.ticket_id, _number(ctx, found.ticket_id)), found.device_id


def _number(ctx: OpContext, ticket_id: str) -> str:
    for row in ctx.writer.rows[TICKET]:
        if row["id"] == ticket_id:
            return str(row["number"])
    found = ctx.connection.execute(select(TICKET.c.number).where(TICKET.c.id == ticket_id))
    return str(found.scalar() or "")


def record_cards(ctx: OpContext, cards: Iterable[PackageCardPayload]) -> None:
    for card in cards:
        row = card.model_dump() | {
            "store_id": ctx.store_id,
            "op_id": ctx.op.id,
            "service_ids": dump_json(card.service_ids),
        }
        ctx.writer.add(CARD, row)
        data = card.model_dump(mode="json")
        ctx.writer.change(CHANGE_PACKAGE_CARD, card.id, data, ctx.device_id)


def settle_overdraft(ctx: OpContext, details: dict[str, Any], reason: str, note: str) -> None:
    """A manager's decision on an overdraft: the shortfall collected or written off, as one
    entry that brings the account back by it — never above zero (a void since may have paid
    part or all of it back)."""
    key = _key(details["customer_id"], details["account"], details.get("card_id"))
    amount = min(int(details["shortfall"]), max(0, -balance(ctx, key)))
    if amount <= 0:
        return
    entry = BalanceEntryPayload(
        id=new_server_id(),
        customer_id=details["customer_id"],
        account=details["account"],
        card_id=details.get("card_id"),
        amount=amount,
        reason=reason,  # type: ignore[arg-type]
        created_at=ctx.now,
        note=note[:500],
    )
    record_entries(ctx, [entry])


def beyond_the_sale(
    ctx: OpContext, ticket_id: str, entries: Sequence[BalanceEntryPayload]
) -> list[BalanceEntryPayload]:
    """Entries that take back what `entries` (a void's or refund's, just recorded) undid
    beyond what the sale itself did, account by account: two counters that voided or refunded
    one ticket while apart both gave its stored value back. Made at the server; every counter
    pulls them."""
    rows = ctx.connection.execute(
        select(BALANCE.c.customer_id, BALANCE.c.account, BALANCE.c.card_id, BALANCE.c.reason,
               BALANCE.c.amount)
        .where(BALANCE.c.store_id == ctx.store_id, BALANCE.c.ticket_id == ticket_id)
    ).all()  # fmt: skip
    pending = [
        (r["customer_id"], r["account"], r["card_id"], r["reason"], r["amount"])
        for r in ctx.writer.rows[BALANCE]
        if r["ticket_id"] == ticket_id
    ]
    made: dict[Key, int] = {}
    undone: dict[Key, int] = {}
    for customer, account, card, reason, amount in [*rows, *pending]:
        into = undone if reason in ("reverse", "clash") else made
        key = _key(customer, account, card)
        into[key] = into.get(key, 0) + int(amount)
    again = []
    for key, did in made.items():
        excess = undone.get(key, 0) + did  # 0 when exactly undone; beyond: the sign of -did
        if did and excess and (excess > 0) != (did > 0):
            customer, account, card = key
            again.append(
                BalanceEntryPayload(
                    id=new_server_id(),
                    customer_id=customer,
                    account=account,  # type: ignore[arg-type]
                    card_id=card or None,
                    amount=-excess,
                    reason="clash",
                    ticket_id=ticket_id,
                    created_at=ctx.now,
                    note="voided or refunded twice while apart: taken back once",
                )
            )
    return again


@handles(PACKAGE_PLAN_SAVED, reads=True, writes=(PLAN,))
def package_plan_saved(ctx: OpContext, plan: PackagePlanSaved) -> list[str]:
    check_fen(plan.price)
    found = ctx.connection.execute(select(PLAN).where(PLAN.c.id == plan.id)).mappings().first()
    row = plan.model_dump() | {"store_id": ctx.store_id, "service_ids": dump_json(plan.service_ids)}
    if found is None:
        ctx.writer.add(PLAN, row)
    else:
        same_store(ctx, found["store_id"], "package plan")
        if found["hlc"] >= plan.hlc:
            return []  # a later edit is held: it stands, and counters have it
        ctx.connection.execute(update(PLAN).where(PLAN.c.id == plan.id).values(row))
    ctx.writer.change(CHANGE_PACKAGE_PLAN, plan.id, plan.model_dump(mode="json"), ctx.device_id)
    return []


def plan_data(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "service_ids": load_json(row["service_ids"])}


def _entries_of_one_customer(customer_id: str, entries: Sequence[BalanceEntryPayload]) -> None:
    if any(entry.customer_id != customer_id for entry in entries):
        raise Rejected("an entry is of another customer")


@handles(POINTS_ADJUSTED, reads=True, writes=(BALANCE,))
def points_adjusted(ctx: OpContext, adjusted: PointsAdjusted) -> list[str]:
    _entries_of_one_customer(adjusted.customer_id, adjusted.entries)
    if any(e.account != "points" or e.reason != "adjust" for e in adjusted.entries):
        raise Rejected("a points adjustment holds only points adjusted")
    return record_entries(ctx, adjusted.entries)


@handles(POINTS_EXPIRED, reads=True, writes=(BALANCE,))
def points_expired(ctx: OpContext, expired: PointsExpired) -> list[str]:
    """Expiries are recorded once by id: two counters (or one again) that expired the same
    lot computed the same id. One written too large is corrected in the same batch
    (expiry_corrections); what still takes the points below zero is a real debt (a void or
    refund, on a counter that did not know, took back points that had expired before it) and
    an overdraft like any other."""
    _entries_of_one_customer(expired.customer_id, expired.entries)
    if any(e.account != "points" or e.reason != "expire" or not e.line_id for e in expired.entries):
        raise Rejected("a points expiry holds only points expired, each naming its lot")
    ids = [e.id for e in expired.entries]
    held = set(
        ctx.connection.execute(
            select(BALANCE.c.id).where(BALANCE.c.id.in_(ids))  # ids are unique across stores
        ).scalars()
    )
    held |= {row["id"] for row in ctx.writer.rows[BALANCE] if row["id"] in ids}
    fresh, seen = [], set(held)
    for entry in expired.entries:
        if entry.id not in seen:
            seen.add(entry.id)
            fresh.append(entry)
    return record_entries(ctx, fresh) if fresh else []


@handles(STORED_VALUE_REFUNDED, reads=True, writes=(BALANCE,))
def stored_value_refunded(ctx: OpContext, refunded: StoredValueRefunded) -> list[str]:
    _entries_of_one_customer(refunded.customer_id, refunded.entries)
    if any(
        e.account not in ("principal", "bonus") or e.reason != "refund_out" or e.amount > 0
        for e in refunded.entries
    ):
        raise Rejected("a stored-value refund only takes principal and bonus out")
    return record_entries(ctx, refunded.entries)
