"""Settings (managers and owners): on the left the store-wide settings, the same on every
counter of the store (synced through the server); on the right this counter's own: language,
ticket prefix, the receipt printer with a test print; its backups (settings_backups.py) under
the store-wide ones, where there is room. Saving
runs in the background; a refused value is explained and nothing is saved. A new language
rebuilds the window (see Shell)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salon_pos.devices import printer_from_settings
from salon_pos.domain.errors import RequiredField
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.services.settings import StoreSettings
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages.settings_backups import BACKUP_FIELDS, BackupBox
from salon_pos.ui.pages.settings_form import SettingsForm
from salon_pos.ui.widgets import MessageLine, button

PRINTER_FIELDS = ("printer_kind", "printer_target", "paper_width_mm")
# Belongs in resources/style.qss (it styles every combo box and spin box); here until it is.
FIELD_STYLE = """
QComboBox::drop-down { border: none; width: 30px; }
QComboBox::down-arrow { image: url(IMAGES/arrow-down-16.png); width: 12px; height: 12px; }
QSpinBox { padding-left: 10px; }
QSpinBox::up-button, QSpinBox::down-button { border: none; width: 30px; }
QSpinBox::up-arrow { image: url(IMAGES/arrow-up-16.png); width: 10px; height: 10px; }
QSpinBox::down-arrow { image: url(IMAGES/arrow-down-16.png); width: 10px; height: 10px; }
#printerHint { color: #8a7a82; font-size: 13px; }
""".replace("IMAGES", ":/qt-project.org/styles/commonstyle/images")  # Qt's own arrows


class ColumnsScroll(QScrollArea):
    """Two columns side by side where the screen is wide enough for both, one above the other
    where it is not (1024 × 768): the page scrolls down, never sideways."""

    def __init__(self, left: QVBoxLayout, right: QVBoxLayout) -> None:
        super().__init__()
        self._left, self._right = left, right
        sheet = QWidget()
        sheet.setObjectName("settingsSheet")
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, sheet)
        self.columns.setContentsMargins(0, 0, 8, 0)
        self.columns.setSpacing(20)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        self.setWidget(sheet)
        self.setWidgetResizable(True)

    def side_by_side_width(self) -> int:
        margins = self.columns.contentsMargins()
        both = self._left.minimumSize().width() + self._right.minimumSize().width()
        return both + self.columns.spacing() + margins.left() + margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = self.viewport().width() >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self._ctx = ctx
        self.form = SettingsForm(ctx.language, self)
        self.backups = BackupBox(ctx)
        self.test_print = button(self.tr("Test print"), "testPrint")
        self.test_print.clicked.connect(self._on_test_print_clicked)
        self.printer_message = MessageLine()
        self.save = button(self.tr("Save"), "saveSettings", "primary")
        self.save.setMinimumWidth(180)
        self.save.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save.clicked.connect(self._on_save_clicked)
        self.message = MessageLine()
        self.setStyleSheet(FIELD_STYLE)
        self._build()
        self._load(ctx.backend.settings.current)
        ctx.changed.connect(self._on_ctx_changed)

    def _build(self) -> None:
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        left = QVBoxLayout()
        left.addWidget(self.form.store_group())
        left.addWidget(self.backups)  # this counter's, but there is room here (1024 x 768)
        left.addWidget(self.form.drawer_group())
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.form.counter_group())
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_print)
        test_row.addStretch()
        test_box = QWidget()
        test_box.setLayout(test_row)
        test_row.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.form.printer_group(test_box, self.printer_message))
        right.addWidget(self.form.classes_group())
        right.addStretch()
        scroll = ColumnsScroll(left, right)  # scrolls where the screen is shorter (1024 × 768)
        scroll.setObjectName("settingsScroll")
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QWidget#settingsSheet { background: transparent; }")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(0)  # keeps Save on the right while there is no message
        bottom.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def on_shown(self) -> None:
        """Brought to the front: show what is saved now (the CLI may have changed it)."""
        self._load(self._ctx.backend.settings.reload())
        self.message.show_info("")
        self.printer_message.show_info("")
        self.backups.message.show_info("")

    def _load(self, settings: StoreSettings) -> None:
        self.form.load(settings)
        self.backups.load(settings)
        self._shown = settings

    def changes(self, saved: StoreSettings) -> dict[str, Any]:
        """The values on screen that differ from `saved`."""
        backups = {k: v for k, v in self.backups.values().items() if getattr(saved, k) != v}
        return self.form.changes(saved) | backups

    def _on_ctx_changed(self, changes: Changes) -> None:
        """Store-wide settings pulled from the server: shown at once, unless the manager is
        editing here (then Save merges with them: only the fields changed here are sent)."""
        if changes.touches(SETTINGS) and not self.changes(self._shown):
            self._load(self._ctx.backend.settings.current)

    # Saving

    def _on_save_clicked(self) -> None:
        saved = self._ctx.backend.settings.current
        changes = self.changes(self._shown)  # what was edited here, not what a pull brought
        if not changes:
            self.message.show_info(self.tr("Nothing has changed."))
            return
        if not changes.get("store_name", saved.store_name):
            self.message.show_error(self._ctx.message(RequiredField(field=self.tr("Store name"))))
            return
        self.save.setEnabled(False)
        self._ctx.runner.run(
            self._save_work(changes),
            partial(self._on_saved, changes=changes),
            self._on_save_refused,
        )

    def _save_work(self, changes: dict[str, Any]) -> Any:
        settings, printer = self._ctx.backend.settings, self.form.printer()
        actor = self._ctx.staff.id if self._ctx.staff else None

        def save() -> StoreSettings:
            if any(field in changes for field in PRINTER_FIELDS):
                printer_from_settings(*printer)  # a bad address is refused before it is saved
            if any(field in changes for field in BACKUP_FIELDS):
                self.backups.check_folder(changes)  # a missing USB disk: said, nothing saved
            return settings.update(actor_id=actor, **changes)

        return save

    def _on_saved(self, settings: StoreSettings, changes: dict[str, Any]) -> None:
        self.save.setEnabled(True)
        self._load(settings)
        self.message.show_info(self.tr("Settings saved."))
        self._ctx.announce(Changes.of(SETTINGS))
        if "language" in changes:
            self._ctx.language_changed.emit(settings.language)  # rebuilds the window

    def _on_save_refused(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self._report(self.message, error)

    # Test print

    def _on_test_print_clicked(self) -> None:
        kind, target, width = self.form.printer()
        if kind == "none":
            self.printer_message.show_error(self.tr("Choose the type of printer first."))
            return
        self.test_print.setEnabled(False)
        self.printer_message.show_info(self.tr("Printing a test page…"))
        self._ctx.runner.run(
            lambda: printer_from_settings(kind, target, width).test_print(),
            partial(self._on_test_printed, target),
            self._on_test_print_failed,
            device=True,
        )

    def _on_test_printed(self, target: str, _sent: None = None) -> None:
        self.test_print.setEnabled(True)
        self.printer_message.show_info(
            self.tr(
                "The test page was sent to {target}: check that the Chinese and ￥ print well."
            ).format(target=target)
        )
        if self._tested_saved_printer():
            self._ctx.printer_state_changed.emit(True, "")

    def _on_test_print_failed(self, error: BaseException) -> None:
        self.test_print.setEnabled(True)
        self._report(self.printer_message, error)
        if self._tested_saved_printer():
            self._ctx.printer_state_changed.emit(False, self._ctx.message(error))

    def _tested_saved_printer(self) -> bool:
        """Whether the printer on screen is the one saved (so the status bar may say how it is)."""
        return not any(
            field in self.form.changes(self._ctx.backend.settings.current)
            for field in PRINTER_FIELDS
        )

    def _report(self, line: MessageLine, error: BaseException) -> None:
        line.show_error(self._ctx.message(error))
