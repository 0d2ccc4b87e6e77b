"""staff.saved and catalog.item_saved: upserts. Normally edited at the server, but a counter
may seed them (the first counter of a store brings its catalog)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
    CHANGE_CATALOG_ITEM,
    CHANGE_STAFF,
    STAFF_SAVED,
    CatalogItemSaved,
    StaffSaved,
)
from sync.server import models
from sync.server.batch import BatchWriter
from sync.server.context import OpContext, check_fen, same_store
from sync.server.db import dump_json
from sync.server.handlers.registry import handles

CATALOG = models.table_of(models.CatalogItem)
STAFF = models.table_of(models.StaffMember)


def upsert(connection: Connection, table: Table, row: dict[str, Any]) -> str | None:
    """Insert or update by id; the store of an existing row, or None when it was new."""
    holder = connection.execute(select(table.c.store_id).where(table.c.id == row["id"])).scalar()
    if holder is None:
        connection.execute(insert(table).values(row))
    elif holder == row["store_id"]:
        connection.execute(update(table).where(table.c.id == row["id"]).values(row))
    return holder


def save_catalog_item(
    writer: BatchWriter, item: CatalogItemSaved, origin: str | None
) -> str | None:
    """Upsert the item and send it down; answers the store of an existing item of that id."""
    data = item.model_dump(mode="json")
    row = {
        "id": item.id,
        "store_id": writer.store_id,
        "kind": item.kind,
        "category": item.category,
        "name": item.name,
        "price": item.price,
        "data": dump_json(data),
        "updated_at": writer.now,
    }
    holder = upsert(writer.connection, CATALOG, row)
    if holder in (None, writer.store_id):
        writer.change(CHANGE_CATALOG_ITEM, item.id, data, origin)
    return holder


@handles(CATALOG_ITEM_SAVED, reads=True, writes=(CATALOG,))
def catalog_item_saved(ctx: OpContext, item: CatalogItemSaved) -> list[str]:
    check_fen(item.price, item.cost)
    holder = ctx.connection.execute(select(CATALOG.c.store_id).where(CATALOG.c.id == item.id))
    store = holder.scalar()
    if store is not None:
        same_store(ctx, store, "catalog item")
    save_catalog_item(ctx.writer, item, ctx.device_id)
    ctx.cache.prices[item.id] = item.price
    return []


@handles(STAFF_SAVED, reads=True, writes=(STAFF,))
def staff_saved(ctx: OpContext, member: StaffSaved) -> list[str]:
    check_fen(member.discount_limit)
    holder = ctx.connection.execute(select(STAFF.c.store_id).where(STAFF.c.id == member.id))
    store = holder.scalar()
    if store is not None:
        same_store(ctx, store, "staff member")
    data = member.model_dump(mode="json")
    row = {
        "id": member.id,
        "store_id": ctx.store_id,
        "name": member.name,
        "role": member.role,
        "pin_hash": member.pin_hash,
        "data": dump_json(data),
        "updated_at": ctx.now,
    }
    upsert(ctx.connection, STAFF, row)
    ctx.writer.change(CHANGE_STAFF, member.id, data, ctx.device_id)
    return []
