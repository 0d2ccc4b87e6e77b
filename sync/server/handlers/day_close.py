"""day.closed: a business day closed at a counter. The first close of a day stands (a second,
made at another counter while apart, is answered and changes nothing). After each batch, the
server works out its own figures of every closed day the batch touched; a sale, void or
refund of a day closed before it arrived amends that day and raises `closed_day_amended`."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update

from salon_pos.domain.day_close import figures_json
from sync.operations.day_close import (
    CHANGE_DAY_CLOSE,
    CLOSED_DAY_AMENDED,
    DAY_CLOSED,
    DayClosed,
)
from sync.server import models
from sync.server.batch import BatchWriter
from sync.server.context import OpContext
from sync.server.day_figures import server_day_figures
from sync.server.db import dump_json, load_json
from sync.server.handlers.registry import handles

CLOSE = models.table_of(models.DayClose)


@handles(DAY_CLOSED, reads=True, writes=(CLOSE,))
def day_closed(ctx: OpContext, close: DayClosed) -> list[str]:
    held = ctx.connection.execute(
        select(CLOSE.c.op_id).where(
            CLOSE.c.store_id == ctx.store_id, CLOSE.c.business_day == close.business_day
        )
    ).first()
    if held is not None or close.business_day in ctx.cache.closes:
        return []  # the day's first close stands; this one locked its counter all the same
    ctx.cache.closes[close.business_day] = ctx.op.seq
    ctx.writer.add(
        CLOSE,
        {
            "store_id": ctx.store_id,
            "business_day": close.business_day,
            "id": close.id,
            "op_id": ctx.op.id,
            "device_id": ctx.device_id or "",
            "closed_at": close.closed_at,
            "closed_by": close.closed_by,
            "data": close.model_dump_json(),
            "server_figures": "{}",  # worked out after the batch (settle_closed_days)
            "amendments": 0,
            "amended_at": None,
        },
    )
    return []


def touched(ctx: OpContext, day: date, ticket_id: str, number: str, amount: int) -> None:
    """A sale, void or refund of `day` (signed fen) was applied: if the day is closed, it is
    late and amends the day's figures (settle_closed_days)."""
    ctx.cache.days_touched.setdefault(day, []).append(
        {
            "seq": ctx.op.seq,
            "op_id": ctx.op.id,
            "ticket_id": ticket_id,
            "number": number,
            "amount": amount,
            "op_type": ctx.op.type,
            "device_id": ctx.device_id,
        }
    )


def settle_closed_days(
    writer: BatchWriter, closes: dict[date, int], touched: dict[date, list[dict[str, Any]]]
) -> None:
    """After the batch is flushed: the server's figures of each day closed in the batch, and of
    each closed day something late arrived for (with a conflict naming what came late)."""
    days = set(closes) | set(touched)
    if not days:
        return
    connection, store_id = writer.connection, writer.store_id
    rows = connection.execute(
        select(CLOSE).where(CLOSE.c.store_id == store_id, CLOSE.c.business_day.in_(days))
    ).mappings()
    for row in rows:
        day = row["business_day"]
        closed_in_batch = closes.get(day)
        late = [
            item
            for item in touched.get(day, ())
            if closed_in_batch is None or item["seq"] > closed_in_batch
        ]
        if closed_in_batch is None and not late:
            continue
        before = load_json(row["server_figures"])
        figures = figures_json(server_day_figures(connection, store_id, day))
        values: dict[str, Any] = {"server_figures": dump_json(figures)}
        if late:
            values |= {"amendments": row["amendments"] + 1, "amended_at": writer.now}
            details = {
                "business_day": day.isoformat(),
                "close_id": row["id"],
                "late": [{k: v for k, v in item.items() if k != "seq"} for item in late],
                "net_before": before.get("net"),
                "net_after": figures["net"],
            }
            op_ids = sorted({item["op_id"] for item in late})
            writer.conflict(CLOSED_DAY_AMENDED, CHANGE_DAY_CLOSE, row["id"], op_ids, details, None)
        connection.execute(
            update(CLOSE)
            .where(CLOSE.c.store_id == store_id, CLOSE.c.business_day == day)
            .values(values)
        )
        data = load_json(row["data"]) | {
            "device_id": row["device_id"],
            "server_figures": figures,
            "amendments": values.get("amendments", row["amendments"]),
        }
        writer.change(CHANGE_DAY_CLOSE, row["id"], data, None if late else row["device_id"])
    writer.flush()
