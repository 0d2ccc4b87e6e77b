"""Backups of the counter's database (docs/backups.md).

`BackupService.back_up(reason)` copies the live database with SQLite's online backup API into
the data folder's `backups/` (sync/sqlite_backup.py: a temporary name, `integrity_check`, flushed,
renamed), named by the moment and the reason (domain/backups.py), keeps the newest
`backup_keep` (30) and deletes older ones. When Settings name a second folder (a USB disk, a
NAS), the checked file is copied there the same way; a second folder that is missing or not
writable is reported in the result and logged, and never undoes or stops the first copy.

Called by the nightly job (jobs/backups.py), by `salon-pos backup`, and right after an
end-of-day close commits: `backend.backups.back_up(CLOSE)` (in the background: a year of
sales takes a few seconds to copy and check). `restore(file)`: services/backup_restore.py.
"""

from __future__ import annotations

import builtins
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from salon_pos.domain.backups import (
    CLOSE,
    DEFAULT_KEEP,
    DEFAULT_TIME,
    MANUAL,
    NIGHTLY,
    backup_file_name,
    parse_backup_name,
)
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import NotInitialised, UserError
from salon_pos.paths import Paths
from salon_pos.services.backup_restore import Restored, restore_backup
from salon_pos.services.settings import SettingsService
from sync import sqlite_backup
from sync.messages import Both, os_reason

__all__ = ["CLOSE", "MANUAL", "NIGHTLY", "Backup", "BackupResult", "BackupService", "Restored"]

log = logging.getLogger(__name__)
STALE_PARTIAL_SECONDS = 3600  # a temporary file this old was left by a process that died


class BackupFailed(UserError):
    en = (
        "No backup could be written to {folder} ({reason}). The database itself is untouched; "
        "free some disk space or fix the folder's permissions, then back up again."
    )
    zh = (
        "无法把备份写入 {folder}（{reason}）。数据库本身没有受影响；"
        "请腾出磁盘空间或修正该目录的权限，然后重新备份。"
    )


class BackupNotSound(UserError):
    en = (
        "The copy of the database failed SQLite's integrity check ({details}), so it was not "
        "kept. The database itself may be damaged: keep the last good backup safe and call "
        "for support."
    )
    zh = (
        "数据库的副本未通过 SQLite 完整性检查（{details}），因此没有保留。"
        "数据库本身可能已损坏：请妥善保存最近一份完好的备份，并联系技术支持。"
    )


class SecondFolderUnusable(UserError):
    en = (
        "The second backup folder {folder} cannot be used ({reason}). Plug in the USB disk or "
        "check the network drive, or choose another folder in Settings."
    )
    zh = (
        "第二备份目录 {folder} 无法使用（{reason}）。请插上 U 盘或检查网络磁盘，"
        "或在“设置”中另选一个目录。"
    )


NOT_A_FOLDER = Both("不是一个已存在的目录", "it is not an existing folder")
NOT_SOUND = Both("写入的副本未通过完整性检查", "the copy written there failed its check")
UNEXPECTED = Both("程序出错，详见日志", "a program error, see the log")


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime  # when it was taken (UTC)
    reason: str  # nightly, close or manual
    size: int  # bytes


@dataclass(frozen=True)
class BackupResult:
    backup: Backup  # in the data folder's backups/, checked
    removed: int  # older backups deleted there (beyond the number to keep)
    second_copy: Path | None = None  # the copy in the second folder, checked
    second_problem: UserError | None = None  # why there is none, when a second folder is set


@dataclass(frozen=True)
class BackupPreferences:
    time_zone: str = "Asia/Shanghai"
    keep: int = DEFAULT_KEEP
    second_folder: Path | None = None
    nightly_at: str = DEFAULT_TIME


