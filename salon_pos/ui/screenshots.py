"""`salon-pos gui --screenshot FILE --screen NAME`: sign in as a demo user, open the screen with
the demo data, save a PNG, exit. Works with QT_QPA_PLATFORM=offscreen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from salon_pos.domain.staff import Role
from salon_pos.services.staff import StaffMember
from salon_pos.ui.shell import Shell


def demo_user(shell: Shell, screen: str) -> StaffMember:
    wanted = Role.MANAGER if screen == "settings" else Role.FRONT_DESK
    staff = shell.ctx.backend.staff.list()
    return next((s for s in staff if s.role is wanted), None) or next(
        s for s in staff if s.role.approves
    )


def take_screenshot(shell: Shell, screen: str, path: str) -> None:
    window = shell.window
    window.show()
    target: QWidget = window
    if screen != "signin":
        shell.ctx.sign_in(demo_user(shell, screen))
        page = window.open_page("cashier" if screen == "payment" else screen)
        shell.settle()
        if screen == "payment":
            target = page.show_demo_payment()  # type: ignore[attr-defined]
        elif screen == "cashier":
            page.add_demo_lines()  # type: ignore[attr-defined]  # a ticket being rung up
    shell.settle()
    target.grab().save(path)
