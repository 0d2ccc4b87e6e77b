"""Upgrading a counter with a queue to 0004: the outbox is rebuilt with every row, its triggers
and its pending index; (device_id, seq) stays unique except beside a superseded row."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from salon_pos.db.database import Database
from salon_pos.db.migrate import alembic_config, migrate

_QUEUE = (
    "INSERT INTO outbox_operation (id, device_id, seq, type, occurred_at, payload_version, "
    "payload, pushed_at, result) VALUES (:id, 'd1', :seq, 'sale.completed', '2026-11-01', 1, "
    "'{}', :pushed_at, :result)"
)


def _queue(connection: Connection, op_id: str, seq: int, result: str | None = None) -> None:
    pushed = "2026-11-02" if result else None
    connection.execute(
        text(_QUEUE), {"id": op_id, "seq": seq, "pushed_at": pushed, "result": result}
    )


def test_upgrade_to_0004_keeps_the_queue_its_triggers_and_unique_seqs(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003_parked_changes")
    with db.engine.begin() as connection:
        _queue(connection, "o1", 1, "applied")
        _queue(connection, "o2", 2)
    migrate(db.engine)
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, seq, result FROM outbox_operation")).all()
        assert sorted(map(tuple, rows)) == [("o1", 1, "applied"), ("o2", 2, None)]
        plan = connection.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM outbox_operation WHERE pushed_at IS NULL")
        ).all()
        assert "ix_outbox_pending" in str(plan)
    for statement in (
        "UPDATE outbox_operation SET payload = '{\"x\": 1}' WHERE id = 'o2'",
        "DELETE FROM outbox_operation WHERE id = 'o1'",
    ):
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(text(statement))
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        _queue(connection, "o3", 2)  # a second live operation under seq 2
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE outbox_operation SET result = 'superseded', pushed_at = '2026-11-03' "
                "WHERE id = 'o2'"
            )
        )
        _queue(connection, "o3", 2)  # sent again under the same seq: allowed beside it
    db.close()
