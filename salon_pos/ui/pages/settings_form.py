"""The fields of the settings screen, in two kinds: store-wide settings, the same on every
counter of the store (synced through the server), and this counter's own (language, ticket
prefix, receipt printer). The form only shows and reads values; SettingsPage saves them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from salon_pos.domain.patch_tests import MAX_VALIDITY_DAYS
from salon_pos.domain.ticket import RoundingRule
from salon_pos.services.settings import StoreSettings
from salon_pos.ui.i18n import LANGUAGES

PRINTER_KINDS = ("none", "network", "usb", "serial", "file")
PAPER_WIDTHS = (58, 80)
FOOTER_LINES = 3


YUAN_SETTINGS = ("class_member_spend", "class_vip_spend")  # fen stored, yuan shown


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _line(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    return field


def _text_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * FOOTER_LINES + 24)
    return box


def _select(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class SettingsForm(QWidget):
    """Every editable setting; `values()` names them as StoreSettings does."""

    def __init__(self, in_use: str, parent: QWidget | None = None) -> None:
        """`in_use`: the language this window is in (`gui --language` may differ from the
        counter's setting)."""
        super().__init__(parent)
        self.in_use = in_use
        self.store_name = _line("storeName")
        self.address = _line("storeAddress")
        self.phone = _line("storePhone")
        self.header = _text_box("receiptHeader")
        self.footer = _text_box("receiptFooter")
        self.time_zone = _line("timeZone")
        self.cutover = QSpinBox()
        self.cutover.setObjectName("cutoverHour")
        self.cutover.setRange(0, 23)
        self.cutover.setSuffix(self.tr(":00"))
        self.counter_prefix = QLabel()
        self.counter_prefix.setObjectName("counterPrefix")
        self.printer_kind = _combo("printerKind", [(self._kind_name(k), k) for k in PRINTER_KINDS])
        self.printer_target = _line("printerTarget")
        self.printer_hint = QLabel()
        self.printer_hint.setObjectName("printerHint")
        self.printer_hint.setWordWrap(True)
        self.paper_width = _combo(
            "paperWidth", [(self.tr("{width} mm").format(width=w), w) for w in PAPER_WIDTHS]
        )
        self.language = _combo("language", [(name, code) for code, name in LANGUAGES.items()])
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setProperty("role", "muted")
        self.language_note.setWordWrap(True)
        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idleLockMinutes")
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSpecialValueText(self.tr("Never"))
        self.rounding = _combo(
            "roundingRule",
            [
                (self.tr("No rounding"), RoundingRule.NONE.value),
                (self.tr("Drop fen (¥12.34 → ¥12.30)"), RoundingRule.DROP_FEN.value),
                (self.tr("Drop jiao (¥12.34 → ¥12.00)"), RoundingRule.DROP_JIAO.value),
            ],
        )
        self.patch_test_days = QSpinBox()
        self.patch_test_days.setObjectName("patchTestDays")
        self.patch_test_days.setRange(0, MAX_VALIDITY_DAYS)
        self.patch_test_days.setSpecialValueText(self.tr("Never expires"))
        self.patch_test_days.setSuffix(self.tr(" days"))
        self.reminders_here = QCheckBox(
            self.tr("This counter sends reminders (store without a server)")
        )
        self.reminders_here.setObjectName("remindersHere")
        self.sms_gateway = _line("smsGateway")
        self.sms_gateway.setPlaceholderText(
            self.tr("Gateway address; empty: written to a file in the data folder")
        )
        self.sms_template = _line("smsTemplate")
        self.sms_template.setPlaceholderText(self.tr("JSON body; empty: the default"))
        self.sms_template.setToolTip(
            self.tr("Fields: {to} (the phone), {text} (the message), {key} (its unique key)")
        )
        self.printer_kind.currentIndexChanged.connect(self._on_printer_kind_changed)
        self._on_printer_kind_changed()
        self._class_fields()
        self._drawer_fields()

    def _drawer_fields(self) -> None:
        """The cash drawer's (docs/drawer.md): a blind close, and its limits in whole yuan."""
        self.blind_close = QCheckBox(self.tr("Blind close: count before seeing the expected cash"))
        self.blind_close.setObjectName("drawerBlindClose")
        self.drawer_spins: dict[str, QSpinBox] = {}
        for name, special in (
            ("drawer_variance_reason", self.tr("Any variance")),
            ("drawer_variance_pin", ""),
            ("drawer_pay_out_pin", ""),
        ):
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(0, 999_999)
            spin.setPrefix("¥")
            if special:
                spin.setSpecialValueText(special)
            self.drawer_spins[name] = spin

    def _class_fields(self) -> None:
        """Customer classes (domain/customer_class.py): spend in whole yuan here, fen stored."""
        self.class_spins: dict[str, QSpinBox] = {}
        visits, days = self.tr(" visits"), self.tr(" days")
        for name, top, prefix, suffix in (
            ("class_member_spend", 999_999, "¥", ""),
            ("class_member_visits", 9_999, "", visits),
            ("class_vip_spend", 999_999, "¥", ""),
            ("class_vip_visits", 9_999, "", visits),
            ("class_lapsed_days", 3_650, "", days),
        ):
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(0, top)
            spin.setPrefix(prefix)
            spin.setSuffix(suffix)
            spin.setSpecialValueText(self.tr("Off"))
            spin.setMinimumWidth(64)  # not as wide as its largest value: the page fits 1024 px
            self.class_spins[name] = spin

    def store_group(self) -> QGroupBox:
        """Store-wide: the same on every counter of the store (synced through the server)."""
        group = QGroupBox(self.tr("Store-wide settings (synced to every counter)"))
        group.setObjectName("storeWideSettings")
        form = QFormLayout(group)
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Receipt header"), self.header)
        form.addRow(self.tr("Receipt footer"), self.footer)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Business day starts at"), self.cutover)
        form.addRow(self.tr("Rounding rule"), self.rounding)
        form.addRow(self.tr("Idle lock (minutes)"), self.idle_lock)
        form.addRow(self.tr("Patch test valid for"), self.patch_test_days)
        return group

    def classes_group(self) -> QGroupBox:
        """Store-wide too: when a customer counts as a member or a VIP, and as not seen."""
        group = QGroupBox(self.tr("Customer classes (store-wide)"))
        group.setObjectName("customerClassSettings")
        grid = QGridLayout(group)
        spins = self.class_spins
        for row, (label, spend, visits) in enumerate(
            (
                (self.tr("Member from"), "class_member_spend", "class_member_visits"),
                (self.tr("VIP from"), "class_vip_spend", "class_vip_visits"),
            )
        ):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(spins[spend], row, 1)
            grid.addWidget(QLabel(self.tr("or")), row, 2)
            grid.addWidget(spins[visits], row, 3)
        grid.addWidget(QLabel(self.tr("Not seen for")), 2, 0)
        grid.addWidget(spins["class_lapsed_days"], 2, 1)
        return group

    def drawer_group(self) -> QGroupBox:
        """Store-wide too: how the drawer is closed (交班)."""
        group = QGroupBox(self.tr("Cash drawer (store-wide)"))
        group.setObjectName("drawerSettings")
        form = QFormLayout(group)
        spins = self.drawer_spins
        form.addRow(self.blind_close)
        form.addRow(self.tr("A variance needs a reason above"), spins["drawer_variance_reason"])
        form.addRow(self.tr("A manager's PIN above"), spins["drawer_variance_pin"])
        form.addRow(self.tr("A pay-out needs a PIN above"), spins["drawer_pay_out_pin"])
        return group

    def printer_group(self, *extra: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Receipt printer"))
        form = QFormLayout(group)
        form.addRow(self.tr("Printer type"), self.printer_kind)
        form.addRow(self.tr("Printer address"), self.printer_target)
        form.addRow("", self.printer_hint)
        form.addRow(self.tr("Paper width"), self.paper_width)
        for widget in extra:
            form.addRow("", widget)
        return group

    def counter_group(self) -> QGroupBox:
        """This counter only: its language and ticket prefix (the printer has its own group)."""
        group = QGroupBox(self.tr("This counter's settings"))
        group.setObjectName("counterSettings")
        form = QFormLayout(group)
        form.addRow(self.tr("Language at start"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Ticket number prefix"), self.counter_prefix)
        form.addRow("", self.reminders_here)
        form.addRow(self.tr("SMS gateway"), self.sms_gateway)
        form.addRow(self.tr("Gateway body"), self.sms_template)
        return group

    def load(self, settings: StoreSettings) -> None:
        self.store_name.setText(settings.store_name)
        self.address.setText(settings.address)
        self.phone.setText(settings.phone)
        self.header.setPlainText(settings.receipt_header)
        self.footer.setPlainText(settings.receipt_footer)
        self.time_zone.setText(settings.time_zone)
        self.cutover.setValue(settings.cutover_hour)
        self.counter_prefix.setText(settings.counter_prefix)
        if self.printer_kind.findData(settings.printer_kind) < 0:  # "dummy": tests and previews
            name = self._kind_name(settings.printer_kind)
            self.printer_kind.addItem(name, settings.printer_kind)
        _select(self.printer_kind, settings.printer_kind)
        self.printer_target.setText(settings.printer_target)
        _select(self.paper_width, settings.paper_width_mm)
        _select(self.language, settings.language)
        self.language_note.setText(
            self.tr("This window is in {language} for now (chosen when the app started).").format(
                language=LANGUAGES.get(self.in_use, self.in_use)
            )
        )
        self.language_note.setVisible(settings.language != self.in_use)
        self.idle_lock.setValue(settings.idle_lock_minutes)
        _select(self.rounding, RoundingRule(settings.rounding).value)
        self.patch_test_days.setValue(settings.patch_test_days)
        self.reminders_here.setChecked(settings.reminders_here)
        self.sms_gateway.setText(settings.sms_gateway)
        self.sms_template.setText(settings.sms_template)
        for name, spin in self.class_spins.items():
            value = getattr(settings, name)
            spin.setValue(value // 100 if name in YUAN_SETTINGS else value)
        self.blind_close.setChecked(bool(settings.drawer_blind_close))
        for name, spin in self.drawer_spins.items():
            spin.setValue(getattr(settings, name) // 100)

    def values(self) -> dict[str, Any]:
        """What the screen says, keyed by StoreSettings field names."""
        return (
            {
                "store_name": self.store_name.text().strip(),
                "address": self.address.text().strip(),
                "phone": self.phone.text().strip(),
                "receipt_header": self.header.toPlainText().strip(),
                "receipt_footer": self.footer.toPlainText().strip(),
                "time_zone": self.time_zone.text().strip(),
                "cutover_hour": self.cutover.value(),
                "printer_kind": self.printer_kind.currentData(),
                "printer_target": self.printer_target.text().strip(),
                "paper_width_mm": self.paper_width.currentData(),
                "language": self.language.currentData(),
                "idle_lock_minutes": self.idle_lock.value(),
                "rounding": RoundingRule(self.rounding.currentData()),
                "patch_test_days": self.patch_test_days.value(),
                "reminders_here": self.reminders_here.isChecked(),
                "sms_gateway": self.sms_gateway.text().strip(),
                "sms_template": self.sms_template.text().strip(),
            }
            | {
                name: spin.value() * 100 if name in YUAN_SETTINGS else spin.value()
                for name, spin in self.class_spins.items()
            }
            | {
                "drawer_blind_close": int(self.blind_close.isChecked()),
                **{name: spin.value() * 100 for name, spin in self.drawer_spins.items()},
            }
        )

    def changes(self, saved: StoreSettings) -> dict[str, Any]:
        """The values that differ from the saved settings."""
        return {k: v for k, v in self.values().items() if getattr(saved, k) != v}

    def printer(self) -> tuple[str, str, int]:
        """(kind, target, paper width) as shown: what a test print uses."""
        values = self.values()
        return values["printer_kind"], values["printer_target"], values["paper_width_mm"]

    def _on_printer_kind_changed(self) -> None:
        kind = self.printer_kind.currentData()
        self.printer_target.setPlaceholderText(self._target_example(kind))
        self.printer_hint.setText(self._target_hint(kind))
        self.printer_target.setEnabled(kind != "none")

    def _kind_name(self, kind: str) -> str:
        names = {
            "none": self.tr("No printer"),
            "network": self.tr("Network"),
            "usb": self.tr("USB"),
            "serial": self.tr("Serial port"),
            "file": self.tr("File"),
        }
        return names.get(kind, self.tr("In memory (tests)"))

    def _target_example(self, kind: str) -> str:
        examples = {
            "network": self.tr("host:port, such as 192.168.1.50:9100"),
            "usb": self.tr("vendor:product, such as 0416:5011"),
            "serial": self.tr("port, such as /dev/ttyUSB0 or COM3"),
            "file": self.tr("file path, such as /dev/usb/lp0"),
        }
        return examples.get(kind, "")

    def _target_hint(self, kind: str) -> str:
        hints = {
            "none": self.tr("No receipts are printed at this counter."),
            "network": self.tr("The printer's network address; the port defaults to 9100."),
            "usb": self.tr(
                "The USB vendor and product IDs in hexadecimal, from the printer's label or manual."
            ),
            "serial": self.tr(
                "Add the baud rate after a colon if it is not 9600, such as COM3:19200."
            ),
            "file": self.tr("A file or a printer device; each receipt is added to its end."),
        }
        return hints.get(kind, "")
