"""transfer.sent, transfer.received: stock between an owner's stores (调拨; docs/inventory.md,
"Server"). Sent: out of the sending store at once (its transfer_out movements). Received: into
the receiving store, with what arrived of each line (its transfer_in movements) and the
batches sent, kept there under their ids. Both stores' counters get the transfer. Received
on two counters of the store while apart: the first receipt to arrive stands, the second's
movements are recorded and reversed here, with one transfer_received_twice conflict.

A push holds its own store's lock only (chain.py): the other store's feed gets the transfer
through a queue (transfer_publish) written in the same transaction, sent down as a change of
that store's feed before its counters next read it (`publish_transfers`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update

from sync.operations.inventory import (
    CHANGE_TRANSFER,
    TRANSFER_RECEIVED,
    TRANSFER_RECEIVED_TWICE,
    TRANSFER_SENT,
    StockBatchPayload,
    StockMovementPayload,
    TransferData,
    TransferLine,
    TransferReceived,
    TransferSent,
)
from sync.server import models
from sync.server.batch import BatchWriter, Rejected
from sync.server.config import utc_now
from sync.server.context import OpContext, same_store
from sync.server.db import dump_json, load_json
from sync.server.handlers.inventory import (
    BATCH,
    MOVEMENT,
    Quantities,
    check_kinds,
    fresh_movements,
    record_batches,
    record_movements,
    record_reversed,
    server_adjustments,
)
from sync.server.handlers.registry import handles

Clock = Callable[[], datetime]

TRANSFER = models.table_of(models.StockTransfer)
PUBLISH = models.table_of(models.TransferPublish)
STORE = models.table_of(models.Store)
SENT_KINDS = frozenset({"transfer_out"})
RECEIVED_KINDS = frozenset({"transfer_in"})
Row = dict[str, Any]


def _other_store_of_owner(ctx: OpContext, store_id: str) -> None:
    """A transfer goes to another open store of the caller's owner, never to its own."""
    if store_id == ctx.store_id:
        raise Rejected("a transfer goes to another store, not to the one it is sent from")
    owners = select(STORE.c.id, STORE.c.owner_id).where(STORE.c.id.in_([ctx.store_id, store_id]))
    found = dict(ctx.connection.execute(owners).all())
    if store_id not in found or found[store_id] != found[ctx.store_id]:
        raise Rejected("unknown store")  # another owner's store is not this one's to know


def _queue_for(ctx: OpContext, store_id: str, transfer_id: str) -> None:
    row = {"store_id": store_id, "transfer_id": transfer_id, "queued_at": ctx.now}
    ctx.writer.add(PUBLISH, row)


@handles(TRANSFER_SENT, reads=True, writes=(TRANSFER, PUBLISH, MOVEMENT))
def transfer_sent(ctx: OpContext, sent: TransferSent) -> list[str]:
    check_kinds(sent.movements, SENT_KINDS)
    held = ctx.connection.execute(
        select(TRANSFER.c.from_store_id).where(TRANSFER.c.id == sent.id)
    ).scalar()
    if held is not None:
        same_store(ctx, held, "transfer")
        return []  # sent before: once
    _other_store_of_owner(ctx, sent.to_store_id)
    row = sent.model_dump(exclude={"movements", "lines"}) | {
        "from_store_id": ctx.store_id,
        "lines": dump_json(sent.model_dump(mode="json")["lines"]),
        "device_id": ctx.device_id,
        "op_id": ctx.op.id,
        "received": None,
        "received_device_id": None,
        "receive_op_id": None,
    }
    ctx.writer.add(TRANSFER, row)
    data = transfer_data(ctx.connection, row, [m.model_dump(mode="json") for m in sent.movements])
    ctx.writer.change(CHANGE_TRANSFER, sent.id, data, ctx.device_id)
    _queue_for(ctx, sent.to_store_id, sent.id)
    return record_movements(ctx, fresh_movements(ctx, sent.movements), [sent.number])


@handles(TRANSFER_RECEIVED, reads=True, writes=(TRANSFER, PUBLISH, BATCH, MOVEMENT))
def transfer_received(ctx: OpContext, received: TransferReceived) -> list[str]:
    """Only the store it was sent to receives a transfer; its batches are kept there. The
    first receipt stands; a second is reversed (`_received_again`)."""
    check_kinds(received.movements, RECEIVED_KINDS)
    found = ctx.connection.execute(select(TRANSFER).where(TRANSFER.c.id == received.transfer_id))
    held = found.mappings().first()
    if held is None or ctx.store_id not in (held["to_store_id"], held["from_store_id"]):
        raise Rejected("unknown transfer")
    if held["to_store_id"] != ctx.store_id:
        raise Rejected("a transfer is received by the store it was sent to")
    if held["received"] is not None:
        return _received_again(ctx, dict(held), received)
    values = {
        "received": dump_json(_receipt(received)),
        "received_device_id": ctx.device_id,
        "receive_op_id": ctx.op.id,
    }
    ctx.connection.execute(update(TRANSFER).where(TRANSFER.c.id == held["id"]).values(values))
    row = dict(held) | values
    sent_lines = [TransferLine.model_validate(line) for line in load_json(row["lines"])]
    record_batches(ctx, _batches_sent(sent_lines))
    ctx.writer.change(CHANGE_TRANSFER, row["id"], transfer_data(ctx.connection, row), ctx.device_id)
    _queue_for(ctx, row["from_store_id"], row["id"])
    return record_movements(ctx, fresh_movements(ctx, received.movements), [row["number"]])


