"""`salon-pos gui --screenshot FILE --screen NAME`: sign in as a demo user, open the screen with
the demo data, save a PNG, exit. Works with QT_QPA_PLATFORM=offscreen.

A screenshot never writes into the store it is pointed at: it renders from a throwaway copy of
the database (SQLite's backup API, into a temporary folder deleted afterwards). The conflict inbox
needs conflicts, which only a server records: its screenshot applies a few to that copy."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from salon_pos.domain.errors import UserError
from salon_pos.domain.staff import Role
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.staff import StaffMember
from salon_pos.services.sync_changes import apply_page
from salon_pos.services.sync_state import sync_state
from salon_pos.ui.screenshot_stock import STOCK_SCREENS, add_demo_stock_documents
from salon_pos.ui.shell import Shell
from sync.protocol import hlc_stamp
from sync.wire import Change

MANAGER_SCREENS = (
    "settings", "conflicts", "staff", "catalog", "members", "reports", "day_close", "commission",
    "stock", "stock_receive", *(s for s in STOCK_SCREENS if s != "stock_stocktake_desk"),
)  # fmt: skip
# A dialog over its page, or a tab of it; stock_stocktake_desk: the front desk counting.
PAGE_OF = {"payment": "cashier", "stock_receive": "stock"} | {s: "stock" for s in STOCK_SCREENS}
OTHER_DEVICE = "0193b1c2-7d4e-7a10-8b2c-3f00a1c4e7b9"


class NoStaffToShow(UserError):
    en = "This store has no staff to sign in as: add staff (or run demo-data) before a screenshot."
    zh = "本店还没有员工可以登录：请先添加员工（或运行 demo-data）再截图。"


@contextmanager
def throwaway_copy(backend: Backend) -> Iterator[Backend]:
    """The same store in a temporary folder, copied with SQLite's backup API (consistent even
    while another process writes); deleted afterwards, whatever the screenshot wrote."""
    with TemporaryDirectory(prefix="salon-pos-screenshot-") as folder:
        paths = Paths(Path(folder))
        with (
            closing(sqlite3.connect(backend.db.path)) as source,
            closing(sqlite3.connect(paths.database)) as copy,
        ):
            source.backup(copy)
        copied = open_backend(paths, backend.clock)
        try:
            yield copied
        finally:
            copied.close()


def screenshot_of_copy(
    app: QApplication,
    backend: Backend,
    language: str | None,
    screen: str,
    path: str,
    size: tuple[int, int] | None = None,
) -> None:
    """`size`: the window's width and height (None: as the app opens it)."""
    with throwaway_copy(backend) as copy:
        shell = Shell(app, copy, language)
        if size is not None:
            shell.window.resize(*size)
        try:
            take_screenshot(shell, screen, path)
        finally:
            shell.close()


def demo_user(shell: Shell, screen: str) -> StaffMember:
    wanted = Role.MANAGER if screen in MANAGER_SCREENS else Role.FRONT_DESK
    staff = shell.ctx.backend.staff.list()
    chosen = next((s for s in staff if s.role is wanted), None)
    chosen = chosen or next((s for s in staff if s.role.approves), None)
    if chosen is None:
        raise NoStaffToShow()
    return chosen


def take_screenshot(shell: Shell, screen: str, path: str) -> None:
    window = shell.window
    window.show()
    target: QWidget = window
    if screen == "conflicts":
        add_demo_conflicts(shell.ctx.backend)
        shell.ctx.refresh_sync_status()  # the navigation's count
    if screen in STOCK_SCREENS:
        add_demo_stock_documents(shell.ctx.backend, screen)
    if screen != "signin":
        shell.ctx.sign_in(demo_user(shell, screen))
        page = window.open_page(PAGE_OF.get(screen, screen))
        shell.settle()
        if screen == "payment":
            target = page.show_demo_payment()  # type: ignore[attr-defined]
        elif screen == "cashier":
            page.add_demo_lines()  # type: ignore[attr-defined]  # a ticket being rung up
        elif screen == "conflicts":
            page.table.selectRow(1)  # type: ignore[attr-defined]  # the duplicate: two choices
        elif screen == "stock_receive":
            target = page.show_demo_receipt()  # type: ignore[attr-defined]
        elif screen in STOCK_SCREENS:
            page.show_tab(STOCK_SCREENS[screen])  # type: ignore[attr-defined]
            shell.settle()
            if screen == "stock_transfers":  # the one on its way here, with its lines
                page.transfers.table.selectRow(1)  # type: ignore[attr-defined]
        elif screen == "day_close":
            page.panel.show_latest_sales_day()  # type: ignore[attr-defined]  # a day with sales
    shell.settle()
    target.grab().save(path)


def add_demo_conflicts(backend: Backend) -> None:
    """Four conflicts, one of each type, about the demo salon's own customers and tickets."""
    customers = backend.customers.recent(3)
    tickets = backend.tickets.find(limit=1)
    if len(customers) < 3 or not tickets:
        return  # not a demo salon
    first, second, third = customers
    now = backend.clock.now()
    wall = int(now.timestamp() * 1000)
    kinds: list[tuple[str, str, str, dict[str, Any], str, timedelta]] = [
        ("price_mismatch", "ticket", tickets[0].id, {
            "ticket_id": tickets[0].id, "number": tickets[0].number,
            "lines": [{"name": "头疗肩颈套餐", "list_price": 35800, "server_price": 38800}],
        }, "accept", timedelta(hours=26)),
        ("field_overwritten", "customer", first.id, {
            "customer_id": first.id, "field": "phone",
            "winner": {"value": first.phone, "stamp": hlc_stamp(wall, 0, OTHER_DEVICE)},
            "loser": {"value": "13700001234", "stamp": hlc_stamp(wall - 5000, 0, OTHER_DEVICE)},
        }, "accept", timedelta(hours=5)),
        ("duplicate_customer", "customer", second.id, {
            "customer_id": second.id, "other_customer_id": third.id, "phone": third.phone,
        }, "merge", timedelta(hours=2)),
        ("clock_ahead", "customer", third.id, {
            "customer_id": third.id,
            "stamp": hlc_stamp(wall + 3 * 3_600_000, 0, OTHER_DEVICE),
            "clamped_to": hlc_stamp(wall - 1_200_000, 0, OTHER_DEVICE),
        }, "accept", timedelta(minutes=20)),
    ]  # fmt: skip
    changes = [
        Change(
            seq=seq,
            entity="conflict",
            entity_id=f"0193b1c2-0000-7000-8000-00000000000{seq}",
            data={
                "id": f"0193b1c2-0000-7000-8000-00000000000{seq}",
                "type": kind,
                "status": "open",
                "entity": entity,
                "entity_id": entity_id,
                "details": details,
                "suggestion": suggestion,
                "created_at": (now - age).isoformat(),
            },
            at=now,
        )
        for seq, (kind, entity, entity_id, details, suggestion, age) in enumerate(kinds, 1)
    ]
    with backend.db.write() as session:
        apply_page(session, changes, sync_state(session).pull_cursor)  # the cursor stays put
