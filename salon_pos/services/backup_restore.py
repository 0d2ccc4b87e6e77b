"""Putting a backup back as the counter's database (`salon-pos restore FILE`; docs/backups.md).

In this order, and nothing is changed until the last step: the file must exist and be an
SQLite database; nothing may be running on the data folder (folder_lock.alone: the app and
every command hold a lock there); the backup is copied beside the database with the online
backup API and the copy must pass `integrity_check`, hold this app's tables and a schema
revision this program knows (a newer one is refused; an older one is migrated, as at start).
Then the database in place is folded into one file and kept beside it under a name with the
time (`salon_pos-replaced-20261201-103000.db`), and the checked copy takes its place with one
rename. A crash at any point leaves either the old database or the restored one, whole.

The restored counter is behind the server; its next sync round notices and sends again what
the server does not have, under new sequence numbers (services/sync_recovery.py,
docs/adr/0007-counter-identity.md).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from salon_pos.db.database import Database
from salon_pos.db.migrate import HEAD_REVISION, MIGRATIONS, migrate
from salon_pos.domain.errors import UserError
from salon_pos.folder_lock import alone
from salon_pos.paths import Paths
from sync import sqlite_backup
from sync.messages import os_reason

log = logging.getLogger(__name__)
APP_TABLES = frozenset({"alembic_version", "setting", "ticket", "outbox_operation"})
SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupNotFound(UserError):
    en = "There is no file {path}: give the path of a backup (salon-pos backup --list shows them)."
    zh = "找不到文件 {path}：请给出备份文件的路径（salon-pos backup --list 可列出备份）。"


class BackupUnreadable(UserError):
    en = "The file {path} cannot be read ({reason}); nothing was changed."
    zh = "无法读取文件 {path}（{reason}），没有做任何更改。"


class NotABackup(UserError):
    en = "{path} is not a backup of Salon POS (not a Salon POS database); nothing was changed."
    zh = "{path} 不是本收银系统的备份（不是本系统的数据库），没有做任何更改。"


class BackupDamaged(UserError):
    en = (
        "The backup {path} is damaged (it failed SQLite's integrity check: {details}); nothing "
        "was changed. Restore an earlier backup."
    )
    zh = (
        "备份 {path} 已损坏（未通过 SQLite 完整性检查：{details}），没有做任何更改。"
        "请恢复更早的备份。"
    )


class BackupFromNewerVersion(UserError):
    en = (
        "The backup {path} was made by a newer version of Salon POS (database revision "
        "{revision}; this program knows up to {ours}). Update the program first; nothing was "
        "changed."
    )
    zh = (
        "备份 {path} 由更新版本的收银系统生成（数据库版本 {revision}，本程序只认识到 {ours}）。"
        "请先升级程序；没有做任何更改。"
    )


@dataclass(frozen=True)
class Restored:
    source: Path  # the backup put back
    kept: Path | None  # the database it replaced, kept beside it (None: there was none)
    revision: str  # the backup's schema revision, before it was migrated
    migrated: bool  # it was older than this program and was brought up to date


def restore_backup(paths: Paths, file: Path, now: datetime) -> Restored:
    source = _located(file, paths)
    try:
        if not sqlite_backup.looks_like_sqlite(source):
            raise NotABackup(path=source)
    except OSError as error:
        raise BackupUnreadable(path=source, reason=os_reason(error)) from error
    paths.ensure()
    with alone(paths.home):
        incoming = paths.home / f"{paths.database.name}.restoring"
        _remove_with_side_files(incoming)
        try:
            revision = _checked_copy(source, incoming)
            migrated = revision != HEAD_REVISION
            if migrated:
                db = Database(incoming)
                try:
                    migrate(db.engine)
                finally:
                    db.close()
                sqlite_backup.single_file(incoming)
            kept = _keep_current(paths.database, now)
            sqlite_backup.publish(incoming, paths.database)
        finally:
            _remove_with_side_files(incoming)
    log.warning("database restored from %s (revision %s); replaced: %s", source, revision, kept)
    return Restored(source, kept, revision, migrated)


def _located(file: Path, paths: Paths) -> Path:
    """The file as given, or a backup of that name in the data folder's backups/."""
    file = file.expanduser()
    if not file.exists() and not file.is_absolute() and (paths.backups / file.name).exists():
        return paths.backups / file.name
    if not file.is_file():
        raise BackupNotFound(path=file)
    return file


def _checked_copy(source: Path, incoming: Path) -> str:
    """The backup copied to `incoming` and checked; its revision."""
    try:
        sqlite_backup.copy_database(source, incoming)
        facts = sqlite_backup.facts(incoming)
    except sqlite_backup.CopyNotSound as problem:
        raise BackupDamaged(path=source, details=str(problem)) from problem
    except sqlite3.DatabaseError as error:  # "database disk image is malformed", "not a database"
        raise BackupDamaged(path=source, details=str(error)) from error
    if not facts.tables >= APP_TABLES or facts.revision is None:
        raise NotABackup(path=source)
    known = {path.stem for path in (MIGRATIONS / "versions").glob("[0-9]*.py")}
    if facts.revision not in known:
        if _number(facts.revision) > _number(HEAD_REVISION):
            raise BackupFromNewerVersion(path=source, revision=facts.revision, ours=HEAD_REVISION)
        raise NotABackup(path=source)
    return facts.revision


def _number(revision: str) -> int:
    digits = revision.split("_", 1)[0]
    return int(digits) if digits.isdigit() else 0


def _keep_current(database: Path, now: datetime) -> Path | None:
    """Keep the database in place beside it under a new name, as one file when it can be read
    (its WAL folded in), else as it is with its side files; the path it is kept at."""
    if not database.exists():
        return None
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.stem}-replaced-{stamp}{database.suffix}")
    n = 1
    while kept.exists():
        n += 1
        kept = database.with_name(f"{database.stem}-replaced-{stamp}-{n}{database.suffix}")
    try:
        sqlite_backup.single_file(database)
        whole = not Path(f"{database}-wal").exists()
    except sqlite3.DatabaseError:  # damaged: kept exactly as it is, side files and all
        whole = False
    if whole:
        _link_or_copy(database, kept)  # the database stays in place until the last rename
        Path(f"{database}-shm").unlink(missing_ok=True)
    else:
        for suffix in SIDE_FILES:
            side = Path(f"{database}{suffix}")
            if side.exists():
                os.replace(side, f"{kept}{suffix}")
        os.replace(database, kept)
    sqlite_backup.flush_folder(database.parent)
    return kept


def _link_or_copy(database: Path, kept: Path) -> None:
    try:
        os.link(database, kept)
    except OSError:  # a file system without hard links
        shutil.copy2(database, kept)
        sqlite_backup.flush(kept)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
