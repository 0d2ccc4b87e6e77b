"""Reading a CSV file as a shop saves it from Excel, and reporting what became of each row.

Excel on a Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8", which adds a BOM; so a
file is read as UTF-8 (BOM or not) and, failing that, as GB18030, the superset of GBK.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from salon_pos.domain.errors import DEFAULT_LANGUAGE, Both, UserError

if TYPE_CHECKING:
    from _csv import Reader


class UnreadableFile(UserError):
    en = "Cannot read {path}: {reason}"
    zh = "无法读取文件 {path}：{reason}"


class NotText(UserError):
    en = "{path} is not a text CSV file (tried UTF-8 and GBK/GB18030)."
    zh = "{path} 不是文本 CSV 文件（已尝试 UTF-8 和 GBK/GB18030 编码）。"


class EmptyFile(UserError):
    en = "{path} has no header row."
    zh = "{path} 没有表头行。"


class MissingColumns(UserError):
    en = "{path} lacks the column(s) {columns}; nothing was imported."
    zh = "{path} 缺少必需的列：{columns}；未导入任何数据。"


class MalformedCsv(UserError):
    en = "{path}, line {line}: the file cannot be read as CSV ({detail}); check the quote marks."
    zh = "{path} 第 {line} 行：无法按 CSV 读取（{detail}），请检查引号是否成对。"


class RepeatedInFile(UserError):
    en = "{what} {value} already appears on line {first_line} of this file."
    zh = "{what} {value} 已在本文件第 {first_line} 行出现。"


class RowRefused(UserError):
    en = "The database refused this row ({detail})."
    zh = "数据库拒绝保存此行（{detail}）。"


@dataclass(frozen=True)
class RowError:
    line: int  # physical line where the record starts; the header is line 1
    reason: UserError

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        text = self.reason.message(language)
        if language.startswith("zh"):
            return f"第 {self.line} 行：{text}"
        return f"line {self.line}: {text}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        """Add one row's outcome: created, updated or unchanged."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        if language.startswith("zh"):
            head = (
                f"新增 {self.created} 条，更新 {self.updated} 条，"
                f"未变 {self.unchanged} 条，出错 {len(self.errors)} 行"
            )
        else:
            head = (
                f"{self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.errors)} bad row(s)"
            )
        return "\n".join([head, *(error.describe(language) for error in self.errors)])


@dataclass
class FirstLines:
    """Where each key was first seen in the file, so a repeat is reported against it."""

    what: str | Both
    seen: dict[Hashable, int] = field(default_factory=dict)

    def check(self, key: Hashable, shown: str, line: int) -> None:
        first = self.seen.setdefault(key, line)
        if first != line:
            raise RepeatedInFile(what=self.what, value=shown, first_line=first)

    def forget(self, line: int) -> None:
        """The row at `line` was refused: a later row may use its keys."""
        self.seen = {key: first for key, first in self.seen.items() if first != line}


@dataclass(frozen=True)
class CsvRecord:
    line: int
    values: Mapping[str, str]  # canonical column name → stripped cell text

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(path=str(path), reason=error.strerror or str(error)) from error
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise NotText(path=str(path))


def _header_key(text: str) -> str:
    return text.strip().lstrip("\ufeff").strip().lower()


def _columns(header: list[str], aliases: Mapping[str, tuple[str, ...]]) -> dict[int, str]:
    """Position in the file → canonical column, for the columns we know; others are ignored.
    Each alias list starts with the Chinese title, which error messages show."""
    by_alias = {_header_key(alias): name for name, names in aliases.items() for alias in names}
    found: dict[int, str] = {}
    for position, title in enumerate(header):
        name = by_alias.get(_header_key(title))
        if name is not None and name not in found.values():
            found[position] = name
    return found


def read_records(
    path: Path, aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> list[CsvRecord]:
    """The file's records with their starting line; raises if the file cannot be read, is not
    well-formed CSV or lacks a required column."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    header = next(reader, None)
    while header is not None and not any(cell.strip() for cell in header):
        header = next(reader, None)
    if header is None:
        raise EmptyFile(path=str(path))
    columns = _columns(header, aliases)
    missing = [f"{aliases[name][0]} {name}" for name in required if name not in columns.values()]
    if missing:
        raise MissingColumns(path=str(path), columns="、".join(missing))
    try:  # read it all before anything is written: a broken file imports nothing
        return list(_records(reader, columns))
    except csv.Error as error:
        raise MalformedCsv(path=str(path), line=reader.line_num, detail=str(error)) from error


def _cell(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _records(reader: Reader, columns: dict[int, str]) -> Iterator[CsvRecord]:
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            values = {name: _cell(row[i]) for i, name in columns.items() if i < len(row)}
            yield CsvRecord(start, values)
        start = reader.line_num + 1
