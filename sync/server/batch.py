"""What a push batch writes, collected per table and written with one executemany per table.

Handlers add rows; the batch writes them at the end (or earlier, when a handler must read what
the batch wrote: `flush`). Change sequence numbers are handed out here, under the store lock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from uuid6 import uuid7

from sync.operations.conflicts import CHANGE_CONFLICT
from sync.operations.kinds import ConflictKind
from sync.protocol import CONFLICT_OPEN
from sync.server import models, report_days, stock_on_hand
from sync.server.db import dump_json, fast_json

# Parents before children, so foreign keys hold at every flush.
WRITE_ORDER: tuple[Table, ...] = tuple(
    models.Base.metadata.tables[name]
    for name in (
        "customer",
        "catalog_item",
        "catalog_alias",
        "store_price",
        "chain_publish",  # written at once (chain.py), declared for the handlers that do
        "store_settings",
        "staff",
        "ticket",
        "ticket_line",
        "ticket_line_share",
        "payment",
        "refund",
        "refund_line",
        "ledger_entry",
        "tender_entry",
        "package_plan",
        "package_card",
        "balance_entry",
        "customer_field_history",
        "patch_test",
        "staff_schedule",
        "staff_leave",
        "booking_resource",
        "booking",
        "attendance",
        "day_close",
        "drawer_session",
        "drawer_movement",
        "stock_document",
        "stock_batch",
        "stock_movement",
        "stock_level",
        "service_consumables",
        "service_consumable",
        "supplier",
        "purchase_order",
        "stocktake",
        "stocktake_count",
        "stock_count_mark",
        "stock_transfer",
        "transfer_publish",
        "conflict",
        "change",
        "applied_operation",
        "alert",
    )
)
# Rows added up per key at each flush and added to the sums held (report_days.py), not inserted.
SUMMED: tuple[Table, ...] = tuple(report_days.SUMS)
Row = dict[str, Any]
COPY_FROM = 20  # rows of a table in one flush from which COPY beats INSERT on PostgreSQL


class Rejected(Exception):
    """The operation cannot be applied (malformed, unknown, another store's): it is parked."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_server_id() -> str:
    return str(uuid7())


def conflict_data(row: Row) -> dict[str, Any]:
    """A conflict as the change feed sends it (docs/sync.md)."""

    def moment(value: datetime | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "id": row["id"],
        "type": row["type"],
        "status": row["status"],
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "op_ids": _listed(row["op_ids"]),
        "details": _listed(row["details"]),
        "suggestion": row["suggestion"],
        "resolution": row["resolution"],
        "resolved_by": row["resolved_by"],
        "created_at": moment(row["created_at"]),
        "resolved_at": moment(row["resolved_at"]),
    }


def _listed(value: Any) -> Any:
    import json

    return json.loads(value) if isinstance(value, str) else value


@dataclass
class BatchWriter:
    connection: Connection
    store_id: str
    now: datetime
    change_seq: int  # the store's last change sequence number handed out
    rows: dict[Table, list[Row]] = field(
        default_factory=lambda: {t: [] for t in WRITE_ORDER + SUMMED}
    )
    changes_written: int = 0

    def add(self, table: Table, row: Row) -> None:
        self.rows[table].append(row)

    def change(
        self, entity: str, entity_id: str, data: dict[str, Any] | None, origin: str | None
    ) -> None:
        """Number a change. `data` None: the feed sends the entity as it stands when pulled
        (tickets: their sale is already stored once, in the ticket row)."""
        self.change_seq += 1
        self.changes_written += 1
        self.add(
            models.table_of(models.ChangeRecord),
            {
                "store_id": self.store_id,
                "seq": self.change_seq,
                "entity": entity,
                "entity_id": entity_id,
                "origin_device_id": origin,
                "data": "" if data is None else fast_json(data),
                "at": self.now,
            },
        )

    def conflict(
        self,
        kind: ConflictKind,
        entity: str,
        entity_id: str,
        op_ids: list[str],
        details: dict[str, Any],
        origin: str | None,
    ) -> str:
        """Record a conflict of a declared kind; its usual resolution is the suggestion."""
        row: Row = {
            "id": new_server_id(),
            "store_id": self.store_id,
            "type": kind.name,
            "status": CONFLICT_OPEN,
            "entity": entity,
            "entity_id": entity_id,
            "op_ids": dump_json(op_ids),
            "details": dump_json(details),
            "suggestion": kind.resolutions[0],
            "resolution": None,
            "resolved_by": None,
            "created_at": self.now,
            "resolved_at": None,
        }
        self.add(models.table_of(models.Conflict), row)
        self.change(CHANGE_CONFLICT, row["id"], conflict_data(row), origin)
        return str(row["id"])

    def mark(self) -> tuple[int, int, dict[Table, int]]:
        return self.change_seq, self.changes_written, {t: len(r) for t, r in self.rows.items()}

    def rewind(self, mark: tuple[int, int, dict[Table, int]]) -> None:
        """Forget what was added since `mark` (an operation that turned out to be rejected)."""
        self.change_seq, self.changes_written, lengths = mark
        for table, length in lengths.items():
            del self.rows[table][length:]

    def flush(self) -> None:
        copy = self.connection.dialect.name == "postgresql"
        sums = day_sums(self.rows[LEDGER], self.rows[TENDER])
        stock = stock_on_hand.on_hand_sums(self.rows[stock_on_hand.MOVEMENT])
        for table in WRITE_ORDER:
            pending = self.rows[table]
            if len(pending) > COPY_FROM and copy:
                copy_rows(self.connection, table, pending)
            elif pending:
                self.connection.execute(insert(table), pending)
            pending.clear()
        add_day_sums(self.connection, sums)
        stock_on_hand.add_on_hand(self.connection, stock)
        report_days.add_sums(self.connection, {table: self.rows[table] for table in SUMMED})
        for table in SUMMED:
            self.rows[table].clear()


LEDGER = models.table_of(models.LedgerEntry)
TENDER = models.table_of(models.TenderEntry)
SALES_DAY = models.table_of(models.SalesDay)
DayKey = tuple[str, Any, str, str]  # store, business day, kind, tender ("": the sales ledger)


def day_sums(ledger: list[Row], tenders: list[Row]) -> dict[DayKey, list[int]]:
    """What a flush adds to sales_day: entries and fen per store, day, kind and tender."""
    sums: dict[DayKey, list[int]] = {}
    for rows, tender in ((ledger, None), (tenders, "tender")):
        for row in rows:
            key = (row["store_id"], row["business_day"], row["kind"], row[tender] if tender else "")
            entry = sums.setdefault(key, [0, 0])
            entry[0] += 1
            entry[1] += row["amount"]
    return sums


def add_day_sums(connection: Connection, sums: dict[DayKey, list[int]]) -> None:
    if not sums:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(SALES_DAY)
    statement = statement.on_conflict_do_update(
        index_elements=["store_id", "business_day", "kind", "tender"],
        set_={
            "entries": SALES_DAY.c.entries + statement.excluded.entries,
            "amount": SALES_DAY.c.amount + statement.excluded.amount,
        },
    )
    rows = [
        {"store_id": s, "business_day": d, "kind": k, "tender": t, "entries": n, "amount": a}
        for (s, d, k, t), (n, a) in sorted(sums.items(), key=lambda item: str(item[0]))
    ]
    connection.execute(statement, rows)


def copy_rows(connection: Connection, table: Table, rows: list[Row]) -> None:
    """PostgreSQL COPY: about three times the rows per second of a pipelined executemany.
    Values go as they are (aware datetimes into timestamptz), so rows must be complete."""
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[name] for name in columns])
