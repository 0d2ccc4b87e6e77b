"""The calendar view (issue 11), driven with real mouse events on its viewport: a click on a
booking or on free time, a booking dragged to another column and time, its bottom edge dragged,
each reported with the right column and a time snapped to 15 minutes; closed bookings stay put;
a busy salon's day (30 technicians, 400 bookings) shows and paints."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem, column_origin
from salon_pos.domain.slots import Span
from salon_pos.ui.calendar_demo import demo_day, save_screenshots
from salon_pos.ui.calendar_view import CalendarView
from salon_pos.ui.i18n import Translations

DAY = date(2026, 12, 9)
NOW = datetime(2026, 12, 9, 14, 20)
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def booking(
    id: str, column: str, start: datetime, minutes: int, status: str = "booked"
) -> CalendarItem:
    return CalendarItem(
        id, column, start, start + timedelta(minutes=minutes), "陈女士", "美白焕肤", status
    )


ITEMS = [
    booking("b1", "t0", at(10), 60),
    booking("done", "t1", at(10), 90, "completed"),
    booking("late", "t2", at(19), 60),
]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[CalendarView]:
    made = CalendarView(now=lambda: NOW)
    qtbot.addWidget(made)
    made.resize(1024, 600)
    made.set_window(at(9), at(21))
    shift = [Span(at(9), at(21))]
    made.set_columns([CalendarColumn(f"t{n}", f"技师{n}", shift) for n in range(3)])
    made.set_items(ITEMS)
    made.show()
    qtbot.waitExposed(made)
    yield made


def point(view: CalendarView, column: int, when: datetime, right: float = 0.5) -> QPoint:
    """Where a column's time is in the viewport, as scrolled now."""
    grid = view.grid
    offset = grid.scroll_offset()
    x = grid.column_width * (column + right) - offset.x()
    origin = column_origin(grid.columns[column], grid.day_start)
    y = grid.pixels((when - origin).total_seconds() / 60) - offset.y()
    return QPoint(round(x), round(y))


def drag(view: CalendarView, start: QPoint, end: QPoint) -> None:
    viewport = view.grid.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, start)
    middle = (start + end) / 2
    QTest.mouseMove(viewport, QPoint(round(middle.x()), round(middle.y())))
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, end)


def test_a_click_on_a_booking_names_it(view: CalendarView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.item_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 0, at(10, 20)))
    assert clicked.args == ["b1"]


def test_a_click_on_free_time_names_the_column_and_its_quarter_hour(
    view: CalendarView, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(view.empty_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 2, at(14, 40)))
    assert clicked.args == ["t2", at(14, 30)]


def test_a_click_after_scrolling_down_names_the_time_under_the_mouse(
    view: CalendarView, qtbot: QtBot
) -> None:
    view.grid.verticalScrollBar().setValue(view.grid.verticalScrollBar().maximum())
    assert view.grid.verticalScrollBar().value() > 0
    with qtbot.waitSignal(view.item_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 2, at(19, 50)))
    assert clicked.args == ["late"]
    with qtbot.waitSignal(view.empty_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 0, at(20, 5)))
    assert clicked.args == ["t0", at(20)]


def test_a_booking_dragged_to_another_column_keeps_where_it_was_held_and_snaps(
    view: CalendarView, qtbot: QtBot
) -> None:
    held = point(view, 0, at(10, 10))  # ten minutes into the booking
    dropped = point(view, 2, at(13, 24))  # its start at 13:14: the nearest quarter is 13:15
    with qtbot.waitSignal(view.item_moved) as moved, qtbot.assertNotEmitted(view.item_clicked):
        drag(view, held, dropped)
    assert moved.args == ["b1", "t2", at(13, 15)]


def test_a_moved_booking_goes_back_when_the_page_sets_the_items_it_has(
    view: CalendarView, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(view.item_moved):
        drag(view, point(view, 0, at(10, 10)), point(view, 0, at(16, 10)))
    view.grab()  # painted where it was dropped, the service not asked yet
    view.set_items(ITEMS)  # refused: the items as they were
    view.grab()
    with qtbot.waitSignal(view.item_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 0, at(10, 30)))
    assert clicked.args == ["b1"]
    with qtbot.waitSignal(view.empty_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 0, at(16, 30)))
    assert clicked.args == ["t0", at(16, 30)]


def test_a_booking_dropped_where_it_was_says_nothing(view: CalendarView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.item_moved), qtbot.assertNotEmitted(view.item_clicked):
        drag(view, point(view, 0, at(10, 10)), point(view, 0, at(10, 14), right=0.8))
    assert view.grid.placed[0].item.start == at(10)


def test_its_bottom_edge_dragged_changes_its_end_in_quarter_hours_and_never_below_15_minutes(
    view: CalendarView, qtbot: QtBot
) -> None:
    edge = point(view, 0, at(11)) - QPoint(0, 2)
    with qtbot.waitSignal(view.item_resized) as resized:
        drag(view, edge, point(view, 0, at(11, 38)))
    assert resized.args == ["b1", at(11, 45)]
    view.set_items(ITEMS)
    with qtbot.waitSignal(view.item_resized) as resized:
        drag(view, edge, point(view, 0, at(9, 20)))
    assert resized.args == ["b1", at(10, 15)]


def test_a_completed_booking_cannot_be_dragged(view: CalendarView, qtbot: QtBot) -> None:
    held = point(view, 1, at(10, 30))
    with (
        qtbot.waitSignal(view.item_clicked) as clicked,
        qtbot.assertNotEmitted(view.item_moved),
        qtbot.assertNotEmitted(view.item_resized),
    ):
        drag(view, held, point(view, 2, at(15)))
    assert clicked.args == ["done"]


