"""The main window: the sign-in screen, or the workspace — navigation for the signed-in role,
the pages, and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages import PAGES, PageSpec
from salon_pos.ui.sign_in import SignInScreen
from salon_pos.ui.status_bar import StatusBar


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self.setWindowTitle(
            self.tr("Salon POS — {store}").format(store=ctx.backend.settings.current.store_name)
        )
        self.sign_in = SignInScreen(ctx)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self._built: dict[str, QWidget] = {}
        self._nav = QButtonGroup(self)
        self._nav_buttons: dict[str, QPushButton] = {}
        self.screens = QStackedWidget()
        self.screens.addWidget(self.sign_in)
        self.screens.addWidget(self._workspace())
        self.setCentralWidget(self.screens)
        self.setStatusBar(StatusBar(ctx))
        ctx.staff_changed.connect(self._on_ctx_staff_changed)
        self.resize(1280, 800)

    def titles(self) -> dict[str, str]:
        return {
            "cashier": self.tr("Cashier"),
            "tickets": self.tr("Tickets"),
            "customers": self.tr("Customers"),
            "settings": self.tr("Settings"),
        }

    def _workspace(self) -> QWidget:
        nav = QVBoxLayout()
        brand = QLabel(self._ctx.backend.settings.current.store_name)
        brand.setObjectName("navBrand")
        brand.setWordWrap(True)
        nav.addWidget(brand)
        titles = self.titles()
        for spec in PAGES:
            button = QPushButton(f"{titles[spec.key]}  {spec.shortcut}")
            button.setObjectName(f"nav_{spec.key}")
            button.setProperty("role", "nav")
            button.setCheckable(True)
            button.setShortcut(QKeySequence(spec.shortcut))
            button.clicked.connect(lambda _=False, s=spec: self.open_page(s.key))
            self._nav.addButton(button)
            self._nav_buttons[spec.key] = button
            nav.addWidget(button)
        nav.addStretch()
        self.switch_user = QPushButton(self.tr("Switch user"))
        self.switch_user.setObjectName("switchUser")
        self.switch_user.setProperty("role", "nav")
        self.switch_user.clicked.connect(self._ctx.sign_out)
        nav.addWidget(self.switch_user)
        side = QWidget()
        side.setObjectName("navBar")
        side.setLayout(nav)
        side.setFixedWidth(180)
        workspace = QWidget()
        layout = QHBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        return workspace

    def allowed(self, staff: StaffMember) -> list[PageSpec]:
        return [spec for spec in PAGES if staff.role in spec.roles]

    def open_page(self, key: str) -> QWidget:
        if key not in self._built:
            spec = next(spec for spec in PAGES if spec.key == key)
            page = spec.build(self._ctx)
            self._built[key] = page
            self.pages.addWidget(page)
        page = self._built[key]
        self.pages.setCurrentWidget(page)
        self._nav_buttons[key].setChecked(True)
        on_shown = getattr(page, "on_shown", None)
        if on_shown is not None:
            on_shown()
        return page

    def ticket_in_hand(self) -> object | None:
        """The cashier's unfinished ticket, if any (a TicketInHand), to carry into a new window."""
        cashier = self._built.get("cashier")
        held = cashier.ticket_in_hand() if cashier is not None else None  # type: ignore[attr-defined]
        return held if held is not None and held.lines else None

    def current_page_key(self) -> str | None:
        shown = self.pages.currentWidget()
        return next((key for key, page in self._built.items() if page is shown), None)

    def _on_ctx_staff_changed(self, staff: StaffMember | None) -> None:
        if staff is None:
            for dialog in self.findChildren(QDialog):  # nothing of the last user's stays on top
                if dialog.isVisible():
                    dialog.reject()  # a payment being saved refuses, and closes when saved
            self.sign_in.reset()
            self.screens.setCurrentWidget(self.sign_in)
            return
        allowed = self.allowed(staff)
        for spec in PAGES:
            self._nav_buttons[spec.key].setVisible(spec in allowed)
        self.screens.setCurrentIndex(1)
        current = self.current_page_key()
        keep = current if current and any(s.key == current for s in allowed) else None
        self.open_page(keep or allowed[0].key)
