"""The migrations build the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from sync.server import models
from sync.server.db import create_server_engine
from sync.server.migrate import HEAD_REVISION, MIGRATIONS, alembic_config, migrate


def test_head_revision_constant_matches_the_scripts() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    assert (Path(MIGRATIONS) / "versions" / f"{HEAD_REVISION}.py").exists()


def test_migrations_match_the_models_and_run_twice(server_database_url: str) -> None:
    migrate(server_database_url)
    migrate(server_database_url)
    engine = create_server_engine(server_database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == HEAD_REVISION
            differences = compare_metadata(context, models.Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
