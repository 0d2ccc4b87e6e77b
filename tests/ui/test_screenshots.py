"""`salon-pos gui --screenshot`: renders from a throwaway copy, never writing into the store."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from salon_pos.cli import main
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ReceiptLine
from tests.conftest import Shelf, Team, three_line_sale

SCREENS = (
    "signin", "cashier", "bookings", "payment", "tickets", "customers", "settings", "conflicts",
    "staff", "catalog", "stock",
)  # fmt: skip


def contents(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in order."""
    with closing(sqlite3.connect(database)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def test_no_screen_writes_into_the_store_it_shows(
    qapp: QApplication, backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    for name, phone in (
        ("张美丽", "13800138000"),
        ("王玲", "13912345678"),
        ("李想", "13700001111"),
    ):
        backend.customers.add(name, phone)
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    before = contents(backend.db.path)
    counts = {table: len(rows) for table, rows in before.items()}
    home = str(backend.db.path.parent)
    for screen in SCREENS:
        png = tmp_path / f"{screen}.png"
        args = ["--home", home, "gui", "--screen", screen, "--screenshot", str(png)]
        assert main(args) == 0
        assert not QImage(str(png)).isNull()
        after = contents(backend.db.path)
        assert {table: len(rows) for table, rows in after.items()} == counts, screen
        assert after == before, screen
    assert counts["sync_conflict"] == 0  # the inbox's four were shown from the copy


def test_a_store_with_no_staff_says_so(
    qapp: QApplication, backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(backend.db.path.parent)
    png = str(tmp_path / "x.png")
    assert main(["--home", home, "gui", "--screen", "cashier", "--screenshot", png]) == 2
    assert "员工" in capsys.readouterr().err


STOCK_SCREENS = (
    "stock_expiring", "stock_order", "stock_stocktake", "stock_stocktake_desk", "stock_orders",
    "stock_transfers",
)  # fmt: skip


def test_each_stock_tab_is_a_screen_at_the_size_asked_and_writes_nothing(
    qapp: QApplication, backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    """The stocktake, order and transfer screens add their documents to the copy only."""
    backend.stock.receive([ReceiptLine(shelf.serum, 12, 9_000)], team.manager.id)
    backend.stock.set_minimum(shelf.serum, 20, team.manager.id)
    before = contents(backend.db.path)
    home = str(backend.db.path.parent)
    for screen in STOCK_SCREENS:
        png = tmp_path / f"{screen}.png"
        args = ["--home", home, "gui", "--screen", screen, "--size", "1024x768"]
        assert main([*args, "--screenshot", str(png)]) == 0, screen
        image = QImage(str(png))
        assert (image.width(), image.height()) == (1024, 768), screen
        assert contents(backend.db.path) == before, screen


def test_a_size_not_like_1024x768_is_refused(
    qapp: QApplication, backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(backend.db.path.parent)
    png = str(tmp_path / "x.png")
    args = ["--home", home, "gui", "--screen", "stock", "--size", "big", "--screenshot", png]
    with pytest.raises(SystemExit):
        main(args)
    assert "1024x768" in capsys.readouterr().err
