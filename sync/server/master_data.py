"""Master data edited at the server: catalog items, prices, the store's settings, and the
chain catalog's per-store prices (staff: master_staff.py). The command line and the owner's
web console call these. Each is one transaction that goes through the same merge and change
feed as a counter's edit (sync/server/handlers/setup.py): an edit here reaches every counter of
the store on its next pull, and merges with counters' edits per field by hybrid clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, and_, delete, func, select, update

from salon_pos.domain.business_day import DEFAULT_CUTOVER_HOUR as DEFAULT_CUTOVER_HOUR
from salon_pos.domain.catalog_rules import (
    BARCODE,
    CATALOG_COLUMNS,
    CATALOG_REQUIRED,
    SKU,
    CatalogLine,
    DuplicateService,
    catalog_line,
    check_duration,
    check_item,
    check_product,
)
from salon_pos.domain.csv_text import read_text
from salon_pos.domain.errors import Both, DuplicateCode, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.import_report import FirstLines, ImportReport
from salon_pos.domain.stock import check_unit_change
from sync.operations.setup import (
    CHANGE_CATALOG_ITEM,
    CatalogItemSavedV5,
)
from sync.server import chain, models, stock_report
from sync.server.admin import AdminError
from sync.server.batch import BatchWriter, Rejected
from sync.server.config import utc_now
from sync.server.db import load_json, write_transaction
from sync.server.handlers.setup import (
    ALIAS,
    CATALOG,
    ITEM_FIELDS,
    canonical_item_id,
    item_data,
    load_item,
    merge_item,
    record_alias,
    save_catalog_item,
    save_store_settings,
)
from sync.server.stamps import stamp_after

STORE = models.table_of(models.Store)
LINE = models.table_of(models.TicketLine)
TICKET = models.table_of(models.Ticket)
SETTINGS = models.table_of(models.StoreSettings)
PUBLISH = chain.PUBLISH
STORE_PRICE = chain.STORE_PRICE
Clock = Callable[[], datetime]
MAX_PRICE = 10**10


@contextmanager
def store_writer(engine: Engine, store_id: str, clock: Clock = utc_now) -> Iterator[BatchWriter]:
    """A transaction holding the store's lock, with a writer that numbers its changes; a
    refused edit (Rejected) is the person's mistake, told as such."""
    with write_transaction(engine) as connection:
        seq = connection.execute(
            select(STORE.c.change_seq).where(STORE.c.id == store_id).with_for_update(key_share=True)
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
    check: Callable[[BatchWriter], None] | None = None,
) -> str:
    """Change some fields of an item of the store (by its id or an alias); answers its id.
    A chain item goes down to every store of its owner. `check`, given the store's writer
    before the change: raises to refuse it, under the store's lock."""
    known_fields(changes, ITEM_FIELDS)
    with store_writer(engine, store_id, clock) as writer:
        row = _item_of_store(writer, item_id)
        if check is not None:
            check(writer)
        held = load_json(row["data"]) | {"id": row["id"]}
        item = edited_payload(CatalogItemSavedV5, held, changes)
        _save_at_server(writer, row, item)
    publish_everywhere(engine, row["owner_id"], clock)
    return str(row["id"])


def _save_at_server(writer: BatchWriter, row: dict[str, Any], item: CatalogItemSavedV5) -> None:
    """An edit made at the server: a chain item's price is the chain's (a counter's price edit
    is its own store's), and the item goes to the owner's other stores."""
    if row["owner_id"] is None:
        save_catalog_item(writer, item, origin=None)
        return
    fields = tuple(item.changed) if item.changed is not None else ITEM_FIELDS
    merge_item(writer, row, item.model_dump(mode="json"), fields, "", None)
    chain.queue_for_other_stores(writer.connection, row, writer.store_id, writer.now)


def _other_stores(engine: Engine, owner_id: str, store_id: str) -> list[str]:
    with engine.connect() as connection:
        stores = connection.execute(
            select(STORE.c.id).where(STORE.c.owner_id == owner_id).order_by(STORE.c.id)
        ).scalars()
        return [s for s in stores if s != store_id]


