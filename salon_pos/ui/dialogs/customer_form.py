"""Adding or editing a customer, in tabs: the profile (name, phone, gender, birthday, member
card, source, tags, notes), skin and hair care, health (allergies and health notes, for those
who may read them: services/customer_health.py), and for a customer on file the history. Saving
runs in the background; a refused save (a phone already on file, say) keeps the form open with
the reason.

The name and notes take no more than the server accepts (NAME_MAX, NOTES_MAX), but never cut what
a customer already has: notes merged on the server may be longer, and cutting them here would
send the cut as an edit."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.customer_profile import TEXT_LIMITS, UnknownReferrer
from salon_pos.domain.errors import UserError
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.customers import NAME_MAX, NOTES_MAX, CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.customer_care import CareTab, HealthTab
from salon_pos.ui.dialogs.customer_history import HistoryTab
from salon_pos.ui.dialogs.notes_edit import NotesEdit
from salon_pos.ui.widgets import MessageLine, qdate
from sync.operations.customers import CHANGE_CUSTOMER


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
        actor = ctx.staff.id if ctx.staff else None
        customers = ctx.backend.customers
        if existing is not None:  # opened from a list: read it again, with what this reader sees
            existing = customers.get(existing.id, actor)
        self._existing = existing
        self.saved: CustomerProfile | None = None
        self.setWindowTitle(self.tr("Edit customer") if existing else self.tr("New customer"))
        self._basic(existing, name, phone)
        self.care = CareTab(existing, ctx.backend.staff.list())
        # Anyone adding a customer may write what the customer says of their health; on file,
        # only those who may read it see it (and the service refuses a change from others).
        self.health = HealthTab(existing, existing is None or existing.allergies is not None)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        self.tabs.addTab(self.profile_tab, self.tr("Profile"))
        self.tabs.addTab(self.care, self.tr("Skin and hair"))
        self.tabs.addTab(self.health, self.tr("Health"))
        self.history: HistoryTab | None = None
        if existing is not None:
            self.history = HistoryTab(customers.history(existing.id))
            self.tabs.addTab(self.history, self.tr("History"))
        self.message = MessageLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("customerSave")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(720)  # the history table: seven columns

    def _basic(self, existing: CustomerProfile | None, name: str, phone: str) -> None:
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
        self.member_card = QLineEdit(existing.member_card if existing else "")
        self.member_card.setObjectName("customerMemberCard")
        self.member_card.setMaxLength(TEXT_LIMITS["member_card"])
        self._source_fields(existing)
        self.tags = QLineEdit("，".join(existing.tags) if existing else "")
        self.tags.setObjectName("customerTags")
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        notes = existing.notes if existing else ""
        self.notes = NotesEdit(notes, max(NOTES_MAX, len(notes)))
        self.notes.setObjectName("customerNotes")
        self.notes.setPlaceholderText(self.tr("Anything else worth knowing"))
        self.notes.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Gender"), self.gender)
        birthday = QHBoxLayout()
        birthday.addWidget(self.has_birthday)
        birthday.addWidget(self.birthday, 1)
        form.addRow(self.tr("Birthday"), birthday)
        form.addRow(self.tr("Member card"), self.member_card)
        source = QHBoxLayout()
        source.addWidget(self.source)
        source.addWidget(self.referrer, 1)
        form.addRow(self.tr("Came from"), source)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Notes"), self.notes)
        self.profile_tab = QWidget()
        self.profile_tab.setLayout(form)

    def _source_fields(self, existing: CustomerProfile | None) -> None:
        self.source = QComboBox()
        self.source.setObjectName("customerSource")
        for text, value in (
            (self.tr("Not given"), ""),
            (self.tr("Walk-in"), "walk_in"),
            (self.tr("Referral"), "referral"),
            (self.tr("Online"), "online"),
        ):
            self.source.addItem(text, value)
        self.source.setCurrentIndex(
            max(0, self.source.findData(existing.source if existing else ""))
        )
        self.referrer = QLineEdit()
        self.referrer.setObjectName("customerReferrer")
        self.referrer.setPlaceholderText(self.tr("Referrer's phone"))
        referred_by = existing.referred_by if existing else None
        if referred_by:
            held = self._ctx.backend.customers.profiles([referred_by]).get(referred_by)
            self.referrer.setText(held.phone if held else "")
        self.source.currentIndexChanged.connect(self._on_source_current_index_changed)
        self._on_source_current_index_changed()

    def _on_source_current_index_changed(self) -> None:
        self.referrer.setEnabled(self.source.currentData() == "referral")

    def _referred_by(self) -> str | None:
        """The referrer's id from the phone typed; UnknownReferrer if nobody has it."""
        phone = self.referrer.text().strip()
        if self.source.currentData() != "referral" or not phone:
            return None
        found = [
            p
            for p in self._ctx.backend.customers.search(phone, 5)
            if p.phone == phone.replace(" ", "")
        ]
        if not found:
            raise UnknownReferrer(phone=phone)
        return found[0].id

    def profile(self) -> CustomerProfile:
        birthday = self.birthday.date().toPython() if self.has_birthday.isChecked() else None
        fields: dict[str, Any] = {
            "name": self.name.text(),
            "phone": self.phone.text(),
            "gender": self.gender.currentData(),
            "birthday": birthday,
            "notes": self.notes.toPlainText(),
            "member_card": self.member_card.text(),
            "source": self.source.currentData(),
            "referred_by": self._referred_by(),
            "tags": tuple(t for t in self.tags.text().replace("，", ",").split(",") if t.strip()),
            **self.care.values(),
            **self.health.values(),
        }
        if self._existing is not None:
            return replace(self._existing, **fields)
        return CustomerProfile(id="", **fields)

    def _save(self) -> None:
        try:
            profile = self.profile()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        customers = self._ctx.backend.customers
        actor = self._ctx.staff.id if self._ctx.staff else None
        if self._existing is not None:
            work = lambda: customers.update(profile, actor_id=actor)  # noqa: E731
        else:
            fields = profile.values() | {
                "allergies": profile.allergies,
                "health_notes": profile.health_notes,
            }
            del fields["id"]
            work = lambda: customers.add(actor_id=actor, **fields)  # noqa: E731
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._on_saved, self._on_refused)

    def _on_saved(self, profile: CustomerProfile) -> None:
        self.saved = profile
        self._ctx.announce(Changes.of(CHANGE_CUSTOMER, profile.id) | Changes.of(QUEUED))
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
