"""The cash drawer's strip on the cashier screen (交班): whether this counter's drawer is open
(未开班 / 已开班 since when, by whom), and the buttons to open it with a float, to pay cash in
or out, and to close it with a count. The dialogs do the work (ui/dialogs/drawer_*.py); the
strip reads the state again whenever a drawer session changes (here or pulled)."""

from __future__ import annotations

from PySide6.QtCore import QMargins
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QSizePolicy, QWidget

from salon_pos.services.changes import Changes
from salon_pos.services.drawer_views import SessionView
from salon_pos.ui.context import UiContext
from salon_pos.ui.flow_layout import FlowLayout
from salon_pos.ui.widgets import button
from sync.operations.drawer import CHANGE_DRAWER_SESSION


class DrawerBar(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawerBar")
        self._ctx = ctx
        self.session: SessionView | None = None
        self.dialog: QDialog | None = None  # the last drawer dialog opened
        self.state = QLabel()
        self.state.setObjectName("drawerState")
        self.state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.open_button = button(self.tr("Open drawer"), "openDrawer")
        self.cash_button = button(self.tr("Cash in/out"), "drawerCash")
        self.close_button = button(self.tr("Close drawer"), "closeDrawer", "primary")
        self.open_button.clicked.connect(self.open_drawer)
        self.cash_button.clicked.connect(self.move_cash)
        self.close_button.clicked.connect(self.close_drawer)
        self.state.setMinimumHeight(self.close_button.sizeHint().height())  # centred by them
        layout = FlowLayout(self)  # the buttons go under the state where a row is too narrow
        layout.setContentsMargins(QMargins(10, 4, 4, 4))
        for widget in (self.state, self.open_button, self.cash_button, self.close_button):
            layout.addWidget(widget)
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    @property
    def is_open(self) -> bool:
        return self.session is not None

    def refresh(self) -> None:
        """This counter's open session, if any: a short read, fine on the UI thread."""
        self.session = self._ctx.backend.drawer.current()
        session = self.session
        self.setProperty("open", session is not None)
        self.style().unpolish(self)
        self.style().polish(self)
        if session is None:
            self.state.setText(self.tr("Drawer: not open"))
        else:
            self.state.setText(
                self.tr("Drawer open since {time} by {name}").format(
                    time=session.opened_at.strftime("%H:%M"), name=session.opened_by_name
                )
            )
        self.open_button.setVisible(session is None)
        self.cash_button.setVisible(session is not None)
        self.close_button.setVisible(session is not None)

    def open_drawer(self) -> QDialog:
        from salon_pos.ui.dialogs.drawer_open import OpenDrawerDialog

        return self._show(OpenDrawerDialog(self._ctx, self.window()))

    def move_cash(self) -> QDialog:
        from salon_pos.ui.dialogs.drawer_open import CashMoveDialog

        return self._show(CashMoveDialog(self._ctx, self.window()))

    def close_drawer(self) -> QDialog | None:
        from salon_pos.ui.dialogs.drawer_close import CloseDrawerDialog

        self.refresh()
        if self.session is None:
            return None
        return self._show(CloseDrawerDialog(self._ctx, self.session, self.window()))

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()  # not exec(): the window stays live, and tests press what they find
        return dialog

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(CHANGE_DRAWER_SESSION):
            self.refresh()
