"""This counter's backups on the settings screen: a second folder (a USB disk, a NAS) chosen with
the folder dialog, how many backups to keep, the nightly time, "Back up now", and in the box's
title when the last one was taken. The fields are saved with the page's Save (SettingsPage),
where a second folder that is missing or not writable is refused with the reason; a backup runs
in the background (services/backups.py; docs/backups.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QWidget,
)

from salon_pos.domain.backups import CLOSE, KEEP_RANGE, MANUAL, NIGHTLY
from salon_pos.services.backups import Backup, BackupResult
from salon_pos.services.settings import StoreSettings
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine, button

BACKUP_FIELDS = ("backup_folder", "backup_keep", "backup_time")


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch()
    return box


class BackupBox(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettings")
        self._ctx = ctx
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("None: only in the data folder"))
        folder_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon)
        self.choose = self.folder.addAction(folder_icon, QLineEdit.ActionPosition.TrailingPosition)
        self.choose.setObjectName("chooseBackupFolder")
        self.choose.setToolTip(self.tr("Choose the folder"))
        self.choose.triggered.connect(self._on_choose_triggered)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(*KEEP_RANGE)
        self.keep.setMaximumWidth(72)  # its size hint is wider than "999": 1024 px screens
        self.at = QTimeEdit()
        self.at.setObjectName("backupTime")
        self.at.setDisplayFormat("HH:mm")
        self.at.setMaximumWidth(80)
        self.back_up_now = button(self.tr("Back up now"), "backUpNow")
        self.back_up_now.clicked.connect(self._on_back_up_now_clicked)
        self.message = MessageLine()
        self.message.setObjectName("backupMessage")
        form = QFormLayout(self)
        form.addRow(self.tr("Second folder"), self.folder)
        nightly = QLabel(self.tr("Nightly"))
        form.addRow(self.tr("Copies kept"), _row(self.keep, nightly, self.at, self.back_up_now))
        form.addRow("", self.message)

    def load(self, settings: StoreSettings) -> None:
        self.folder.setText(settings.backup_folder)
        self.keep.setValue(settings.backup_keep)
        self.at.setTime(QTime.fromString(settings.backup_time, "HH:mm"))
        self.show_last()

    def values(self) -> dict[str, Any]:
        return {
            "backup_folder": self.folder.text().strip(),
            "backup_keep": self.keep.value(),
            "backup_time": self.at.time().toString("HH:mm"),
        }

    def check_folder(self, changes: dict[str, Any]) -> None:
        """Before saving (in the background): a new second folder must be usable."""
        if changes.get("backup_folder"):
            self._ctx.backend.backups.check_folder(Path(changes["backup_folder"]).expanduser())

    def show_last(self) -> None:
        """The title says when the last backup was taken (a directory listing: quick)."""
        self.setTitle(self._described(self._ctx.backend.backups.last()))

    def _described(self, last: Backup | None) -> str:
        if last is None:
            return self.tr("Backups of this counter (none yet)")
        zone = ZoneInfo(self._ctx.backend.settings.current.time_zone)
        reasons = {
            NIGHTLY: self.tr("nightly"),
            CLOSE: self.tr("after the close"),
            MANUAL: self.tr("by hand"),
        }
        return self.tr("Backups of this counter (last: {at}, {reason})").format(
            at=f"{last.at.astimezone(zone):%Y-%m-%d %H:%M}",
            reason=reasons.get(last.reason, last.reason),
        )

    def _on_choose_triggered(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _on_back_up_now_clicked(self) -> None:
        self.back_up_now.setEnabled(False)
        self.message.show_info(self.tr("Backing up…"))
        backups = self._ctx.backend.backups
        self._ctx.runner.run(
            lambda: backups.back_up(MANUAL),
            self._on_backed_up,
            self._on_backup_failed,
            device=True,  # file work, not a database write: the writes' queue stays free
        )

    def _on_backed_up(self, result: BackupResult) -> None:
        self.back_up_now.setEnabled(True)
        self.show_last()
        done = self.tr("Backed up: {name}.").format(name=result.backup.path.name)
        if result.second_problem is not None:
            self.message.show_error(f"{done} {self._ctx.message(result.second_problem)}")
        elif result.second_copy is not None:
            copy = self.tr("A copy is in {folder}.").format(folder=result.second_copy.parent)
            self.message.show_info(f"{done} {copy}")
        else:
            self.message.show_info(done)

    def _on_backup_failed(self, error: BaseException) -> None:
        self.back_up_now.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
