"""`salon-pos report`: the figures of the Reports page as a table, a CSV or a PDF."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from salon_pos.reports.text_table import report_text
from salon_pos.services.backend import Backend
from salon_pos.services.reports import ReportKind
from tests.cli.conftest import run
from tests.conftest import Shelf, Team, three_line_sale

DAY = ("--from", "2026-11-20", "--to", "2026-11-20")


@pytest.fixture
def home(backend: Backend, team: Team, shelf: Shelf) -> Path:
    """Two sales of ¥494 on 2026-11-20, one of them voided."""
    sold = [backend.checkout.complete_sale(three_line_sale(team, shelf)) for _ in range(2)]
    backend.checkout.void_sale(sold[0].ticket_id, Team.MANAGER_PIN, "录错", team.desk.id)
    return backend.db.path.parent


def test_a_table_with_the_screens_figures(
    home: Path, backend: Backend, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "report", "--kind", "day", *DAY) == 0
    printed = capsys.readouterr().out
    assert "营业额（按日）" in printed and "期间：2026-11-20" in printed
    # ¥732 of services and ¥256 of products sold, ¥494 voided the same day: ¥494 net
    row = next(line.split() for line in printed.splitlines() if line.startswith("2026-11-20"))
    assert row == [
        "2026-11-20",
        "1",
        "732.00",
        "256.00",
        "494.00",
        "0.00",
        "494.00",
        "0.00",
        "0.00",
    ]
    report = backend.reports.build(ReportKind.DAY, date(2026, 11, 20), date(2026, 11, 20))
    assert printed == report_text(report)


def test_csv_and_pdf_files(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "技师.csv"
    assert (
        run(home, "report", "--kind", "technician", *DAY, "--format", "csv", "--out", str(out)) == 0
    )
    assert str(out) in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    by_name = {row[0]: row[1:] for row in rows if row}
    assert by_name["李娜"] == ["2", "366.00", "74.09%"]  # her two services of the standing sale
    assert by_name["（未指定技师）"] == ["1", "128.00", "25.91%"]  # the serum
    assert by_name["合计"] == ["3", "494.00", "100.00%"]
    pdf = tmp_path / "staff.pdf"
    assert run(home, "report", "--kind", "staff", *DAY, "--format", "pdf", "--out", str(pdf)) == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "员工业绩" in text and "李娜" in text and "366.00" in text


def test_bad_dates_are_refused_in_one_sentence(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "report", "--kind", "day", "--from", "2026-13-01") == 2
    assert "--from：“2026-13-01”不是日期" in capsys.readouterr().err
    assert run(home, "report", "--kind", "day", "--from", "2026-11-21", "--to", "2026-11-20") == 2
    assert "早于开始日期" in capsys.readouterr().err


def test_a_stock_report_with_its_days(
    home: Path, backend: Backend, team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--kind slow-movers --days N`: the serum received and never sold is slow at any N."""
    from salon_pos.services.stock import ReceiptLine

    mask = backend.catalog.add_product("护肤品", "补水面膜", "SKU-M", 6_800, 2_000)
    backend.stock.receive([ReceiptLine(mask.id, 3, 2_000)], team.manager.id)
    assert run(home, "report", "--kind", "slow-movers", "--days", "90") == 0
    printed = capsys.readouterr().out
    assert "滞销商品" in printed and "90 天以上" in printed
    row = next(line.split() for line in printed.splitlines() if "补水面膜" in line)
    assert row == ["护肤品", "补水面膜", "3", "件", "从未", "60.00"]
    out = tmp_path / "stock.pdf"
    assert (
        run(home, "report", "--kind", "stock-flow", *DAY, "--format", "pdf", "--out", str(out)) == 0
    )
    assert "进销存明细" in PdfReader(out).pages[0].extract_text()
