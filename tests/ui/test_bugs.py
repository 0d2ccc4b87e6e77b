"""A bug is logged once with its traceback, in one place; the person is told something went
wrong and where the log is, never the exception's text (qutebrowser's split of errors)."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, TenderKind
from salon_pos.services.checkout import CompletedSale, SaleLine, SaleRequest
from salon_pos.ui.dialogs.payment import PaymentDialog, SaleDraft
from salon_pos.ui.errors import install_bug_hooks
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team

SECRET = "UNIQUE constraint failed: ticket.number 13800138000"


class BrokenCheckout:
    """A checkout with a bug in it."""

    def complete_sale(self, request: SaleRequest) -> CompletedSale:
        raise RuntimeError(SECRET)


def bug_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]


def test_a_bug_in_the_payment_save_is_logged_with_its_traceback_and_told_plainly(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, caplog: pytest.LogCaptureFixture
) -> None:
    shell.ctx.sign_in(team.desk)
    draft = SaleDraft(lines=(SaleLine(LineKind.PRODUCT, shelf.serum),), due=12800)
    dialog = PaymentDialog(shell.ctx, draft, BrokenCheckout(), shell.window)
    dialog.open()
    dialog.set_tender(TenderKind.CASH, 12800)
    complete = dialog.findChild(QPushButton, "completeSale")
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(complete, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.saving)

    shown = dialog.message.text()
    assert SECRET not in shown and "RuntimeError" not in shown and "UNIQUE" not in shown
    assert "出错" in shown and str(shell.ctx.log_path) in shown
    assert dialog.isVisible() and complete.isEnabled()  # the cashier can try again
    (record,) = bug_records(caplog)  # once
    traceback = logging.Formatter().formatException(record.exc_info)  # type: ignore[arg-type]
    assert "in complete_sale" in traceback and f"RuntimeError: {SECRET}" in traceback


def test_an_exception_escaping_a_slot_is_logged_and_told(
    qtbot: QtBot, shell: Shell, caplog: pytest.LogCaptureFixture
) -> None:
    uninstall = install_bug_hooks(shell.tell_error)
    try:
        raise RuntimeError(SECRET)
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        uninstall()  # pytest-qt's Qt message handler and excepthook again
    (record,) = bug_records(caplog)
    assert record.exc_info is not None and record.exc_info[2] is not None  # the traceback
    box = shell.window.findChild(QMessageBox, "uncaughtError")
    qtbot.waitUntil(box.isVisible)
    assert SECRET not in box.text() and "出错" in box.text()
    box.close()
