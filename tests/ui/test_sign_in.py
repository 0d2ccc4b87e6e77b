"""Signing in at the counter: tap a name, type the PIN; wrong PINs, switching user, idle lock."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from salon_pos.ui.shell import Shell
from tests.conftest import Team


def sign_in_with_pad(qtbot: QtBot, shell: Shell, staff_id: str, pin: str) -> None:
    screen = shell.window.sign_in
    qtbot.mouseClick(
        screen.findChild(QToolButton, f"staffTile_{staff_id}"), Qt.MouseButton.LeftButton
    )
    for digit in pin:
        index = 10 if digit == "0" else int(digit) - 1
        qtbot.mouseClick(
            screen.findChild(QPushButton, f"pinKey_{index}"), Qt.MouseButton.LeftButton
        )
    qtbot.mouseClick(screen.findChild(QPushButton, "pinOk"), Qt.MouseButton.LeftButton)


def test_sign_in_shows_the_pages_for_the_role(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.window.sign_in.reload_staff()
    sign_in_with_pad(qtbot, shell, team.desk.id, Team.DESK_PIN)
    qtbot.waitUntil(lambda: shell.ctx.staff == team.desk)
    window = shell.window
    assert window.screens.currentIndex() == 1
    visible = {k for k, b in window._nav_buttons.items() if not b.isHidden()}
    # no settings, reports or close for the desk; their own commission statement (提成), and
    # the stock page to count a stocktake on
    assert visible == {"cashier", "bookings", "tickets", "customers", "commission", "stock"}
    assert "周小敏" in window.statusBar().findChild(QLabel, "statusUser").text()


def test_a_wrong_pin_is_refused_with_the_tries_left(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.window.sign_in.reload_staff()
    sign_in_with_pad(qtbot, shell, team.desk.id, "9999")
    message = shell.window.sign_in.message
    qtbot.waitUntil(lambda: message.isVisible())
    assert "PIN 不正确" in message.text() and "4" in message.text()
    assert shell.ctx.staff is None
    assert shell.window.sign_in.findChild(QLineEdit, "pinField").text() == ""


def test_switch_user_and_idle_lock_return_to_sign_in(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    shell.ctx.sign_in(team.manager)
    assert not shell.window._nav_buttons["settings"].isHidden()
    qtbot.mouseClick(shell.window.findChild(QPushButton, "switchUser"), Qt.MouseButton.LeftButton)
    assert shell.ctx.staff is None and shell.window.screens.currentWidget() is shell.window.sign_in

    shell.ctx.sign_in(team.desk)
    shell.idle.last_input -= 4 * 60  # four minutes untouched: still signed in (the limit is 5)
    shell.idle.check()
    assert shell.ctx.staff == team.desk
    shell.idle.last_input -= 2 * 60
    shell.idle.check()
    assert shell.ctx.staff is None
