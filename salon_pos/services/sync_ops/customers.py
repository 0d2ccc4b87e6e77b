"""Customers at the counter: the payloads of customer.created and customer.updated, and applying
pulled customers (sync/operations/customers.py declares them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import Customer, CustomerSearchKey
from salon_pos.domain.search_keys import name_search_keys
from salon_pos.services import customers as profiles
from salon_pos.services.sync_ops.pending import fields_not_pushed
from salon_pos.services.sync_ops.registry import applies, builds, inserts_new, new_once
from salon_pos.services.sync_state import observe_hlc
from sync.messages import SEALED_PROFILE_FIELDS
from sync.operations.customers import (
    CHANGE_CUSTOMER,
    CUSTOMER_CREATED,
    CUSTOMER_UPDATED,
    CustomerCreatedV2,
    CustomerData,
    CustomerUpdated,
)
from sync.wire import Change

if TYPE_CHECKING:
    from salon_pos.services.customers import CustomerProfile


@builds(CUSTOMER_CREATED)
def customer_created(
    profile: CustomerProfile, hlc: str, sealed: Mapping[str, str] | None = None
) -> CustomerCreatedV2:
    """`sealed`: the allergies and health notes as sealed (never the profile's text)."""
    return CustomerCreatedV2.model_validate(
        profile.payload()
        | dict.fromkeys(SEALED_PROFILE_FIELDS, "")
        | dict(sealed or {})
        | {"hlc": hlc}
    )


@builds(CUSTOMER_UPDATED)
def customer_updated(
    customer_id: str, changed: dict[str, Any], before: dict[str, Any], hlc: str
) -> CustomerUpdated:
    """`changed` and `before`: field → value in wire form (CustomerProfile.payload())."""
    return CustomerUpdated(id=customer_id, changed=changed, before=before, hlc=hlc)


@applies(CHANGE_CUSTOMER)
def customer(session: Session, change: Change) -> None:
    """The server's values, but for fields this counter has not pushed yet (sync_ops.pending)."""
    data = CustomerData.model_validate(change.data)
    observe_hlc(session, list(data.stamps.values()))
    remote = data.model_dump(include=set(profiles.STAMPED_FIELDS))
    existing = session.get(Customer, data.id)
    if existing is None:
        session.execute(
            insert(Customer).values(
                id=data.id,
                created_at=change.at,
                updated_at=change.at,
                stamps=dict(data.stamps),
                merged_into=data.merged_into,
                tier=data.tier,
                **remote,
            )
        )
        profiles.write_search_keys(session, data.id, data.name)
        return
    changed = _changed_fields(session, existing, data, remote)
    if not changed:
        return
    session.execute(
        update(Customer).where(Customer.id == data.id).values(updated_at=change.at, **changed)
    )
    if "name" in changed:
        profiles.write_search_keys(session, data.id, changed["name"])


@inserts_new(CHANGE_CUSTOMER)
def new_customers(session: Session, changes: Sequence[Change]) -> list[Change]:
    """What `customer` does for a customer new here, for a run of them at once."""
    fresh = new_once(session, Customer.id, changes)
    if not fresh:
        return list(changes)
    rows: list[dict[str, Any]] = []
    keys: list[dict[str, str]] = []
    stamps: list[str] = []
    for change in fresh:
        data = CustomerData.model_validate(change.data)
        stamps.extend(data.stamps.values())
        rows.append(
            data.model_dump(include=set(profiles.STAMPED_FIELDS))
            | {
                "id": data.id,
                "created_at": change.at,
                "updated_at": change.at,
                "stamps": dict(data.stamps),
                "merged_into": data.merged_into,
                "tier": data.tier,
            }
        )
        keys.extend({"key": key, "customer_id": data.id} for key in name_search_keys(data.name))
    observe_hlc(session, stamps)
    insert_rows(session, Customer, rows)
    insert_rows(session, CustomerSearchKey, keys)
    taken = {c.entity_id for c in fresh}
    return [c for c in changes if c.entity_id not in taken]


def _changed_fields(
    session: Session, existing: Customer, data: CustomerData, remote: dict[str, Any]
) -> dict[str, Any]:
    pending = fields_not_pushed(
        session, (CUSTOMER_CREATED, CUSTOMER_UPDATED), data.id, profiles.STAMPED_FIELDS
    )
    local_stamps = dict(existing.stamps or {})
    changed: dict[str, Any] = {}
    for field in profiles.STAMPED_FIELDS:
        if field in pending:
            continue
        if getattr(existing, field) != remote[field]:
            changed[field] = remote[field]
        theirs = data.stamps.get(field)
        if theirs is not None:
            local_stamps[field] = theirs
    if data.merged_into and existing.merged_into != data.merged_into:
        changed["merged_into"] = data.merged_into
    if data.tier != existing.tier:  # the server's alone: no counter edits it
        changed["tier"] = data.tier
    if local_stamps != (existing.stamps or {}):
        changed["stamps"] = local_stamps
    return changed
