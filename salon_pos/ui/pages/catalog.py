"""The catalog, for managers and owners: services and products in one table (a filter picks
one kind), a search box (name, pinyin initials, SKU, barcode), add and edit in
CatalogItemDialog, hide from the cashier or show again, and the CSV import with its progress
and line-numbered report; the rooms, beds and chairs the services need (ResourcesDialog).
Searching a few hundred items is a read of milliseconds once the pinyin keys are built, and
building them runs on the task runner."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer, Saved, ServiceOffer
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.catalog_item import CatalogItemDialog
from salon_pos.ui.dialogs.category_rename import CategoryRenameDialog
from salon_pos.ui.dialogs.resources import ResourcesDialog
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.models.catalog import NAME, CatalogTableModel
from salon_pos.ui.pages.customers_import import catalog_import
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.widgets import HintedField, MessageLine, button, row_table
from sync.operations.setup import CHANGE_CATALOG_ITEM

Offer = ServiceOffer | ProductOffer
COLUMN_WIDTHS = (
    80,
    90,
    150,
    90,
    135,
    135,
    80,
)  # the name takes what is left  # fits 1024 px in English too


class CatalogPage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        content = QWidget()
        super().__init__(ctx, content)
        self.setObjectName("catalogPage")
        self.dialog: SaveDialog | None = None
        self._asked = 0  # the newest search; older answers are dropped
        self.kind = QComboBox()
        self.kind.setObjectName("catalogKind")
        self.kind.addItem(self.tr("Services and products"), None)
        self.kind.addItem(self.tr("Services"), LineKind.SERVICE)
        self.kind.addItem(self.tr("Products"), LineKind.PRODUCT)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.filter = HintedField()
        self.filter.setObjectName("catalogFilter")
        self.filter.setPlaceholderText(self.tr("Name, pinyin initials, SKU or barcode"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refresh)
        self.show_hidden = QCheckBox(self.tr("Show hidden"))
        self.show_hidden.setObjectName("showHiddenItems")
        self.show_hidden.setChecked(True)
        self.show_hidden.toggled.connect(self.refresh)
        self.add_service = button(self.tr("New service"), "addService", "primary")
        self.add_service.clicked.connect(lambda: self._open(LineKind.SERVICE, None))
        self.add_product = button(self.tr("New product"), "addProduct", "primary")
        self.add_product.clicked.connect(lambda: self._open(LineKind.PRODUCT, None))
        self.edit = button(self.tr("Edit"), "editItem")
        self.edit.clicked.connect(self._on_edit_clicked)
        self.toggle = button(self.tr("Hide"), "toggleItemShown")
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self.rename = button(self.tr("Rename category…"), "renameCategory")
        self.rename.clicked.connect(self._on_rename_clicked)
        self.rooms = button(self.tr("Rooms and beds…"), "openResources")
        self.rooms.clicked.connect(self._on_rooms_clicked)
        self.resources: ResourcesDialog | None = None
        self.importer = catalog_import(ctx)
        self.message = MessageLine()
        self.count = QLabel()
        self.count.setObjectName("catalogCount")
        self.count.setProperty("role", "muted")
        self.model = CatalogTableModel(self)
        self.table = self._table()
        self._build(content)
        ctx.changed.connect(self._on_ctx_changed)

    def _table(self) -> QTableView:
        table = row_table("catalogTable", self.model)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(40)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._on_table_double_clicked)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return table

    def _build(self, content: QWidget) -> None:
        title = QLabel(self.tr("Catalog"))
        title.setObjectName("pageTitle")
        search = QHBoxLayout()
        search.addWidget(self.kind)
        search.addWidget(self.filter, 1)
        search.addWidget(self.show_hidden)
        actions = QHBoxLayout()
        actions.addWidget(self.importer)
        actions.addWidget(self.rename)
        actions.addWidget(self.rooms)
        actions.addStretch()
        for widget in (self.toggle, self.edit, self.add_product, self.add_service):
            actions.addWidget(widget)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addLayout(search)
        layout.addLayout(actions)
        layout.addWidget(self.importer.message)
        layout.addWidget(self.message)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def on_shown(self) -> None:
        if self.allowed():
            self.refresh()
            self.filter.setFocus()

    def refresh(self) -> None:
        """Search on the task runner (the first search builds the pinyin keys)."""
        self._asked += 1
        asked, catalog = self._asked, self._ctx.backend.catalog
        text, kind = self.filter.text(), self.kind.currentData()
        hidden = self.show_hidden.isChecked()
        self._ctx.runner.run(
            lambda: (asked, catalog.search(text, kind, include_hidden=hidden)), self._on_found
        )

    def _on_found(self, found: tuple[int, list[Offer]]) -> None:
        asked, rows = found
        if asked != self._asked:
            return
        self.model.replace_rows(self.table, rows)
        self.count.setText(self.tr("{count} items").format(count=len(rows)))
        self._update_buttons()

    def selected(self) -> Offer | None:
        return self.model.selected_in(self.table)

    def select(self, item_id: str) -> bool:
        return self.model.select_in(self.table, item_id)

    def _update_buttons(self) -> None:
        item = self.selected()
        self.edit.setEnabled(item is not None)
        self.toggle.setEnabled(item is not None)
        shown = item is None or item.active
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_CATALOG_ITEM) and self.allowed():
            self.refresh()

    def _on_edit_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self._open(item.kind, item)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._on_edit_clicked()

    def _on_toggle_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        catalog, actor = self._ctx.backend.catalog, self._ctx.staff.id if self._ctx.staff else None
        self.message.hide()
        self._ctx.runner.run(
            lambda: catalog.set_active(item.kind, item.id, not item.active, actor),
            self._on_toggled,
            self._on_refused,
        )

    def _on_toggled(self, saved: Saved) -> None:
        self._ctx.announce(Changes.of(CHANGE_CATALOG_ITEM, saved.id) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    def _on_rename_clicked(self) -> None:
        item = self.selected()
        self._show(CategoryRenameDialog(self._ctx, item.category if item else "", self))

    def _on_rooms_clicked(self) -> None:
        dialog = ResourcesDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "resources", None))
        self.resources = dialog
        dialog.open()

    def _open(self, kind: LineKind, item: Offer | None) -> None:
        self._show(CatalogItemDialog(self._ctx, kind, item, self))

    def _show(self, dialog: SaveDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: SaveDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
