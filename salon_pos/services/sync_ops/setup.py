"""Staff and catalog at the counter: the payloads of staff.saved and catalog.item_saved, and
applying pulled staff and catalog items (sync/operations/setup.py declares them)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from salon_pos.db.models import Product, ServiceItem, Staff
from salon_pos.services.sync_ops.registry import ChangeNotApplicable, applies, builds
from sync.operations.setup import (
    CATALOG_ITEM_SAVED,
    CHANGE_CATALOG_ITEM,
    CHANGE_STAFF,
    STAFF_SAVED,
    CatalogItemSaved,
    StaffSaved,
)
from sync.wire import Change

if TYPE_CHECKING:
    from salon_pos.services.staff import StaffMember

NO_PIN = "!"  # a staff member pulled without a PIN hash: no PIN matches it


@builds(STAFF_SAVED)
def staff_saved(member: StaffMember, pin_hash: str | None) -> StaffSaved:
    """The whole member, with the PIN's hash so the PIN works on every counter of the store
    (the audit log keeps the hash out)."""
    return StaffSaved(
        id=member.id,
        name=member.name,
        role=member.role.value,
        skills=list(member.skills),
        discount_limit=member.discount_limit,
        active=member.active,
        phone=member.phone,
        pin_hash=pin_hash,
    )


@builds(CATALOG_ITEM_SAVED)
def catalog_item_saved(item_id: str, kind: str, offer: dict[str, Any]) -> CatalogItemSaved:
    """`offer`: the fields of a ServiceOffer or ProductOffer (dataclasses.asdict)."""
    return CatalogItemSaved.model_validate(offer | {"id": item_id, "kind": kind})


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


@applies(CHANGE_CATALOG_ITEM)
def catalog_item(session: Session, change: Change) -> None:
    item = CatalogItemSaved.model_validate(change.data)
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
        upsert(session, ServiceItem, values, change.at)
        return
    if not item.sku:
        raise ChangeNotApplicable("a product without an sku")
    values = common | {"sku": item.sku, "barcode": item.barcode or None, "cost": item.cost}
    upsert(session, Product, values, change.at)


@applies(CHANGE_STAFF)
def staff(session: Session, change: Change) -> None:
    member = StaffSaved.model_validate(change.data)
    values: dict[str, Any] = {
        "id": member.id,
        "name": member.name,
        "role": member.role,
        "skills": list(member.skills),
        "discount_limit": member.discount_limit,
        "active": member.active,
        "phone": member.phone,
    }
    if member.pin_hash:
        values["pin_hash"] = member.pin_hash
    elif session.get(Staff, member.id) is None:
        values["pin_hash"] = NO_PIN
    upsert(session, Staff, values, change.at)
