"""Rooms, beds and chairs (房间/床位/座椅), from the Catalog page: each with the services that need
one (a booking of such a service takes a free one). Add, edit, deactivate or make active again
(nothing is deleted: bookings keep the room they had). Writes are `bookings.save_resource`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.booking_setup import ResourceView
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.models.schedules import ResourceTableModel
from salon_pos.ui.widgets import MessageLine, button, row_table
from sync.operations.bookings import CHANGE_RESOURCE


def service_names(ctx: UiContext) -> dict[str, str]:
    """Every service's name, the hidden too (a room may still list one)."""
    return {s.id: s.name for s in ctx.backend.catalog.items() if s.kind.value == "service"}


class ResourcesDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourcesDialog")
        self.setWindowTitle(self.tr("Rooms, beds and chairs"))
        self._ctx = ctx
        self.form: ResourceFormDialog | None = None
        self.model = ResourceTableModel(self)
        self.table = row_table("resourceTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add = button(self.tr("New"), "addResource", "primary")
        self.add.clicked.connect(lambda: self._open(None))
        self.edit = button(self.tr("Edit"), "editResource")
        self.edit.clicked.connect(lambda: self._open(self.selected()))
        self.toggle = button(self.tr("Deactivate"), "toggleResource")
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self.message = MessageLine()
        self._build()
        ctx.changed.connect(self._on_ctx_changed)
        self.resize(820, 520)
        self.refresh()

    def _build(self) -> None:
        explain = QLabel(
            self.tr(
                "A booking of a service listed here takes a free room, bed or chair of those "
                "that list it; services listed nowhere need none."
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        bar = QHBoxLayout()
        bar.addStretch()
        for widget in (self.toggle, self.edit, self.add):
            bar.addWidget(widget)
        close = button(self.tr("Close"), "resourcesClose")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        self.model.service_names = service_names(self._ctx)
        self.model.replace_rows(self.table, self._ctx.backend.bookings.resource_list())
        self._update_buttons()

    def selected(self) -> ResourceView | None:
        return self.model.selected_in(self.table)

    def _update_buttons(self) -> None:
        held = self.selected()
        self.edit.setEnabled(held is not None)
        self.toggle.setEnabled(held is not None)
        active = held is None or held.active
        self.toggle.setText(self.tr("Deactivate") if active else self.tr("Make active"))

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_RESOURCE) and self.isVisible():
            self.refresh()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._open(self.selected())

    def _open(self, held: ResourceView | None) -> None:
        form = ResourceFormDialog(self._ctx, held, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(lambda _result: self._forget(form))
        form.accepted.connect(lambda: self.model.select_in(self.table, str(form.saved)))
        self.form = form
        form.open()

    def _forget(self, form: ResourceFormDialog) -> None:
        if self.form is form:
            self.form = None

    def _on_toggle_clicked(self) -> None:
        held = self.selected()
        if held is None:
            return
        bookings = self._ctx.backend.bookings
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.message.hide()
        self._ctx.runner.run(
            lambda: bookings.save_resource(
                held.name, held.kind, held.service_ids, resource_id=held.id,
                active=not held.active, actor_id=actor,
            ),
            self._on_toggled,
            self._on_refused,
        )  # fmt: skip

    def _on_toggled(self, resource_id: str) -> None:
        self._ctx.announce(Changes.of(CHANGE_RESOURCE, resource_id) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))


class ResourceFormDialog(SaveDialog):
    def __init__(
        self, ctx: UiContext, held: ResourceView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "resourceForm", parent)
        self._held = held
        self.setWindowTitle(
            self.tr("Edit room, bed or chair") if held else self.tr("New room, bed or chair")
        )
        self.name = QLineEdit(held.name if held else "")
        self.name.setObjectName("resourceName")
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("Room 1, Bed 2 …"))
        self.name.textChanged.connect(self.message.hide)
        self.kind = QComboBox()
        self.kind.setObjectName("resourceKind")
        for kind, text in ResourceTableModel(self).kind_names().items():
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(self.kind.findData(held.kind if held else "room"))
        self.services = QListWidget()
        self.services.setObjectName("resourceServices")
        self._fill_services(set(held.service_ids) if held else set())
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Services that need it"), self.services)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(480)

    def _fill_services(self, listed: set[str]) -> None:
        """The active services to check, and those listed already though hidden since."""
        for offer in self._ctx.backend.catalog.items():
            if offer.kind.value != "service" or not (offer.active or offer.id in listed):
                continue
            text = (
                offer.name if offer.active else self.tr("{name} (hidden)").format(name=offer.name)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, offer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = offer.id in listed
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)

    def checked_services(self) -> list[str]:
        items = [self.services.item(n) for n in range(self.services.count())]
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def check_service(self, service_id: str, on: bool = True) -> None:
        for n in range(self.services.count()):
            item = self.services.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == service_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _save(self) -> None:
        bookings, held = self._ctx.backend.bookings, self._held
        actor = self._ctx.staff.id if self._ctx.staff else None
        name, kind, services = (
            self.name.text(),
            str(self.kind.currentData()),
            self.checked_services(),
        )
        self.run_save(
            lambda: bookings.save_resource(
                name, kind, services, resource_id=held.id if held else None,
                active=held.active if held else True, actor_id=actor,
            ),
            lambda saved: Changes.of(CHANGE_RESOURCE, str(saved)),
        )  # fmt: skip
