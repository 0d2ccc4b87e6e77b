"""The settings screen: saving the store's details, the printer's test print, the language."""

from __future__ import annotations

import json
import weakref
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salon_pos.db.models import AuditEntry
from salon_pos.domain.ticket import RoundingRule
from salon_pos.services.changes import SETTINGS
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.ui.main_window import MainWindow
from salon_pos.ui.pages.settings import SettingsPage
from salon_pos.ui.shell import Shell
from salon_pos.ui.widgets import MessageLine
from tests.conftest import Team
from tests.devices.escpos_text import closed_port, printed_rows
from tests.sync.client.feed import Feed


def settings_page(shell: Shell, team: Team) -> SettingsPage:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def line_edit(page: QWidget, name: str) -> QLineEdit:
    return page.findChild(QLineEdit, name)


def choose(page: QWidget, name: str, value: object) -> None:
    combo = page.findChild(QComboBox, name)
    index = combo.findData(value)
    assert index >= 0, f"{name} has no {value!r}"
    combo.setCurrentIndex(index)


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type over the field; Chinese arrives whole, as an input method commits it (QTest's key
    clicks are ASCII only)."""
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def shown(line: MessageLine) -> str:
    return line.text() if line.isVisible() else ""


def test_saving_the_store_details_is_kept_and_audited(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    page = settings_page(shell, team)
    assert line_edit(page, "storeName").text() == "丽人美容（测试店）"
    retype(qtbot, line_edit(page, "storeName"), "丽人美业·南京西路店")
    page.findChild(QPlainTextEdit, "receiptFooter").setPlainText("谢谢惠顾\n会员日每周三")
    choose(page, "roundingRule", RoundingRule.DROP_JIAO.value)
    with qtbot.waitSignal(shell.ctx.changed, check_params_cb=lambda c: c.touches(SETTINGS)):
        click(qtbot, page, "saveSettings")

    settings = shell.ctx.backend.settings.current
    assert settings.store_name == "丽人美业·南京西路店"
    assert settings.receipt_footer == "谢谢惠顾\n会员日每周三"
    assert settings.rounding is RoundingRule.DROP_JIAO
    assert "已保存" in shown(page.message)
    with shell.ctx.backend.db.read() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "settings.changed")
            .order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None and entry.actor_id == team.manager.id
        assert json.loads(entry.after or "{}")["store_name"] == "丽人美业·南京西路店"


def test_a_bad_printer_address_is_explained_and_not_saved(
    qtbot: QtBot, shell: Shell, team: Team, paper: Path
) -> None:
    page = settings_page(shell, team)
    choose(page, "printerKind", "network")
    assert "192.168.1.50:9100" in line_edit(page, "printerTarget").placeholderText()
    retype(qtbot, line_edit(page, "printerTarget"), "nohost:abc")

    click(qtbot, page, "testPrint")
    qtbot.waitUntil(lambda: "nohost:abc" in shown(page.printer_message))
    assert "不是有效的 network 打印机地址" in page.printer_message.text()
    assert page.printer_message.property("kind") == "error"

    click(qtbot, page, "saveSettings")
    qtbot.waitUntil(lambda: "nohost:abc" in shown(page.message))
    shell.settle()
    saved = shell.ctx.backend.settings.reload()
    assert (saved.printer_kind, saved.printer_target) == ("file", str(paper))


def test_a_test_print_to_a_file_printer_writes_the_test_page(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = settings_page(shell, team)
    target = tmp_path / "test-page.bin"
    choose(page, "printerKind", "file")
    choose(page, "paperWidth", 80)
    retype(qtbot, line_edit(page, "printerTarget"), str(target))

    click(qtbot, page, "testPrint")
    qtbot.waitUntil(lambda: str(target) in shown(page.printer_message))
    assert page.printer_message.property("kind") == "info"
    rows = printed_rows(target.read_bytes())
    assert "打印测试" in rows and "纸宽 80 mm, 每行 48 列" in rows


def test_a_test_print_to_a_closed_port_names_the_address(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    page = settings_page(shell, team)
    target = f"127.0.0.1:{closed_port()}"
    choose(page, "printerKind", "network")
    retype(qtbot, line_edit(page, "printerTarget"), target)

    click(qtbot, page, "testPrint")
    qtbot.waitUntil(lambda: target in shown(page.printer_message), timeout=10_000)
    assert "连接被拒绝" in page.printer_message.text()
    assert page.findChild(QPushButton, "testPrint").isEnabled()


def test_switching_to_english_rebuilds_the_window_signed_in(
    qtbot: QtBot, qapp: QApplication, shell: Shell, team: Team
) -> None:
    page = settings_page(shell, team)
    old = weakref.ref(shell.window)  # the shell deletes it: pytest-qt must not close it again
    choose(page, "language", "en")
    click(qtbot, page, "saveSettings")
    qtbot.waitUntil(lambda: shell.window is not old())
    qtbot.addWidget(shell.window)
    del page

    assert isinstance(shell.window, MainWindow)
    assert shell.ctx.backend.settings.current.language == "en"
    assert shell.ctx.staff == team.manager
    nav = shell.window.findChild(QPushButton, "nav_cashier")
    assert nav.text().startswith("Cashier") and "F1" in nav.text()


def test_store_wide_settings_are_told_apart_and_a_pull_repaints_them(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    page = settings_page(shell, team)
    store_wide = page.findChild(QGroupBox, "storeWideSettings")
    assert store_wide.title() == "全店设置（所有收银台同步）"
    assert page.findChild(QGroupBox, "counterSettings").title() == "本机设置"
    for name in ("storeName", "timeZone"):
        assert store_wide.findChild(QLineEdit, name) is not None
    assert store_wide.findChild(QComboBox, "roundingRule") is not None
    assert store_wide.findChild(QComboBox, "printerKind") is None  # the printer is this PC's

    backend = shell.ctx.backend
    feed = Feed()
    values = {"store_name": "丽人美业·总店", "rounding": "drop_fen", "cutover_hour": 6}
    feed.add("store_settings", "store-1", {"values": values, "stamps": {}})
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    outbox.apply_changes(feed.changes, 1)
    with qtbot.waitSignal(shell.ctx.changed):
        shell.ctx.announce(backend.settings.after_pull(outbox.take_changes()))
    assert line_edit(page, "storeName").text() == "丽人美业·总店"
    assert page.findChild(QComboBox, "roundingRule").currentData() == "drop_fen"
    assert page.findChild(QSpinBox, "cutoverHour").value() == 6
    assert backend.settings.current.printer_kind == "file"  # this counter's own: untouched


def test_the_page_scrolls_down_never_sideways_at_1024_by_768(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    from PySide6.QtWidgets import QBoxLayout

    from salon_pos.ui.pages.settings import ColumnsScroll

    page = settings_page(shell, team)
    scroll = page.findChild(ColumnsScroll, "settingsScroll")
    side_by_side = QBoxLayout.Direction.LeftToRight
    shell.window.resize(1400, 900)
    qtbot.waitUntil(lambda: scroll.columns.direction() == side_by_side)
    shell.window.resize(1024, 768)
    qtbot.waitUntil(lambda: scroll.columns.direction() == QBoxLayout.Direction.TopToBottom)
    shell.settle()
    assert scroll.horizontalScrollBar().maximum() == 0  # everything fits across
    assert scroll.verticalScrollBar().maximum() > 0
    shell.window.resize(1400, 900)
    qtbot.waitUntil(lambda: scroll.columns.direction() == side_by_side)
