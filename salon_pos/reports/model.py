"""A report as data: a title, its period, sections each with a table (and perhaps a chart),
footnotes. Every writer (PDF, CSV, the screen, the command line) takes one of these, so the
figures are the same everywhere. Texts are already in the reader's language; money is int fen
in the cells, formatted only when written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from salon_pos.domain.money import format_money, format_yuan

Cell = str | int | None  # text, or a whole number read by its column's kind


class CellKind(StrEnum):
    TEXT = "text"
    MONEY = "money"  # fen
    COUNT = "count"
    PERCENT = "percent"  # basis points: 1234 is 12.34%
    TENTHS = "tenths"  # a figure with one decimal, in tenths: 123 is 12.3


@dataclass(frozen=True)
class Column:
    heading: str
    kind: CellKind = CellKind.TEXT

    @property
    def numeric(self) -> bool:
        return self.kind is not CellKind.TEXT


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...] | None = None  # a last row, "合计" in the first column

    def __post_init__(self) -> None:
        for row in (*self.rows, *((self.totals,) if self.totals else ())):
            if len(row) != len(self.columns):
                raise ValueError(f"a row of {len(row)} cells in a table of {len(self.columns)}")


class ChartKind(StrEnum):
    BAR = "bar"
    LINE = "line"


@dataclass(frozen=True)
class Chart:
    """One series of values by label (a day, a category, a technician), drawn as bars or a line."""

    kind: ChartKind
    series: str  # what the values are, e.g. "净营业额（元）"
    points: tuple[tuple[str, int], ...]
    value_kind: CellKind = CellKind.MONEY


@dataclass(frozen=True)
class Section:
    title: str
    table: Table
    chart: Chart | None = None
    note: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    store: str
    first_day: date
    last_day: date
    printed_at: datetime  # local time of the store
    sections: tuple[Section, ...]
    footnotes: tuple[str, ...] = ()
    labels: ReportLabels = field(default_factory=lambda: ReportLabels())

    @property
    def period(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()} ~ {self.last_day.isoformat()}"


@dataclass(frozen=True)
class ReportLabels:
    """The few words the writers add themselves, in the report's language."""

    period: str = "期间："  # with its colon: "Period: " in English
    printed_at: str = "打印时间："
    page: str = "第 {page} 页"
    no_rows: str = "（无数据）"


def cell_text(kind: CellKind, value: Cell, symbol: str = "¥") -> str:
    """A cell as a person reads it: ¥1,980.00 style money (symbol="" for bare yuan), 12.34%."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind is CellKind.MONEY:
        return format_money(value, symbol) if symbol else format_yuan(value)
    if kind is CellKind.PERCENT:
        return f"{format_yuan(value)}%"
    if kind is CellKind.TENTHS:
        sign = "-" if value < 0 else ""
        whole, tenth = divmod(abs(value), 10)
        return f"{sign}{whole}.{tenth}"
    return str(value)


def row_texts(columns: Sequence[Column], row: Sequence[Cell], symbol: str = "¥") -> list[str]:
    return [cell_text(column.kind, cell, symbol) for column, cell in zip(columns, row, strict=True)]
