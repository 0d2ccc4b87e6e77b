"""The Chinese UI has no untranslated strings: every screen and dialog is opened and every
visible text is checked for English words left behind."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.pages import PAGES
from salon_pos.ui.pages.conflicts import ConflictsPage
from salon_pos.ui.shell import Shell
from salon_pos.ui.translations import unfinished
from tests.conftest import Shelf, Team, three_line_sale
from tests.ui.test_sync_ui import seed_conflicts

# Words that stay as they are in a Chinese UI; "English" is the language's own name in the
# language list, so a person who reads no Chinese can switch back.
ALLOWED = {
    "PIN",
    "SKU",
    "USB",
    "ESC",
    "POS",
    "VIP",
    "WIFI",
    "CSV",
    "PDF",
    "JSON",
    "English",
    "Del",
    "Esc",
    "Enter",
    "Ctrl",  # key names are printed in Latin letters on Chinese keyboards too
    "Shift",
}
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# device paths in examples (/dev/usb/lp0) and a template's fields ({text})
EXAMPLES = re.compile(r"/\S+|COM\d+|\{[a-z_]+\}")


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
    return [t for t in texts if t]


def english_left(texts: list[str]) -> list[str]:
    return [t for t in texts if set(ENGLISH_WORD.findall(EXAMPLES.sub("", t))) - ALLOWED]


def test_every_translation_file_is_complete() -> None:
    assert unfinished("zh_CN") == []


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_each_screen_is_all_chinese(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, key: str
) -> None:
    shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf))
    shell.ctx.sign_in(team.manager)
    shell.window.open_page(key)
    shell.settle()
    assert english_left(visible_texts(shell.window)) == []


def test_sign_in_and_dialogs_are_all_chinese(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.window.sign_in.reset()
    assert english_left(visible_texts(shell.window)) == []
    for dialog in (
        ManagerPinDialog("作废单据", shell.window, ask_reason=True),
        CustomerFormDialog(shell.ctx, parent=shell.window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert english_left(visible_texts(dialog)) == []


def test_the_conflict_inbox_and_its_confirmation_are_all_chinese(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    seed_conflicts(shell.ctx.backend)  # one of each type
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("conflicts")
    assert isinstance(page, ConflictsPage)
    shell.settle()  # the list is read on the database worker
    for row in range(page.model.rowCount()):  # each type's explanation and buttons
        page.table.selectRow(row)
        shell.settle()
        assert english_left(visible_texts(shell.window)) == []
    qtbot.waitUntil(lambda: bool(page.detail.choices))  # the last row's detail, read on a worker
    next(iter(page.detail.choices.values())).click()
    assert page.confirmation is not None
    assert english_left(visible_texts(page.confirmation)) == []
    page.confirmation.reject()
