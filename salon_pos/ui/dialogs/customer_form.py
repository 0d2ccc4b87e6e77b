"""Adding or editing a customer: name, phone, gender, birthday, notes. Saving runs in the
background; a refused save (a phone already on file, say) keeps the form open with the reason.

The name and notes take no more than the server accepts (NAME_MAX, NOTES_MAX), but never cut what
a customer already has: notes merged on the server may be longer, and cutting them here would
send the cut as an edit."""

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

from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.customers import NAME_MAX, NOTES_MAX, CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.widgets import MessageLine, qdate
from sync.operations.customers import CHANGE_CUSTOMER


def shared_start(a: str, b: str) -> int:
    """How many characters a and b have in common at their start."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


class NotesEdit(QPlainTextEdit):
    """A QPlainTextEdit with a QLineEdit's maxLength: what is typed or pasted past it is cut."""

    def __init__(self, text: str, max_length: int) -> None:
        super().__init__(text)
        self._max_length = max_length
        self._accepted = text
        self.textChanged.connect(self._on_self_text_changed)

    def maxLength(self) -> int:
        return self._max_length

    def _on_self_text_changed(self) -> None:
        text = self.toPlainText()
        if len(text) > self._max_length:
            text = self._cut(self._accepted, text)
        self._accepted = text

    def _cut(self, before: str, after: str) -> str:
        """Keep of the inserted text only what fits, and put the cursor after it."""
        start = shared_start(before, after)
        tail = shared_start(before[start:][::-1], after[start:][::-1])
        inserted = after[start : len(after) - tail]
        room = max(0, self._max_length - (len(after) - len(inserted)))
        head = after[:start] + inserted[:room]
        text = head + after[len(after) - tail :]
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        cursor = self.textCursor()
        cursor.setPosition(len(head.encode("utf-16-le")) // 2)  # Qt counts UTF-16 units
        self.setTextCursor(cursor)
        return text


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
        self.name = QLineEdit()
        self.name.setObjectName("customerName")
        self.name.setMaxLength(max(NAME_MAX, len(existing.name) if existing else 0))
        self.name.setText(existing.name if existing else name)
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
        notes = existing.notes if existing else ""
        self.notes = NotesEdit(notes, max(NOTES_MAX, len(notes)))
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
        self._ctx.announce(Changes.of(CHANGE_CUSTOMER, profile.id) | Changes.of(QUEUED))
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
