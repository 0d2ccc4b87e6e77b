"""Master data edited at the server: catalog items, prices, the store's settings, and the
chain catalog's per-store prices (staff: master_staff.py). The command line and the owner's
web console call these. Each is one transaction that goes through the same merge and change
feed as a counter's edit (sync/server/handlers/setup.py): an edit here reaches every counter of
the store on its next pull, and merges with counters' edits per field by hybrid clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, func, insert, select, update

from sync.operations.setup import (
    CHANGE_CATALOG_ITEM,
    CatalogItemSavedV2,
)
from sync.server import models
from sync.server.admin import AdminError
from sync.server.batch import BatchWriter, Rejected
from sync.server.config import utc_now
from sync.server.db import load_json, write_transaction
from sync.server.handlers.setup import (
    ALIAS,
    CATALOG,
    ITEM_FIELDS,
    STORE_PRICE,
    canonical_item_id,
    item_data,
    load_item,
    save_catalog_item,
    save_store_settings,
)

STORE = models.table_of(models.Store)
LINE = models.table_of(models.TicketLine)
TICKET = models.table_of(models.Ticket)
SETTINGS = models.table_of(models.StoreSettings)
Clock = Callable[[], datetime]
MAX_PRICE = 10**10


@contextmanager
def store_writer(engine: Engine, store_id: str, clock: Clock = utc_now) -> Iterator[BatchWriter]:
    """A transaction holding the store's lock, with a writer that numbers its changes; a
    refused edit (Rejected) is the person's mistake, told as such."""
    with write_transaction(engine) as connection:
        seq = connection.execute(
            select(STORE.c.change_seq).where(STORE.c.id == store_id).with_for_update()
        ).scalar()
        if seq is None:
            raise AdminError(f"no store {store_id}")
        writer = BatchWriter(connection, store_id, clock(), seq)
        try:
            yield writer
        except Rejected as refused:
            raise AdminError(refused.reason) from None
        writer.flush()
        connection.execute(
            update(STORE).where(STORE.c.id == store_id).values(change_seq=writer.change_seq)
        )


def known_fields(changes: Mapping[str, Any], fields: tuple[str, ...]) -> None:
    unknown = sorted(set(changes) - set(fields))
    if unknown or not changes:
        raise AdminError(f"unknown or no fields: {', '.join(unknown)}; known: {', '.join(fields)}")


M = TypeVar("M", bound=BaseModel)


def edited_payload(model: type[M], held: dict[str, Any], changes: Mapping[str, Any]) -> M:
    """The edit as the payload a counter would send, stamped on arrival (no `hlc`)."""
    try:
        return model.model_validate(held | dict(changes) | {"changed": sorted(changes)})
    except ValidationError as error:
        raise AdminError(f"refused: {error.errors()[0]['msg']}") from None


def edit_catalog_item(
    engine: Engine,
    store_id: str,
    item_id: str,
    changes: Mapping[str, Any],
    clock: Clock = utc_now,
) -> str:
    """Change some fields of an item of the store (by its id or an alias); answers its id.
    A chain item goes down to every store of its owner."""
    known_fields(changes, ITEM_FIELDS)
    with store_writer(engine, store_id, clock) as writer:
        row = load_item(writer, canonical_item_id(writer, item_id))
        if row is None or row["store_id"] != store_id:
            raise AdminError(f"no catalog item {item_id} in store {store_id}")
        held = load_json(row["data"]) | {"id": row["id"]}
        item = edited_payload(CatalogItemSavedV2, held, changes)
        save_catalog_item(writer, item, origin=None)
    if row["owner_id"] is not None:
        for other in _other_stores(engine, row["owner_id"], store_id):
            _publish_item(engine, other, row["id"], clock)
    return str(row["id"])


def _other_stores(engine: Engine, owner_id: str, store_id: str) -> list[str]:
    with engine.connect() as connection:
        stores = connection.execute(
            select(STORE.c.id).where(STORE.c.owner_id == owner_id).order_by(STORE.c.id)
        ).scalars()
        return [s for s in stores if s != store_id]


def set_price(
    engine: Engine, store_id: str, item_id: str, price_fen: int, clock: Clock = utc_now
) -> None:
    """A server-side price edit of an item the store's catalog has; counters pull it."""
    if not 0 <= price_fen <= MAX_PRICE:
        raise AdminError("a price is a whole number of fen, 0 or more")
    edit_catalog_item(engine, store_id, item_id, {"price": price_fen}, clock)


