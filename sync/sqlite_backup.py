"""Copies of an SQLite database file that are whole or absent: the counter's backups
(salon_pos/services/backups.py) and the server's (`salon-sync-server backup`). Standard library
only, under sync/ like sync.messages: sync may not import salon_pos, salon_pos may import sync.

A live database is never copied as a file (its last commits may be in the WAL, and a page may
change while it is read): SQLite's online backup API reads one consistent snapshot, in one
step, while other connections go on writing. The copy is written under a temporary name beside
the final one, checked with `PRAGMA integrity_check`, flushed to the disk and only then renamed:
whoever finds a file under its final name finds a sound database, even after a power cut or a
SIGKILL in the middle (docs/backups.md). The copy is one self-contained file (rollback journal,
no -wal beside it)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL = ".partial"  # the temporary names: `.<final name>.<pid>.partial`
BUSY_SECONDS = 10.0


class CopyNotSound(Exception):
    """The copy failed `integrity_check` (what SQLite said is in the message)."""


@dataclass(frozen=True)
class DatabaseFacts:
    """What a database file says about itself: its schema revision and its tables."""

    revision: str | None
    tables: frozenset[str]


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def partial_name(final: Path) -> Path:
    return final.with_name(f".{final.name}.{os.getpid()}{PARTIAL}")


def copy_database(source: Path, final: Path) -> None:
    """A consistent, checked copy of the database `source` at `final` (replacing a file
    there). Raises sqlite3.Error when the source cannot be read as a database, CopyNotSound
    when the copy fails the check, OSError for the disk; `final` is then untouched."""
    partial = partial_name(final)
    try:
        with closing(_connect(source, "ro")) as reader, closing(sqlite3.connect(partial)) as copy:
            reader.backup(copy)  # all pages in one step: one snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # a single file, whatever the source
            check(copy)
        publish(partial, final)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)


def copy_file(source: Path, final: Path) -> None:
    """A closed, checked database file (a backup) copied elsewhere the same way: temporary
    name, check, flush, rename."""
    partial = partial_name(final)
    try:
        shutil.copyfile(source, partial)
        with closing(sqlite3.connect(partial)) as copy:
            check(copy)
        publish(partial, final)
    finally:
        partial.unlink(missing_ok=True)


def check(connection: sqlite3.Connection) -> None:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        raise CopyNotSound("; ".join(str(row) for row in rows[:5]))


def facts(path: Path) -> DatabaseFacts:
    with closing(_connect(path, "ro")) as connection:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        tables = frozenset(row[0] for row in connection.execute(query))
        revision = None
        if "alembic_version" in tables:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return DatabaseFacts(revision[0] if revision else None, tables)


def single_file(path: Path) -> None:
    """Fold a database's WAL into it and leave it in rollback-journal mode: one file to move.
    Only with no other connection open on it."""
    with closing(_connect(path, "rw")) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")


def publish(partial: Path, final: Path) -> None:
    """Flush `partial` to the disk and rename it to `final` in one step."""
    flush(partial)
    os.replace(partial, final)
    flush_folder(final.parent)


def flush(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def flush_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX; Windows has no handle on a folder)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """An existing database (sqlite3.connect would make an empty one where there is none);
    `mode` ro or rw."""
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