class BackupService:
    def __init__(self, paths: Paths, clock: Clock, settings: SettingsService | None = None):
        self._paths = paths
        self._clock = clock
        self._settings = settings
        self._writing = threading.Lock()  # the nightly job, a close and a manual one at once

    @property
    def folder(self) -> Path:
        return self._paths.backups

    def preferences(self) -> BackupPreferences:
        """The device's backup settings (the defaults on a counter not set up yet)."""
        try:
            current = self._settings.current if self._settings is not None else None
        except NotInitialised:
            current = None
        if current is None:
            return BackupPreferences()
        second = Path(current.backup_folder).expanduser() if current.backup_folder else None
        return BackupPreferences(
            current.time_zone, current.backup_keep, second, current.backup_time
        )

    def back_up(self, reason: str = MANUAL, second_folder: Path | None = None) -> BackupResult:
        """A checked backup in backups/ (BackupFailed, BackupNotSound: none was made), and a
        copy in `second_folder`, else the one in Settings, if any (its problem is in the
        result). Older backups beyond the number to keep are deleted in both."""
        preferences = self.preferences()
        second = second_folder or preferences.second_folder
        with self._writing:
            backup = self._write(reason, preferences)
            removed = self._prune(self.folder, preferences.keep)
            if second is None:
                return BackupResult(backup, removed)
            try:
                copy = self._copy_to(backup, second, preferences.keep)
            except UserError as problem:
                log.warning("backup %s: no second copy: %s", backup.path, problem.message("en"))
                return BackupResult(backup, removed, second_problem=problem)
        return BackupResult(backup, removed, second_copy=copy)

    def list(self, folder: Path | None = None) -> builtins.list[Backup]:
        """The backups in `folder` (backups/ by default), newest first."""
        folder = folder or self.folder
        found = []
        for path in folder.glob("salon-pos-*.db") if folder.is_dir() else ():
            name = parse_backup_name(path.name)
            if name is not None and path.is_file():
                found.append(Backup(path, name.at, name.reason, path.stat().st_size))
        return sorted(found, key=lambda b: (b.at, b.path.name), reverse=True)

    def last(self) -> Backup | None:
        backups = self.list()
        return backups[0] if backups else None

    def check_folder(self, folder: Path) -> None:
        """SecondFolderUnusable unless `folder` exists and this PC may write there."""
        if not folder.is_dir():
            raise SecondFolderUnusable(folder=folder, reason=NOT_A_FOLDER)
        probe = folder / f".salon-pos-probe-{threading.get_ident()}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise SecondFolderUnusable(folder=folder, reason=os_reason(error)) from error

    def restore(self, file: Path) -> Restored:
        """Put `file` back as this counter's database (services/backup_restore.py); only
        while nothing runs on the data folder."""
        return restore_backup(self._paths, file, self._clock.now())

    # ------------------------------------------------------------ writing

    def _write(self, reason: str, preferences: BackupPreferences) -> Backup:
        at = self._clock.now().replace(microsecond=0)  # as the file name says it
        folder = self.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            final = self._free_name(folder, at, reason, preferences.time_zone)
            sqlite_backup.copy_database(self._paths.database, final)
        except sqlite_backup.CopyNotSound as problem:
            raise BackupNotSound(details=str(problem)) from problem
        except OSError as error:
            raise BackupFailed(folder=folder, reason=os_reason(error)) from error
        except sqlite3.Error as error:
            raise BackupFailed(folder=folder, reason=Both(str(error), str(error))) from error
        log.info("backup written: %s", final)
        return Backup(final, at, reason, final.stat().st_size)

    def _copy_to(self, backup: Backup, folder: Path, keep: int) -> Path:
        self.check_folder(folder)
        final = folder / backup.path.name
        try:
            sqlite_backup.copy_file(backup.path, final)
        except (sqlite_backup.CopyNotSound, sqlite3.Error) as problem:
            raise SecondFolderUnusable(folder=folder, reason=NOT_SOUND) from problem
        except OSError as error:
            raise SecondFolderUnusable(folder=folder, reason=os_reason(error)) from error
        except Exception as error:  # a bug: logged; the first copy stands all the same
            log.exception("copying the backup to %s failed", folder)
            raise SecondFolderUnusable(folder=folder, reason=UNEXPECTED) from error
        self._prune(folder, keep)
        return final

    @staticmethod
    def _free_name(folder: Path, at: datetime, reason: str, time_zone: str) -> Path:
        n = 1
        while (folder / backup_file_name(at, reason, time_zone, n)).exists():
            n += 1
        return folder / backup_file_name(at, reason, time_zone, n)

    def _prune(self, folder: Path, keep: int) -> int:
        """Delete the backups beyond the newest `keep`, and temporary files left by a process
        that died while writing one; how many backups were deleted."""
        old = self.list(folder)[keep:]
        for backup in old:
            try:
                backup.path.unlink()
            except OSError as error:  # a read-only file on a NAS: kept, said in the log
                log.warning("could not delete the old backup %s: %s", backup.path, error)
        limit = time.time() - STALE_PARTIAL_SECONDS
        for partial in folder.glob(f".salon-pos-*{sqlite_backup.PARTIAL}*"):  # -journal too
            try:
                if partial.stat().st_mtime < limit:
                    partial.unlink()
            except OSError:
                pass  # another process's, gone meanwhile
        if old:
            log.info("deleted %d backups older than the newest %d in %s", len(old), keep, folder)
        return len(old)