def edit_store_settings(
    engine: Engine, store_id: str, changes: Mapping[str, Any], clock: Clock = utc_now
) -> dict[str, Any]:
    """Change store-wide settings (sync.operations.setup.STORE_SETTING_FIELDS); answers the
    settings the store now holds."""
    with store_writer(engine, store_id, clock) as writer:
        return save_store_settings(writer, dict(changes), "", None)


def store_settings(engine: Engine, store_id: str) -> dict[str, Any]:
    """The store-wide settings set for the store (those never set are each counter's own)."""
    with engine.connect() as connection:
        data = connection.execute(
            select(SETTINGS.c.data).where(SETTINGS.c.store_id == store_id)
        ).scalar()
    return load_json(data) if data else {}


DEFAULT_CUTOVER_HOUR = 4  # a counter's own default, until the store's setting is set


def cutover_hour(engine: Engine, store_id: str) -> int:
    """The hour the store's business day starts, as its counters count it."""
    return int(store_settings(engine, store_id).get("cutover_hour", DEFAULT_CUTOVER_HOUR))


# The chain catalog: an owner's stores share items, each store may have its own price.


def share_item(engine: Engine, item_id: str, clock: Clock = utc_now) -> list[str]:
    """Put a store's item in its owner's chain catalog: every store of the owner receives it.
    Answers the stores it was sent to."""
    with engine.connect() as connection:
        found = connection.execute(
            select(CATALOG.c.store_id, STORE.c.owner_id)
            .join(STORE, STORE.c.id == CATALOG.c.store_id)
            .where(CATALOG.c.id == item_id)
        ).first()
    if found is None:
        raise AdminError(f"no catalog item {item_id}")
    others = _other_stores(engine, found.owner_id, found.store_id)
    with write_transaction(engine) as connection:
        connection.execute(
            update(CATALOG).where(CATALOG.c.id == item_id).values(owner_id=found.owner_id)
        )
    for store_id in others:
        _publish_item(engine, store_id, item_id, clock)
    return others


def set_store_price(
    engine: Engine, store_id: str, item_id: str, price_fen: int, clock: Clock = utc_now
) -> None:
    """One store's own price of a chain item (or of its own item); its counters pull it."""
    if not 0 <= price_fen <= MAX_PRICE:
        raise AdminError("a price is a whole number of fen, 0 or more")
    with store_writer(engine, store_id, clock) as writer:
        row = _item_of_store(writer, item_id)
        held = select(STORE_PRICE.c.price).where(
            STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == row["id"]
        )
        if writer.connection.execute(held).first() is None:
            writer.connection.execute(
                insert(STORE_PRICE).values(
                    store_id=store_id, item_id=row["id"], price=price_fen, updated_at=writer.now
                )
            )
        else:
            writer.connection.execute(
                update(STORE_PRICE)
                .where(STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == row["id"])
                .values(price=price_fen, updated_at=writer.now)
            )
        writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), None)


def _publish_item(engine: Engine, store_id: str, item_id: str, clock: Clock) -> None:
    with store_writer(engine, store_id, clock) as writer:
        row = _item_of_store(writer, item_id)
        writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), None)


def _item_of_store(writer: BatchWriter, item_id: str) -> dict[str, Any]:
    """The item, if it is the store's own or in its owner's chain catalog."""
    row = load_item(writer, canonical_item_id(writer, item_id))
    if row is not None and row["store_id"] != writer.store_id:
        owner = writer.connection.execute(
            select(STORE.c.owner_id).where(STORE.c.id == writer.store_id)
        ).scalar()
        row = row if row["owner_id"] is not None and row["owner_id"] == owner else None
    if row is None:
        raise AdminError(f"no catalog item {item_id} for store {writer.store_id}")
    return row


# Reports


@dataclass(frozen=True)
class ItemSales:
    item_id: str
    quantity: int
    amount: int  # fen, the lines' net totals


def sales_per_item(engine: Engine, store_id: str) -> dict[str, ItemSales]:
    """Completed sales per catalog item, an alias counted as the item it stands for."""
    item = func.coalesce(ALIAS.c.item_id, LINE.c.item_id).label("item")
    query = (
        select(item, func.sum(LINE.c.quantity), func.sum(LINE.c.net_total))
        .select_from(LINE.join(TICKET, TICKET.c.id == LINE.c.ticket_id))
        .outerjoin(ALIAS, ALIAS.c.alias_id == LINE.c.item_id)
        .where(TICKET.c.store_id == store_id, TICKET.c.status == "completed")
        .group_by(item)
    )
    with engine.connect() as connection:
        return {
            row[0]: ItemSales(row[0], int(row[1]), int(row[2])) for row in connection.execute(query)
        }
