"""A CSV file as a shop saves it from Excel, read alike by the counter (a file on disk, streamed:
salon_pos.services.csv_rows) and the server's console (an uploaded file, in memory).

Excel on a Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8", which adds a BOM, and
"Unicode text" as tab-separated UTF-16. So a file is read as UTF-16 when it starts with that
BOM (or looks like UTF-16 without one), else as UTF-8 and, failing that, as GB18030 (the
superset of GBK); tabs separate the cells when the header has more tabs than commas. Columns
are known by any of their titles (Chinese or English, any case); others are left out, and said.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salon_pos.domain.errors import UserError

if TYPE_CHECKING:
    from _csv import Reader


# A text cell Excel would run as a formula (=HYPERLINK(...) typed as a customer's name or a
# reason): written with a leading ' (Excel shows the text and does not run it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def spreadsheet_safe(text: str) -> str:
    """The text as a spreadsheet cell that is not run as a formula; a number (-12.30) as it is."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


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


def encodings(head: bytes) -> tuple[str, ...]:
    """The encodings to try, in order, for a file that starts with `head`."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    if b"\x00" not in head:
        return ("utf-8-sig", "gb18030")
    even, odd = head[0::2].count(0), head[1::2].count(0)  # ASCII in UTF-16 has one zero byte
    if odd > len(head) // 8 and even == 0:
        return ("utf-16-le",)
    if even > len(head) // 8 and odd == 0:
        return ("utf-16-be",)
    return ()


def delimiter(head: bytes, encoding: str) -> str:
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if first.count("\t") > first.count(",") else ","


def notices(encoding: str, separator: str, ignored: tuple[str, ...]) -> list[UserError]:
    """What the person should know about how the file was read."""
    found: list[UserError] = []
    if encoding.startswith("utf-16"):
        found.append(ReadAsUtf16())
    if separator == "\t":
        found.append(ReadAsTabSeparated())
    if ignored:
        found.append(IgnoredColumns(columns="、".join(ignored)))
    return found


def header(reader: Reader, path: str) -> list[str]:
    """The first row with something in it."""
    for row in reader:
        if any(cell.strip() for cell in row):
            return row
    raise EmptyFile(path=path)


def _header_key(text: str) -> str:
    return text.strip().lstrip("\ufeff").strip().lower()


def columns(
    titles: list[str], aliases: Mapping[str, tuple[str, ...]]
) -> tuple[dict[int, str], tuple[str, ...]]:
    """Position in the file → canonical column, for the columns we know; the others' titles.
    Each alias list starts with the Chinese title, which error messages show."""
    by_alias = {_header_key(alias): name for name, names in aliases.items() for alias in names}
    found: dict[int, str] = {}
    ignored: list[str] = []
    for position, title in enumerate(titles):
        name = by_alias.get(_header_key(title))
        if name is not None and name not in found.values():
            found[position] = name
        elif _header_key(title):
            ignored.append(title.strip().lstrip("\ufeff"))
    return found, tuple(ignored)


def check_required(
    path: str,
    found: Mapping[int, str],
    aliases: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> None:
    missing = [f"{aliases[n][0]} {n}" for n in required if n not in found.values()]
    if missing:
        raise MissingColumns(path=path, columns="、".join(missing))


def _cell(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def records(reader: Reader, found: Mapping[int, str]) -> Iterator[CsvRecord]:
    """The rows with something in them, each with the line it starts on (the header is 1)."""
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            values = {name: _cell(row[i]) for i, name in found.items() if i < len(row)}
            yield CsvRecord(start, values)
        start = reader.line_num + 1


@dataclass(frozen=True)
class CsvText:
    """A whole file read and checked: its records and what to tell about how it was read."""

    records: list[CsvRecord]
    notices: list[UserError]


def read_text(
    data: bytes,
    path: str,
    aliases: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> CsvText:
    """A file held in memory (an upload), read as the counter reads one from disk. Raises for
    a file that cannot be imported at all: not text, no header, a required column missing,
    broken quotes."""
    for encoding in encodings(data[: 64 * 1024]):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        separator = delimiter(data[: 64 * 1024], encoding)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
        try:
            found, ignored = columns(header(reader, path), aliases)
            check_required(path, found, aliases, required)
            rows = list(records(reader, found))
        except csv.Error as error:
            raise MalformedCsv(path=path, line=reader.line_num, detail=str(error)) from error
        return CsvText(rows, notices(encoding, separator, ignored))
    raise NotText(path=path)
