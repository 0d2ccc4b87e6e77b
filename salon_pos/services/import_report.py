"""What became of an import (salon_pos.domain.import_report, shared with the server's console),
and FirstLinesOnDisk: the keys of a file of any length seen so far, in a temporary SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from salon_pos.domain.import_report import (
    LISTED_ERRORS,
    FirstLines,
    ImportProgress,
    ImportReport,
    ImportStopped,
    MoreErrors,
    RepeatedInFile,
    RowError,
)

__all__ = [
    "LISTED_ERRORS",
    "FirstLines",
    "FirstLinesOnDisk",
    "ImportProgress",
    "ImportReport",
    "ImportStopped",
    "MoreErrors",
    "RepeatedInFile",
    "RowError",
]


class FirstLinesOnDisk:
    """FirstLines for files of any length: the keys seen so far live in a private temporary
    SQLite file (deleted when closed), so memory does not grow with the file."""

    _IN_ONE_QUERY = 900  # under SQLite's oldest limit of 999 bound parameters

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "": a private temporary database on disk
        self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")

    def first_lines(self, keys: Iterable[str]) -> dict[str, int]:
        wanted, found = sorted(set(keys)), dict[str, int]()
        for start in range(0, len(wanted), self._IN_ONE_QUERY):
            chunk = wanted[start : start + self._IN_ONE_QUERY]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, line FROM seen WHERE key IN ({marks})", chunk)
            found.update(rows)
        return found

    def remember(self, lines: Mapping[str, int]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", lines.items())

    def close(self) -> None:
        self._db.close()
