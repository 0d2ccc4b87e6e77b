"""A report as one CSV file that Excel opens by double-click: UTF-8 with a BOM (without it a
Chinese Excel reads GBK and shows mojibake), CRLF line ends, money as yuan with two decimals
(198.00, not fen and not ¥198.00: Excel takes it as a number).

One file, not one per section: the title and period first, then each section as its title, its
heading row, its rows and its totals, with a blank line between sections. Excel shows it as one
sheet a manager scrolls; a folder of files would have to be opened one by one."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from salon_pos.domain.csv_text import spreadsheet_safe
from salon_pos.reports.model import Report, Section, row_texts

BOM = "\ufeff"


def _section_rows(section: Section) -> list[list[str]]:
    table = section.table
    rows: list[list[str]] = [[section.title], [c.heading for c in table.columns]]
    for row in (*table.rows, *((table.totals,) if table.totals else ())):
        texts = row_texts(table.columns, row, symbol="")
        rows.append(
            [
                spreadsheet_safe(text) if not column.numeric else text
                for column, text in zip(table.columns, texts, strict=True)
            ]
        )
    if section.note:
        rows.append([section.note])
    return rows


def report_csv(report: Report) -> str:
    """The file's text, BOM included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([report.title])
    writer.writerow([report.store, f"{report.labels.period}{report.period}"])
    writer.writerow([f"{report.labels.printed_at}{report.printed_at:%Y-%m-%d %H:%M}"])
    for section in report.sections:
        writer.writerow([])
        writer.writerows(_section_rows(section))
    if report.footnotes:
        writer.writerow([])
        writer.writerows([note] for note in report.footnotes)
    return BOM + buffer.getvalue()


def write_csv(report: Report, path: Path) -> Path:
    # newline="" keeps the writer's CRLF as it is; the BOM is in the text.
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(report_csv(report))
    return path
