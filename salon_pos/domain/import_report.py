"""What became of an import: rows added, updated, unchanged and refused (with their lines),
notices about the file, how far it got when stopped, and its progress while it runs. Pure: the
counter's imports and the server's console import (sync/server) report alike."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from salon_pos.domain.errors import DEFAULT_LANGUAGE, Both, UserError

LISTED_ERRORS = 1_000  # a file of bad rows must not fill the memory with their reports


class RepeatedInFile(UserError):
    en = "{what} {value} already appears on line {first_line} of this file."
    zh = "{what} {value} 已在本文件第 {first_line} 行出现。"


class ImportStopped(UserError):
    en = (
        "Stopped after {done} of {total} rows (up to line {line}); {saved} saved. Import the "
        "same file again to continue: rows already imported are recognised, not added twice."
    )
    zh = (
        "已停止：已处理 {done} / {total} 行（至第 {line} 行），其中保存 {saved} 行。"
        "再次导入同一文件即可继续：已导入的行会被识别，不会重复添加。"
    )


class MoreErrors(UserError):
    en = "... and {count} more bad row(s), not listed."
    zh = "……另有 {count} 行出错，未逐一列出。"


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
    errors: list[RowError] = field(default_factory=list)  # the first LISTED_ERRORS of them
    bad_rows: int = 0
    notices: list[UserError] = field(default_factory=list)  # about the file as a whole
    total: int = 0  # records in the file
    stopped: bool = False
    last_line: int = 0  # the last line of the last batch saved

    def count(self, outcome: str, rows: int = 1) -> None:
        """Add rows' outcome: created, updated or unchanged."""
        setattr(self, outcome, getattr(self, outcome) + rows)

    def refuse(self, line: int, reason: UserError) -> None:
        self.bad_rows += 1
        if len(self.errors) < LISTED_ERRORS:
            self.errors.append(RowError(line, reason))

    @property
    def saved(self) -> int:
        return self.created + self.updated

    @property
    def done(self) -> int:
        return self.created + self.updated + self.unchanged + self.bad_rows

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        if language.startswith("zh"):
            head = (
                f"新增 {self.created} 条，更新 {self.updated} 条，"
                f"未变 {self.unchanged} 条，出错 {self.bad_rows} 行"
            )
        else:
            head = (
                f"{self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.bad_rows} bad row(s)"
            )
        lines = [head, *(notice.message(language) for notice in self.notices)]
        if self.stopped:
            stop = ImportStopped(
                done=self.done, total=self.total, line=self.last_line, saved=self.saved
            )
            lines.append(stop.message(language))
        lines.extend(error.describe(language) for error in self.errors)
        if self.bad_rows > len(self.errors):
            lines.append(MoreErrors(count=self.bad_rows - len(self.errors)).message(language))
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportProgress:
    done: int  # rows read and dealt with
    total: int  # rows in the file
    seconds: float  # since the first row

    @property
    def rows_per_s(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        rate = self.rows_per_s
        return (self.total - self.done) / rate if rate > 0 else None

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        eta = self.eta_s
        left = "…" if eta is None else f"{int(eta) // 60}:{int(eta) % 60:02d}"
        percent = 100 * self.done // self.total if self.total else 100
        if language.startswith("zh"):
            return (
                f"已处理 {self.done:,} / {self.total:,} 行（{percent}%），"
                f"{self.rows_per_s:,.0f} 行/秒，预计还需 {left}"
            )
        return (
            f"{self.done:,} / {self.total:,} rows ({percent}%), "
            f"{self.rows_per_s:,.0f} rows/s, {left} left"
        )


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
