"""Reading a CSV file as a shop saves it from Excel, in constant memory, however long it is.

The encoding, the separator and the columns are told apart by salon_pos/domain/csv_text.py
(Excel's GBK, UTF-8 with a BOM, tab-separated UTF-16).

A file is read twice: once to check it (encoding, quotes, required columns, and the caller's
look at each record) and count its records, then record by record for the import. Nothing is
written when the check fails, and the count gives the progress its end.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from threading import Event
from typing import IO, TYPE_CHECKING

from salon_pos.domain.csv_text import column_positions, delimiter_of, encodings_of
from salon_pos.domain.errors import UserError
from salon_pos.services.import_report import (
    FirstLines,
    ImportReport,
    RepeatedInFile,
    RowError,
)

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["FirstLines", "ImportReport", "RepeatedInFile", "RowError"]

_HEAD_BYTES = 64 * 1024  # enough to tell the encoding and the separator


class UnreadableFile(UserError):
    en = "Cannot read {path}: {reason}"
    zh = "无法读取文件 {path}：{reason}"


class NotText(UserError):
    en = (
        "{path} is not a text CSV file (tried UTF-8, GBK/GB18030 and UTF-16). In Excel, "
        "choose Save As → “CSV UTF-8 (comma delimited)” and import that file."
    )
    zh = (
        "{path} 不是文本 CSV 文件（已尝试 UTF-8、GBK/GB18030 和 UTF-16 编码）。"
        "请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”，再导入保存的文件。"
    )


class EmptyFile(UserError):
    en = "{path} has no header row."
    zh = "{path} 没有表头行。"


class MissingColumns(UserError):
    en = "{path} lacks the column(s) {columns}; nothing was imported."
    zh = "{path} 缺少必需的列：{columns}；未导入任何数据。"


class MalformedCsv(UserError):
    en = "{path}, line {line}: the file cannot be read as CSV ({detail}); check the quote marks."
    zh = "{path} 第 {line} 行：无法按 CSV 读取（{detail}），请检查引号是否成对。"


class RowRefused(UserError):
    en = "The database refused this row ({detail})."
    zh = "数据库拒绝保存此行（{detail}）。"


class ReadAsUtf16(UserError):
    en = "The file is UTF-16 text (Excel's “Unicode Text”); it was read as such."
    zh = "该文件为 UTF-16 编码（Excel 的“Unicode 文本”格式），已按此读取。"


class ReadAsTabSeparated(UserError):
    en = "The cells are separated by tabs, not commas; the file was read as such."
    zh = "该文件以制表符（Tab）而非逗号分隔各列，已按此读取。"


class IgnoredColumns(UserError):
    en = "Column(s) not imported (no place for them here): {columns}"
    zh = "以下列未导入（本系统没有对应的字段）：{columns}"


@dataclass(frozen=True)
class CsvRecord:
    line: int
    values: Mapping[str, str]  # canonical column name → stripped cell text

    def get(self, column: str) -> str:
        return self.values.get(column, "")


Inspect = Callable[[CsvRecord], None]  # raises a UserError when the file must not be imported


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
        notices: list[UserError] = []
        if self.encoding.startswith("utf-16"):
            notices.append(ReadAsUtf16())
        if self.delimiter == "\t":
            notices.append(ReadAsTabSeparated())
        if self.ignored:
            notices.append(IgnoredColumns(columns="、".join(self.ignored)))
        return notices

    def read(self) -> Iterator[CsvRecord]:
        """The records in file order, one at a time."""
        with _open(self.path, self.encoding) as text:
            reader = csv.reader(text, delimiter=self.delimiter, strict=True)
            _header(reader, self.path)
            try:
                yield from _records(reader, self.columns)
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
    for encoding in encodings_of(head):
        try:
            delimiter = delimiter_of(head, encoding)
            return _survey(path, encoding, delimiter, aliases, required, inspect, stop)
        except UnicodeDecodeError:
            continue
    raise NotText(path=str(path))


def _survey(
    path: Path,
    encoding: str,
    delimiter: str,
    aliases: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    inspect: Inspect | None,
    stop: Event | None,
) -> CsvSource | None:
    with _open(path, encoding) as text:
        reader = csv.reader(text, delimiter=delimiter, strict=True)
        header = _header(reader, path)
        columns, ignored = column_positions(header, aliases)
        missing = [f"{aliases[n][0]} {n}" for n in required if n not in columns.values()]
        if missing:
            raise MissingColumns(path=str(path), columns="、".join(missing))
        count = 0
        try:
            for record in _records(reader, columns):
                if inspect is not None:
                    inspect(record)
                count += 1
                if count % 5_000 == 0 and stop is not None and stop.is_set():
                    return None
        except csv.Error as error:
            raise MalformedCsv(path=str(path), line=reader.line_num, detail=str(error)) from error
    return CsvSource(path, encoding, delimiter, columns, ignored, count)


def _header(reader: Reader, path: Path) -> list[str]:
    """The first row with something in it."""
    for row in reader:
        if any(cell.strip() for cell in row):
            return row
    raise EmptyFile(path=str(path))


def _cell(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _records(reader: Reader, columns: Mapping[int, str]) -> Iterator[CsvRecord]:
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            values = {name: _cell(row[i]) for i, name in columns.items() if i < len(row)}
            yield CsvRecord(start, values)
        start = reader.line_num + 1
