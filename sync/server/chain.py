"""The chain catalog (docs/adr/0008-master-data.md): an item put in its owner's chain catalog
(catalog_item.owner_id set) belongs to every store of that owner. Each store's counters get it
in their own feed, at the store's own price where it has one (store_price).

An edit of a chain item's shared fields, at any store's counter or at the server, queues the
item for every other store of the owner in the same transaction (chain_publish); a new store
queues the whole chain catalog. A store's queue is sent down, as changes of its own feed, before
its counters next read that feed (master_data.publish_pending), so no store's lock is taken
inside another store's transaction and nothing queued is lost to a crash. A counter's price
edit of a chain item is its store's own price, merged by stamp."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, insert, literal, or_, select, update

from sync.server import models
from sync.server.db import UTCDateTime

CATALOG = models.table_of(models.CatalogItem)
STORE = models.table_of(models.Store)
STORE_PRICE = models.table_of(models.StorePrice)
PUBLISH = models.table_of(models.ChainPublish)


def owner_of_store(store_id: str) -> Any:
    return select(STORE.c.owner_id).where(STORE.c.id == store_id).scalar_subquery()


def sold_by(store_id: str) -> ColumnElement[bool]:
    """The catalog items a store sells: its own and its owner's chain items."""
    return or_(CATALOG.c.store_id == store_id, CATALOG.c.owner_id == owner_of_store(store_id))


def same_item(
    kind: str, category: str, name: str, sku: str | None, barcode: str | None
) -> ColumnElement[bool] | None:
    """The condition "the same item": a product of the same sku or barcode, a service of the
    same category and name (ADR 0008). None for a product with neither code."""
    if kind == "product":
        keys = [c == v for c, v in ((CATALOG.c.sku, sku), (CATALOG.c.barcode, barcode)) if v]
        return and_(CATALOG.c.kind == kind, or_(*keys)) if keys else None
    return and_(CATALOG.c.kind == kind, CATALOG.c.category == category, CATALOG.c.name == name)


def own_copy(connection: Connection, row: dict[str, Any], store_id: str) -> dict[str, Any] | None:
    """The store's own item that is the same as the chain item `row` (made there before the
    chain shared it), if there is one: the oldest."""
    same = same_item(row["kind"], row["category"], row["name"], row["sku"], row["barcode"])
    if same is None:
        return None
    query = (
        select(CATALOG)
        .where(same, CATALOG.c.store_id == store_id, CATALOG.c.owner_id.is_(None))
        .where(CATALOG.c.id != row["id"])
        .order_by(CATALOG.c.updated_at, CATALOG.c.id)
        .limit(1)
    )
    found = connection.execute(query).mappings().first()
    return None if found is None else dict(found)


def is_sold_by(connection: Connection, row: dict[str, Any], store_id: str) -> bool:
    if row["store_id"] == store_id:
        return True
    if row["owner_id"] is None:
        return False
    owner = connection.execute(select(owner_of_store(store_id))).scalar()
    return bool(owner == row["owner_id"])


def queue_for_other_stores(
    connection: Connection, row: dict[str, Any], store_id: str, now: datetime
) -> None:
    """A chain item changed in `store_id`'s transaction: every other store of its owner sends
    it again. Nothing for an item of one store."""
    if row["owner_id"] is None:
        return
    others = select(STORE.c.id, literal(row["id"]), literal(now, UTCDateTime)).where(
        STORE.c.owner_id == row["owner_id"], STORE.c.id != store_id
    )
    connection.execute(insert(PUBLISH).from_select(["store_id", "item_id", "queued_at"], others))


def queue_chain_for_new_store(
    connection: Connection, store_id: str, owner_id: str, now: datetime
) -> None:
    items = select(CATALOG.c.id, literal(store_id), literal(now, UTCDateTime)).where(
        CATALOG.c.owner_id == owner_id
    )
    connection.execute(insert(PUBLISH).from_select(["item_id", "store_id", "queued_at"], items))


def own_price(connection: Connection, store_id: str, item_id: str) -> tuple[int, str] | None:
    """The store's own price of an item and its stamp ("" for one set before stamps)."""
    found = connection.execute(
        select(STORE_PRICE.c.price, STORE_PRICE.c.stamp).where(
            STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == item_id
        )
    ).first()
    return None if found is None else (int(found.price), found.stamp or "")


def save_own_price(
    connection: Connection, store_id: str, item_id: str, price: int, stamp: str, now: datetime
) -> bool:
    """Set the store's own price unless the one held has a later stamp. Answers whether it
    was set."""
    held = own_price(connection, store_id, item_id)
    values = {"price": price, "stamp": stamp, "updated_at": now}
    if held is None:
        connection.execute(
            insert(STORE_PRICE).values(values | {"store_id": store_id, "item_id": item_id})
        )
        return True
    if stamp <= held[1]:
        return False
    connection.execute(
        update(STORE_PRICE)
        .where(STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == item_id)
        .values(values)
    )
    return True
