"""Bring the server's database to the newest schema; cheap when it already is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from sync.server.db import create_server_engine

MIGRATIONS = Path(__file__).parent / "migrations"
HEAD_REVISION = "0027_stock_on_hand"  # a test checks it against the migration scripts


def current_revision(connection: Connection) -> str | None:
    try:
        with connection.begin_nested():
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate_engine(engine: Engine) -> None:
    with engine.connect() as connection:
        if current_revision(connection) == HEAD_REVISION:
            return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def migrate(database_url: str) -> None:
    engine = create_server_engine(database_url)
    try:
        migrate_engine(engine)
    finally:
        engine.dispose()
