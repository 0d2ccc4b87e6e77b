"""The Reports page (报表): a manager picks a period and a kind and sees the rows and the chart;
the CSV export is written off the UI thread; the front desk does not see the page."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.services.backend import Backend
from salon_pos.services.reports import ReportKind
from salon_pos.ui.pages.reports import CUSTOM, ReportsPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team, three_line_sale


def open_reports(shell: Shell, team: Team) -> ReportsPage:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("reports")
    assert isinstance(page, ReportsPage)
    return page


def test_a_manager_sees_a_period_and_exports_csv(
    qtbot: QtBot, shell: Shell, backend: Backend, clock: FakeClock, team: Team, shelf: Shelf,
    tmp_path: Path,
) -> None:  # fmt: skip
    backend.checkout.complete_sale(three_line_sale(team, shelf))  # ¥494 on 2026-11-20
    clock.advance(days=1)
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    page = open_reports(shell, team)
    ModelTester(None).check(page.model)
    qtbot.waitUntil(lambda: page.model.rowCount() == 22)  # this month: the 1st to the 21st, totals
    page.pick(CUSTOM, ReportKind.DAY)
    page.pick_dates(date(2026, 11, 20), date(2026, 11, 21))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert [page.model.text(r, 0) for r in range(3)] == ["2026-11-20", "2026-11-21", "合计"]
    assert page.model.text(2, 6) == "988.00" and page.model.is_totals(2)
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "净营业额"
    assert page.chart.chart().series(), "a line of the days"

    page.pick(CUSTOM, ReportKind.CATEGORY)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)  # 面部护理, 美甲, 护肤品, totals
    assert {page.model.text(r, 0) for r in range(3)} == {"面部护理", "美甲", "护肤品"}
    assert not page.section.isVisible()
    page.pick(CUSTOM, ReportKind.TOP)
    qtbot.waitUntil(lambda: page.section.count() == 4)
    assert page.section.isVisible()

    out = tmp_path / "top.csv"
    page.export_to(out, "csv")
    qtbot.waitUntil(lambda: page.exported == out)
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["畅销排行"] and ["服务项目 TOP 10（按营业额）"] in rows
    assert page.message.text() == f"已保存到 {out}"


def test_a_bad_period_is_said_and_a_failed_export_too(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = open_reports(shell, team)
    page.pick_dates(date(2026, 11, 21), date(2026, 11, 20))
    qtbot.waitUntil(page.message.isVisible)
    assert "早于开始日期" in page.message.text() and page.model.rowCount() == 0
    page.pick_dates(date(2026, 11, 20), date(2026, 11, 20))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.export_to(tmp_path / "no-such-folder" / "x.pdf", "pdf")
    qtbot.waitUntil(lambda: "无法写入" in page.message.text())


def test_the_front_desk_has_no_reports(shell: Shell, team: Team) -> None:
    shell.ctx.sign_in(team.desk)
    assert not shell.window._nav_buttons["reports"].isVisible()
    page = shell.window.open_page("reports")
    assert isinstance(page, ReportsPage) and page.refusal.isVisible()
    assert page.model.rowCount() == 0
