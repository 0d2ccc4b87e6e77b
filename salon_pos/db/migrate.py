"""Bring the database to the newest schema on start, cheaply when it already is."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision; a test checks it against the migration scripts. Comparing with it
# spares loading Alembic (about 100 ms) on every start of the app.
HEAD_REVISION = "0029_stock_snapshot"


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Autogenerate ignores the FTS5 index tables, which the migration creates by hand."""
    return not (type_ == "table" and name is not None and name.startswith("customer_phone_fts"))


def current_revision(connection: Connection) -> str | None:
    try:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except OperationalError:
        return None


def alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    with engine.connect() as connection:
        if current_revision(connection) == HEAD_REVISION:
            return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
