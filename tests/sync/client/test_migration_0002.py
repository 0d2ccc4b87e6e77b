"""Upgrading a counter that has data: customers keep their search, the queue stays whole."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from salon_pos.db.database import Database
from salon_pos.db.migrate import alembic_config, migrate


def test_upgrade_from_0001_keeps_customers_searchable_and_the_outbox(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001_initial")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customer (id, name, phone, gender, notes, created_at, updated_at) "
                "VALUES ('c1', '张三', '13800138000', '', '', '2026-11-01', '2026-11-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO outbox_operation (id, device_id, seq, type, occurred_at, "
                "payload_version, payload) VALUES ('o1', 'd1', 1, 'customer.created', "
                "'2026-11-01', 1, '{}')"
            )
        )
    migrate(db.engine)
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT stamps, merged_into FROM customer")).one()
        assert tuple(row) == ("{}", None)
        found = connection.execute(
            text("SELECT rowid FROM customer_phone_fts WHERE customer_phone_fts MATCH '\"0013\"'")
        ).all()
        assert len(found) == 1
        pending = connection.execute(
            text("SELECT id FROM outbox_operation WHERE pushed_at IS NULL")
        ).scalars()
        assert list(pending) == ["o1"]
    db.close()
