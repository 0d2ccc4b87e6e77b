"""customer.created and customer.updated: per-field last writer wins by HLC stamp, both values
kept in history, notes append-only, duplicates by phone flagged but never merged by themselves."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select, update

from salon_pos.domain.customer_profile import (
    LIST_FIELDS,
    PROFILE_FIELDS,
    SEALED_FIELDS,
    checked_field,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.sealed import is_sealed
from sync.operations.customers import (
    CHANGE_CUSTOMER,
    CLOCK_AHEAD,
    CUSTOMER_CREATED,
    CUSTOMER_UPDATED,
    DUPLICATE_CUSTOMER,
    FIELD_OVERWRITTEN,
    CustomerCreatedV2,
    CustomerUpdated,
)
from sync.server import models
from sync.server.batch import Rejected
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles
from sync.server.stamps import canonical_stamp, stamp_after

CUSTOMER = models.table_of(models.Customer)
HISTORY = models.table_of(models.CustomerFieldHistory)
BASE_FIELDS = ("name", "phone", "gender", "birthday", "notes")
FIELDS = (*BASE_FIELDS, *PROFILE_FIELDS)
LIMITS = {"name": 64, "phone": 20, "notes": 10_000}  # of one edit; merged notes may grow past it
_PLAIN = ("id", "name", "phone", "gender", "notes", "merged_into", *PROFILE_FIELDS)


def customer_data(row: dict[str, Any]) -> dict[str, Any]:
    """A customer as the change feed sends it (docs/sync.md): allergies and health notes as
    the counters sealed them."""
    data = {name: row[name] for name in _PLAIN}
    birthday = row["birthday"]
    data["birthday"] = birthday.isoformat() if birthday else None
    for name in ("stamps", *LIST_FIELDS):
        value = row[name]
        data[name] = load_json(value) if isinstance(value, str) else value
    data["has_allergies"] = bool(data["has_allergies"])
    data["tier"] = row.get("tier")
    return data


def load_customer(ctx: OpContext, customer_id: str) -> dict[str, Any]:
    found = ctx.connection.execute(select(CUSTOMER).where(CUSTOMER.c.id == customer_id))
    row = found.mappings().first()
    same_store(ctx, None if row is None else row["store_id"], "customer")
    assert row is not None
    return dict(row)


def save_customer(ctx: OpContext, row: dict[str, Any], values: dict[str, Any]) -> None:
    """Update a stored customer and send the whole profile down."""
    ctx.connection.execute(update(CUSTOMER).where(CUSTOMER.c.id == row["id"]).values(values))
    row.update(values)
    ctx.writer.change(CHANGE_CUSTOMER, row["id"], customer_data(row), ctx.device_id)


def server_stamp(ctx: OpContext, above: str) -> str:
    """A stamp of the server's own edit, after `above` and not behind the server's clock."""
    return stamp_after(ctx.now, above)


def history(
    ctx: OpContext, customer_id: str, field: str, value: Any, stamp: str, lost: bool
) -> None:
    ctx.writer.add(
        HISTORY,
        {
            "customer_id": customer_id,
            "field": field,
            "value": dump_json(value),
            "stamp": stamp,
            "op_id": ctx.op.id,
            "superseded": lost,
            "at": ctx.now,
        },
    )


def _checked_stamp(ctx: OpContext, stamp: str, customer_id: str) -> tuple[str, list[str]]:
    """The stamp in canonical form, clamped (and flagged) when it is ahead of the server."""
    checked, clamped = canonical_stamp(stamp, ctx.now)
    if not clamped:
        return checked, []
    details = {"customer_id": customer_id, "stamp": stamp, "clamped_to": checked}
    conflict_id = ctx.writer.conflict(
        CLOCK_AHEAD, CHANGE_CUSTOMER, customer_id, [ctx.op.id], details, ctx.device_id
    )
    return checked, [conflict_id]


def field_value(field: str, value: Any) -> Any:
    """A field's value in wire form, checked: the profile's by the counter's own rule, the
    sealed ones only for their form (the server never needs their text to merge them)."""
    if field in SEALED_FIELDS:
        if not is_sealed(value):
            raise Rejected(f"{field} is not sealed")
        return value
    if field in PROFILE_FIELDS:
        try:
            return checked_field(field, value)
        except UserError as error:
            raise Rejected(f"{field}: {error.text('en')}") from None
    if field == "birthday":
        if value is None:
            return None
        try:
            return date.fromisoformat(value).isoformat()
        except (TypeError, ValueError):
            raise Rejected("birthday is not a date") from None
    if not isinstance(value, str):
        raise Rejected(f"{field} is not text")
    if field == "gender" and value not in ("", "F", "M"):
        raise Rejected("gender is not one of '', F, M")
    if field in ("name", "phone") and not value:
        raise Rejected(f"{field} is empty")
    if len(value) > LIMITS.get(field, 1):
        raise Rejected(f"{field} is too long")
    return value


def stored(field: str, value: Any) -> Any:
    if field in LIST_FIELDS:
        return dump_json(value)
    return date.fromisoformat(value) if field == "birthday" and value else value


@handles(CUSTOMER_CREATED, reads=False, writes=(CUSTOMER, HISTORY))
def customer_created(ctx: OpContext, new: CustomerCreatedV2) -> list[str]:
    """Reads only through the batch's cache (apply.prefetch), so a first push of a year's
    customers is written in bulk instead of flushing before each one."""
    if new.id in ctx.cache.customers:
        existing = ctx.cache.customers[new.id]
    else:
        found = select(CUSTOMER.c.store_id).where(CUSTOMER.c.id == new.id)
        existing = ctx.connection.execute(found).scalar()
    if existing is not None:
        same_store(ctx, existing, "customer")
        return []  # created before (under another operation): the first one stands
    values = {  # every check that can reject comes before anything is written
        f: field_value(f, v) for f, v in new.model_dump(mode="json", include=set(FIELDS)).items()
    }
    stamp, conflicts = _checked_stamp(ctx, new.hlc, new.id)
    row: dict[str, Any] = {f: stored(f, v) for f, v in values.items()}
    row.update(
        id=new.id,
        store_id=ctx.store_id,
        stamps=dump_json(dict.fromkeys(FIELDS, stamp)),
        merged_into=None,
        created_at=ctx.now,
    )
    ctx.writer.add(CUSTOMER, row)
    ctx.cache.customers[new.id] = ctx.store_id
    for field, value in values.items():
        if field in BASE_FIELDS or value not in ("", None, [], False):  # a profile left empty
            history(ctx, new.id, field, value, stamp, lost=False)
    ctx.writer.change(CHANGE_CUSTOMER, new.id, customer_data(row), ctx.device_id)
    return conflicts + _duplicate_phone(ctx, new)


def phone_holder_query(store_id: str, phones: list[str]) -> Select[tuple[str, str]]:
    """Per phone, the oldest customer of the store holding it (not merged into another)."""
    ranked = (
        select(
            CUSTOMER.c.phone,
            CUSTOMER.c.id,
            func.row_number()
            .over(partition_by=CUSTOMER.c.phone, order_by=(CUSTOMER.c.created_at, CUSTOMER.c.id))
            .label("rank"),
        )
        .where(CUSTOMER.c.store_id == store_id, CUSTOMER.c.phone.in_(phones))
        .where(CUSTOMER.c.merged_into.is_(None))
        .subquery()
    )
    return select(ranked.c.phone, ranked.c.id).where(ranked.c.rank == 1)


def _duplicate_phone(ctx: OpContext, new: CustomerCreatedV2) -> list[str]:
    holders = ctx.cache.phone_holders
    if new.phone not in holders:
        found = ctx.connection.execute(phone_holder_query(ctx.store_id, [new.phone])).first()
        holders[new.phone] = found.id if found is not None else None
    older = holders[new.phone]
    if older is None or older == new.id:
        holders[new.phone] = new.id
        return []
    details = {"customer_id": new.id, "other_customer_id": older, "phone": new.phone}
    conflict_id = ctx.writer.conflict(
        DUPLICATE_CUSTOMER, CHANGE_CUSTOMER, new.id, [ctx.op.id], details, ctx.device_id
    )
    return [conflict_id]


@handles(CUSTOMER_UPDATED, reads=True, writes=(CUSTOMER, HISTORY))
def customer_updated(ctx: OpContext, edit: CustomerUpdated) -> list[str]:
    unknown = sorted(set(edit.changed) - set(FIELDS))
    if unknown:
        raise Rejected(f"unknown customer fields: {', '.join(unknown)[:200]}")
    values = {f: field_value(f, v) for f, v in edit.changed.items()}
    if "phone" in values:
        ctx.cache.phone_holders.clear()  # who holds which phone may change: read afresh
    row = load_customer(ctx, edit.id)
    stamp, conflicts = _checked_stamp(ctx, edit.hlc, edit.id)
    stamps: dict[str, str] = load_json(row["stamps"])
    held = customer_data(row)
    updates: dict[str, Any] = {}
    for field, value in values.items():
        if field == "notes":
            updates.update(_appended_notes(ctx, edit, held, value, stamp, stamps))
            continue
        wins = stamp > stamps.get(field, "")
        history(ctx, edit.id, field, value, stamp, lost=not wins)
        if field in edit.before and edit.before[field] != held[field] and value != held[field]:
            conflicts.append(_overwritten(ctx, edit.id, field, held, stamps, value, stamp, wins))
        if wins:
            updates[field] = stored(field, value)
            stamps[field] = stamp
    if updates:
        save_customer(ctx, row, {**updates, "stamps": dump_json(stamps)})
    return conflicts


def _appended_notes(
    ctx: OpContext,
    edit: CustomerUpdated,
    held: dict[str, Any],
    value: str,
    stamp: str,
    stamps: dict[str, str],
) -> dict[str, Any]:
    """Notes only grow: what the counter added is appended; nothing held is removed."""
    base = edit.before.get("notes", held["notes"])
    base = base if isinstance(base, str) else ""
    added = value[len(base) :] if value.startswith(base) else value
    if not added.strip():
        return {}
    history(ctx, edit.id, "notes", added, stamp, lost=False)
    notes = held["notes"]
    separator = "\n" if notes and not notes.endswith("\n") and not added.startswith("\n") else ""
    stamps["notes"] = max(stamp, stamps.get("notes", ""))
    return {"notes": notes + separator + added}  # whole: append-only means nothing is cut


def _overwritten(
    ctx: OpContext,
    customer_id: str,
    field: str,
    held: dict[str, Any],
    stamps: dict[str, str],
    value: Any,
    stamp: str,
    wins: bool,
) -> str:
    """Two counters edited the same field: the higher stamp won; record both for a person."""
    server = {"value": held[field], "stamp": stamps.get(field, "")}
    incoming = {"value": value, "stamp": stamp}
    winner, loser = (incoming, server) if wins else (server, incoming)
    details = {"customer_id": customer_id, "field": field, "winner": winner, "loser": loser}
    return ctx.writer.conflict(
        FIELD_OVERWRITTEN, CHANGE_CUSTOMER, customer_id, [ctx.op.id], details, ctx.device_id
    )
