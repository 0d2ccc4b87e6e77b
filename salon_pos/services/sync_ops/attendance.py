"""Attendance at the counter: the payload of attendance.clocked, and applying pulled clockings
(sync/operations/attendance.py declares them). A clocking is never changed, so a pulled one is
inserted once and a replay changes nothing; the counter it was clocked at is the change's
origin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import AttendanceClocking, Staff
from salon_pos.services.sync_ops.registry import ChangeNotApplicable, applies, builds
from sync.operations.attendance import (
    ATTENDANCE_CLOCKED,
    CHANGE_ATTENDANCE,
    AttendanceClocked,
    AttendanceData,
)
from sync.wire import Change

if TYPE_CHECKING:
    from salon_pos.domain.attendance import Clocking


@builds(ATTENDANCE_CLOCKED)
def attendance_clocked(clocking: Clocking) -> AttendanceClocked:
    return AttendanceClocked(
        id=clocking.id,
        staff_id=clocking.staff_id,
        kind=clocking.kind.value,
        at=clocking.at,
        recorded_by=clocking.recorded_by,
        note=clocking.note,
    )


@applies(CHANGE_ATTENDANCE)
def attendance(session: Session, change: Change) -> None:
    data = AttendanceData.model_validate(change.data)
    if session.get(Staff, data.staff_id) is None:
        raise ChangeNotApplicable(f"clocking {data.id} of a staff member this counter lacks")
    row = data.model_dump() | {"device_id": change.origin_device_id}
    session.execute(insert(AttendanceClocking).values(row).on_conflict_do_nothing())
