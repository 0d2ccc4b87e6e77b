"""Members at the counter: the payloads of package_plan.saved, points.adjusted, points.expired
and stored_value.refunded, and applying pulled balance entries, package cards and plans
(sync/operations/members.py declares them). Entries are kept by their ids: one already here
(this counter made it, or pulled it before) is not added again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import BalanceEntry, PackageCard, PackagePlan
from salon_pos.services.sync_ops.registry import applies, builds
from sync.operations.members import (
    CHANGE_BALANCE_ENTRY,
    CHANGE_PACKAGE_CARD,
    CHANGE_PACKAGE_PLAN,
    PACKAGE_PLAN_SAVED,
    POINTS_ADJUSTED,
    POINTS_EXPIRED,
    STORED_VALUE_REFUNDED,
    BalanceEntryData,
    PackageCardData,
    PackagePlanData,
    PackagePlanSaved,
    PointsAdjusted,
    PointsExpired,
    StoredValueRefunded,
)
from sync.wire import Change

Row = dict[str, Any]


@builds(PACKAGE_PLAN_SAVED)
def package_plan_saved(plan: Row) -> PackagePlanSaved:
    return PackagePlanSaved.model_validate(plan)


@builds(POINTS_ADJUSTED)
def points_adjusted(
    customer_id: str, entries: Sequence[Row], approved_by: str, reason: str
) -> PointsAdjusted:
    return PointsAdjusted.model_validate(
        {"customer_id": customer_id, "entries": entries, "approved_by": approved_by}
        | {"reason": reason}
    )


@builds(POINTS_EXPIRED)
def points_expired(customer_id: str, entries: Sequence[Row]) -> PointsExpired:
    return PointsExpired.model_validate({"customer_id": customer_id, "entries": entries})


@builds(STORED_VALUE_REFUNDED)
def stored_value_refunded(
    customer_id: str,
    entries: Sequence[Row],
    approved_by: str,
    reason: str,
    paid_out: int,
    tender: str,
) -> StoredValueRefunded:
    return StoredValueRefunded.model_validate(
        {"customer_id": customer_id, "entries": entries, "approved_by": approved_by}
        | {"reason": reason, "paid_out": paid_out, "tender": tender}
    )


@applies(CHANGE_BALANCE_ENTRY)
def balance_entry(session: Session, change: Change) -> None:
    data = BalanceEntryData.model_validate(change.data)
    session.execute(insert(BalanceEntry).values(data.model_dump()).on_conflict_do_nothing())


@applies(CHANGE_PACKAGE_CARD)
def package_card(session: Session, change: Change) -> None:
    data = PackageCardData.model_validate(change.data)
    session.execute(insert(PackageCard).values(data.model_dump()).on_conflict_do_nothing())


@applies(CHANGE_PACKAGE_PLAN)
def package_plan(session: Session, change: Change) -> None:
    data = PackagePlanData.model_validate(change.data)
    held = session.get(PackagePlan, data.id)
    if held is not None and held.hlc >= data.hlc:
        return
    row = data.model_dump()
    session.execute(insert(PackagePlan).values(row).on_conflict_do_update(set_=row))
