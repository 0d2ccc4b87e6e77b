"""Run by test_backup_kill.py: backs up the database in a loop while a thread commits rows to
it, until killed; prints `backed-up NAME` after each backup and `row N` after each commit.
Only the standard library and the two modules under test: it starts in a few tens of ms."""

import sqlite3
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from salon_pos.domain.backups import backup_file_name
from sync.sqlite_backup import copy_database

printing = threading.Lock()


def say(line: str) -> None:
    with printing:  # two threads print: whole lines only
        print(line, flush=True)


def write_rows(database: Path) -> None:
    connection = sqlite3.connect(database, isolation_level=None, timeout=10)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    n = 0
    while True:
        n += 1
        connection.execute("INSERT INTO kill_probe (n, data) VALUES (?, randomblob(2000))", (n,))
        say(f"row {n}")


def main() -> None:
    database, folder, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    threading.Thread(target=write_rows, args=(database,), daemon=True).start()
    at = datetime(2026, 12, 1, tzinfo=UTC) + timedelta(minutes=start)
    while True:
        final = folder / backup_file_name(at, "nightly", "Asia/Shanghai")
        copy_database(database, final)
        say(f"backed-up {final.name}")
        at += timedelta(seconds=1)


if __name__ == "__main__":
    main()
