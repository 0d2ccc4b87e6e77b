"""`salon-pos report --kind commission`: the Commission page's statement as a table, a CSV or a
PDF, everyone's or one staff member's (--staff); an unknown name is one sentence, exit 2."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from salon_pos.domain.commission import (
    CommissionRule,
    CommissionRules,
    RateKind,
    commission_rules_text,
)
from salon_pos.domain.shares import StaffShare
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.reports.text_table import report_text
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from tests.cli.conftest import run
from tests.conftest import Shelf, Team

DAY = ("--from", "2026-11-20", "--to", "2026-11-20")


@pytest.fixture
def home(backend: Backend, team: Team, shelf: Shelf) -> Path:
    """A facial shared 60/40 and asked for (点钟: 15%), and a manicure by 李娜 (10%)."""
    rules = CommissionRules((CommissionRule(LineKind.SERVICE, RateKind.PERCENT, 1_000, 1_500),))
    backend.settings.update(commission_rules=commission_rules_text(rules))
    helper = backend.staff.add("王芳", "technician", "3333", skills=["facial"]).id
    tech = team.tech.id
    backend.checkout.complete_sale(
        SaleRequest(team.desk.id, [
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=tech, requested=True,
                     shares=(StaffShare(tech, 6_000), StaffShare(helper, 4_000))),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=tech),
        ], [Tender(TenderKind.CASH, 36_600)])
    )  # fmt: skip
    return backend.db.path.parent


def test_the_statement_as_a_table_csv_and_pdf(
    home: Path, backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "report", "--kind", "commission", *DAY) == 0
    printed = capsys.readouterr().out
    assert "提成明细" in printed and "期间：2026-11-20" in printed
    summary = {line.split()[0]: line.split()[1:] for line in printed.splitlines() if line}
    # 李娜: 60% of ¥198 at 15% (¥17.82) and ¥168 at 10% (¥16.80); 王芳: 40% of ¥29.70
    assert summary["李娜"] == ["2", "286.80", "286.80", "34.62", "0.00", "34.62"]
    assert summary["王芳"] == ["1", "79.20", "79.20", "11.88", "0.00", "11.88"]
    day = date(2026, 11, 20)
    assert printed == report_text(backend.commission.report(day, day))
    out = tmp_path / "提成.csv"
    assert (
        run(home, "report", "--kind", "commission", *DAY, "--format", "csv", "--out", str(out)) == 0
    )
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = [row for row in csv.reader(file) if row]
    assert ["王芳", "1", "79.20", "79.20", "11.88", "0.00", "11.88"] in rows
    pdf = tmp_path / "commission.pdf"
    assert run(home, "report", "--kind", "commission", *DAY, "--staff", "王芳", "--format", "pdf",
               "--out", str(pdf)) == 0  # fmt: skip
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "王芳 的提成明细" in text and "11.88" in text and "李娜 的提成明细" not in text


def test_an_unknown_staff_member_is_one_sentence(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "report", "--kind", "commission", "--staff", "无此人") == 2
    assert "无此人" in capsys.readouterr().err
