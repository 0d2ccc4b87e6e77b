"""Adding or editing a customer: name, phone, gender, birthday, notes. Saving runs in the
background; a refused save (a phone already on file, say) keeps the form open with the reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine, qdate


class CustomerFormDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        existing: CustomerProfile | None = None,
        parent: QWidget | None = None,
        name: str = "",
        phone: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self._ctx = ctx
        self._existing = existing
        self.saved: CustomerProfile | None = None
        self.setWindowTitle(self.tr("Edit customer") if existing else self.tr("New customer"))
        self.name = QLineEdit(existing.name if existing else name)
        self.name.setObjectName("customerName")
        self.phone = QLineEdit(existing.phone if existing else phone)
        self.phone.setObjectName("customerPhone")
        self.gender = QComboBox()
        self.gender.setObjectName("customerGender")
        for text, value in (
            (self.tr("Not given"), ""),
            (self.tr("Female"), "F"),
            (self.tr("Male"), "M"),
        ):
            self.gender.addItem(text, value)
        self.gender.setCurrentIndex(
            max(0, self.gender.findData(existing.gender if existing else ""))
        )
        self.has_birthday = QCheckBox(self.tr("Known"))
        self.birthday = QDateEdit()
        self.birthday.setObjectName("customerBirthday")
        self.birthday.setDisplayFormat("yyyy-MM-dd")
        self.birthday.setCalendarPopup(True)
        known = existing is not None and existing.birthday is not None
        self.has_birthday.setChecked(known)
        self.birthday.setEnabled(known)
        self.birthday.setDate(
            qdate(existing.birthday)
            if known and existing and existing.birthday
            else QDate(1990, 1, 1)
        )
        self.has_birthday.toggled.connect(self.birthday.setEnabled)
        self.notes = QPlainTextEdit(existing.notes if existing else "")
        self.notes.setObjectName("customerNotes")
        self.notes.setPlaceholderText(self.tr("Skin or hair condition, allergies, preferences"))
        self.message = MessageLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("customerSave")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Gender"), self.gender)
        birthday = QVBoxLayout()
        birthday.addWidget(self.has_birthday)
        birthday.addWidget(self.birthday)
        form.addRow(self.tr("Birthday"), birthday)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def profile(self) -> CustomerProfile:
        birthday = self.birthday.date().toPython() if self.has_birthday.isChecked() else None
        fields = {
            "name": self.name.text(),
            "phone": self.phone.text(),
            "gender": self.gender.currentData(),
            "birthday": birthday,
            "notes": self.notes.toPlainText(),
        }
        if self._existing is not None:
            return replace(self._existing, **fields)
        return CustomerProfile(id="", **fields)

    def _save(self) -> None:
        profile, customers = self.profile(), self._ctx.backend.customers
        actor = self._ctx.staff.id if self._ctx.staff else None
        if self._existing is not None:
            work = lambda: customers.update(profile, actor_id=actor)  # noqa: E731
        else:
            work = lambda: customers.add(  # noqa: E731
                profile.name, profile.phone, profile.gender, profile.birthday, profile.notes, actor
            )
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._on_saved, self._on_refused)

    def _on_saved(self, profile: CustomerProfile) -> None:
        self.saved = profile
        self._ctx.data_changed.emit("customer")
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
