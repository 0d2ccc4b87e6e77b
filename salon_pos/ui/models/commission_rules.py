"""The commission rules as the editor lists them: a row a rule — what it is for (a kind, a
category or an item, named as a person reads it), how it pays, the rotation (轮钟) and requested
(点钟) rates — over the domain's frozen rules. Nothing here reads the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from salon_pos.domain.commission import CommissionRule, RateKind, rate_text
from salon_pos.domain.ticket import LineKind

Index = QModelIndex | QPersistentModelIndex
TARGET, HOW, ROTATION, REQUESTED = range(4)


class CommissionRulesModel(QAbstractTableModel):
    def __init__(self, target_name: Callable[[CommissionRule], str], parent: QObject | None = None):
        super().__init__(parent)
        self._rules: list[CommissionRule] = []
        self._target_name = target_name
        self.headers = [
            self.tr("Applies to"),
            self.tr("Pays"),
            self.tr("Rotation"),
            self.tr("Requested"),
        ]
        self.how_words = {
            RateKind.PERCENT: self.tr("Percent of the base"),
            RateKind.FIXED: self.tr("Fixed a unit"),
        }
        self.same = self.tr("as rotation")
        self.language = "zh_CN"

    def rules(self) -> tuple[CommissionRule, ...]:
        return tuple(self._rules)

    def set_rules(self, rules: Sequence[CommissionRule]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self.endResetModel()

    def replace_rule(self, row: int, rule: CommissionRule) -> None:
        self._rules[row] = rule
        self.dataChanged.emit(self.index(row, 0), self.index(row, REQUESTED))

    def append(self, rule: CommissionRule) -> int:
        row = len(self._rules)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rules.append(rule)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rules[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # the rule's number, as a refusal names it
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        rule, column = self._rules[index.row()], index.column()
        if column == TARGET:
            return self._target_name(rule)
        if column == HOW:
            return self.how_words[rule.how]
        if column == ROTATION:
            return rate_text(rule.how, rule.rotation, self.language)
        if rule.kind is not LineKind.SERVICE:
            return "—"
        if rule.requested is None:
            return self.same
        return rate_text(rule.how, rule.requested, self.language)
