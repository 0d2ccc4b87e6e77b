"""What the bookings page feeds its calendar and side panel, without Qt: working time less
breaks, the columns of a day (on shift, or with a booking), the filters, the rotation queue
(点钟 does not use up a turn) and what a manager should look at now."""

from __future__ import annotations

from datetime import date, datetime

from salon_pos.domain.bookings import BookingStatus, DayPlan, Technician
from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.domain.slots import Span
from salon_pos.services.bookings import BookingView
from salon_pos.ui.pages.bookings_feed import (
    ACTIVE,
    REQUESTED,
    items,
    needing_attention,
    next_in_rotation,
    shown,
    technician_columns,
    without,
)

DAY = date(2026, 11, 20)  # a Friday
WORKDAYS = WeeklyPattern((Hours("09:00", "18:00", (("12:00", "12:30"),)),) * 5 + (None, None))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 20, hour, minute)


def booking(
    id: str,
    tech: str | None,
    start: datetime,
    end: datetime,
    status: str = "booked",
    **more: object,
) -> BookingView:
    fields: dict[str, object] = {
        "id": id, "customer_id": "c", "customer_name": "张三", "customer_phone": "",
        "technician_id": tech, "technician_name": tech or "", "requested": False,
        "resource_id": None, "resource_name": "", "start": start, "end": end,
        "services": [{"name": "补水护理"}], "note": "", "status": BookingStatus(status),
        "source": "counter", "ticket_id": None, "clash": False, "flagged": False,
    }  # fmt: skip
    return BookingView(**(fields | more))  # type: ignore[arg-type]


def plan(*technicians: Technician) -> DayPlan:
    return DayPlan(technicians, [], [], DAY, DAY)


def test_working_time_is_the_shift_less_its_breaks() -> None:
    shift = [Span(at(9), at(18))]
    assert without(shift, [Span(at(12), at(12, 30))]) == [
        Span(at(9), at(12)),
        Span(at(12, 30), at(18)),
    ]
    assert without(shift, [Span(at(8), at(10)), Span(at(17), at(19))]) == [Span(at(10), at(17))]
    assert without(shift, [Span(at(8), at(19))]) == []


def test_columns_are_those_on_shift_and_any_other_with_a_booking() -> None:
    li, wang, off = (
        Technician("li", "李娜", frozenset(), WORKDAYS),
        Technician("wang", "王芳", frozenset(), None),  # no schedule
        Technician("off", "赵敏", frozenset(), None),
    )
    views = [booking("b1", "wang", at(10), at(11)), booking("b2", "gone", at(11), at(12))]
    columns = technician_columns(plan(li, wang, off), views)
    assert [c.title for c in columns] == ["李娜", "王芳", "gone"]
    assert columns[0].working == [Span(at(9), at(12)), Span(at(12, 30), at(18))]
    assert columns[1].working == []


def test_filters_and_items() -> None:
    views = [
        booking("a", "li", at(10), at(11)),
        booking("b", "li", at(11), at(12), "cancelled"),
        booking("c", "wang", at(13), at(14), "requested", requested=True, flagged=True),
    ]
    assert [v.id for v in shown(views, ACTIVE)] == ["a", "c"]
    assert [v.id for v in shown(views, REQUESTED)] == ["c"]
    assert [v.id for v in shown(views, who="li")] == ["a", "b"]
    [item] = items(shown(views, REQUESTED), "technicians")
    assert (item.column_id, item.title, item.detail) == ("wang", "张三", "补水护理")
    assert item.clash and item.requested and item.status == "requested"
    assert [i.column_id for i in items(views, "technicians", week=True)] == [DAY.isoformat()] * 3


def test_the_rotation_counts_services_started_today_not_those_asked_for_by_name() -> None:
    li, wang, chen = (
        Technician(tid, name, frozenset(), WORKDAYS)
        for tid, name in (("li", "李娜"), ("wang", "王芳"), ("chen", "陈静"))
    )
    views = [
        booking("1", "li", at(9), at(10), "completed"),
        booking("2", "wang", at(10), at(11), "in_service", requested=True),  # 点钟
        booking("3", "chen", at(9, 30), at(10, 30), "booked"),  # not started
    ]
    assert next_in_rotation(plan(li, wang, chen), views, at(11)) == ["wang", "chen", "li"]
    assert next_in_rotation(plan(li, wang, chen), views, at(12, 15)) == []  # the lunch break


def test_a_manager_sees_what_overruns_what_is_late_and_what_is_under_way() -> None:
    views = [
        booking("over", "li", at(9), at(10), "in_service"),
        booking("late", "wang", at(10), at(11), "booked"),
        booking("now", "chen", at(10), at(12), "in_service"),
        booking("done", "li", at(9), at(9, 30), "completed"),
        booking("later", "li", at(15), at(16), "booked"),
    ]
    found = needing_attention(views, at(10, 20))
    assert [(a.view.id, a.kind, a.minutes) for a in found] == [
        ("over", "overrunning", 20),
        ("late", "not_arrived", 20),
        ("now", "in_service", 0),
    ]
