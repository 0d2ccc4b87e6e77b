"""A report as plain text for a terminal: each section's table in columns padded by display
width (a Chinese character takes two columns), figures to the right, then the footnotes."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from salon_pos.reports.model import Column, Report, Section, row_texts

GAP = "  "
MONEY_SYMBOL = ""  # the headings say 元, as in the PDF


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, size: int, right: bool) -> str:
    space = " " * max(0, size - width(text))
    return space + text if right else text + space


def _lines(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[str]:
    sizes = [max(width(row[i]) for row in rows) for i in range(len(columns))]
    return [
        GAP.join(
            _pad(text, size, column.numeric)
            for text, size, column in zip(row, sizes, columns, strict=True)
        ).rstrip()
        for row in rows
    ]


def section_text(section: Section, no_rows: str) -> list[str]:
    table = section.table
    rows = [[c.heading for c in table.columns]]
    rows += [row_texts(table.columns, row, MONEY_SYMBOL) for row in table.rows]
    if table.totals is not None:
        rows.append(row_texts(table.columns, table.totals, MONEY_SYMBOL))
    lines = _lines(table.columns, rows)
    rule = "-" * max(width(line) for line in lines)
    body = lines[1:] if table.rows else [no_rows]
    if table.totals is not None and table.rows:
        body = [*body[:-1], rule, body[-1]]
    extra = [section.note] if section.note else []
    return [f"[{section.title}]", lines[0], rule, *body, *extra]


def report_text(report: Report) -> str:
    head = [report.title, f"{report.store}  {report.labels.period}{report.period}"]
    parts = [head]
    parts += [section_text(section, report.labels.no_rows) for section in report.sections]
    if report.footnotes:
        parts.append(list(report.footnotes))
    return "\n\n".join("\n".join(part) for part in parts) + "\n"
