"""This counter's backups on the settings screen: a second folder that cannot be used is
refused with the reason and nothing saved; "Back up now" says where the backup went; the
app's scheduler runs the nightly job in its own thread and stops it on close."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QGroupBox, QLineEdit, QSpinBox, QTimeEdit
from pytestqt.qtbot import QtBot

from salon_pos.ui.shell import Shell
from salon_pos.ui.sync_scheduler import JOBS_THREAD_PREFIX
from salon_pos.ui.widgets import MessageLine
from tests.conftest import Team
from tests.ui.test_settings import click, settings_page, shown
from tests.ui.test_sync_ui import FakeDriver


def test_a_second_folder_that_is_missing_is_refused_and_a_real_one_saved(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = settings_page(shell, team)
    folder = page.findChild(QLineEdit, "backupFolder")
    folder.setText(str(tmp_path / "usb"))
    click(qtbot, page, "saveSettings")
    qtbot.waitUntil(lambda: "第二备份目录" in shown(page.message))
    assert "U 盘" in shown(page.message)
    assert shell.ctx.backend.settings.current.backup_folder == ""  # nothing saved

    (tmp_path / "usb").mkdir()
    page.findChild(QSpinBox, "backupKeep").setValue(7)
    page.findChild(QTimeEdit, "backupTime").setTime(QTime(22, 15))
    click(qtbot, page, "saveSettings")
    qtbot.waitUntil(lambda: shown(page.message) == "设置已保存。")
    saved = shell.ctx.backend.settings.current
    assert (saved.backup_folder, saved.backup_keep, saved.backup_time) == (
        str(tmp_path / "usb"),
        7,
        "22:15",
    )


def test_back_up_now_says_where_the_backup_went(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    shell.ctx.backend.settings.update(backup_folder=str(usb))
    page = settings_page(shell, team)
    box = page.findChild(QGroupBox, "backupSettings")
    assert box.title() == "本机备份（尚无备份）"
    message = page.findChild(MessageLine, "backupMessage")
    click(qtbot, page, "backUpNow")
    qtbot.waitUntil(lambda: shown(message).startswith("已备份："), timeout=10_000)
    [backup] = shell.ctx.backend.backups.list()
    assert backup.path.name in shown(message) and str(usb) in shown(message)
    assert (usb / backup.path.name).exists()
    assert box.title() == "本机备份（上次：2026-11-20 14:30，手动）"

    shutil.rmtree(usb)  # the USB disk unplugged: the backup is made here, and that is said
    click(qtbot, page, "backUpNow")
    qtbot.waitUntil(lambda: message.property("kind") == "error", timeout=10_000)
    assert "已备份：" in shown(message) and "U 盘" in shown(message)
    assert len(shell.ctx.backend.backups.list()) == 2


class CountingJob:
    name = "counting"
    seconds = 0.05

    def __init__(self) -> None:
        self.threads: set[str] = set()

    def tick(self) -> Any:
        self.threads.add(threading.current_thread().name)


def test_the_scheduler_runs_the_apps_jobs_in_their_own_thread(qtbot: QtBot, shell: Shell) -> None:
    job = CountingJob()
    shell.start_sync(FakeDriver(), watch_network=False, jobs=[job])
    qtbot.waitUntil(lambda: bool(job.threads), timeout=5000)
    assert all(name.startswith(JOBS_THREAD_PREFIX) for name in job.threads)
    shell.close()
    assert [t for t in threading.enumerate() if t.name.startswith(JOBS_THREAD_PREFIX)] == []
