"""attendance.clocked: a staff member's clock-in or clock-out, kept as recorded (append-only)
and sent to every counter of the store. Two counters clocking offline both stand: pairing is
decided when reading (salon_pos.domain.attendance), so nothing here can conflict."""

from __future__ import annotations

from sqlalchemy import select

from sync.operations.attendance import ATTENDANCE_CLOCKED, CHANGE_ATTENDANCE, AttendanceClocked
from sync.server import models
from sync.server.batch import Rejected
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json
from sync.server.handlers.registry import handles
from sync.server.handlers.setup import STAFF

ATTENDANCE = models.table_of(models.AttendanceClocking)


@handles(ATTENDANCE_CLOCKED, reads=True, writes=(ATTENDANCE,))
def attendance_clocked(ctx: OpContext, clocking: AttendanceClocked) -> list[str]:
    owner = select(STAFF.c.store_id).where(STAFF.c.id == clocking.staff_id)
    same_store(ctx, ctx.connection.execute(owner).scalar(), "staff member")
    held = ctx.connection.execute(select(ATTENDANCE.c.op_id).where(ATTENDANCE.c.id == clocking.id))
    first = held.first()
    if first is not None and first[0] != ctx.op.id:
        raise Rejected(f"clocking {clocking.id} was already recorded by another operation")
    data = clocking.model_dump(mode="json")
    if first is None:  # a re-run (deduplication off) adds nothing
        ctx.writer.add(
            ATTENDANCE,
            {
                "id": clocking.id,
                "store_id": ctx.store_id,
                "staff_id": clocking.staff_id,
                "op_id": ctx.op.id,
                "device_id": ctx.device_id,
                "kind": clocking.kind,
                "at": clocking.at,
                "data": dump_json(data),
            },
        )
    ctx.writer.change(CHANGE_ATTENDANCE, clocking.id, data, ctx.device_id)
    return []
