"""Patch tests at the counter: the payload of patch_test.recorded, and applying pulled tests
(sync/operations/patch_tests.py declares them). A test is never changed, so a pulled one is
inserted once and a replay changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import Customer
from salon_pos.db.models import PatchTest as PatchTestRow
from salon_pos.services.sync_ops.registry import ChangeNotApplicable, applies, builds
from sync.operations.patch_tests import (
    CHANGE_PATCH_TEST,
    PATCH_TEST_RECORDED,
    PatchTestData,
    PatchTestRecorded,
)
from sync.wire import Change

if TYPE_CHECKING:
    from salon_pos.domain.patch_tests import PatchTest


@builds(PATCH_TEST_RECORDED)
def patch_test_recorded(test: PatchTest) -> PatchTestRecorded:
    return PatchTestRecorded(
        id=test.id,
        customer_id=test.customer_id,
        result=test.result.value,
        tested_on=test.tested_on,
        service_id=test.service_id,
        category=test.category,
        subject=test.subject,
        technician_id=test.technician_id,
        note=test.note,
        recorded_by=test.recorded_by,
        recorded_at=test.recorded_at,
    )


@applies(CHANGE_PATCH_TEST)
def patch_test(session: Session, change: Change) -> None:
    data = PatchTestData.model_validate(change.data)
    if session.get(Customer, data.customer_id) is None:
        raise ChangeNotApplicable(f"patch test {data.id} of a customer this counter does not have")
    session.execute(insert(PatchTestRow).values(data.model_dump()).on_conflict_do_nothing())
