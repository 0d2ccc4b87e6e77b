"""Attendance (考勤): a staff member clocked in or out at a counter with their PIN. Append-only:
a clocking is never edited, so two counters clocking offline both stand and nothing conflicts;
pairing ins with outs is decided when reading (salon_pos.domain.attendance). Every counter of
the store receives every clocking (docs/attendance.md). The counter that recorded it is the
operation's device (and the change's origin), not a payload field."""

from __future__ import annotations

from typing import Final, Literal

from pydantic import Field

from sync.operations.kinds import ChangeKind, Family, OperationKind
from sync.operations.payloads import Id, Lenient, Moment

ATTENDANCE_CLOCKED: Final = "attendance.clocked"
CHANGE_ATTENDANCE: Final = "attendance"


class AttendanceClocked(Lenient):
    id: Id
    staff_id: Id
    kind: Literal["in", "out"]
    at: Moment
    recorded_by: Id | None = Field(default=None, description="who was signed in at the counter")
    note: str = Field(default="", max_length=200)


class AttendanceData(AttendanceClocked):
    """A clocking in the change feed: as recorded."""


FAMILY = Family(
    name="attendance",
    operations=(
        OperationKind(ATTENDANCE_CLOCKED, {1: AttendanceClocked}, changes=(CHANGE_ATTENDANCE,)),
    ),
    changes=(ChangeKind(CHANGE_ATTENDANCE, AttendanceData),),
)
