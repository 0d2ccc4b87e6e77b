"""The commission rules' editor (提成规则), for managers and owners: a table of rules — what each
is for (all services, all products, top-ups, package cards, a category, one item), how it pays
(a percentage of the base or a fixed amount a unit), the rotation (轮钟) and requested (点钟)
rates — edited in the fields under it; and when stored value and package cards earn (on sale,
to the seller; or on use, and what a yuan of stored value or a session then counts as). Saved
as the store-wide setting every counter takes on sync; a bad rule is refused, named by its
number, and nothing is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRuleIncomplete,
    CommissionRules,
    RateKind,
    SessionBasis,
    StoredValueBasis,
    commission_rules_text,
    parse_rate,
    rate_as_typed,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.ticket import LineKind
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.commission_rules import TARGET, CommissionRulesModel
from salon_pos.ui.widgets import HintedField, MessageLine, button, row_table

Target = tuple[str, str, str]  # kind, category, item id


def _key(rule: CommissionRule) -> Target:
    return (rule.kind.value, rule.category, rule.item_id)


class CommissionRulesEditor(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("commissionRules")
        self.names: dict[Target, str] = {}
        self.model = CommissionRulesModel(self.target_name, self)
        self.model.language = ctx.language
        self.table = row_table("commissionRuleTable", self.model)
        self.table.verticalHeader().show()  # the rule's number, as a refusal names it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.target = QComboBox()
        self.target.setObjectName("ruleTarget")
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.how = QComboBox()
        self.how.setObjectName("ruleHow")
        self.how.addItem(self.tr("Percent of the base"), RateKind.PERCENT.value)
        self.how.addItem(self.tr("Fixed amount a unit (yuan)"), RateKind.FIXED.value)
        self.rotation = self._field("ruleRotation", self.tr("e.g. 10 (%) or 20 (yuan)"))
        self.requested = self._field("ruleRequested", self.tr("blank: as rotation"))
        self.add = button(self.tr("Add rule"), "addCommissionRule")
        self.add.clicked.connect(self._on_add_clicked)
        self.change = button(self.tr("Change rule"), "changeCommissionRule")
        self.change.clicked.connect(self._on_change_clicked)
        self.remove = button(self.tr("Remove rule"), "removeCommissionRule")
        self.remove.setProperty("role", "danger")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.stored_value = self._choice("storedValueMoney", self.card_words())
        self.stored_value_basis = self._choice("storedValueBasis", self.stored_value_words())
        self.package = self._choice("packageMoney", self.card_words())
        self.session_basis = self._choice("sessionBasis", self.session_words())
        self.stored_value.currentIndexChanged.connect(self._update_choices)
        self.package.currentIndexChanged.connect(self._update_choices)
        self.save = button(self.tr("Save rules"), "saveCommissionRules", "primary")
        self.save.clicked.connect(self._on_save_clicked)
        self.message = MessageLine()
        self._lay_out()

    def _field(self, name: str, hint: str) -> QLineEdit:
        field = HintedField()
        field.setObjectName(name)
        field.setPlaceholderText(hint)
        return field

    def _choice(self, name: str, words: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for value, text in words.items():
            box.addItem(text, value)
        return box

    def card_words(self) -> dict[str, str]:
        return {
            CardMoney.ON_SALE.value: self.tr("When sold, to the seller"),
            CardMoney.ON_USE.value: self.tr("When used to pay for services"),
        }

    def stored_value_words(self) -> dict[str, str]:
        return {
            StoredValueBasis.SPENT.value: self.tr("All stored value spent (principal and bonus)"),
            StoredValueBasis.PRINCIPAL.value: self.tr("The principal spent only"),
        }

    def session_words(self) -> dict[str, str]:
        return {
            SessionBasis.LINE.value: self.tr("The service line's net"),
            SessionBasis.CARD.value: self.tr("The card's price over its sessions"),
        }

    def _lay_out(self) -> None:
        fields = QGridLayout()
        fields.addWidget(QLabel(self.tr("Applies to")), 0, 0)
        fields.addWidget(self.target, 0, 1, 1, 3)
        fields.addWidget(QLabel(self.tr("Pays")), 1, 0)
        fields.addWidget(self.how, 1, 1)
        fields.addWidget(QLabel(self.tr("Rotation rate")), 2, 0)
        fields.addWidget(self.rotation, 2, 1)
        fields.addWidget(QLabel(self.tr("Requested rate")), 2, 2)
        fields.addWidget(self.requested, 2, 3)
        fields.setColumnStretch(1, 1)
        fields.setColumnStretch(3, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.add)
        actions.addWidget(self.change)
        actions.addWidget(self.remove)
        actions.addStretch()
        cards = QFormLayout()
        cards.addRow(self.tr("Stored value earns"), self.stored_value)
        cards.addRow(self.tr("On use, stored value counts as"), self.stored_value_basis)
        cards.addRow(self.tr("Package cards earn"), self.package)
        cards.addRow(self.tr("On use, a session counts as"), self.session_basis)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        layout.addLayout(actions)
        layout.addLayout(cards)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save)
        layout.addLayout(bottom)

    # ------------------------------------------------------------------ showing

    def show_rules(self) -> None:
        """The store's rules as saved, and what each may be for from today's catalog."""
        settings = self._ctx.backend.settings.current
        try:
            rules = settings.commission()
        except UserError as error:
            rules = CommissionRules()
            self.message.show_error(self._ctx.message(error))
        self._fill_targets(rules)
        self.model.set_rules(rules.rules)
        for box, value in (
            (self.stored_value, rules.stored_value.value),
            (self.stored_value_basis, rules.stored_value_basis.value),
            (self.package, rules.package.value),
            (self.session_basis, rules.session_basis.value),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))
        self._update_choices()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_selected()

    def _fill_targets(self, rules: CommissionRules) -> None:
        self.names = {
            ("service", "", ""): self.tr("All services"),
            ("product", "", ""): self.tr("All products"),
            ("stored_value", "", ""): self.tr("Stored value top-ups"),
            ("package", "", ""): self.tr("Package cards"),
        }
        items = self._ctx.backend.catalog.items()
        for kind in (LineKind.SERVICE, LineKind.PRODUCT):
            words = self.tr("Service category: {name}") if kind is LineKind.SERVICE else None
            words = words or self.tr("Product category: {name}")
            for category in sorted({i.category for i in items if i.kind is kind}):
                self.names[(kind.value, category, "")] = words.format(name=category)
        for item in items:
            words = self.tr("Service: {name}") if item.kind is LineKind.SERVICE else None
            words = words or self.tr("Product: {name}")
            self.names[(item.kind.value, "", item.id)] = words.format(
                name=f"{item.category} · {item.name}"
            )
        for rule in rules.rules:  # a rule for an item since deleted keeps a name
            self.names.setdefault(_key(rule), rule.item_id or rule.category)
        self.target.blockSignals(True)
        self.target.clear()
        for name in self.names.values():  # the keys by position: a tuple as item data is lost
            self.target.addItem(name)
        self.target.blockSignals(False)

    def target_name(self, rule: CommissionRule) -> str:
        return self.names.get(_key(rule), rule.item_id or rule.category)

    def selected(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else None

    def _show_selected(self) -> None:
        row = self.selected()
        self.change.setEnabled(row is not None)
        self.remove.setEnabled(row is not None)
        if row is None:
            return
        rule = self.model.rules()[row]
        self.target.setCurrentIndex(self.target_keys().index(_key(rule)))
        self.how.setCurrentIndex(self.how.findData(rule.how.value))
        self.rotation.setText(rate_as_typed(rule.how, rule.rotation))
        requested = rule.requested
        self.requested.setText("" if requested is None else rate_as_typed(rule.how, requested))
        self._on_target_changed()

    def target_keys(self) -> list[Target]:
        return list(self.names)

    def chosen_target(self) -> Target | None:
        index = self.target.currentIndex()
        return self.target_keys()[index] if 0 <= index < len(self.names) else None

    def _on_target_changed(self) -> None:
        key = self.chosen_target()
        service = key is not None and key[0] == "service"
        self.requested.setEnabled(service)
        if not service:
            self.requested.clear()

    def _update_choices(self) -> None:
        on_use = CardMoney.ON_USE.value
        self.stored_value_basis.setEnabled(self.stored_value.currentData() == on_use)
        self.session_basis.setEnabled(self.package.currentData() == on_use)

    # ------------------------------------------------------------------ editing

    def typed_rule(self, number: int) -> CommissionRule:
        """The rule in the fields (`number`: its place, for a refusal); UserError if bad."""
        chosen = self.chosen_target()
        if chosen is None:
            raise CommissionRuleIncomplete(rule=number)
        kind, category, item_id = chosen
        how = RateKind(self.how.currentData())
        rotation = parse_rate(self.rotation.text() or "0", how, number)
        requested_text = self.requested.text().strip()
        requested = parse_rate(requested_text, how, number) if requested_text else None
        return CommissionRule(LineKind(kind), how, rotation, requested, category, item_id)

    def _on_add_clicked(self) -> None:
        try:
            rule = self.typed_rule(self.model.rowCount() + 1)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.table.selectRow(self.model.append(rule))
        self.message.hide()

    def _on_change_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            rule = self.typed_rule(row + 1)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.model.replace_rule(row, rule)
        self.message.hide()

    def _on_remove_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.model.remove(row)
            if self.model.rowCount():
                self.table.selectRow(min(row, self.model.rowCount() - 1))
            self._show_selected()

    def rules(self) -> CommissionRules:
        return CommissionRules(
            self.model.rules(),
            CardMoney(self.stored_value.currentData()),
            CardMoney(self.package.currentData()),
            StoredValueBasis(self.stored_value_basis.currentData()),
            SessionBasis(self.session_basis.currentData()),
        )

    def _on_save_clicked(self) -> None:
        try:
            text = commission_rules_text(self.rules())
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        settings = self._ctx.backend.settings
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.save.setEnabled(False)
        self._ctx.runner.run(
            lambda: settings.update(actor, commission_rules=text),
            self._on_saved,
            self._on_refused,
        )

    def _on_saved(self, _settings: object) -> None:
        self.save.setEnabled(True)
        self._ctx.announce(Changes.of(SETTINGS))
        self.message.show_info(self.tr("Commission rules saved."))

    def _on_refused(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
