"""The screens of the workspace and who may use each. A page is a QWidget built with the
UiContext; if it has `on_shown()`, that is called each time it is brought to the front."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from salon_pos.domain.staff import Role
from salon_pos.ui.context import UiContext

EVERYONE = frozenset(Role)
COUNTER = frozenset({Role.OWNER, Role.MANAGER, Role.FRONT_DESK})
MANAGERS = frozenset({Role.OWNER, Role.MANAGER})


def _cashier(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.cashier import CashierPage

    return CashierPage(ctx)


def _bookings(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.bookings import BookingsPage

    return BookingsPage(ctx)


def _tickets(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.tickets import TicketsPage

    return TicketsPage(ctx)


def _customers(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.customers import CustomersPage

    return CustomersPage(ctx)


def _settings(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.settings import SettingsPage

    return SettingsPage(ctx)


def _conflicts(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.conflicts import ConflictsPage

    return ConflictsPage(ctx)


def _staff(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.staff import StaffPage

    return StaffPage(ctx)


def _catalog(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.catalog import CatalogPage

    return CatalogPage(ctx)


def _members(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.members import MembersPage

    return MembersPage(ctx)


def _reports(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.reports import ReportsPage

    return ReportsPage(ctx)


def _day_close(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.day_close import DayClosePage

    return DayClosePage(ctx)


def _commission(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.commission import CommissionPage

    return CommissionPage(ctx)


def _stock(ctx: UiContext) -> QWidget:
    from salon_pos.ui.pages.stock import StockPage

    return StockPage(ctx)


@dataclass(frozen=True)
class PageSpec:
    key: str
    roles: frozenset[Role]
    shortcut: str
    build: Callable[[UiContext], QWidget]


PAGES = (
    PageSpec("cashier", COUNTER, "F1", _cashier),
    PageSpec("bookings", COUNTER, "Ctrl+B", _bookings),  # 预约: every F key is taken
    PageSpec("tickets", COUNTER, "F2", _tickets),
    PageSpec("customers", EVERYONE, "F3", _customers),
    PageSpec("commission", EVERYONE, "Ctrl+T", _commission),  # 提成: everyone sees their own
    PageSpec("settings", MANAGERS, "F4", _settings),
    # F5–F9 are the cashier screen's own keys (find customer … pay)
    PageSpec("conflicts", MANAGERS, "F10", _conflicts),
    PageSpec("staff", MANAGERS, "F11", _staff),
    PageSpec("catalog", MANAGERS, "F12", _catalog),
    PageSpec("stock", COUNTER, "Ctrl+I", _stock),  # 库存: the front desk counts stock too
    PageSpec("members", MANAGERS, "Ctrl+M", _members),
    PageSpec("reports", MANAGERS, "Ctrl+R", _reports),  # 报表
    PageSpec("day_close", MANAGERS, "Ctrl+D", _day_close),  # 日结: the day's close
)
