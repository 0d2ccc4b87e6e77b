"""staff.saved, catalog.item_saved, store.settings_saved: master data merged per field by
hybrid clock (sync/server/stamps.py). An item created offline at two counters (same sku or
barcode; same category and name for a service) is kept once: the later id becomes an alias of
the first. A new staff member named like another is kept, and flagged. The same functions
serve edits made at the server (sync/server/master_data.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update

from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
    CHANGE_CATALOG_ALIAS,
    CHANGE_CATALOG_ITEM,
    CHANGE_STAFF,
    CHANGE_STORE_SETTINGS,
    DUPLICATE_STAFF,
    STAFF_SAVED,
    STORE_SETTINGS_SAVED,
    CatalogItemData,
    CatalogItemSaved,
    CatalogItemSavedV5,
    StaffSaved,
    StaffSavedV2,
    StoreSettingsSaved,
    store_setting,
)
from sync.server import chain, models
from sync.server.batch import BatchWriter, Rejected
from sync.server.context import OpContext, check_fen
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles
from sync.server.stamps import edit_stamp, merge_fields

CATALOG = models.table_of(models.CatalogItem)
ALIAS = models.table_of(models.CatalogAlias)
STORE_PRICE = models.table_of(models.StorePrice)
STAFF = models.table_of(models.StaffMember)
SETTINGS = models.table_of(models.StoreSettings)
STORE = models.table_of(models.Store)
ITEM_FIELDS = tuple(f for f in CatalogItemData.model_fields if f not in ("id", "stamps"))
# What an item saved before a field existed holds of it.
ITEM_DEFAULTS = {
    "needs_patch_test": False,
    "points_price": 0,
    "unit": "piece",
    "pack_size": 1,
    "needs_expiry": False,
}
STAFF_FIELDS = tuple(f for f in StaffSaved.model_fields if f != "id")
Row = dict[str, Any]


def _fields(changed: list[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if changed is None:
        return known
    unknown = sorted(set(changed) - set(known))
    if unknown:
        raise Rejected(f"unknown fields: {', '.join(unknown)[:200]}")
    return tuple(changed)


# Catalog items


def canonical_item_id(writer: BatchWriter, item_id: str) -> str:
    """The item an id stands for: itself, or the item it is an alias of."""
    found = writer.connection.execute(select(ALIAS.c.item_id).where(ALIAS.c.alias_id == item_id))
    return found.scalar() or item_id


def load_item(writer: BatchWriter, item_id: str) -> Row | None:
    found = writer.connection.execute(select(CATALOG).where(CATALOG.c.id == item_id))
    row = found.mappings().first()
    return None if row is None else dict(row)


def item_data(writer: BatchWriter, row: Row) -> dict[str, Any]:
    """The item as this store's feed sends it: its fields, the store's price where it has one."""
    data: dict[str, Any] = load_json(row["data"]) | {"stamps": load_json(row["stamps"])}
    own = chain.own_price(writer.connection, writer.store_id, row["id"])
    return data if own is None else data | {"price": own[0]}


def _twin(writer: BatchWriter, item: CatalogItemSaved) -> Row | None:
    """An item of the store that is the same one created elsewhere: for a product the same sku
    or barcode, for a service the same category and name. The oldest, if several."""
    same = chain.same_item(item.kind, item.category, item.name, item.sku, item.barcode)
    if same is None:
        return None
    query = (
        select(CATALOG)
        .where(chain.sold_by(writer.store_id), same)
        .order_by(CATALOG.c.updated_at, CATALOG.c.id)
        .limit(1)
    )
    found = writer.connection.execute(query).mappings().first()
    return None if found is None else dict(found)


def _item_row(item: CatalogItemSaved, values: dict[str, Any]) -> Row:
    """The stored columns of an item whose fields are `values`."""
    return {
        "kind": values["kind"],
        "category": values["category"],
        "name": values["name"],
        "price": values["price"],
        "sku": values["sku"] if values["kind"] == "product" else None,
        "barcode": (values["barcode"] or None) if values["kind"] == "product" else None,
        "unit": values.get("unit") or ITEM_DEFAULTS["unit"],
        "pack_size": values.get("pack_size") or ITEM_DEFAULTS["pack_size"],
        "needs_expiry": bool(values.get("needs_expiry", False)),
        "data": dump_json({"id": item.id} | values),
    }


def save_catalog_item(
    writer: BatchWriter, item: CatalogItemSavedV5, origin: str | None
) -> tuple[Row, str | None]:
    """Merge an edit (or a new item) into the store's catalog and send the item down.
    Answers (the item as kept, the alias recorded for it if it was a duplicate)."""
    check_fen(item.price, item.cost)
    fields = _fields(item.changed, ITEM_FIELDS)
    incoming = item.model_dump(mode="json", include=set(ITEM_FIELDS))
    item_id = canonical_item_id(writer, item.id)
    row = load_item(writer, item_id)
    alias = None
    if row is not None and not chain.is_sold_by(writer.connection, row, writer.store_id):
        raise Rejected("unknown catalog item")
    if row is None:
        twin = _twin(writer, item)
        if twin is None:
            stamp = edit_stamp(item.hlc, writer.now, {})
            new = _item_row(item, incoming) | {
                "id": item.id,
                "store_id": writer.store_id,
                "stamps": dump_json(dict.fromkeys(ITEM_FIELDS, stamp)),
                "updated_at": writer.now,
            }
            writer.connection.execute(insert(CATALOG).values(new))
            writer.change(CHANGE_CATALOG_ITEM, item.id, item_data(writer, new), origin)
            return new, None
        row, alias = twin, item.id
        record_alias(writer, item.id, twin, origin)
        if twin["owner_id"] is not None:  # the chain's item: a store's copy changes nothing of it
            writer.change(CHANGE_CATALOG_ITEM, twin["id"], item_data(writer, twin), origin)
            return row, alias
        fields = ITEM_FIELDS  # a second creation: its every field merges by stamp
    if row["owner_id"] is not None and "price" in fields:  # a chain item: the store's own price
        stamp = edit_stamp(item.hlc, writer.now, {})
        chain.save_own_price(
            writer.connection, writer.store_id, row["id"], item.price, stamp, writer.now
        )
        fields = tuple(f for f in fields if f != "price")
    merge_item(writer, row, incoming, fields, item.hlc, origin)
    chain.queue_for_other_stores(writer.connection, row, writer.store_id, writer.now)
    return row, alias


def record_alias(writer: BatchWriter, alias_id: str, kept: Row, origin: str | None) -> None:
    data = {"alias_id": alias_id, "item_id": kept["id"], "kind": kept["kind"]}
    writer.connection.execute(
        insert(ALIAS).values(data | {"store_id": writer.store_id, "created_at": writer.now})
    )
    writer.change(CHANGE_CATALOG_ALIAS, alias_id, data, origin)


def merge_item(
    writer: BatchWriter,
    row: Row,
    incoming: dict[str, Any],
    fields: tuple[str, ...],
    hlc: str,
    origin: str | None,
) -> None:
    """Per field by stamp; the item goes down again even when nothing won, so a counter whose
    edit lost takes the kept value back."""
    stamps: dict[str, str] = load_json(row["stamps"])
    held: dict[str, Any] = load_json(row["data"])
    if incoming["kind"] != row["kind"]:
        raise Rejected("a catalog item cannot change between service and product")
    stamp = edit_stamp(hlc, writer.now, stamps)
    updates = merge_fields(held, stamps, incoming, fields, stamp)
    values = {f: held.get(f, ITEM_DEFAULTS.get(f)) for f in ITEM_FIELDS} | updates
    columns = _item_row(CatalogItemSaved.model_validate({"id": row["id"]} | values), values)
    columns |= {"stamps": dump_json(stamps), "updated_at": writer.now}
    writer.connection.execute(update(CATALOG).where(CATALOG.c.id == row["id"]).values(columns))
    row |= columns
    writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), origin)


@handles(CATALOG_ITEM_SAVED, reads=True, writes=(CATALOG, ALIAS, STORE_PRICE, chain.PUBLISH))
def catalog_item_saved(ctx: OpContext, item: CatalogItemSavedV5) -> list[str]:
    row, alias = save_catalog_item(ctx.writer, item, ctx.device_id)
    price = item_data(ctx.writer, row)["price"]  # the store's own, for a chain item that has one
    ctx.cache.prices[row["id"]] = price
    if alias is not None:  # a sale of the alias later in this batch is a sale of the item
        ctx.cache.prices[alias] = price
        ctx.cache.aliases[alias] = row["id"]
    return []


# Staff


def _staff_data(row: Row) -> dict[str, Any]:
    data: dict[str, Any] = load_json(row["data"]) | {"stamps": load_json(row["stamps"])}
    return data


def save_staff(
    writer: BatchWriter, member: StaffSavedV2, origin: str | None, op_ids: list[str]
) -> list[str]:
    """Merge an edit (or a new member) and send the member down; a new member named like an
    active one of the store is kept, and flagged (duplicate_staff) for a person."""
    check_fen(member.discount_limit)
    fields = _fields(member.changed, STAFF_FIELDS)
    if member.pin_hash is None:  # no new PIN: the one held stays
        fields = tuple(f for f in fields if f != "pin_hash")
    incoming = member.model_dump(mode="json", include=set(STAFF_FIELDS))
    found = writer.connection.execute(select(STAFF).where(STAFF.c.id == member.id))
    held_row = found.mappings().first()
    if held_row is None:
        stamp = edit_stamp(member.hlc, writer.now, {})
        row = {
            "id": member.id,
            "store_id": writer.store_id,
            "name": member.name,
            "role": member.role,
            "pin_hash": member.pin_hash,
            "data": dump_json({"id": member.id} | incoming),
            "stamps": dump_json(dict.fromkeys(STAFF_FIELDS, stamp)),
            "updated_at": writer.now,
        }
        conflicts = _same_name(writer, member, stamp, origin, op_ids)
        writer.connection.execute(insert(STAFF).values(row))
        writer.change(CHANGE_STAFF, member.id, _staff_data(row), origin)
        return conflicts
    row = dict(held_row)
    if row["store_id"] != writer.store_id:
        raise Rejected("unknown staff member")
    merge_staff(writer, row, incoming, fields, member.hlc, origin)
    return []


def merge_staff(
    writer: BatchWriter,
    row: Row,
    incoming: dict[str, Any],
    fields: tuple[str, ...],
    hlc: str,
    origin: str | None,
) -> None:
    stamps: dict[str, str] = load_json(row["stamps"])
    held: dict[str, Any] = load_json(row["data"])
    updates = merge_fields(held, stamps, incoming, fields, edit_stamp(hlc, writer.now, stamps))
    values = {"id": row["id"]} | held | updates
    columns = {
        "name": values["name"],
        "role": values["role"],
        "pin_hash": values.get("pin_hash"),
        "data": dump_json(values),
        "stamps": dump_json(stamps),
        "updated_at": writer.now,
    }
    writer.connection.execute(update(STAFF).where(STAFF.c.id == row["id"]).values(columns))
    row |= columns
    writer.change(CHANGE_STAFF, row["id"], _staff_data(row), origin)


def _same_name(
    writer: BatchWriter, member: StaffSaved, stamp: str, origin: str | None, op_ids: list[str]
) -> list[str]:
    query = select(STAFF.c.id, STAFF.c.role, STAFF.c.data).where(
        STAFF.c.store_id == writer.store_id, STAFF.c.name == member.name
    )
    others = [r for r in writer.connection.execute(query) if load_json(r.data).get("active")]
    if not others:
        return []
    other = others[0]
    details = {
        "staff_id": member.id,
        "other_staff_id": other.id,
        "name": member.name,
        "role": member.role,
        "other_role": other.role,
        "stamp": stamp,
    }
    return [writer.conflict(DUPLICATE_STAFF, CHANGE_STAFF, member.id, op_ids, details, origin)]


@handles(STAFF_SAVED, reads=True, writes=(STAFF,))
def staff_saved(ctx: OpContext, member: StaffSavedV2) -> list[str]:
    return save_staff(ctx.writer, member, ctx.device_id, [ctx.op.id])


# Store settings


def checked_settings(changed: dict[str, Any]) -> dict[str, Any]:
    if not changed:
        raise Rejected("no settings changed")
    try:
        return {name: store_setting(name, value) for name, value in changed.items()}
    except ValueError as error:
        raise Rejected(str(error)) from None


def save_store_settings(
    writer: BatchWriter, changed: dict[str, Any], hlc: str, origin: str | None
) -> dict[str, Any]:
    """Merge changed settings by stamp; the store's name and time zone follow; the settings as
    now held go down to every counter. Answers them."""
    values = checked_settings(changed)
    mine = SETTINGS.c.store_id == writer.store_id
    row = writer.connection.execute(select(SETTINGS).where(mine)).mappings().first()
    held: dict[str, Any] = load_json(row["data"]) if row else {}
    stamps: dict[str, str] = load_json(row["stamps"]) if row else {}
    updates = merge_fields(held, stamps, values, values, edit_stamp(hlc, writer.now, stamps))
    held |= updates
    columns = {"data": dump_json(held), "stamps": dump_json(stamps), "updated_at": writer.now}
    if row is None:
        writer.connection.execute(insert(SETTINGS).values(columns | {"store_id": writer.store_id}))
    else:
        writer.connection.execute(update(SETTINGS).where(mine).values(columns))
    followed = (("store_name", "name"), ("time_zone", "time_zone"))
    store = {column: updates[name] for name, column in followed if name in updates}
    if store:
        writer.connection.execute(update(STORE).where(STORE.c.id == writer.store_id).values(store))
    data = {"values": held, "stamps": stamps}
    writer.change(CHANGE_STORE_SETTINGS, writer.store_id, data, origin)
    return held


@handles(STORE_SETTINGS_SAVED, reads=True, writes=(SETTINGS,))
def store_settings_saved(ctx: OpContext, saved: StoreSettingsSaved) -> list[str]:
    save_store_settings(ctx.writer, saved.changed, saved.hlc or "", ctx.device_id)
    return []
