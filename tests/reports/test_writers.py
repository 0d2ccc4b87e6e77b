"""The PDF and CSV writers: the PDF's text (pypdf) holds the Chinese, the page header on every
page and the totals; a long table runs over pages with its heading row again; the CSV starts
with a BOM, reads back with the csv module, money in yuan."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from salon_pos.reports.csv_file import BOM, write_csv
from salon_pos.reports.model import (
    CellKind,
    Chart,
    ChartKind,
    Column,
    Report,
    Section,
    Table,
    cell_text,
)
from salon_pos.reports.pdf import write_pdf

COLUMNS = (Column("日期"), Column("单数", CellKind.COUNT), Column("营业额（元）", CellKind.MONEY))


def report(rows: int = 3) -> Report:
    table = Table(
        COLUMNS,
        tuple((f"2026-11-{i % 30 + 1:02d}", i, 19_850 * i) for i in range(1, rows + 1)),
        ("合计", rows * (rows + 1) // 2, 19_850 * rows * (rows + 1) // 2),
    )
    chart = Chart(ChartKind.LINE, "净营业额（元）", tuple((r[0], r[2]) for r in table.rows))
    people = Table((Column("客户"), Column("电话")), (("=HYPERLINK(1)", "13800138000"),))
    return Report(
        "营业额（按日）", "丽人美业·演示店", date(2026, 11, 1), date(2026, 11, 30),
        datetime(2026, 12, 1, 9, 30),
        (Section("每日明细", table, chart, "作废计入作废当天。"), Section("客户", people)),
        ("成本按当前成本计算。",),
    )  # fmt: skip


def test_cells_read_as_people_write_them() -> None:
    assert cell_text(CellKind.MONEY, 19_850) == "¥198.50"
    assert cell_text(CellKind.MONEY, -5, "") == "-0.05"
    assert cell_text(CellKind.PERCENT, 1234) == "12.34%"
    assert cell_text(CellKind.TENTHS, 775) == "77.5"
    assert cell_text(CellKind.COUNT, None) == ""


def test_pdf_has_the_chinese_text_a_header_on_each_page_and_the_totals(tmp_path: Path) -> None:
    path = write_pdf(report(rows=120), tmp_path / "report.pdf")
    pages = PdfReader(path).pages
    assert len(pages) >= 3  # 120 rows and a chart do not fit on two A4 pages
    texts = [page.extract_text() for page in pages]
    for number, text in enumerate(texts, start=1):
        assert "2026-11-01 ~ 2026-11-30" in text and "2026-12-01 09:30" in text
        assert f"第 {number} 页" in text
        assert "营业额（元）" in text  # the heading row, repeated on each page of the table
    whole = "\n".join(texts)
    assert "营业额（按日）" in whole and "每日明细" in whole and "作废计入作废当天" in whole
    assert "2382.00" in whole  # a row: 12 × ¥198.50, in yuan without the ¥ sign
    assert "1441110.00" in whole  # the totals: ¥198.50 × 7260
    assert "成本按当前成本计算" in whole


def test_csv_opens_in_excel_and_reads_back(tmp_path: Path) -> None:
    path = write_csv(report(), tmp_path / "report.csv")
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8")) and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["营业额（按日）"]
    assert rows[1] == ["丽人美业·演示店", "期间：2026-11-01 ~ 2026-11-30"]
    start = rows.index(["每日明细"])
    assert rows[start + 1] == ["日期", "单数", "营业额（元）"]
    assert rows[start + 2] == ["2026-11-02", "1", "198.50"]  # yuan, two decimals, no ¥
    assert rows[start + 5] == ["合计", "6", "1191.00"]
    assert rows[start + 7] == [], "a blank line between sections"
    assert rows[start + 10] == ["'=HYPERLINK(1)", "13800138000"]  # never run as a formula
    assert rows[-1] == ["成本按当前成本计算。"]
