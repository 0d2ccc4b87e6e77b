"""The migration scripts build exactly the models' schema, and HEAD_REVISION names the newest."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from salon_pos.db.database import Database
from salon_pos.db.migrate import HEAD_REVISION, alembic_config, include_name, migrate
from salon_pos.db.models import Base


def test_head_revision_constant_matches_the_scripts() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.db")
    migrate(db.engine)
    migrate(db.engine)  # a second start is a no-op
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
        pragmas = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    db.close()
