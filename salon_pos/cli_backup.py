"""`salon-pos backup [--to DIR] [--list]` and `salon-pos restore FILE` (docs/backups.md).

`backup` runs beside the app (SQLite's online backup API reads while the cashier sells);
`restore` only while nothing runs on the data folder, and without opening the database it
replaces (which may be the damaged one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from salon_pos.cli_staff import Say
from salon_pos.domain.backups import CLOSE, MANUAL, NIGHTLY
from salon_pos.domain.clock import SystemClock
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend
from salon_pos.services.backups import Backup, BackupService
from sync.messages import Both, Message, language_from_env

REASON_WORDS = {
    NIGHTLY: Both("每晚", "nightly"),
    CLOSE: Both("日结后", "after close"),
    MANUAL: Both("手动", "manual"),
}


class BackedUp(Message):
    zh = "已备份（已通过完整性检查）：{path}（{size}）"
    en = "Backed up (integrity checked): {path} ({size})"


class CopiedTo(Message):
    zh = "副本（已检查）：{path}"
    en = "Copy (checked): {path}"


class OldDeleted(Message):
    zh = "已删除 {count} 份较早的备份（保留最新的 {keep} 份）。"
    en = "{count} older backups deleted (the newest {keep} are kept)."


class NoBackupsYet(Message):
    zh = "{folder} 中还没有备份。"
    en = "No backups in {folder} yet."


class RestoredFrom(Message):
    zh = "已从 {path} 恢复数据库（数据库版本 {revision}）。"
    en = "The database was restored from {path} (database revision {revision})."


class Upgraded(Message):
    zh = "该备份来自较早的版本，已升级到本程序的数据库结构。"
    en = "The backup was from an earlier version and was brought up to this program's schema."


class ReplacedKept(Message):
    zh = "被替换的数据库保存在：{path}"
    en = "The database it replaced is kept at: {path}"


class SyncWillCatchUp(Message):
    zh = (
        "下次同步时，本收银台会与服务器核对：服务器没有的操作会重新上传，"
        "服务器已有的不会重复；备份之后在本机做的销售会从服务器下载回来。"
    )
    en = (
        "At the next sync this counter compares itself with the server: what the server does "
        "not have is sent again, what it has is not sent twice, and the sales made here after "
        "the backup come back from the server."
    )


def _say(message: Message, error: bool = False) -> None:
    print(message.text(language_from_env()), file=sys.stderr if error else sys.stdout)


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


def _describe(backup: Backup, time_zone: str) -> str:
    """`2026-12-01 03:30:00  每晚  12.3 MB  /path` (the time in the store's time zone)."""
    at = f"{backup.at.astimezone(ZoneInfo(time_zone)):%Y-%m-%d %H:%M:%S}"
    reason = REASON_WORDS.get(backup.reason, Both(backup.reason, backup.reason))
    return f"{at}  {reason.text(language_from_env())}  {size_text(backup.size)}  {backup.path}"


def _cmd_backup(backend: Backend, args: argparse.Namespace) -> int:
    service = backend.backups
    if args.list:
        backups = service.list()
        time_zone = service.preferences().time_zone  # the store's, as in the file names
        for backup in backups:
            print(_describe(backup, time_zone))
        if not backups:
            _say(NoBackupsYet(folder=service.folder))
        return 0
    result = service.back_up(MANUAL, Path(args.to).expanduser() if args.to else None)
    _say(BackedUp(path=result.backup.path, size=size_text(result.backup.size)))
    if result.removed:
        _say(OldDeleted(count=result.removed, keep=service.preferences().keep))
    if result.second_copy is not None:
        _say(CopiedTo(path=result.second_copy))
    if result.second_problem is not None:
        _say(result.second_problem, error=True)
        return 2
    return 0


def _cmd_restore(paths: Paths, args: argparse.Namespace) -> int:
    restored = BackupService(paths, SystemClock()).restore(Path(args.file))
    _say(RestoredFrom(path=restored.source, revision=restored.revision))
    if restored.migrated:
        _say(Upgraded())
    if restored.kept is not None:
        _say(ReplacedKept(path=restored.kept))
    _say(SyncWillCatchUp())
    return 0


def add_backup_commands(commands: argparse._SubParsersAction, say: Say) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser(
        "backup",
        help=say(
            "立即备份数据库（收银程序运行时也可以）",
            "back up the database now (also while the app runs)",
        ),
    )
    backup.add_argument(
        "--to",
        metavar="DIR",
        help=say(
            "另存一份到这个目录（如 U 盘），代替“设置”中的第二备份目录",
            "also copy it to this folder (a USB disk), instead of the second folder in Settings",
        ),
    )
    backup.add_argument(
        "--list", action="store_true", help=say("列出已有的备份", "list the backups there are")
    )
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser(
        "restore",
        help=say(
            "用备份替换本收银台的数据库（须先关闭收银程序）",
            "put a backup back as this counter's database (close the app first)",
        ),
    )
    restore.add_argument(
        "file",
        help=say(
            "备份文件（或 backups 目录中的文件名）", "the backup file (or its name in backups/)"
        ),
    )
    restore.set_defaults(handler=None, without_backend=_cmd_restore)
