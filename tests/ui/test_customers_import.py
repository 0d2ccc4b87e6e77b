"""The import page on a large file: a bar with rows, rate and time left, and Cancel, which
stops after the batch being written and says how far it got; importing again continues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from salon_pos.services import import_batches
from salon_pos.services.import_report import ImportProgress
from salon_pos.ui.pages.customers import CustomersPage
from salon_pos.ui.shell import Shell
from tests.conftest import Team
from tests.services.test_import_streaming import plain_rows


def test_cancel_stops_between_batches_and_importing_again_continues(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batches, "BATCH_ROWS", 100)
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("customers")
    assert isinstance(page, CustomersPage)
    importer = page.importer
    path = tmp_path / "客户.csv"
    path.write_text(plain_rows(5_000), encoding="utf-8-sig")

    with qtbot.waitSignal(importer.progressed, timeout=20_000) as first:
        importer.import_file(path)
    assert isinstance(first.args[0], ImportProgress)
    progress = r"正在导入 客户.csv：[\d,]+ / 5,000 行 · [\d,]+ 行/秒"
    assert re.search(progress, importer.message.text())
    assert importer.cancel.isVisibleTo(page) and not importer.button.isEnabled()
    with qtbot.waitSignal(shell.ctx.changed, timeout=60_000):
        qtbot.mouseClick(importer.cancel, Qt.MouseButton.LeftButton)

    report = importer.message.text()
    stopped = re.search(r"已停止：已处理 (\d+) / 5000 行", report)
    assert stopped is not None, report
    saved = int(stopped[1])
    assert 100 <= saved < 5_000 and saved % 100 == 0
    assert importer.button.isEnabled() and not importer.cancel.isVisibleTo(page)
    assert importer.busy.maximum() == 5_000

    with qtbot.waitSignal(shell.ctx.changed, timeout=60_000):
        importer.import_file(path)
    assert f"新增 {5_000 - saved} 条，更新 0 条，未变 {saved} 条" in importer.message.text()