def test_escape_calls_a_drag_off(view: CalendarView, qtbot: QtBot) -> None:
    viewport = view.grid.viewport()
    with qtbot.assertNotEmitted(view.item_moved), qtbot.assertNotEmitted(view.item_clicked):
        QTest.mousePress(viewport, LEFT, NO_KEYS, point(view, 0, at(10, 10)))
        QTest.mouseMove(viewport, point(view, 1, at(12)))
        QTest.keyClick(view.grid, Qt.Key.Key_Escape)
        QTest.mouseRelease(viewport, LEFT, NO_KEYS, point(view, 1, at(12)))


def test_in_the_week_view_a_booking_moves_to_another_day(qtbot: QtBot) -> None:
    view = CalendarView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    monday, friday, sunday = date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 13)
    view.set_window(at(9, day=monday), at(21, day=monday))
    view.set_columns(view.week_columns(monday))
    view.set_items([booking("w", "2026-12-09", at(11), 90)])
    view.show()
    qtbot.waitExposed(view)
    assert [c.id for c in view.grid.columns][:3] == ["2026-12-07", "2026-12-08", "2026-12-09"]
    with qtbot.waitSignal(view.item_moved) as moved:
        drag(view, point(view, 2, at(11, 5)), point(view, 4, at(15, 5, friday)))
    assert moved.args == ["w", "2026-12-11", at(15, day=friday)]
    with qtbot.waitSignal(view.empty_clicked) as clicked:
        QTest.mouseClick(view.grid.viewport(), LEFT, NO_KEYS, point(view, 6, at(9, 50, sunday)))
    assert clicked.args == ["2026-12-13", at(9, 45, sunday)]


def busy_day(
    technicians: int = 30, bookings: int = 400
) -> tuple[list[CalendarColumn], list[CalendarItem]]:
    rng = random.Random(3)
    shift = [Span(at(9), at(21))]
    columns = [CalendarColumn(f"t{n}", f"技师{n:02d}", shift) for n in range(technicians)]
    statuses = ("booked", "arrived", "in_service", "completed", "requested", "cancelled")
    items = [
        booking(
            f"b{n}",
            f"t{n % technicians}",
            at(9) + timedelta(minutes=rng.randrange(0, 660, 15)),
            rng.choice((30, 60, 90)),
            rng.choice(statuses),
        )
        for n in range(bookings)
    ]
    return columns, items


def test_a_busy_salon_day_shows_and_paints(qtbot: QtBot) -> None:
    view = CalendarView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1024, 768)
    columns, items = busy_day()
    view.set_window(at(9), at(21))
    view.set_columns(columns)
    view.set_items(items)
    view.show()
    qtbot.waitExposed(view)
    assert len(view.grid.placed) == 400
    assert max(p.lanes for p in view.grid.placed) > 1  # overlaps sit side by side
    image = view.grab().toImage()
    assert image.width() == 1024 and image.height() == 768
    view.grid.horizontalScrollBar().setValue(view.grid.horizontalScrollBar().maximum())
    view.grid.verticalScrollBar().setValue(view.grid.verticalScrollBar().maximum())
    assert not view.grab().isNull()


def test_the_legend_and_the_week_speak_chinese(qapp: QApplication, qtbot: QtBot) -> None:
    translations = Translations()
    translations.install("zh_CN")
    try:
        view = CalendarView(now=lambda: NOW)
        qtbot.addWidget(view)
        columns, items = demo_day()
        view.set_columns(columns)
        view.set_items(items)
        words = [label.text() for label in view.findChildren(QLabel) if label.text()]
        titles = [c.title for c in view.week_columns(date(2026, 12, 7))]
    finally:
        translations.uninstall()
    assert {"已预约", "服务中", "爽约", "时间冲突", "点钟"} <= set(words)
    assert not [w for w in words if any("a" <= c.lower() <= "z" for c in w)]
    assert titles[0] == "周一 12/7" and titles[6] == "周日 12/13"
    assert any(i.clash for i in items) and {i.status for i in items} >= {"completed", "booked"}


def test_the_demo_saves_a_day_and_a_week_at_1024_by_768(qapp: QApplication, tmp_path: Path) -> None:
    saved = save_screenshots(tmp_path, "zh_CN")
    assert [p.name for p in saved] == ["calendar_day_zh_CN.png", "calendar_week_zh_CN.png"]
    for path in saved:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1024, 768)


def test_the_titles_stay_while_scrolling_down_and_the_ruler_while_scrolling_across(
    qtbot: QtBot,
) -> None:
    view = CalendarView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1024, 500)
    columns, items = busy_day()
    view.set_window(at(9), at(21))
    view.set_columns(columns)
    view.set_items(items)
    view.show()
    qtbot.waitExposed(view)
    grid = view.grid
    titles, ruler = grid.header.grab().toImage(), grid.ruler.grab().toImage()
    grid.verticalScrollBar().setValue(300)
    assert grid.header.grab().toImage() == titles
    assert grid.ruler.grab().toImage() != ruler  # the hours follow the grid down
    ruler = grid.ruler.grab().toImage()
    grid.horizontalScrollBar().setValue(500)
    assert grid.ruler.grab().toImage() == ruler
    assert grid.header.grab().toImage() != titles  # the titles follow the grid across
    assert grid.header.isVisible() and grid.header.geometry().bottom() < grid.viewport().y()
