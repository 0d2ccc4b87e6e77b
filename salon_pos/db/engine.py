"""The SQLite engine: WAL, synchronous=FULL, foreign keys, busy timeout, BEGIN IMMEDIATE for writes.

A sale is money: with synchronous=FULL a committed ticket survives a power cut (FIELD-NOTES).
Writers take the write lock at BEGIN (IMMEDIATE) so two processes never deadlock upgrading a
read lock, and the per-device sequences they read and bump cannot race.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

BUSY_TIMEOUT_MS = 5000


def pragmas(busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> list[str]:
    return [
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
        f"PRAGMA busy_timeout={busy_timeout_ms}",
    ]


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    # On the driver itself: SQLAlchemy's execute costs more than the BEGIN (about 60 µs, every
    # sale; docs/adr/0003-write-path.md), and the statement has no parameters nor result.
    statement = f"BEGIN {mode}"
    try:
        connection.connection.driver_connection.execute(statement)
    except sqlite3.Error as error:  # as SQLAlchemy's execute raises it (database is locked)
        raise DBAPIError.instance(statement, None, error, sqlite3.Error) from error


def create_sqlite_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
    )

    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not the driver, decide when a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas(busy_timeout_ms):
            cursor.execute(pragma)
        cursor.close()

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
