"""Reading a CSV file as a shop saves it from Excel, in constant memory, however long it is.
How its encoding, separator and columns are told: salon_pos.domain.csv_text (the server's
console reads an uploaded file with the same rules).

A file is read twice: once to check it (encoding, quotes, required columns, and the caller's
look at each record) and count its records, then record by record for the import. Nothing is
written when the check fails, and the count gives the progress its end.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from threading import Event
from typing import IO

from salon_pos.domain.csv_text import (
    CsvRecord,
    EmptyFile,
    IgnoredColumns,
    Inspect,
    MalformedCsv,
    MissingColumns,
    NotText,
    ReadAsTabSeparated,
    ReadAsUtf16,
    check_required,
    columns,
    delimiter,
    encodings,
    header,
    notices,
    records,
)
from salon_pos.domain.errors import UserError
from salon_pos.services.import_report import (
    FirstLines,
    ImportReport,
    RepeatedInFile,
    RowError,
)

__all__ = [
    "CsvRecord",
    "EmptyFile",
    "FirstLines",
    "IgnoredColumns",
    "ImportReport",
    "Inspect",
    "MalformedCsv",
    "MissingColumns",
    "NotText",
    "ReadAsTabSeparated",
    "ReadAsUtf16",
    "RepeatedInFile",
    "RowError",
]

_HEAD_BYTES = 64 * 1024  # enough to tell the encoding and the separator


class UnreadableFile(UserError):
    en = "Cannot read {path}: {reason}"
    zh = "无法读取文件 {path}：{reason}"


class RowRefused(UserError):
    en = "The database refused this row ({detail})."
    zh = "数据库拒绝保存此行（{detail}）。"


@dataclass(frozen=True)
class CsvSource:
    """A checked file: how to read it, which columns it has, how many records."""

    path: Path
    encoding: str
    delimiter: str
    columns: Mapping[int, str]  # position in the file → canonical column
    ignored: tuple[str, ...]  # headers of the columns left out
    records: int

    def notices(self) -> list[UserError]:
        return notices(self.encoding, self.delimiter, self.ignored)

    def read(self) -> Iterator[CsvRecord]:
        """The records in file order, one at a time."""
        with _open(self.path, self.encoding) as text:
            reader = csv.reader(text, delimiter=self.delimiter, strict=True)
            header(reader, str(self.path))
            try:
                yield from records(reader, self.columns)
            except csv.Error as error:
                line = reader.line_num
                raise MalformedCsv(path=str(self.path), line=line, detail=str(error)) from error


def _open(path: Path, encoding: str) -> IO[str]:
    try:
        return path.open(encoding=encoding, newline="")
    except OSError as error:
        raise UnreadableFile(path=str(path), reason=error.strerror or str(error)) from error


def open_csv(
    path: Path,
    aliases: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    inspect: Inspect | None = None,
    stop: Event | None = None,
) -> CsvSource | None:
    """Check the whole file and count its records; None when `stop` was set meanwhile.
    Raises if the file cannot be read, is not well-formed CSV, lacks a required column or
    fails `inspect`."""
    try:
        with path.open("rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError as error:
        raise UnreadableFile(path=str(path), reason=error.strerror or str(error)) from error
    for encoding in encodings(head):
        try:
            separator = delimiter(head, encoding)
            return _survey(path, encoding, separator, aliases, required, inspect, stop)
        except UnicodeDecodeError:
            continue
    raise NotText(path=str(path))


def _survey(
    path: Path,
    encoding: str,
    separator: str,
    aliases: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    inspect: Inspect | None,
    stop: Event | None,
) -> CsvSource | None:
    with _open(path, encoding) as text:
        reader = csv.reader(text, delimiter=separator, strict=True)
        found, ignored = columns(header(reader, str(path)), aliases)
        check_required(str(path), found, aliases, required)
        count = 0
        try:
            for record in records(reader, found):
                if inspect is not None:
                    inspect(record)
                count += 1
                if count % 5_000 == 0 and stop is not None and stop.is_set():
                    return None
        except csv.Error as error:
            raise MalformedCsv(path=str(path), line=reader.line_num, detail=str(error)) from error
    return CsvSource(path, encoding, separator, found, ignored, count)
