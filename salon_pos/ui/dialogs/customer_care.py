"""The customer form's care and health tabs: skin and hair, preferences, favourite technician;
allergies and health notes, shown only to those who may read them (services/customer_health.py).
Each tab loads a CustomerProfile and gives back its fields by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.customer_class import HEALTH_ACCESS_DAYS
from salon_pos.domain.customer_profile import TEXT_LIMITS
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.staff import StaffMember
from salon_pos.ui.dialogs.notes_edit import NotesEdit


def _combo(name: str, choices: list[tuple[str, str]], current: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _text(name: str, text: str, field: str, placeholder: str) -> NotesEdit:
    edit = NotesEdit(text, max(TEXT_LIMITS[field], len(text)))
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(64)
    return edit


class CareTab(QWidget):
    def __init__(self, profile: CustomerProfile | None, staff: list[StaffMember]) -> None:
        super().__init__()
        p = profile or CustomerProfile("", "", "")
        self.skin_type = _combo(
            "customerSkinType",
            [
                (self.tr("Not given"), ""),
                (self.tr("Dry"), "dry"),
                (self.tr("Oily"), "oily"),
                (self.tr("Combination"), "combination"),
                (self.tr("Normal"), "normal"),
                (self.tr("Sensitive"), "sensitive"),
            ],
            p.skin_type,
        )
        self.skin_condition = _text(
            "customerSkinCondition", p.skin_condition, "skin_condition", self.tr("Spots, redness…")
        )
        self.hair_condition = _text(
            "customerHairCondition",
            p.hair_condition,
            "hair_condition",
            self.tr("Dry ends, hair loss…"),
        )
        self.preferences = {
            code: QCheckBox(text)
            for code, text in (
                ("whitening", self.tr("Whitening")),
                ("anti_aging", self.tr("Anti-aging")),
                ("moisturizing", self.tr("Moisturizing")),
            )
        }
        for code, box in self.preferences.items():
            box.setObjectName(f"prefer_{code}")
            box.setChecked(code in p.preferences)
        self.product_style = _combo(
            "customerProductStyle",
            [
                (self.tr("No preference"), ""),
                (self.tr("Natural products"), "natural"),
                (self.tr("Active products"), "active"),
            ],
            p.product_style,
        )
        technicians = [(s.name, s.id) for s in staff if s.active and s.role == "technician"]
        self.technician = _combo(
            "customerFavouriteTechnician",
            [(self.tr("None"), ""), *technicians],
            p.favourite_technician_id or "",
        )
        wanted = QHBoxLayout()
        for box in self.preferences.values():
            wanted.addWidget(box)
        wanted.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Skin type"), self.skin_type)
        form.addRow(self.tr("Skin condition"), self.skin_condition)
        form.addRow(self.tr("Hair condition"), self.hair_condition)
        form.addRow(self.tr("Care wanted"), wanted)
        form.addRow(self.tr("Products"), self.product_style)
        form.addRow(self.tr("Favourite technician"), self.technician)

    def values(self) -> dict[str, Any]:
        return {
            "skin_type": self.skin_type.currentData(),
            "skin_condition": self.skin_condition.toPlainText(),
            "hair_condition": self.hair_condition.toPlainText(),
            "preferences": tuple(c for c, box in self.preferences.items() if box.isChecked()),
            "product_style": self.product_style.currentData(),
            "favourite_technician_id": self.technician.currentData() or None,
        }


class HealthTab(QWidget):
    """`shown`: the reader may see (and change) allergies and health notes; else only the
    plain "has allergies" flag is here, with why the rest is hidden."""

    def __init__(self, profile: CustomerProfile | None, shown: bool) -> None:
        super().__init__()
        self.shown = shown
        p = profile or CustomerProfile("", "", "", allergies="", health_notes="")
        self.has_allergies = QCheckBox(self.tr("Has allergies: warn the cashier"))
        self.has_allergies.setObjectName("customerHasAllergies")
        self.has_allergies.setChecked(p.has_allergies)
        self.allergies = _text(
            "customerAllergies",
            p.allergies or "",
            "allergies",
            self.tr("Penicillin, mango, latex…"),
        )
        self.allergies.textChanged.connect(self._on_allergies_text_changed)
        self.health_notes = _text(
            "customerHealthNotes",
            p.health_notes or "",
            "health_notes",
            self.tr("Pregnancy, skin treatment, medication…"),
        )
        self.health_notes.setFixedHeight(96)
        privacy = QLabel(
            self.tr(
                "Encrypted. Only owners, managers and technicians who served this customer in "
                "the last {days} days can see allergies and health notes."
            ).format(days=HEALTH_ACCESS_DAYS)
        )
        privacy.setObjectName("healthPrivacy" if shown else "healthWithheld")
        privacy.setProperty("role", "muted")
        privacy.setWordWrap(True)
        form = QFormLayout()
        form.addRow("", self.has_allergies)
        if shown:
            form.addRow(self.tr("Allergies"), self.allergies)
            form.addRow(self.tr("Health notes"), self.health_notes)
        else:
            self.allergies.hide()
            self.health_notes.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addStretch(1)

    def _on_allergies_text_changed(self) -> None:
        if self.allergies.toPlainText().strip():
            self.has_allergies.setChecked(True)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {"has_allergies": self.has_allergies.isChecked()}
        if self.shown:
            found["allergies"] = self.allergies.toPlainText()
            found["health_notes"] = self.health_notes.toPlainText()
        return found