def publish_pending(engine: Engine, store_id: str, clock: Clock = utc_now) -> int:
    """Send down, in the store's feed, the chain items queued for it (chain.py). Answers how
    many; a store with nothing queued costs one indexed read."""
    queued = select(PUBLISH.c.id).where(PUBLISH.c.store_id == store_id).limit(1)
    with engine.connect() as connection:
        if connection.execute(queued).first() is None:
            return 0
    with store_writer(engine, store_id, clock) as writer:
        held = writer.connection.execute(
            select(PUBLISH.c.id, PUBLISH.c.item_id).where(PUBLISH.c.store_id == store_id)
        ).all()
        items = sorted({row.item_id for row in held})
        for item_id in items:
            row = load_item(writer, item_id)
            if row is None:
                continue
            copy = chain.own_copy(writer.connection, row, store_id)
            if copy is not None:
                _fold_copy(writer, copy, row)
            writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), None)
        # Only what was read: a row queued since (another store's edit) waits for the next.
        writer.connection.execute(delete(PUBLISH).where(PUBLISH.c.id.in_([r.id for r in held])))
    return len(items)


def _fold_copy(writer: BatchWriter, copy: dict[str, Any], kept: dict[str, Any]) -> None:
    """The store made this item itself before the chain's reached it: its copy becomes an alias
    of the chain's item, sent before the item so each counter moves its copy to the chain's id
    (its tickets follow, and its sales count as the chain item's), at the copy's price where
    that differs (the store's own price)."""
    connection, store_id = writer.connection, writer.store_id
    price = chain.own_price(connection, store_id, copy["id"])
    copy_price = price[0] if price else copy["price"]
    if chain.own_price(connection, store_id, kept["id"]) is None and copy_price != kept["price"]:
        stamp = stamp_after(writer.now, "")
        chain.save_own_price(connection, store_id, kept["id"], copy_price, stamp, writer.now)
    connection.execute(
        update(ALIAS).where(ALIAS.c.item_id == copy["id"]).values(item_id=kept["id"])
    )
    for table in (STORE_PRICE, PUBLISH):
        connection.execute(delete(table).where(table.c.item_id == copy["id"]))
    connection.execute(delete(CATALOG).where(CATALOG.c.id == copy["id"]))
    record_alias(writer, copy["id"], kept, None)


def publish_everywhere(engine: Engine, owner_id: str | None, clock: Clock = utc_now) -> None:
    """After a server-side edit: each store of the owner sends what is queued for it now,
    rather than on its counters' next read."""
    if owner_id is not None:
        for store_id in _other_stores(engine, owner_id, ""):
            publish_pending(engine, store_id, clock)


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
    # Under the home store's lock: a push of that store that edits the item is either before
    # (and its fields are sent with the share) or after (and queues the item itself).
    with store_writer(engine, found.store_id, clock) as writer:
        writer.connection.execute(
            update(CATALOG).where(CATALOG.c.id == item_id).values(owner_id=found.owner_id)
        )
        row = {"id": item_id, "owner_id": found.owner_id}
        chain.queue_for_other_stores(writer.connection, row, found.store_id, writer.now)
    publish_everywhere(engine, found.owner_id, clock)
    return others


def set_store_price(
    engine: Engine, store_id: str, item_id: str, price_fen: int, clock: Clock = utc_now
) -> None:
    """One store's own price of a chain item (or of its own item); its counters pull it."""
    if not 0 <= price_fen <= MAX_PRICE:
        raise AdminError("a price is a whole number of fen, 0 or more")
    with store_writer(engine, store_id, clock) as writer:
        row = _item_of_store(writer, item_id)
        held = chain.own_price(writer.connection, store_id, row["id"])
        stamp = stamp_after(writer.now, held[1] if held else "")
        chain.save_own_price(writer.connection, store_id, row["id"], price_fen, stamp, writer.now)
        writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), None)


def _item_of_store(writer: BatchWriter, item_id: str) -> dict[str, Any]:
    """The item, if it is the store's own or in its owner's chain catalog."""
    row = load_item(writer, canonical_item_id(writer, item_id))
    if row is None or not chain.is_sold_by(writer.connection, row, writer.store_id):
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


# The console's catalog: a store's items as its counters hold them, new items, edits and a CSV
# import, each checked by the counter's own rules (salon_pos.domain.catalog_rules) and refused
# with a UserError that says why in both languages; nothing is written for a refused item.


class ChainItemOwnersOnly(UserError):
    en = (
        "{name} is in the owner's chain catalog, shared by every store: only the owner changes "
        "it. Set this store's own price instead."
    )
    zh = "{name} 是各门店共享的连锁项目，只有老板可以修改；您可以设置本店价格。"


class ChainItemElsewhere(UserError):
    en = (
        "{name} is in the chain catalog of another store: change it there, "
        "or set this store's own price."
    )
    zh = "{name} 属于其他门店共享的连锁项目：请在该门店修改，或设置本店价格。"


