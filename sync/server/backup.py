"""`salon-sync-server backup FILE`: a consistent copy of the server's SQLite database, taken
with SQLite's online backup API while the server runs (sync/sqlite_backup.py: written under a
temporary name, checked with `integrity_check`, then renamed). For PostgreSQL it makes no copy
itself and prints the pg_dump command to run instead. It never migrates the database first:
a backup is what is there. The store keys (store_keys.py) are files beside it, never in the
database: it reminds the operator to keep them too (docs/backups.md)."""

from __future__ import annotations

import argparse
import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from sync import sqlite_backup
from sync.messages import Message
from sync.server.config import ServerSettings


class ServerBackedUp(Message):
    zh = "已备份（已通过完整性检查）：{path}"
    en = "backed up (integrity checked): {path}"


class KeepTheKeys(Message):
    zh = (
        "各门店健康资料的密钥不在数据库里：请把目录 {keys} 另外备份并妥善保管"
        "（与数据库备份分开存放）。"
    )
    en = (
        "The stores' keys for health data are not in the database: back up the folder {keys} "
        "as well, and keep it apart from the database backups."
    )


class UsePgDump(Message):
    zh = (
        "PostgreSQL 数据库请用 pg_dump 备份（本命令没有做备份）。例如：\n{command}\n"
        "恢复：pg_restore --clean --if-exists --dbname 数据库地址 {file}（见 docs/backups.md）。"
    )
    en = (
        "Back up a PostgreSQL database with pg_dump (this command made no backup), e.g.:\n"
        "{command}\nRestore: pg_restore --clean --if-exists --dbname URL {file} "
        "(see docs/backups.md)."
    )


class NoServerDatabase(Message):
    zh = "没有找到服务器数据库 {path}：请用 --data 或 --database-url 指定。"
    en = "there is no server database at {path}: give it with --data or --database-url."


class ServerBackupFailed(Message):
    zh = "备份没有完成（{reason}），数据库本身没有受影响。"
    en = "the backup was not made ({reason}); the database itself is untouched."


Say = Callable[[Message, bool], None]


def pg_dump_command(database_url: str, file: Path) -> str:
    """The pg_dump command line for the server's database (the password left out: give it with
    PGPASSWORD or ~/.pgpass, never on a command line)."""
    given = make_url(database_url)
    url = URL.create(
        "postgresql", given.username, None, given.host, given.port, given.database, given.query
    )
    target = url.render_as_string(hide_password=False)
    return shlex.join(["pg_dump", "--format=custom", "--file", str(file), target])


def back_up(database_url: str, file: Path, say: Say) -> int:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        command = pg_dump_command(database_url, file)
        say(UsePgDump(command=command, file=shlex.quote(str(file))), True)
        return 2
    database = Path(url.database or "")
    if not database.is_file():
        say(NoServerDatabase(path=database), True)
        return 2
    try:
        sqlite_backup.copy_database(database, file)
    except (OSError, sqlite3.Error, sqlite_backup.CopyNotSound) as problem:
        say(ServerBackupFailed(reason=problem), True)
        return 2
    say(ServerBackedUp(path=file), False)
    say(KeepTheKeys(keys=ServerSettings(database_url=database_url).store_key_dir), False)
    return 0


def add_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    database_args: Callable[[argparse.ArgumentParser], None],
    h: Callable[[str, str], str],
) -> None:
    backup = commands.add_parser(
        "backup",
        help=h(
            "备份 SQLite 数据库（服务运行时也可以）；PostgreSQL 则给出 pg_dump 命令",
            "back up the SQLite database (also while serving); for PostgreSQL, the pg_dump "
            "command to run",
        ),
    )
    database_args(backup)
    backup.add_argument("file", type=Path, help=h("备份文件", "the backup file to write"))
