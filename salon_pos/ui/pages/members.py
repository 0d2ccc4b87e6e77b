"""Member cards, for managers and owners: the package cards the store sells (add, edit, take
off sale) and the rules of stored value and points — which part of a card a spend takes first,
how far a counter may go beyond what it knows while offline, the top-up bonuses, and points
earned and their worth. The rules are store-wide settings: every counter takes them on sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.balances import (
    SpendOrder,
    TopUpRule,
    parse_points_rates,
    parse_top_up_rules,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_whole_yuan, format_yuan, parse_yuan
from salon_pos.domain.ticket import LineKind
from salon_pos.domain.tiers import tiers_as_lines, tiers_from_lines
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.services.members import PackagePlanView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.package_plan import PackagePlanDialog
from salon_pos.ui.models.package_plans import PackagePlanTableModel
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.widgets import MessageLine, button, row_table
from sync.operations.members import CHANGE_PACKAGE_PLAN

SERVICES_COLUMN = 4


def rules_as_lines(rules: tuple[TopUpRule, ...]) -> str:
    """Top-up rules as a person writes them: "1000=200", one a line, in yuan."""
    return "\n".join(
        f"{format_whole_yuan(r.paid_from)}={format_whole_yuan(r.bonus)}" for r in rules
    )


def rules_from_lines(text: str) -> str:
    """Lines of "1000=200" (yuan) as the setting's fen text; UserError names a bad line."""
    rules = []
    for line in filter(None, (raw.strip() for raw in text.replace("＝", "=").splitlines())):
        paid, _, bonus = line.partition("=")
        rules.append(f"{parse_yuan(paid.strip())}:{parse_yuan(bonus.strip() or '0')}")
    joined = ",".join(rules)
    parse_top_up_rules(joined)  # the same check a counter's setting gets
    return joined


def points_rates_text(text: str) -> str:
    """ "美甲=2, 美睫=0" as the setting's text; UserError says what is wrong."""
    return ",".join(f"{c}={r}" for c, r in parse_points_rates(text).items())


class MembersPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("membersPage")
        self.dialog: QDialog | None = None
        self.model = PackagePlanTableModel(self)
        self.table = row_table("packagePlanTable", self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SERVICES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add = button(self.tr("New package card"), "addPlan", "primary")
        self.add.clicked.connect(lambda: self._open(PackagePlanDialog(ctx, None, self)))
        self.edit = button(self.tr("Edit"), "editPlan")
        self.edit.clicked.connect(self._on_edit_clicked)
        self.spend_order = QComboBox()
        self.spend_order.setObjectName("spendOrder")
        for order, text in self.order_names().items():
            self.spend_order.addItem(text, order.value)
        self.allowance = QLineEdit()
        self.allowance.setObjectName("offlineAllowance")
        self.top_ups = QPlainTextEdit()
        self.top_ups.setObjectName("topUpRules")
        self.top_ups.setPlaceholderText(self.tr("One rule a line: 1000=200 (pay ¥1000, get ¥200)"))
        self.top_ups.setFixedHeight(84)
        self.earn_rate = QSpinBox()
        self.earn_rate.setObjectName("pointsEarnRate")
        self.earn_rate.setRange(0, 1000)
        self.earn_rate.setSuffix(self.tr(" points a yuan"))
        self.points_rates = QLineEdit()
        self.points_rates.setObjectName("pointsRates")
        self.points_rates.setPlaceholderText(self.tr("A category's own rate, e.g. 美甲=2, 美睫=0"))
        self.points_value = QSpinBox()
        self.points_value.setObjectName("pointsPerYuan")
        self.points_value.setRange(1, 10_000)
        self.points_value.setSuffix(self.tr(" points = ¥1"))
        self.points_valid = QSpinBox()
        self.points_valid.setObjectName("pointsValidDays")
        self.points_valid.setRange(0, 3650)
        self.points_valid.setSuffix(self.tr(" days after earning"))
        self.points_valid.setSpecialValueText(self.tr("Never expire"))
        self.tier_basis = QComboBox()
        self.tier_basis.setObjectName("tierBasis")
        self.tier_basis.addItem(self.tr("Cumulative spend (yuan)"), "spend")
        self.tier_basis.addItem(self.tr("Visits"), "visits")
        self.tiers = QPlainTextEdit()
        self.tiers.setObjectName("tiers")
        self.tiers.setPlaceholderText(
            self.tr("One tier a line: name, from, percent paid, e.g. 黄金 5000 95 美甲=90")
        )
        self.tiers.setFixedHeight(84)
        self.birthday = QSpinBox()
        self.birthday.setObjectName("birthdayPercent")
        self.birthday.setRange(1, 100)
        self.birthday.setSuffix(self.tr("% of the price in the birthday month"))
        self.birthday_gift = QComboBox()
        self.birthday_gift.setObjectName("birthdayService")
        self.birthday_gift.setToolTip(
            self.tr("A service given free once in the customer's birthday month")
        )
        self.save_rules = button(self.tr("Save rules"), "saveMemberRules", "primary")
        self.save_rules.clicked.connect(self._on_save_rules_clicked)
        self.message = MessageLine()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self._build(content)
        ctx.changed.connect(self._on_ctx_changed)

    def order_names(self) -> dict[SpendOrder, str]:
        return {
            SpendOrder.PRINCIPAL_FIRST: self.tr("Money paid in first, then bonus"),
            SpendOrder.BONUS_FIRST: self.tr("Bonus first, then money paid in"),
            SpendOrder.PROPORTIONAL: self.tr("Both in proportion"),
        }

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Member cards"))
        title.setObjectName("pageTitle")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Package cards the store sells")))
        bar.addStretch()
        bar.addWidget(self.edit)
        bar.addWidget(self.add)
        plans = QWidget()
        plans_layout = QVBoxLayout(plans)
        plans_layout.addLayout(bar)
        plans_layout.addWidget(self.table, 1)
        rules = QWidget()
        form = QFormLayout(rules)
        form.addRow(self.tr("A card payment takes"), self.spend_order)
        form.addRow(self.tr("Offline, beyond the known balance (yuan)"), self.allowance)
        form.addRow(self.tr("Top-up bonus"), self.top_ups)
        form.addRow(self.tr("Points earned"), self.earn_rate)
        form.addRow(self.tr("By category"), self.points_rates)
        form.addRow(self.tr("Points worth"), self.points_value)
        form.addRow(self.tr("Points expire"), self.points_valid)
        form.addRow(self.tr("Tiers by"), self.tier_basis)
        form.addRow(self.tr("Tiers"), self.tiers)
        form.addRow(self.tr("Birthday"), self.birthday)
        form.addRow(self.tr("Birthday gift"), self.birthday_gift)
        form.addRow("", self.save_rules)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        self.tabs.addTab(plans, self.tr("Package cards"))
        self.tabs.addTab(rules, self.tr("Stored value, points and tiers"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def on_shown(self) -> None:
        if self.allowed():
            self.refresh()
            self.show_rules()

    def refresh(self) -> None:
        members, catalog = self._ctx.backend.members, self._ctx.backend.catalog
        self.model.service_names = {item.id: item.name for item in catalog.items()}
        self.model.replace_rows(self.table, members.plans(include_hidden=True))
        self._update_buttons()

    def show_rules(self) -> None:
        settings = self._ctx.backend.settings.current
        self.spend_order.setCurrentIndex(self.spend_order.findData(settings.spend_order))
        self.allowance.setText(format_yuan(settings.offline_allowance))
        try:
            self.top_ups.setPlainText(rules_as_lines(parse_top_up_rules(settings.top_up_rules)))
        except UserError:
            self.top_ups.setPlainText(settings.top_up_rules)
        self.earn_rate.setValue(settings.points_earn_rate)
        self.points_rates.setText(settings.points_rates.replace(",", ", "))
        self.points_value.setValue(settings.points_per_yuan)
        self.points_valid.setValue(settings.points_valid_days)
        self.tier_basis.setCurrentIndex(self.tier_basis.findData(settings.tier_basis))
        try:
            self.tiers.setPlainText(tiers_as_lines(settings.tiers, settings.tier_basis))
        except UserError:
            self.tiers.setPlainText(settings.tiers)
        self.birthday.setValue(settings.birthday_percent)
        self._show_birthday_services(settings.birthday_service_id)

    def _show_birthday_services(self, chosen: str) -> None:
        """None, then the services on sale (and the one chosen, even if no longer sold)."""
        self.birthday_gift.clear()
        self.birthday_gift.addItem(self.tr("None"), "")
        for item in self._ctx.backend.catalog.items():
            if item.kind is LineKind.SERVICE and (item.active or item.id == chosen):
                self.birthday_gift.addItem(f"{item.category} · {item.name}", item.id)
        self.birthday_gift.setCurrentIndex(max(self.birthday_gift.findData(chosen), 0))

    def selected(self) -> PackagePlanView | None:
        return self.model.selected_in(self.table)

    def _update_buttons(self) -> None:
        self.edit.setEnabled(self.selected() is not None)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_PACKAGE_PLAN) and self.allowed():
            self.refresh()
        if changes.touches(SETTINGS) and self.allowed():
            self.show_rules()

    def _on_edit_clicked(self) -> None:
        plan = self.selected()
        if plan is not None:
            self._open(PackagePlanDialog(self._ctx, plan, self))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._on_edit_clicked()

    def _on_save_rules_clicked(self) -> None:
        basis = str(self.tier_basis.currentData())
        try:
            changes: dict[str, Any] = {
                "spend_order": str(self.spend_order.currentData()),
                "offline_allowance": parse_yuan(self.allowance.text().strip() or "0"),
                "top_up_rules": rules_from_lines(self.top_ups.toPlainText()),
                "points_earn_rate": self.earn_rate.value(),
                "points_rates": points_rates_text(self.points_rates.text()),
                "points_per_yuan": self.points_value.value(),
                "points_valid_days": self.points_valid.value(),
                "tier_basis": basis,
                "tiers": tiers_from_lines(self.tiers.toPlainText(), basis),
                "birthday_percent": self.birthday.value(),
                "birthday_service_id": str(self.birthday_gift.currentData() or ""),
            }
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        settings = self._ctx.backend.settings
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.save_rules.setEnabled(False)
        self._ctx.runner.run(
            lambda: settings.update(actor, **changes), self._on_rules_saved, self._on_refused
        )

    def _on_rules_saved(self, _settings: object) -> None:
        self.save_rules.setEnabled(True)
        self._ctx.announce(Changes.of(SETTINGS))
        self.message.show_info(self.tr("Rules saved."))

    def _on_refused(self, error: BaseException) -> None:
        self.save_rules.setEnabled(True)
        self.message.show_error(self._ctx.message(error))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_accepted(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        if isinstance(saved, PackagePlanView):
            self.model.select_in(self.table, saved.id)

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