@dataclass(frozen=True)
class CatalogEntry:
    """An item as the store's counters see it: `price` is the store's own where it has one."""

    id: str
    kind: str  # service / product
    category: str
    name: str
    price: int  # fen, what this store charges
    item_price: int  # fen, the item's own price (the chain's, for a chain item)
    own_price: int | None  # this store's price of it, where set
    duration_min: int | None
    skill: str
    sku: str | None
    barcode: str | None
    cost: int
    active: bool
    home_store_id: str  # the store it was made in
    owner_id: str | None  # set: in the owner's chain catalog, every store of the owner has it
    needs_patch_test: bool = False  # a service sold only after a valid patch test
    points_price: int = 0  # points that redeem one unit at checkout; 0: not for points
    unit: str = "piece"  # a product's stock: the unit it is kept in (piece, ml, g)
    pack_size: int = 1  # units in one package sold or received
    needs_expiry: bool = False  # each batch received needs an expiry date

    @property
    def chain(self) -> bool:
        return self.owner_id is not None

    def fields(self) -> dict[str, Any]:
        """Its CatalogItemSaved fields, with the item's own price."""
        names: tuple[str, ...] = ("kind", "category", "name", "duration_min", "skill", "sku")
        names += ("barcode", "cost", "needs_patch_test", "points_price")
        names += ("unit", "pack_size", "needs_expiry")
        return {n: getattr(self, n) for n in names} | {
            "price": self.item_price,
            "active": self.active,
        }


def store_catalog(connection: Connection, store_id: str) -> list[CatalogEntry]:
    """The store's own items and its owner's chain items, by kind, category and name."""
    query = (
        select(CATALOG, STORE_PRICE.c.price.label("own_price"))
        .outerjoin(
            STORE_PRICE,
            and_(STORE_PRICE.c.item_id == CATALOG.c.id, STORE_PRICE.c.store_id == store_id),
        )
        .where(chain.sold_by(store_id))
        .order_by(CATALOG.c.kind.desc(), CATALOG.c.category, CATALOG.c.name, CATALOG.c.id)
    )
    return [_entry(dict(row)) for row in connection.execute(query).mappings()]


def _entry(row: Mapping[str, Any]) -> CatalogEntry:
    data = load_json(row["data"])
    own = row["own_price"]
    return CatalogEntry(
        id=row["id"],
        kind=row["kind"],
        category=row["category"],
        name=row["name"],
        price=row["price"] if own is None else own,
        item_price=row["price"],
        own_price=own,
        duration_min=data.get("duration_min"),
        skill=data.get("skill") or "",
        sku=row["sku"],
        barcode=row["barcode"],
        cost=int(data.get("cost") or 0),
        active=bool(data.get("active", True)),
        home_store_id=row["store_id"],
        owner_id=row["owner_id"],
        needs_patch_test=bool(data.get("needs_patch_test", False)),
        points_price=int(data.get("points_price") or 0),
        unit=str(data.get("unit") or "piece"),
        pack_size=int(data.get("pack_size") or 1),
        needs_expiry=bool(data.get("needs_expiry", False)),
    )


def catalog_entry(engine: Engine, store_id: str, item_id: str) -> CatalogEntry | None:
    """The item if the store's catalog has it (its own or a chain item), else None."""
    with engine.connect() as connection:
        return next((e for e in store_catalog(connection, store_id) if e.id == item_id), None)


def check_catalog_item(
    values: Mapping[str, Any], others: Iterable[CatalogEntry], own_id: str | None = None
) -> None:
    """The counter's rules for an item of these fields among the store's other items: raises
    the UserError that refuses it."""
    check_item(values["category"], values["name"], values["price"])
    rivals = [e for e in others if e.id != own_id and e.kind == values["kind"]]
    if values["kind"] == "service":
        check_duration(values["name"], values["duration_min"] or 0)
        for e in rivals:
            if (e.category, e.name) == (values["category"], values["name"]):
                raise DuplicateService(category=e.category, name=e.name)
        return
    check_product(values["name"], values["sku"] or "", values["cost"])
    for title, column, code in (
        (BARCODE, "barcode", values["barcode"]),
        (SKU, "sku", values["sku"]),
    ):
        holder = next((e for e in rivals if code and getattr(e, column) == code), None)
        if holder is not None:
            raise DuplicateCode(field=title, code=code, name=holder.name)


