"""The slot finder (issue 11): it never offers a slot that overlaps a booking, a shift gap, a
break, a leave, a busy room or the customer's other booking, and it finds every free start a
step apart within the window (checked against a minute-by-minute search of the same day)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings, target
from hypothesis import strategies as st

from salon_pos.domain.slots import (
    BookingInThePast,
    CustomerBusy,
    LacksSkill,
    OutsideShift,
    Resource,
    ResourceBusy,
    Slot,
    SlotLengthNotPositive,
    SlotRequest,
    Span,
    TechnicianBusy,
    Worker,
    check_booking,
    find_slots,
    next_free_slot,
)

DAY = datetime(2026, 12, 7)
SKILLS = ("facial", "nail")


def at(minute: int) -> datetime:
    return DAY + timedelta(minutes=minute)


def span_lists(longest: int, min_size: int = 0) -> st.SearchStrategy[list[Span]]:
    return st.lists(
        st.tuples(st.integers(6 * 60, 22 * 60), st.integers(1, longest)).map(
            lambda p: Span(at(p[0]), at(min(p[0] + p[1], 24 * 60)))
        ),
        min_size=min_size,
        max_size=3,
    )


spans = span_lists(120)  # breaks, leave, bookings, busy rooms
workers = st.lists(
    st.builds(
        Worker,
        id=st.sampled_from(["张婷", "刘晓燕", "赵敏"]),
        skills=st.frozensets(st.sampled_from(SKILLS), min_size=1),
        shifts=span_lists(10 * 60, min_size=1),
        away=spans,
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda w: w.id,
)
resources = st.lists(
    st.builds(Resource, id=st.sampled_from(["1号房", "2号房", "美甲椅"]),
              kind=st.sampled_from(["room", "chair"]), busy=spans),
    min_size=1,
    max_size=3,
    unique_by=lambda r: r.id,
)  # fmt: skip
requests = st.builds(
    SlotRequest,
    minutes=st.integers(5, 180),
    skill=st.sampled_from(["", "", *SKILLS]),
    resource_kind=st.sampled_from(["", "", "room", "chair"]),
    technician_id=st.none() | st.none() | st.sampled_from(["张婷", "赵敏"]),
    customer_busy=spans,
    step=st.sampled_from([5, 15, 30]),
)
windows = st.tuples(st.integers(0, 16 * 60), st.integers(4 * 60, 24 * 60)).map(
    lambda p: Span(at(p[0]), at(min(p[0] + p[1], 24 * 60)))
)


def _overlaps(start: datetime, end: datetime, spans: list[Span] | tuple[Span, ...]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _inside(start: datetime, end: datetime, spans: list[Span] | tuple[Span, ...]) -> bool:
    """Within one shift, or shifts that touch or overlap (one working stretch)."""
    minute = start
    while minute < end:
        if not any(s.start <= minute < s.end for s in spans):
            return False
        minute += timedelta(minutes=1)
    return True


def _fits(
    request: SlotRequest, worker: Worker, rooms: list[Resource], start: datetime
) -> Resource | bool | None:
    end = start + timedelta(minutes=request.minutes)
    if request.technician_id not in (None, worker.id):
        return False
    if request.skill and request.skill not in worker.skills:
        return False
    if not _inside(start, end, list(worker.shifts)) or _overlaps(start, end, list(worker.away)):
        return False
    if _overlaps(start, end, list(request.customer_busy)):
        return False
    if not request.resource_kind:
        return None
    free = [
        r
        for r in rooms
        if r.kind == request.resource_kind and not _overlaps(start, end, list(r.busy))
    ]
    return free[0] if free else False


@settings(max_examples=150, deadline=None)
@given(request=requests, staff=workers, rooms=resources, window=windows)
def test_every_slot_offered_is_free_and_every_free_start_is_offered(
    request: SlotRequest, staff: list[Worker], rooms: list[Resource], window: Span
) -> None:
    found = find_slots(request, staff, rooms, window, limit=10_000)
    target(len(found))  # toward days with many free starts
    length = timedelta(minutes=request.minutes)
    for slot in found:  # never a slot that overlaps anything
        assert window.start <= slot.start and slot.end <= window.end
        assert slot.end - slot.start == length
        assert (slot.start - DAY).total_seconds() // 60 % request.step == 0
        worker = next(w for w in staff if w.id == slot.technician_id)
        fits = _fits(request, worker, rooms, slot.start)
        assert fits is not False, slot
        if request.resource_kind:
            room = next(r for r in rooms if r.id == slot.resource_id)
            assert room.kind == request.resource_kind
            assert not _overlaps(slot.start, slot.end, list(room.busy))
    offered = [slot.start for slot in found]
    assert offered == sorted(set(offered))  # one slot a start, earliest first
    expected = [
        start
        for minute in range(0, 24 * 60, request.step)
        if window.start <= (start := at(minute)) and start + length <= window.end
        and any(_fits(request, w, rooms, start) is not False for w in staff)
    ]  # fmt: skip
    assert offered == expected


def _worker(id: str, *shifts: tuple[int, int], away: tuple[tuple[int, int], ...] = ()) -> Worker:
    return Worker(
        id,
        frozenset({"facial"}),
        [Span(at(s), at(e)) for s, e in shifts],
        [Span(at(s), at(e)) for s, e in away],
    )


def test_the_first_suitable_technician_in_the_callers_order_takes_the_slot() -> None:
    """The caller orders the technicians (skill, the customer's favourite, the lightest load):
    at 10:00 both are free, and the first named gets it; at 11:00 only the second."""
    favourite = _worker("李娜", (600, 660))
    other = _worker("王芳", (600, 720))
    request = SlotRequest(minutes=60, skill="facial", step=60)
    found = find_slots(request, [favourite, other], [], Span(at(0), at(24 * 60)))
    assert [(s.start.hour, s.technician_id) for s in found] == [(10, "李娜"), (11, "王芳")]


def test_a_break_and_a_booking_leave_a_gap_and_the_next_free_slot_is_after_them() -> None:
    """On shift 9:00–18:00, a booking 9:00–11:00 and a break 12:00–13:00: a 90-minute facial
    fits at 13:00 first (11:00–12:30 would cross the break)."""
    worker = _worker("李娜", (540, 1080), away=((540, 660), (720, 780)))
    request = SlotRequest(minutes=90, skill="facial")
    found = next_free_slot(request, [worker], [], Span(at(540), at(1080)))
    assert found == Slot(at(780), at(870), "李娜", None)


def test_a_service_that_needs_a_room_waits_for_one() -> None:
    worker = _worker("李娜", (540, 1080))
    rooms = [Resource("1号房", "room", [Span(at(540), at(600))]),
             Resource("2号房", "room", [Span(at(540), at(630))])]  # fmt: skip
    request = SlotRequest(minutes=60, resource_kind="room")
    found = next_free_slot(request, [worker], rooms, Span(at(540), at(1080)))
    assert found == Slot(at(600), at(660), "李娜", "1号房")


def test_a_booking_of_no_length_is_refused_plainly() -> None:
    with pytest.raises(SlotLengthNotPositive) as refused:
        find_slots(SlotRequest(minutes=0), [], [], Span(at(0), at(60)))
    assert refused.value.text("zh") == "预约时长至少 1 分钟，0 分钟无法预约。"


@settings(max_examples=100, deadline=None)
@given(request=requests, staff=workers, rooms=resources, window=windows)
def test_the_counter_takes_every_slot_the_finder_offers(
    request: SlotRequest, staff: list[Worker], rooms: list[Resource], window: Span
) -> None:
    for slot in find_slots(request, staff, rooms, window, limit=50):
        worker = next(w for w in staff if w.id == slot.technician_id)
        room = next((r for r in rooms if r.id == slot.resource_id), None)
        check_booking(request, slot.start, worker, room, now=window.start)


NAMES = {"李娜": "李娜", "1号房": "1号房"}
LINA = Worker("李娜", frozenset({"facial"}), [Span(at(540), at(1080))], [Span(at(720), at(780))])
ROOM = Resource("1号房", "room", [Span(at(600), at(660))])


@pytest.mark.parametrize(
    ("request_", "start", "room", "error", "zh"),
    [
        (SlotRequest(minutes=60), at(480), None, BookingInThePast,
         "12-07 08:00 已经过去，预约须从现在以后开始。"),
        (SlotRequest(minutes=0), at(600), None, SlotLengthNotPositive,
         "预约时长至少 1 分钟，0 分钟无法预约。"),
        (SlotRequest(minutes=60), at(1050), None, OutsideShift,
         "李娜 在 12-07 17:30–18:30 不全在班，请换时间或换技师。"),
        (SlotRequest(minutes=60, skill="nail"), at(600), None, LacksSkill,
         "李娜 不会做“nail”类项目，请选择有此技能的技师。"),
        (SlotRequest(minutes=60), at(690), None, TechnicianBusy,
         "李娜 在 12-07 11:30–12:30 已有安排（预约、休息或请假）。"),
        (SlotRequest(minutes=60, resource_kind="room"), at(630), ROOM, ResourceBusy,
         "1号房 在 12-07 10:30–11:30 已被占用，请换房间或时间。"),
        (SlotRequest(minutes=60, customer_busy=[Span(at(900), at(960))]), at(930), None,
         CustomerBusy, "该顾客在 12-07 15:30–16:30 已有预约。"),
    ],
)  # fmt: skip
def test_a_booking_the_counter_cannot_keep_is_refused_with_the_reason(
    request_: SlotRequest, start: datetime, room: Resource | None, error: type, zh: str
) -> None:
    with pytest.raises(error) as refused:
        check_booking(request_, start, LINA, room, now=at(540), names=NAMES)
    assert refused.value.text("zh") == zh
