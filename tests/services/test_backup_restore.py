"""Putting a backup back (services/backup_restore.py): every bad file is refused with nothing
changed, the app running on the folder is refused, the replaced database is kept beside it,
an older backup is brought up to date."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from salon_pos.db.database import Database
from salon_pos.db.migrate import HEAD_REVISION, alembic_config, current_revision
from salon_pos.domain.errors import UserError
from salon_pos.folder_lock import FolderInUse, in_use
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.backup_restore import (
    BackupDamaged,
    BackupFromNewerVersion,
    BackupNotFound,
    NotABackup,
)
from salon_pos.services.backups import MANUAL, BackupService
from tests.conftest import FakeClock, Shelf, Team, three_line_sale


@pytest.fixture
def home(backend: Backend) -> Paths:
    return Paths(backend.db.path.parent)


@pytest.fixture
def backup(backend: Backend, team: Team, shelf: Shelf) -> Iterator[Path]:
    """A backup with one sale; a second sale made after it; the app closed."""
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    path = backend.backups.back_up(MANUAL).backup.path
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    backend.close()
    yield path


def tickets(database: Path) -> int:
    with closing(sqlite3.connect(database)) as connection:
        return int(connection.execute("SELECT count(*) FROM ticket").fetchone()[0])


def restore(home: Paths, clock: FakeClock, file: Path) -> object:
    return BackupService(home, clock).restore(file)


def nothing_changed(home: Paths) -> None:
    assert tickets(home.database) == 2
    assert sorted(p.name for p in home.home.glob("salon_pos*")) == ["salon_pos.db"]


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_database(
    home: Paths, backup: Path, clock: FakeClock
) -> None:
    restored = BackupService(home, clock).restore(backup)
    assert restored.source == backup and not restored.migrated
    assert restored.revision == HEAD_REVISION
    assert tickets(home.database) == 1
    assert restored.kept is not None and restored.kept.parent == home.home
    assert restored.kept.name.startswith("salon_pos-replaced-") and tickets(restored.kept) == 2
    leftovers = {p.name for p in home.home.iterdir()} - {restored.kept.name}
    assert not {n for n in leftovers if n.startswith("salon_pos") and n != "salon_pos.db"}
    assert backup.exists()  # the backup itself is untouched
    again = open_backend(home, clock)  # and the app opens it
    try:
        assert len(again.tickets.find()) == 1
    finally:
        again.close()


def test_restore_by_name_finds_the_file_in_backups(
    home: Paths, backup: Path, clock: FakeClock
) -> None:
    BackupService(home, clock).restore(Path(backup.name))
    assert tickets(home.database) == 1


def test_a_database_left_with_its_wal_is_kept_whole(
    home: Paths, backup: Path, clock: FakeClock
) -> None:
    """The app ended without checkpointing (a power cut): the last sale is only in the WAL."""
    writer = sqlite3.connect(home.database, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE setting SET value = 'in the WAL only' WHERE key = 'store_name'")
    assert Path(f"{home.database}-wal").stat().st_size > 0
    shutil.copy(home.database, home.home / "main-only.db")
    shutil.copy(f"{home.database}-wal", home.home / "main-only.db-wal")
    writer.close()  # this would fold the WAL in: put back the state a crash leaves
    shutil.copy(home.home / "main-only.db", home.database)
    shutil.copy(home.home / "main-only.db-wal", f"{home.database}-wal")
    (home.home / "main-only.db").unlink()
    (home.home / "main-only.db-wal").unlink()

    restored = BackupService(home, clock).restore(backup)
    assert restored.kept is not None
    with closing(sqlite3.connect(restored.kept)) as kept:
        name = kept.execute("SELECT value FROM setting WHERE key = 'store_name'").fetchone()[0]
    assert name == "in the WAL only"
    assert tickets(home.database) == 1


def test_a_damaged_database_in_place_is_kept_as_it_is(
    home: Paths, backup: Path, clock: FakeClock
) -> None:
    home.database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    restored = BackupService(home, clock).restore(backup)
    assert restored.kept is not None and restored.kept.read_bytes()[16:20] == b"\xff" * 4
    assert tickets(home.database) == 1


def test_restore_onto_a_new_pc_with_no_database_yet(
    backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    new_pc = Paths(tmp_path / "new-pc")
    restored = BackupService(new_pc, clock).restore(backup)
    assert restored.kept is None and tickets(new_pc.database) == 1


def test_a_file_that_is_not_there_is_refused(home: Paths, backup: Path, clock: FakeClock) -> None:
    with pytest.raises(BackupNotFound) as refused:
        restore(home, clock, home.home / "nope.db")
    assert "nope.db" in refused.value.message("en")
    nothing_changed(home)


@pytest.mark.parametrize("content", [b"", b"name,phone\n", b"\x00" * 5000])
def test_a_file_that_is_not_a_database_is_refused(
    home: Paths, backup: Path, clock: FakeClock, tmp_path: Path, content: bytes
) -> None:
    file = tmp_path / "customers.csv"
    file.write_bytes(content)
    with pytest.raises(NotABackup):
        restore(home, clock, file)
    nothing_changed(home)


def test_a_database_of_another_program_is_refused(
    home: Paths, backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.commit()
    with pytest.raises(NotABackup):
        restore(home, clock, other)
    nothing_changed(home)


def test_a_damaged_backup_is_refused(
    home: Paths, backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.db"
    data = bytearray(backup.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # b-tree pages overwritten
        data[start + 8 : start + 200] = b"\x07" * 192
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged) as refused:
        restore(home, clock, damaged)
    assert "integrity" in refused.value.message("en")
    nothing_changed(home)


def test_a_backup_from_a_newer_version_is_refused(
    home: Paths, backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.db"
    shutil.copy(backup, newer)
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        connection.commit()
    with pytest.raises(BackupFromNewerVersion) as refused:
        restore(home, clock, newer)
    assert "0099_from_the_future" in refused.value.message("en")
    assert HEAD_REVISION in refused.value.message("zh_CN")
    nothing_changed(home)


def test_restore_is_refused_while_the_app_runs_on_the_folder(
    home: Paths, backup: Path, clock: FakeClock
) -> None:
    with in_use(home.home):
        with pytest.raises(FolderInUse) as refused:
            restore(home, clock, backup)
        assert str(home.home) in refused.value.message("en")
    nothing_changed(home)
    restore(home, clock, backup)  # once it has closed
    assert tickets(home.database) == 1


def test_an_older_backup_is_brought_up_to_date(
    home: Paths, backup: Path, clock: FakeClock, tmp_path: Path
) -> None:
    older = tmp_path / "older.db"
    shutil.copy(backup, older)
    db = Database(older)
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "-1")
    db.close()
    restored = BackupService(home, clock).restore(older)
    assert restored.migrated and restored.revision != HEAD_REVISION
    db = Database(home.database)
    with db.engine.connect() as connection:
        assert current_revision(connection) == HEAD_REVISION
    db.close()
    assert tickets(home.database) == 1


def test_every_refusal_speaks_both_languages() -> None:
    for error in (BackupNotFound(path="x"), NotABackup(path="x")):
        assert isinstance(error, UserError)
        assert error.message("en").isascii() and error.message("zh_CN") != error.message("en")
