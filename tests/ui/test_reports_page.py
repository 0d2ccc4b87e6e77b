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


def test_a_manager_reads_the_stock_reports_and_exports_one(
    qtbot: QtBot, shell: Shell, backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    """A serum the facial uses 5 ml of, and masks never sold: the in-and-out report shows the
    facial's use, slow movers the masks, with the N days beside the kind."""
    from salon_pos.services.stock import ConsumableLine, ReceiptLine

    serum = backend.catalog.add_product(
        "院装", "玻尿酸原液", "BB-1", 0, 20_000, unit="ml", pack_size=500
    )
    mask = backend.catalog.add_product("护肤品", "补水面膜", "SKU-M", 6_800, 2_000)
    backend.stock.set_consumables(
        shelf.facial, [ConsumableLine(serum.id, 5, "ml")], team.manager.id
    )
    backend.stock.receive(
        [ReceiptLine(serum.id, 1, 20_000), ReceiptLine(mask.id, 3, 2_000)], team.manager.id
    )
    backend.checkout.complete_sale(three_line_sale(team, shelf))  # a facial: 5 ml
    page = open_reports(shell, team)
    page.pick(CUSTOM, ReportKind.STOCK_FLOW)
    page.pick_dates(date(2026, 11, 20), date(2026, 11, 20))
    # the back-bar serum, the masks, the retail serum sold with none in stock, totals
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    serum_row = next(r for r in range(3) if page.model.text(r, 0) == "玻尿酸原液")
    assert page.model.headerData(7, Qt.Orientation.Horizontal) == "耗用"
    assert page.model.text(serum_row, 7) == "5" and page.model.text(serum_row, 12) == "495"
    assert not page.days.isVisible() and page.periods.period.isEnabled()

    page.pick(CUSTOM, ReportKind.SLOW)
    qtbot.waitUntil(lambda: page.report is not None and page.report.title == "滞销商品")
    assert page.days.isVisible() and page.days.value() == 60 and page.days.text() == "60 天"
    assert not page.periods.period.isEnabled(), "slow movers are of now, whatever the period"
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # the masks, totals
    assert page.model.text(0, 1) == "补水面膜" and page.model.text(0, 4) == "从未"
    assert page.chart.chart().series(), "bars of the value tied up"
    page.days.setValue(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # the serum too: sold today, 0 days

    out = tmp_path / "slow.csv"
    page.export_to(out, "csv")
    qtbot.waitUntil(lambda: page.exported == out)
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["滞销商品"]
    assert ["护肤品", "补水面膜", "3", "件", "从未", "", "60.00"] in rows
