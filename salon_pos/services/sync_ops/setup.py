"""Master data at the counter: the payloads of staff.saved, catalog.item_saved and
store.settings_saved, and applying pulled staff, catalog items, aliases of duplicate items and
the store's settings (sync/operations/setup.py declares them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, update
from sqlalchemy.dialects.sqlite import insert as upsert_or_ignore
from sqlalchemy.orm import Session

from salon_pos.db.models import CatalogAlias as AliasRow
from salon_pos.db.models import Product, ServiceItem, Setting, Staff, TicketLine
from salon_pos.services.stock_ledger import merge_product_stock, merge_service_consumables
from salon_pos.services.sync_ops.pending import fields_not_pushed
from salon_pos.services.sync_ops.registry import ChangeNotApplicable, applies, builds
from salon_pos.services.sync_state import observe_hlc
from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
    CHANGE_CATALOG_ALIAS,
    CHANGE_CATALOG_ITEM,
    CHANGE_STAFF,
    CHANGE_STORE_SETTINGS,
    STAFF_SAVED,
    STORE_SETTING_FIELDS,
    STORE_SETTINGS_SAVED,
    CatalogAlias,
    CatalogItemData,
    CatalogItemSavedV5,
    StaffData,
    StaffSavedV2,
    StoreSettingsData,
    StoreSettingsSaved,
)
from sync.wire import Change

if TYPE_CHECKING:
    from salon_pos.services.staff import StaffMember

NO_PIN = "!"  # a staff member pulled without a PIN hash: no PIN matches it
STAFF_FIELDS = tuple(f for f in StaffData.model_fields if f not in ("id", "stamps"))
ITEM_FIELDS = tuple(f for f in CatalogItemData.model_fields if f not in ("id", "kind", "stamps"))


@builds(STAFF_SAVED)
def staff_saved(
    member: StaffMember,
    pin_hash: str | None,
    *,
    hlc: str = "",
    changed: Sequence[str] | None = None,
) -> StaffSavedV2:
    """The whole member, with the PIN's hash so the PIN works on every counter of the store
    (the audit log keeps the hash out); `pin_hash` None: the PIN held stays. `hlc`: the
    edit's stamp (empty: the server stamps it on arrival); `changed`: the fields this edit
    changed (None: all, a new member)."""
    return StaffSavedV2(
        id=member.id,
        name=member.name,
        role=member.role.value,
        skills=list(member.skills),
        discount_limit=member.discount_limit,
        active=member.active,
        phone=member.phone,
        pin_hash=pin_hash,
        hlc=hlc,
        changed=None if changed is None else list(changed),
    )


@builds(CATALOG_ITEM_SAVED)
def catalog_item_saved(
    item_id: str,
    kind: str,
    offer: dict[str, Any],
    *,
    hlc: str = "",
    changed: Sequence[str] | None = None,
) -> CatalogItemSavedV5:
    """`offer`: the fields of a ServiceOffer or ProductOffer (dataclasses.asdict); `hlc` and
    `changed` as for staff_saved."""
    stamped: dict[str, Any] = {"id": item_id, "kind": kind, "hlc": hlc}
    stamped["changed"] = None if changed is None else list(changed)
    return CatalogItemSavedV5.model_validate(offer | stamped)


@builds(STORE_SETTINGS_SAVED)
def store_settings_saved(changed: dict[str, Any], hlc: str) -> StoreSettingsSaved:
    """`changed`: store-wide setting → new value (wire form: text or whole numbers)."""
    return StoreSettingsSaved(changed=changed, hlc=hlc)


def upsert(session: Session, model: type[Any], values: dict[str, Any], at: datetime) -> None:
    """Insert the row, or update the fields that differ (a replay changes nothing)."""
    existing = session.get(model, values["id"])
    if existing is None:
        session.execute(insert(model).values(created_at=at, updated_at=at, **values))
        return
    changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
    if changed:
        session.execute(
            update(model).where(model.id == values["id"]).values(updated_at=at, **changed)
        )


def _but_pending(
    session: Session, model: type[Any], record_id: str, values: dict[str, Any]
) -> dict[str, Any]:
    """The pulled values, less the fields this counter changed and has not pushed yet (those
    stay as they are here until the server merged them: sync_ops.pending)."""
    if session.get(model, record_id) is None:
        return values  # new here: all of it
    pending = fields_not_pushed(session, (CATALOG_ITEM_SAVED,), record_id, ITEM_FIELDS)
    return {k: v for k, v in values.items() if k not in pending}


@applies(CHANGE_CATALOG_ITEM)
def catalog_item(session: Session, change: Change) -> None:
    item = CatalogItemData.model_validate(change.data)
    observe_hlc(session, list(item.stamps.values()))
    common = {
        "id": item.id,
        "category": item.category,
        "name": item.name,
        "price": item.price,
        "active": item.active,
    }
    if item.kind == "service":
        existing = session.get(ServiceItem, item.id)
        duration = item.duration_min or (existing.duration_min if existing else 60)
        values = common | {"duration_min": duration, "skill": item.skill}
        values["needs_patch_test"] = item.needs_patch_test
        values["points_price"] = item.points_price
        values = _but_pending(session, ServiceItem, item.id, values)
        upsert(session, ServiceItem, values | {"id": item.id}, change.at)
        return
    if not item.sku:
        raise ChangeNotApplicable("a product without an sku")
    values = common | {"sku": item.sku, "barcode": item.barcode or None, "cost": item.cost}
    values["points_price"] = item.points_price
    values |= {"unit": item.unit, "pack_size": item.pack_size, "needs_expiry": item.needs_expiry}
    values = _but_pending(session, Product, item.id, values)
    upsert(session, Product, values | {"id": item.id}, change.at)


@applies(CHANGE_CATALOG_ALIAS)
def catalog_alias(session: Session, change: Change) -> None:
    """Another counter created this item first: this counter's copy becomes that item (moved
    to its id, or dropped when the item is here already) and its ticket lines follow, and
    so do a product's stock and a service's consumables (stock_ledger)."""
    alias = CatalogAlias.model_validate(change.data)
    session.execute(
        upsert_or_ignore(AliasRow)
        .values(alias_id=alias.alias_id, item_id=alias.item_id, kind=alias.kind)
        .on_conflict_do_nothing()
    )
    model = ServiceItem if alias.kind == "service" else Product
    if session.get(model, alias.alias_id) is not None:
        if session.get(model, alias.item_id) is None:
            session.execute(
                update(model).where(model.id == alias.alias_id).values(id=alias.item_id)
            )
        else:
            session.execute(delete(model).where(model.id == alias.alias_id))
    session.execute(
        update(TicketLine).where(TicketLine.item_id == alias.alias_id).values(item_id=alias.item_id)
    )
    if alias.kind == "service":
        merge_service_consumables(session, alias.alias_id, alias.item_id)
    else:
        merge_product_stock(session, alias.alias_id, alias.item_id)
    session.expire_all()


@applies(CHANGE_STAFF)
def staff(session: Session, change: Change) -> None:
    member = StaffData.model_validate(change.data)
    observe_hlc(session, list(member.stamps.values()))
    values: dict[str, Any] = {
        "name": member.name,
        "role": member.role,
        "skills": list(member.skills),
        "discount_limit": member.discount_limit,
        "active": member.active,
        "phone": member.phone,
    }
    if member.pin_hash:
        values["pin_hash"] = member.pin_hash
    if session.get(Staff, member.id) is None:
        values.setdefault("pin_hash", NO_PIN)
    else:
        pending = fields_not_pushed(session, (STAFF_SAVED,), member.id, STAFF_FIELDS)
        values = {k: v for k, v in values.items() if k not in pending}
    upsert(session, Staff, values | {"id": member.id}, change.at)


@applies(CHANGE_STORE_SETTINGS)
def store_settings(session: Session, change: Change) -> None:
    """The store's settings as the server merged them, but those changed here and not pushed
    yet. The counter's own settings (printer, language, prefix) are not among them."""
    data = StoreSettingsData.model_validate(change.data)
    observe_hlc(session, list(data.stamps.values()))
    pending = fields_not_pushed(session, (STORE_SETTINGS_SAVED,), None, STORE_SETTING_FIELDS)
    for name, value in data.values.items():
        if name in STORE_SETTING_FIELDS and name not in pending:
            text = str(value)
            statement = upsert_or_ignore(Setting).values(key=name, value=text)
            session.execute(
                statement.on_conflict_do_update(index_elements=["key"], set_={"value": text})
            )
