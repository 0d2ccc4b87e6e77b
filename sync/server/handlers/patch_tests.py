"""patch_test.recorded: a customer's patch test, kept as recorded (append-only) and sent to every
counter of the store. Two counters recording tests offline both stand: the newest decides at
the counter (salon_pos.domain.patch_tests). The server never refuses a sale for a patch test."""

from __future__ import annotations

from sqlalchemy import select

from sync.operations.patch_tests import CHANGE_PATCH_TEST, PATCH_TEST_RECORDED, PatchTestRecorded
from sync.server import models
from sync.server.batch import Rejected
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json
from sync.server.handlers.customers import CUSTOMER
from sync.server.handlers.registry import handles

PATCH_TEST = models.table_of(models.PatchTest)


@handles(PATCH_TEST_RECORDED, reads=True, writes=(PATCH_TEST,))
def patch_test_recorded(ctx: OpContext, test: PatchTestRecorded) -> list[str]:
    owner = select(CUSTOMER.c.store_id).where(CUSTOMER.c.id == test.customer_id)
    same_store(ctx, ctx.connection.execute(owner).scalar(), "customer")
    held = ctx.connection.execute(select(PATCH_TEST.c.op_id).where(PATCH_TEST.c.id == test.id))
    first = held.first()
    if first is not None and first[0] != ctx.op.id:
        raise Rejected(f"patch test {test.id} was already recorded by another operation")
    data = test.model_dump(mode="json")
    if first is None:  # a re-run (deduplication off) adds nothing
        ctx.writer.add(
            PATCH_TEST,
            {
                "id": test.id,
                "store_id": ctx.store_id,
                "customer_id": test.customer_id,
                "op_id": ctx.op.id,
                "result": test.result,
                "tested_on": test.tested_on,
                "data": dump_json(data),
                "recorded_at": test.recorded_at,
            },
        )
    ctx.writer.change(CHANGE_PATCH_TEST, test.id, data, ctx.device_id)
    return []
