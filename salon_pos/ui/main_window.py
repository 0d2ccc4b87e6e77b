"""The main window: the sign-in screen, or the workspace — navigation for the signed-in role,
the pages, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.staff import StaffMember
from salon_pos.services.sync_status import SyncStatus
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages import PAGES, PageSpec
from salon_pos.ui.sign_in import SignInScreen
from salon_pos.ui.status_bar import StatusBar

BADGE_STYLE = (
    "background: #e53935; color: white; border-radius: 9px; font-size: 12px;"
    " font-weight: 600; padding: 0 5px;"
)


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
        self.attendance: QDialog | None = None  # the clock-in dialog while open
        self.screens = QStackedWidget()
        self.screens.addWidget(self.sign_in)
        self.screens.addWidget(self._workspace())
        self.setCentralWidget(self.screens)
        self.setStatusBar(StatusBar(ctx))
        ctx.staff_changed.connect(self._on_ctx_staff_changed)
        ctx.sync_status_changed.connect(self._on_ctx_sync_status_changed)
        self.resize(1280, 800)

    def titles(self) -> dict[str, str]:
        return {
            "cashier": self.tr("Cashier"),
            "bookings": self.tr("Diary"),  # the appointment book: "Bookings  Ctrl+B" is cut off
            "tickets": self.tr("Tickets"),
            "customers": self.tr("Customers"),
            "commission": self.tr("Comm."),  # 提成: "Commission  Ctrl+T" is cut off in bold
            "settings": self.tr("Settings"),
            "conflicts": self.tr("Conflicts"),
            "staff": self.tr("Staff"),
            "catalog": self.tr("Catalog"),
            "stock": self.tr("Stock"),  # 库存
            "members": self.tr("Cards"),  # member cards: short, beside its Ctrl+M
            "reports": self.tr("Stats"),  # 报表: "Reports  Ctrl+R" is cut off in bold
            "day_close": self.tr("Close"),  # 日结
        }

    def _workspace(self) -> QWidget:
        nav = QVBoxLayout()
        brand = QLabel(self._ctx.backend.settings.current.store_name)
        brand.setObjectName("navBrand")
        brand.setWordWrap(True)
        nav.addWidget(brand)
        pages = QVBoxLayout()  # in a scroll area: a short screen never makes the window taller
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(nav.spacing())
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
            pages.addWidget(button)
        pages.addStretch()
        self.conflict_badge = self._badge(self._nav_buttons["conflicts"])
        nav.addWidget(self._nav_scroll(pages), 1)
        self.clock = QPushButton(self.tr("Clock in / out"))  # 考勤: anyone signed in opens it
        self.clock.setObjectName("openAttendance")
        self.clock.setProperty("role", "nav")
        self.clock.clicked.connect(self.open_attendance)
        nav.addWidget(self.clock)
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

    @staticmethod
    def _nav_scroll(pages: QVBoxLayout) -> QScrollArea:
        inside = QWidget()
        inside.setObjectName("navPages")
        inside.setLayout(pages)
        scroll = QScrollArea()
        scroll.setObjectName("navScroll")
        scroll.setWidget(inside)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    @staticmethod
    def _badge(button: QPushButton) -> QLabel:
        """A round count at the button's right edge (the text stays short enough for English)."""
        badge = QLabel(button)
        badge.setObjectName("conflictBadge")
        badge.setStyleSheet(BADGE_STYLE)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedHeight(18)
        badge.setMinimumWidth(18)
        badge.hide()
        inside = QHBoxLayout(button)  # the top right corner, above the text's line
        inside.setContentsMargins(0, 3, 4, 0)
        inside.addStretch()
        inside.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        return badge

    def open_attendance(self) -> QDialog:
        """The clock-in dialog, window-modal without a nested event loop (one at a time)."""
        from salon_pos.ui.dialogs.attendance import AttendanceDialog

        if self.attendance is not None and self.attendance.isVisible():
            return self.attendance
        dialog = AttendanceDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_attendance(dialog))
        self.attendance = dialog
        dialog.open()
        return dialog

    def _forget_attendance(self, dialog: QDialog) -> None:
        if self.attendance is dialog:
            self.attendance = None

    def allowed(self, staff: StaffMember) -> list[PageSpec]:
        return [spec for spec in PAGES if staff.role in spec.roles]

    def open_page(self, key: str) -> QWidget:
        if key not in self._built:
            spec = next(spec for spec in PAGES if spec.key == key)
            page = spec.build(self._ctx)
            self._built[key] = page
            self.pages.addWidget(page)
            checked_in = getattr(page, "checked_in", None)
            if checked_in is not None:  # the bookings page: an arrival's ticket goes to the till
                checked_in.connect(self.take_up_ticket)
        page = self._built[key]
        self.pages.setCurrentWidget(page)
        self._nav_buttons[key].setChecked(True)
        on_shown = getattr(page, "on_shown", None)
        if on_shown is not None:
            on_shown()
        return page

    def take_up_ticket(self, parked_id: str) -> None:
        """A booking's customer has arrived: their ticket (parked at check-in) on the cashier."""
        cashier = self.open_page("cashier")
        cashier.parking.take_up_by_id(parked_id)  # type: ignore[attr-defined]

    def ticket_in_hand(self) -> object | None:
        """The cashier's unfinished ticket, if any (a TicketInHand), to carry into a new window."""
        cashier = self._built.get("cashier")
        held = cashier.ticket_in_hand() if cashier is not None else None  # type: ignore[attr-defined]
        return held if held is not None and held.lines else None

    def current_page_key(self) -> str | None:
        shown = self.pages.currentWidget()
        return next((key for key, page in self._built.items() if page is shown), None)

    def _on_ctx_sync_status_changed(self, status: SyncStatus) -> None:
        """The inbox's button counts the open conflicts, so a manager sees them from any page."""
        count = status.open_conflicts
        self.conflict_badge.setText(str(count) if count < 100 else "99+")
        self.conflict_badge.setVisible(count > 0)
        self.conflict_badge.setToolTip(self.tr("{count} open conflicts").format(count=count))

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
