"""Counter PCs with a 1024 × 768 screen exist: the catalog's tiles flow to the width there, and
no field's placeholder is cut off, in either language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.cashier_catalog import ItemButton
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team

PADDING = 2 * (1 + 8) + 4  # style.qss: a 1 px border and 8 px of padding each side; the frame


def at_1024(shell: Shell, team: Team, language: str, screen: str) -> QWidget:
    if language != shell.ctx.language:
        shell.set_language(language)
    shell.window.resize(1024, 768)
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page(screen)
    shell.settle()
    return page


def cut_placeholders(page: QWidget) -> list[str]:
    return [
        field.placeholderText()
        for field in page.findChildren(QLineEdit)
        if field.isVisible()
        and field.placeholderText()
        and field.fontMetrics().horizontalAdvance(field.placeholderText()) > field.width() - PADDING
    ]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_catalog_tile_is_within_the_visible_width(
    shell: Shell, team: Team, shelf: Shelf, language: str
) -> None:
    for n in range(7):  # more tiles than the first row holds
        shell.ctx.backend.catalog.add_service("面部护理", f"面部护理 {n}", 19800, 60, "facial")
    page = at_1024(shell, team, language, "cashier")
    assert isinstance(page, CashierPage)
    page.catalog.categories.setCurrentRow(0)  # all
    shell.settle()
    viewport = page.catalog.findChild(QScrollArea, "catalogScroll").viewport()
    tiles = [tile for tile in page.catalog.findChildren(ItemButton) if tile.isVisible()]
    assert len(tiles) == 10 and len({tile.x() for tile in tiles}) >= 2  # columns
    for tile in tiles:
        left = tile.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + tile.width() <= viewport.width(), tile.objectName()
    assert viewport.mapTo(shell.window, QPoint(viewport.width(), 0)).x() <= 1024


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("screen", ["cashier", "customers"])
def test_no_placeholder_is_cut_off(shell: Shell, team: Team, language: str, screen: str) -> None:
    assert cut_placeholders(at_1024(shell, team, language, screen)) == []


def test_settings_in_english_does_not_say_the_language_is_chinese(shell: Shell, team: Team) -> None:
    page = at_1024(shell, team, "en", "settings")
    note = page.findChild(QLabel, "languageNote")
    assert note.isVisible() and "English" in note.text()
    form_labels = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert "Language" not in form_labels and "Language at start" in form_labels


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_cashier_buttons_fit_with_parked_tickets(
    shell: Shell, team: Team, shelf: Shelf, language: str
) -> None:
    page = at_1024(shell, team, language, "cashier")
    assert isinstance(page, CashierPage)
    for _ in range(2):
        page.add_demo_lines()
        page.parking.park()
        shell.settle()  # the park is saved on the database worker
        assert page.ticket.model.rowCount() == 0
    page.add_demo_lines()
    shell.settle()
    assert page.parking.count == 2
    assert shell.window.width() == 1024
    for name in ("clearTicket", "parkTicket", "parkedTickets", "payButton"):
        found = page.findChild(QPushButton, name)
        assert found is not None and found.isVisible(), name
        right = found.mapTo(shell.window, QPoint(found.width(), 0)).x()
        assert right <= 1024 and found.sizeHint().width() <= found.width(), name
