"""Adding or editing a package card the store sells (疗程卡/次卡): its name, price, number of
sessions, how long it is valid, and the services a session pays for. Saving runs in the
background; a refused save keeps the form open with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.services.changes import Changes
from salon_pos.services.members import PackagePlanView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from sync.operations.members import CHANGE_PACKAGE_PLAN


def plan_changed(plan: PackagePlanView) -> Changes:
    return Changes.of(CHANGE_PACKAGE_PLAN, plan.id)


class PackagePlanDialog(SaveDialog):
    def __init__(
        self,
        ctx: UiContext,
        existing: PackagePlanView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "packagePlanForm", parent)
        self._existing = existing
        self.setWindowTitle(
            self.tr("Edit package card") if existing else self.tr("New package card")
        )
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setObjectName("planName")
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("e.g. Hydrating facial ×10"))
        self.price = QLineEdit(format_yuan(existing.price) if existing else "")
        self.price.setObjectName("planPrice")
        self.sessions = QSpinBox()
        self.sessions.setObjectName("planSessions")
        self.sessions.setRange(1, 10_000)
        self.sessions.setValue(existing.sessions if existing else 10)
        self.valid_days = QSpinBox()
        self.valid_days.setObjectName("planValidDays")
        self.valid_days.setRange(0, 36_600)
        self.valid_days.setSpecialValueText(self.tr("No expiry"))
        self.valid_days.setSuffix(self.tr(" days"))
        self.valid_days.setValue(existing.valid_days if existing else 365)
        self.active = QCheckBox(self.tr("On sale"))
        self.active.setObjectName("planActive")
        self.active.setChecked(existing.active if existing else True)
        self.services = QListWidget()
        self.services.setObjectName("planServices")
        chosen = set(existing.service_ids) if existing else set()
        for service in ctx.backend.catalog.services():
            item = QListWidgetItem(f"{service.category} · {service.name}")
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = service.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Price (yuan)"), self.price)
        form.addRow(self.tr("Sessions"), self.sessions)
        form.addRow(self.tr("Valid for"), self.valid_days)
        form.addRow("", self.active)
        form.addRow(self.tr("Services a session pays for"), self.services)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(480)

    def chosen_services(self) -> tuple[str, ...]:
        items = (self.services.item(row) for row in range(self.services.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _save(self) -> None:
        try:
            price = parse_yuan(self.price.text().strip() or "0")
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        plan = PackagePlanView(
            self._existing.id if self._existing else new_id(),
            self.name.text(),
            self.chosen_services(),
            self.sessions.value(),
            price,
            self.valid_days.value(),
            self.active.isChecked(),
        )
        members = self._ctx.backend.members
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.run_save(lambda: members.save_plan(plan, actor), plan_changed)
