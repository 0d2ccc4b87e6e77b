"""The wizard's pages for a new store: the choice between a new store and joining one, the
store's details, its first manager, and this counter's receipt printer."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from salon_pos.devices import printer_from_settings
from salon_pos.services.first_run import FirstManager, NewStore, PinsDiffer
from salon_pos.services.settings import StoreSettings
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages.settings_form import SettingsForm
from salon_pos.ui.setup.page import SetupPage, WorkingPage, line
from salon_pos.ui.widgets import MessageLine, button

COMMON_ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Macau",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Kuala_Lumpur",
    "Asia/Bangkok",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Dubai",
    "Europe/London",
    "Europe/Paris",
    "America/New_York",
    "America/Los_Angeles",
    "Australia/Sydney",
    "UTC",
)


def time_zone_box() -> QComboBox:
    """The common zones first, then every other; type any part of a name to find it."""
    box = QComboBox()
    box.setObjectName("timeZone")
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    others = sorted(available_timezones() - set(COMMON_ZONES))
    box.addItems([*COMMON_ZONES, *others])
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    box.setCurrentIndex(0)
    return box


def pin_field(name: str) -> QLineEdit:
    field = line(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), field))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class ChoicePage(SetupPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "setupChoice")
        self.setTitle(self.tr("Welcome to Salon POS"))
        self.setSubTitle(self.tr("Set up this counter. It takes a minute."))
        self.new_store = QRadioButton(self.tr("Set up a new store"))
        self.new_store.setObjectName("chooseNewStore")
        self.new_store.setChecked(True)
        self.join = QRadioButton(self.tr("Join a store that already uses Salon POS"))
        self.join.setObjectName("chooseJoin")
        for choice, note in (
            (self.new_store, self.tr("The first counter of a salon: its name, its manager.")),
            (
                self.join,
                self.tr(
                    "Another counter of a salon, with the server's address and an "
                    "enrollment code from the owner: its staff, catalog and customers "
                    "come from the server."
                ),
            ),
        ):
            self.column.addWidget(choice)
            words = QLabel(note)
            words.setWordWrap(True)
            words.setProperty("role", "muted")
            words.setContentsMargins(28, 0, 0, 12)
            self.column.addWidget(words)
        self.finish_layout()


class StorePage(SetupPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "setupStore")
        self.setTitle(self.tr("Your store"))
        self.setSubTitle(self.tr("You can change the store's details later in Settings."))
        self.store_name = line("storeName", self.tr("such as 丽人美容 (Huaihai Road)"))
        self.prefix = line("counterPrefix")
        self.prefix.setText("A1")
        self.prefix.setMaxLength(4)
        self.time_zone = time_zone_box()
        self.cutover = QSpinBox()
        self.cutover.setObjectName("cutoverHour")
        self.cutover.setRange(0, 23)
        self.cutover.setValue(4)
        self.cutover.setSuffix(":00")
        self.form.addRow(self.tr("Store name"), self.store_name)
        self.form.addRow(self.tr("Counter prefix"), self.prefix)
        self.form.addRow(
            "",
            self._note(
                self.tr(
                    "Tickets of this counter are numbered A1-0001, A1-0002…; each counter of a "
                    "store "
                    "has its own prefix, and it cannot change after the first sale."
                )
            ),
        )
        self.form.addRow(self.tr("Time zone"), self.time_zone)
        self.form.addRow(self.tr("Business day starts at"), self.cutover)
        self.form.addRow(
            "",
            self._note(
                self.tr(
                    "A sale before this hour counts for the day before (for a salon open past "
                    "midnight)."
                )
            ),
        )
        self.finish_layout()

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        return note

    def store(self, language: str, printer: tuple[str, str, int]) -> NewStore:
        kind, target, width = printer
        return NewStore(
            self.store_name.text().strip(),
            self.prefix.text().strip().upper(),
            self.time_zone.currentText().strip(),
            self.cutover.value(),
            language,
            kind,
            target,
            width,
        )

    def validatePage(self) -> bool:
        return self.checked(lambda: self.store(self._ctx.language, ("none", "", 80)).check())


class ManagerPage(SetupPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "setupManager")
        self.setTitle(self.tr("The first manager"))
        self.setSubTitle(
            self.tr(
                "The manager signs in with this PIN, approves voids and refunds, and adds the "
                "other staff."
            )
        )
        self.name = line("managerName", self.tr("such as 王店长"))
        self.pin = pin_field("managerPin")
        self.again = pin_field("managerPinAgain")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin)
        self.form.addRow(self.tr("PIN again"), self.again)
        self.finish_layout()

    def manager(self) -> FirstManager:
        return FirstManager(self.name.text().strip(), self.pin.text())

    def _check(self) -> None:
        self.manager().check()
        if self.pin.text() != self.again.text():
            raise PinsDiffer()

    def validatePage(self) -> bool:
        return self.checked(self._check)


class PrinterPage(WorkingPage):
    """Optional: "No printer" is fine; a test print tries the printer as typed. Finish saves
    what the wizard gathered, in the background: `gather()` (the wizard's, on the UI thread)
    reads the pages and returns the saving to run."""

    network = False

    def __init__(self, ctx: UiContext, gather: Callable[[], Callable[[], object]]) -> None:
        super().__init__(ctx, "setupPrinter")
        self._gather = gather
        self._save: Callable[[], object] = lambda: None
        self.saved = False
        self.setTitle(self.tr("Receipt printer"))
        self.setSubTitle(self.tr("Optional: you can set it up later in Settings."))
        self.fields = SettingsForm(ctx.language, self)  # its printer fields, as Settings shows them
        self.fields.hide()
        if ctx.backend.settings.is_initialised():  # `init` was run: its printer, if any
            self.fields.load(ctx.backend.settings.current)
        else:
            self.fields.load(StoreSettings("-", "A1", ""))  # the defaults: no printer, 80 mm
        self.test_print = button(self.tr("Test print"), "testPrint")
        self.test_print.clicked.connect(self._on_test_print_clicked)
        self.printer_message = MessageLine()
        test_row = QHBoxLayout()
        test_row.setContentsMargins(0, 0, 0, 0)
        test_row.addWidget(self.test_print)
        test_row.addStretch()
        test_box = QWidget()
        test_box.setLayout(test_row)
        self.column.addWidget(self.fields.printer_group(test_box, self.printer_message))
        self.finish_layout()

    def printer(self) -> tuple[str, str, int]:
        return self.fields.printer()

    def start(self) -> bool:
        kind, target, width = self.printer()
        save = self._gather()

        def checked_then_saved() -> object:
            if kind != "none":
                printer_from_settings(kind, target, width)  # a bad address: refused, not saved
            return save()

        self._save = checked_then_saved
        return True

    def work(self) -> object:
        return self._save()

    def worked(self, result: object) -> None:
        self.saved = True

    def working_text(self) -> str:
        return self.tr("Saving…")

    def _on_test_print_clicked(self) -> None:
        kind, target, width = self.printer()
        if kind == "none":
            self.printer_message.show_error(self.tr("Choose the type of printer first."))
            return
        self.test_print.setEnabled(False)
        self.printer_message.show_info(self.tr("Printing a test page…"))
        self._ctx.runner.run(
            lambda: printer_from_settings(kind, target, width).test_print(),
            self._on_test_printed,
            self._on_test_print_failed,
            device=True,
        )

    def _on_test_printed(self, _sent: object = None) -> None:
        self.test_print.setEnabled(True)
        self.printer_message.show_info(
            self.tr("The test page was sent: check that the Chinese and ￥ print well.")
        )

    def _on_test_print_failed(self, error: BaseException) -> None:
        self.test_print.setEnabled(True)
        self.printer_message.show_error(self._ctx.message(error))