def _received_again(ctx: OpContext, held: Row, received: TransferReceived) -> list[str]:
    """The first receipt to arrive stands. The same receipt sent again adds nothing; another
    counter's (both received it while apart) applied its stock there: its movements are
    recorded as facts and reversed here, and one transfer_received_twice tells a manager."""
    stood = load_json(held["received"])
    if held["received_device_id"] == ctx.device_id and stood == _receipt(received):
        return []
    fresh = fresh_movements(ctx, received.movements)
    if received.movements and not fresh:
        return []  # this second receipt, sent again: reversed and raised before
    details = {
        "number": held["number"],
        "transfer_id": held["id"],
        "stamps": [d for d in (held["received_device_id"], ctx.device_id) if d],
        "received_at": [stood["received_at"], _receipt(received)["received_at"]],
        "reversed": len(fresh),
    }
    conflict_id = ctx.writer.conflict(
        TRANSFER_RECEIVED_TWICE, CHANGE_TRANSFER, held["id"], [ctx.op.id], details, ctx.device_id
    )
    units: Quantities = {}
    for movement in fresh:
        key = (movement.product_id, movement.batch_id)
        units[key] = units.get(key, 0) - movement.quantity
    reason = f"transfer {held['number']} received twice: reversed"
    record_reversed(ctx, fresh, server_adjustments(ctx, units, conflict_id, reason))
    return [conflict_id]


def _receipt(received: TransferReceived) -> dict[str, Any]:
    """A receipt as the transfer keeps it: without its movements (each a change of its own)."""
    return received.model_dump(mode="json", exclude={"movements"})


def _batches_sent(lines: list[TransferLine]) -> list[StockBatchPayload]:
    unique = {line.batch.id: line.batch for line in lines if line.batch is not None}
    return list(unique.values())


def transfer_data(
    connection: Connection, row: Row, movements: list[dict[str, Any]] | None = None
) -> Row:
    """A transfer as both stores' feeds send it (TransferData): as sent, with its movements
    out of the sending store, the stores' names, and the receipt once in."""
    names = dict(
        connection.execute(
            select(STORE.c.id, STORE.c.name).where(
                STORE.c.id.in_([row["from_store_id"], row["to_store_id"]])
            )
        ).all()
    )
    if movements is None:
        movements = _sent_movements(connection, row)
    fields = set(TransferSent.model_fields) - {"lines", "movements"}
    data = TransferData.model_validate(
        {name: row[name] for name in fields}
        | {
            "lines": load_json(row["lines"]),
            "movements": movements,
            "from_store_id": row["from_store_id"],
            "from_store_name": names.get(row["from_store_id"], ""),
            "to_store_name": names.get(row["to_store_id"], ""),
            "received": load_json(row["received"]),
        }
    )
    return data.model_dump(mode="json")


def _sent_movements(connection: Connection, row: Row) -> list[dict[str, Any]]:
    fields = list(StockMovementPayload.model_fields)
    found = connection.execute(
        select(*(MOVEMENT.c[name] for name in fields))
        .where(
            MOVEMENT.c.store_id == row["from_store_id"],
            MOVEMENT.c.document_id == row["id"],
            MOVEMENT.c.kind == "transfer_out",
        )
        .order_by(MOVEMENT.c.id)
    ).mappings()
    return [StockMovementPayload.model_validate(dict(m)).model_dump(mode="json") for m in found]


def publish_transfers(engine: Engine, store_id: str, clock: Clock = utc_now) -> int:
    """Send down, in the store's feed, the transfers queued for it by the other store's
    pushes, as each stands now. Answers how many; nothing queued costs one indexed read."""
    queued = select(PUBLISH.c.id).where(PUBLISH.c.store_id == store_id).limit(1)
    # Here, not at the top: master_data imports the handlers (a cycle at the server's start).
    from sync.server.master_data import store_writer

    with engine.connect() as connection:
        if connection.execute(queued).first() is None:
            return 0
    with store_writer(engine, store_id, clock) as writer:
        return _publish(writer)


def _publish(writer: BatchWriter) -> int:
    held = writer.connection.execute(
        select(PUBLISH.c.id, PUBLISH.c.transfer_id).where(PUBLISH.c.store_id == writer.store_id)
    ).all()
    transfers = sorted({row.transfer_id for row in held})
    rows = writer.connection.execute(select(TRANSFER).where(TRANSFER.c.id.in_(transfers)))
    for row in rows.mappings():
        writer.change(CHANGE_TRANSFER, row["id"], transfer_data(writer.connection, dict(row)), None)
    # Only what was read: a row queued since (another store's push) waits for the next.
    writer.connection.execute(delete(PUBLISH).where(PUBLISH.c.id.in_([r.id for r in held])))
    return len(transfers)