def _cleaned(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields as a counter keeps them: text stripped, a service without SKU or barcode."""
    kind = values["kind"]
    cleaned = {
        "kind": kind,
        "category": str(values["category"]).strip(),
        "name": str(values["name"]).strip(),
        "price": values["price"],
        "duration_min": values.get("duration_min") if kind == "service" else None,
        "skill": str(values.get("skill") or "").strip().lower() if kind == "service" else "",
        "sku": (str(values.get("sku") or "").strip() or None) if kind == "product" else None,
        "barcode": (str(values.get("barcode") or "").strip() or None)
        if kind == "product"
        else None,
        "cost": int(values.get("cost") or 0) if kind == "product" else 0,
        "active": bool(values.get("active", True)),
        "needs_patch_test": kind == "service" and bool(values.get("needs_patch_test", False)),
        "points_price": int(values.get("points_price") or 0),
        "unit": str(values.get("unit") or "piece") if kind == "product" else "piece",
        "pack_size": int(values.get("pack_size") or 1) if kind == "product" else 1,
        "needs_expiry": kind == "product" and bool(values.get("needs_expiry", False)),
    }
    return cleaned


def create_catalog_item(
    engine: Engine, store_id: str, values: Mapping[str, Any], clock: Clock = utc_now
) -> str:
    """A new item of the store, made as a counter's catalog.item_saved would be; answers its
    id. Its counters receive it on their next pull."""
    fields = _cleaned(dict(values) | {"active": True})
    with store_writer(engine, store_id, clock) as writer:
        check_catalog_item(fields, store_catalog(writer.connection, store_id))
        item = CatalogItemSavedV5.model_validate(fields | {"id": new_id()})
        save_catalog_item(writer, item, origin=None)
    return item.id


def update_catalog_item(
    engine: Engine,
    store_id: str,
    item_id: str,
    values: Mapping[str, Any],
    clock: Clock = utc_now,
    by_owner: bool = True,
) -> list[str]:
    """Save the fields of one of the store's own items (not its kind): the changed ones go
    through edit_catalog_item, merged with counters' edits per field, checked against the
    catalog under the store's lock. Answers the changed fields (none: nothing was written)."""
    held = catalog_entry(engine, store_id, item_id)
    if held is None or held.home_store_id != store_id:
        raise AdminError(f"no catalog item {item_id} of store {store_id}")
    if held.chain and not by_owner:
        raise ChainItemOwnersOnly(name=held.name)
    fields = _cleaned(held.fields() | dict(values) | {"kind": held.kind})
    changes = {k: v for k, v in fields.items() if v != held.fields()[k]}

    def check(writer: BatchWriter) -> None:
        check_catalog_item(fields, store_catalog(writer.connection, store_id), own_id=item_id)

    if changes:
        edit_catalog_item(engine, store_id, item_id, changes, clock, check)
    return sorted(changes)


def clear_store_price(engine: Engine, store_id: str, item_id: str, clock: Clock = utc_now) -> None:
    """The store charges the item's own price again; its counters pull it."""
    with store_writer(engine, store_id, clock) as writer:
        row = _item_of_store(writer, item_id)
        writer.connection.execute(
            delete(STORE_PRICE).where(
                STORE_PRICE.c.store_id == store_id, STORE_PRICE.c.item_id == row["id"]
            )
        )
        writer.change(CHANGE_CATALOG_ITEM, row["id"], item_data(writer, row), None)


NEW_ITEM = {
    "active": True,
    "skill": "",
    "cost": 0,
    "barcode": None,
    "needs_patch_test": False,
    "points_price": 0,
    "unit": "piece",
    "pack_size": 1,
    "needs_expiry": False,
}


@dataclass
class _CatalogImport:
    """The lines of a catalog file checked against the catalog as it grows line by line."""

    store_id: str
    catalog: list[CatalogEntry]
    report: ImportReport
    by_owner: bool  # a manager's account may not change the chain's items
    services: FirstLines = field(default_factory=lambda: FirstLines(Both("服务", "service")))
    skus: FirstLines = field(default_factory=lambda: FirstLines(SKU))

    def matched(self, line: CatalogLine) -> CatalogEntry | None:
        """The item the line is about: a service by category and name, a product by SKU."""
        kind = line.kind.value
        for entry in self.catalog:
            if entry.kind != kind:
                continue
            if (
                kind == "service" and (entry.category, entry.name) == (line.category, line.name)
            ) or (kind == "product" and entry.sku == line.sku):
                if entry.home_store_id != self.store_id:
                    raise ChainItemElsewhere(name=entry.name)
                if entry.chain and not self.by_owner:
                    raise ChainItemOwnersOnly(name=entry.name)
                return entry
        return None

    def saved(self, held: CatalogEntry | None, item_id: str, fields: dict[str, Any]) -> None:
        """The catalog as the later lines must see it."""
        entry = CatalogEntry(
            id=item_id,
            price=fields["price"] if held is None or held.own_price is None else held.own_price,
            item_price=fields["price"],
            own_price=held.own_price if held else None,
            home_store_id=self.store_id,
            owner_id=held.owner_id if held else None,
            **{k: v for k, v in fields.items() if k != "price"},
        )
        self.catalog = [e for e in self.catalog if e.id != item_id] + [entry]

    def edit(self, line: CatalogLine) -> tuple[CatalogEntry | None, dict[str, Any]] | None:
        """(the item matched or None, its fields after the line), or None when unchanged;
        raises the line's refusal. An empty cell keeps what is saved (as at the counter)."""
        if line.kind.value == "service":
            self.services.check(
                (line.category, line.name), f"{line.category}/{line.name}", line.line
            )
        else:
            self.skus.check(line.sku, line.sku, line.line)
        held = self.matched(line)
        before: dict[str, Any] = held.fields() if held else dict(NEW_ITEM)
        given: dict[str, Any] = {
            "kind": line.kind.value,
            "category": line.category,
            "name": line.name,
            "price": line.price,
            "duration_min": line.duration_min or None,
            "sku": line.sku or None,
        }
        kept: dict[str, Any] = {"skill": line.skill, "barcode": line.barcode, "cost": line.cost}
        kept["needs_patch_test"] = line.needs_patch_test
        kept |= {"unit": line.unit, "pack_size": line.pack_size}
        kept["needs_expiry"] = line.needs_expiry
        given |= {k: v if v is not None else before.get(k) for k, v in kept.items()}
        fields = _cleaned(before | given)
        check_catalog_item(fields, self.catalog, own_id=held.id if held else None)
        if held is not None and fields == held.fields():
            return None
        return held, fields


def check_unit_kept(connection: Connection, item: CatalogEntry, unit: str, pack_size: int) -> None:
    """The counter's rule (salon_pos/services/catalog.py `_check_unit_kept`): a product's unit
    and package size stay while it holds stock, here in any store that keeps it (a chain item's
    stock is in every store of the owner); the ledger is in the old unit."""
    if item.kind != "product" or (unit, pack_size) == (item.unit, item.pack_size):
        return
    held = stock_report.stock_held(connection, item.id)
    on_hand = held.get(item.home_store_id) or next(iter(held.values()), 0)
    check_unit_change(item.name, item.unit, item.pack_size, (unit, pack_size), on_hand)


def import_catalog_csv(
    engine: Engine,
    store_id: str,
    data: bytes,
    file_name: str,
    clock: Clock = utc_now,
    by_owner: bool = True,
) -> ImportReport:
    """A catalog file in the counter's format (salon_pos.domain.csv_text, catalog_rules):
    services matched by category and name, products by SKU; each bad line refused with its
    reason and line number, the good ones saved together in one transaction. A file that cannot
    be imported at all raises its UserError and writes nothing."""
    text = read_text(data, file_name, CATALOG_COLUMNS, CATALOG_REQUIRED)
    report = ImportReport(total=len(text.records), notices=text.notices)
    owners: set[str | None] = set()
    with store_writer(engine, store_id, clock) as writer:
        catalog = store_catalog(writer.connection, store_id)
        work = _CatalogImport(store_id, catalog, report, by_owner)
        for record in text.records:
            try:
                edited = work.edit(catalog_line(record))
                if edited is not None and edited[0] is not None:
                    new = (edited[1]["unit"], edited[1]["pack_size"])
                    check_unit_kept(writer.connection, edited[0], *new)
            except UserError as refused:
                work.services.forget(record.line)
                work.skus.forget(record.line)
                report.refuse(record.line, refused)
                continue
            if edited is None:
                report.count("unchanged")
                continue
            held, fields = edited
            item_id = held.id if held else new_id()
            changed = (
                None if held is None else sorted(k for k in fields if fields[k] != held.fields()[k])
            )
            item = CatalogItemSavedV5.model_validate(fields | {"id": item_id, "changed": changed})
            if held is None:
                save_catalog_item(writer, item, origin=None)
            else:
                row = load_item(writer, held.id)
                assert row is not None  # in the catalog read under this lock
                _save_at_server(writer, row, item)
                owners.add(held.owner_id)
            report.count("created" if held is None else "updated")
            work.saved(held, item_id, fields)
        report.last_line = text.records[-1].line if text.records else 0
    for owner_id in owners:
        publish_everywhere(engine, owner_id, clock)
    return report
