"""Bookings through the service layer, against a real SQLite file: "any suitable" technician by
skill, then the customer's favourite, then the lightest day; every refusal the counter owes a
person (in the past, no length, outside the shift, without the skill, a busy technician, room
or customer) writing nothing; moves and statuses with their operations; an overlap that
arrived by sync shows as a clash, never refused; a pulled booking keeps what this counter has
not pushed yet and never goes back a status."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from salon_pos.db.models import AuditEntry, Booking, OutboxOperation, SyncConflict
from salon_pos.domain.bookings import (
    BookingClosed,
    BookingStatus,
    StatusCannotGoBack,
)
from salon_pos.domain.errors import UnknownCustomer, UnknownItem
from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.domain.slots import (
    BookingInThePast,
    CustomerBusy,
    LacksSkill,
    OutsideShift,
    ResourceBusy,
    SlotLengthNotPositive,
    TechnicianBusy,
)
from salon_pos.services.backend import Backend
from salon_pos.services.booking_setup import LeaveEndsBeforeItStarts
from salon_pos.services.bookings import BOOKING_FIELDS
from salon_pos.services.sync_changes import apply_page
from sync.operations import bookings as declared
from sync.wire import Change
from tests.conftest import Team

FRIDAY = date(2026, 11, 20)  # the clock: 14:30 in Shanghai
DAY = Hours("09:00", "21:00", (("12:00", "12:30"),))
EVERY_DAY = WeeklyPattern((DAY,) * 7)


def at(hour: int, minute: int = 0, day: date = FRIDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


class Salon:
    def __init__(self, backend: Backend, team: Team) -> None:
        self.backend, self.bookings = backend, backend.bookings
        self.li_na = team.tech  # facial and nail
        self.wang = backend.staff.add("王芳", "technician", "3333", skills=["facial"])
        self.chen = backend.staff.add("陈静", "technician", "4444", skills=["facial"])
        for tech in (self.li_na, self.wang, self.chen):
            self.bookings.save_schedule(tech.id, EVERY_DAY)
        catalog = backend.catalog
        self.facial = catalog.add_service("面部护理", "补水护理", 28800, 60, "facial").id
        self.nails = catalog.add_service("美甲", "法式美甲", 16800, 45, "nail").id
        self.wash = catalog.add_service("洗护", "洗发", 3800, 30).id  # anyone, no room
        self.zhang = backend.customers.add("张三", "13800138000").id
        self.zhao = backend.customers.add("赵敏", "13900139000").id

    def ops(self, op_type: str) -> list[dict[str, Any]]:
        import json

        with self.backend.db.read() as session:
            rows = session.scalars(
                select(OutboxOperation.payload).where(OutboxOperation.type == op_type)
            )
            return [json.loads(r) for r in rows]

    def written(self) -> tuple[int, int, int]:
        with self.backend.db.read() as session:
            return (
                session.scalar(select(func.count()).select_from(Booking)) or 0,
                session.scalar(select(func.count()).select_from(OutboxOperation)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            )


@pytest.fixture
def salon(backend: Backend, team: Team) -> Salon:
    return Salon(backend, team)


def test_the_counter_keeps_the_same_booking_fields_as_the_wire() -> None:
    assert BOOKING_FIELDS == declared.BOOKING_FIELDS


def test_any_suitable_technician_has_every_skill_and_the_booking_syncs(salon: Salon) -> None:
    made = salon.bookings.book(salon.zhang, [salon.facial, salon.nails], at(15))
    assert (made.technician_id, made.requested) == (salon.li_na.id, False)  # only she does both
    assert (made.start, made.end, made.status) == (at(15), at(16, 45), BookingStatus.BOOKED)
    assert [s["name"] for s in made.services] == ["补水护理", "法式美甲"]
    [op] = salon.ops(declared.BOOKING_MADE)
    assert (op["id"], op["technician_id"], op["requested"]) == (made.id, salon.li_na.id, False)
    assert op["start"].startswith("2026-11-20T07:00:00")  # 15:00 in Shanghai, sent in UTC


def test_the_favourite_comes_first_then_the_lightest_day(salon: Salon) -> None:
    profile = salon.backend.customers.get(salon.zhao)
    salon.backend.customers.update(
        type(profile)(**{**profile.__dict__, "favourite_technician_id": salon.chen.id})
    )
    salon.bookings.book(salon.zhang, [salon.facial], at(16), technician_id=salon.li_na.id)
    assert salon.bookings.book(salon.zhao, [salon.facial], at(17)).technician_id == salon.chen.id
    # 张三 has no favourite: 李娜 and 陈静 have an hour each today, 王芳 none.
    lightest = salon.bookings.book(salon.zhang, [salon.facial], at(18))
    assert (lightest.technician_id, lightest.requested) == (salon.wang.id, False)
    asked = salon.bookings.book(salon.zhao, [salon.facial], at(19), technician_id=salon.chen.id)
    assert asked.requested  # 点钟


def test_each_refusal_says_why_and_writes_nothing(salon: Salon) -> None:
    book, facial, li_na = salon.bookings.book, [salon.facial], salon.li_na.id
    room = salon.bookings.save_resource("VIP 1", "room", [salon.facial])
    book(salon.zhang, facial, at(15), technician_id=salon.li_na.id, resource_id=room)
    before = salon.written()
    cases: list[tuple[type[Exception], Any]] = [
        (BookingInThePast, lambda: book(salon.zhao, facial, at(14))),
        (OutsideShift, lambda: book(salon.zhao, facial, at(20, 30), technician_id=salon.wang.id)),
        (LacksSkill, lambda: book(salon.zhao, [salon.nails], at(16), technician_id=salon.wang.id)),
        (TechnicianBusy, lambda: book(salon.zhao, facial, at(15, 30), technician_id=li_na)),
        (TechnicianBusy, lambda: book(salon.zhao, facial, at(11, 45, FRIDAY + timedelta(1)),
                                      technician_id=salon.wang.id)),  # lunch
        (ResourceBusy, lambda: book(salon.zhao, facial, at(15), technician_id=salon.wang.id)),
        (CustomerBusy, lambda: book(salon.zhang, [salon.wash], at(15, 30))),
        (UnknownCustomer, lambda: book("nobody", facial, at(16))),
        (UnknownItem, lambda: book(salon.zhao, ["nothing"], at(16))),
    ]  # fmt: skip
    for error, attempt in cases:
        with pytest.raises(error) as refused:
            attempt()
        assert refused.value.text("zh") and refused.value.text("en")
    assert salon.written() == before
    with pytest.raises(LeaveEndsBeforeItStarts):
        salon.bookings.save_leave(salon.wang.id, FRIDAY, FRIDAY - timedelta(days=1))


def test_nobody_free_says_who_is_busy_and_next_free_slot_finds_one(salon: Salon) -> None:
    salon.bookings.book(salon.zhang, [salon.nails], at(15))  # only 李娜 does nails
    with pytest.raises(TechnicianBusy) as refused:
        salon.bookings.book(salon.zhao, [salon.nails], at(15, 15))
    assert "李娜" in refused.value.text("zh")
    slot = salon.bookings.next_free_slot([salon.nails], customer_id=salon.zhao)
    assert (slot is not None) and (slot.technician_id, slot.start) == (salon.li_na.id, at(15, 45))


def test_leave_takes_the_days_out_and_free_slots_never_overlap_bookings(salon: Salon) -> None:
    saturday = FRIDAY + timedelta(days=1)
    salon.bookings.save_leave(salon.wang.id, saturday, saturday, "年假")
    salon.bookings.save_leave(salon.chen.id, saturday, saturday + timedelta(days=2))
    made = salon.bookings.book(salon.zhang, [salon.facial], at(10, day=saturday))
    assert made.technician_id == salon.li_na.id  # the others are on leave
    slots = salon.bookings.free_slots([salon.facial], saturday)
    assert slots and all(s.technician_id == salon.li_na.id for s in slots)
    assert all(s.end <= at(10, day=saturday) or s.start >= made.end for s in slots)
    assert all(not (s.start < at(12, 30, saturday) and at(12, day=saturday) < s.end) for s in slots)
    today = salon.bookings.free_slots([salon.facial], FRIDAY)
    assert today[0].start == at(14, 30)  # from now on


def test_move_and_resize_are_checked_and_sync_as_changes(salon: Salon) -> None:
    made = salon.bookings.book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    other = salon.bookings.book(salon.zhao, [salon.facial], at(17), technician_id=salon.li_na.id)
    moved = salon.bookings.move(made.id, at(16))
    assert (moved.start, moved.end) == (at(16), at(17))
    longer = salon.bookings.move(made.id, end=at(17))  # the same: nothing changes
    assert longer.end == at(17)
    with pytest.raises(TechnicianBusy):
        salon.bookings.move(made.id, end=at(17, 15))  # into 赵敏's booking
    with pytest.raises(SlotLengthNotPositive):
        salon.bookings.move(made.id, end=at(16))
    shorter = salon.bookings.move(made.id, end=at(16, 45))
    assert shorter.minutes == 45
    wang = salon.bookings.move(other.id, technician_id=salon.wang.id)
    assert wang.technician_id == salon.wang.id
    changes = [op["changed"] for op in salon.ops(declared.BOOKING_CHANGED)]
    assert [sorted(c) for c in changes] == [["end", "start"], ["end"], ["technician_id"]]


def test_statuses_go_forward_only_and_a_closed_booking_stays_put(salon: Salon) -> None:
    made = salon.bookings.book(salon.zhang, [salon.facial], at(15))
    salon.bookings.set_status(made.id, BookingStatus.ARRIVED)
    with pytest.raises(StatusCannotGoBack):
        salon.bookings.set_status(made.id, BookingStatus.BOOKED)
    salon.bookings.set_status(made.id, BookingStatus.IN_SERVICE)
    done = salon.bookings.set_status(made.id, BookingStatus.COMPLETED, ticket_id="t-1")
    assert (done.status, done.ticket_id) == (BookingStatus.COMPLETED, "t-1")
    with pytest.raises(BookingClosed):
        salon.bookings.move(made.id, at(16))
    statuses = [op["status"] for op in salon.ops(declared.BOOKING_STATUS_SET)]
    assert statuses == ["arrived", "in_service", "completed"]
    cancelled = salon.bookings.book(salon.zhao, [salon.facial], at(15))
    salon.bookings.set_status(cancelled.id, BookingStatus.CANCELLED)
    again = salon.bookings.book(salon.zhao, [salon.facial], at(15))  # the time is free again
    assert again.status == BookingStatus.BOOKED


def _pulled(salon: Salon, seq: int, data: dict[str, Any]) -> Change:
    return Change(
        seq=seq,
        entity=declared.CHANGE_BOOKING,
        entity_id=data["id"],
        data=data,
        at=datetime(2026, 11, 20, 6, 31, tzinfo=UTC),
        origin_device_id="other-counter",
    )


def _wire(salon: Salon, booking_id: str, technician_id: str, hour: int, **fields: Any) -> dict:
    start = datetime(2026, 11, 20, hour - 8, tzinfo=UTC)
    return {
        "id": booking_id,
        "customer_id": salon.zhao,
        "technician_id": technician_id,
        "requested": True,
        "start": start.isoformat(),
        "end": (start + timedelta(hours=1)).isoformat(),
        "services": [{"service_id": salon.facial, "name": "补水护理", "minutes": 60}],
        "status": "booked",
        "hlc": "",
        "stamps": {},
        **fields,
    }


def test_an_overlap_that_arrives_by_sync_is_shown_not_refused(salon: Salon) -> None:
    mine = salon.bookings.book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    theirs = "0193a0b4-0000-7000-8000-000000000001"
    with salon.backend.db.write() as session:
        apply_page(session, [_pulled(salon, 1, _wire(salon, theirs, salon.li_na.id, 15))], 1)
    day = {b.id: b for b in salon.bookings.day(FRIDAY)}
    assert (day[mine.id].clash, day[theirs].clash) == (True, True)
    assert not day[theirs].flagged
    with salon.backend.db.write() as session:
        session.execute(
            insert(SyncConflict).values(
                id="c-1", type="double_booking", status="open", entity="booking",
                entity_id=theirs, op_ids=[], details={}, suggestion="accept",
                created_at=datetime(2026, 11, 20, 6, 31, tzinfo=UTC),
            )
        )  # fmt: skip
    assert salon.bookings.booking(theirs).flagged


def test_a_flagged_booking_lists_the_alternatives_the_server_suggested(salon: Salon) -> None:
    made = salon.bookings.book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    assert salon.bookings.alternatives(made.id) == []
    suggested = [
        {"technician_id": salon.wang.id, "technician_name": "王芳",
         "start": "2026-11-20T07:00:00Z", "end": "2026-11-20T08:00:00Z"},
        {"technician_id": salon.li_na.id, "technician_name": "李娜",
         "start": "2026-11-20T09:00:00Z", "end": "2026-11-20T10:00:00Z"},
    ]  # fmt: skip
    with salon.backend.db.write() as session:
        session.execute(
            insert(SyncConflict).values(
                id="c-2", type="double_booking", status="open", entity="booking",
                entity_id=made.id, op_ids=[], details={"alternatives": suggested},
                suggestion="accept", created_at=datetime(2026, 11, 20, 6, 31, tzinfo=UTC),
            )
        )  # fmt: skip
    # Sent in UTC, read in the store's time (Shanghai).
    assert salon.bookings.alternatives(made.id) == [("王芳", at(15)), ("李娜", at(17))]


def test_a_pulled_booking_keeps_unpushed_edits_and_never_goes_back(salon: Salon) -> None:
    made = salon.bookings.book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    salon.bookings.set_status(made.id, BookingStatus.ARRIVED)
    salon.bookings.move(made.id, note="靠窗")
    server_view = _wire(salon, made.id, salon.wang.id, 16, customer_id=salon.zhang, note="")
    with salon.backend.db.write() as session:
        apply_page(session, [_pulled(salon, 1, server_view)], 1)
    held = salon.bookings.booking(made.id)
    # The server's time and technician; this counter's note (not pushed) and its later status.
    assert (held.start, held.technician_id) == (at(16), salon.wang.id)
    assert (held.note, held.status) == ("靠窗", BookingStatus.ARRIVED)


def test_a_booking_for_a_named_technician_opens_its_ticket_as_requested(
    salon: Salon, team: Team
) -> None:
    """点钟: the customer booked 李娜 by name; a booking of anyone suitable is 轮钟."""
    named = salon.bookings.book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    anyone = salon.bookings.book(salon.zhang, [salon.nails], at(17))
    lines = [
        salon.backend.parked.resume(salon.bookings.check_in(made.id, team.desk.id)).draft.lines
        for made in (named, anyone)
    ]
    assert [[line.requested for line in drafted] for drafted in lines] == [[True], [False]]


def test_check_in_opens_the_ticket_and_paying_it_completes_the_booking(
    salon: Salon, team: Team
) -> None:
    from salon_pos.domain.ticket import LineKind, Tender, TenderKind
    from salon_pos.services.checkout import SaleLine, SaleRequest

    made = salon.bookings.book(salon.zhang, [salon.facial, salon.nails], at(15))
    parked_id = salon.bookings.check_in(made.id, team.desk.id)
    assert salon.bookings.booking(made.id).status is BookingStatus.ARRIVED
    assert salon.bookings.check_in(made.id, team.desk.id) == parked_id  # opened again, once
    [listed] = salon.backend.parked.list()
    assert (listed.id, listed.customer_id, listed.item_count) == (parked_id, salon.zhang, 2)
    resumed = salon.backend.parked.resume(parked_id).draft
    assert [(ln.name, ln.technician_id, ln.unit_price) for ln in resumed.lines] == [
        ("补水护理", salon.li_na.id, 28800),
        ("法式美甲", salon.li_na.id, 16800),
    ]
    sale = SaleRequest(
        team.desk.id,
        [SaleLine(LineKind.SERVICE, ln.item_id, technician_id=ln.technician_id)
         for ln in resumed.lines],
        [Tender(TenderKind.CASH, 45600)],
        salon.zhang,
        parked_id=parked_id,
    )  # fmt: skip
    paid = salon.backend.checkout.complete_sale(sale)
    done = salon.bookings.booking(made.id)
    assert (done.status, done.ticket_id) == (BookingStatus.COMPLETED, paid.ticket_id)
    assert salon.backend.parked.list() == []
    last = salon.ops(declared.BOOKING_STATUS_SET)[-1]
    assert (last["status"], last["ticket_id"]) == ("completed", paid.ticket_id)
    cancelled = salon.bookings.book(salon.zhao, [salon.facial], at(17))
    salon.bookings.set_status(cancelled.id, BookingStatus.CANCELLED)
    with pytest.raises(StatusCannotGoBack):
        salon.bookings.check_in(cancelled.id, team.desk.id)


def test_no_shows_count_on_the_customers_profile(salon: Salon) -> None:
    for hour in (15, 16, 17):
        made = salon.bookings.book(salon.zhao, [salon.facial], at(hour))
        if hour != 17:
            salon.bookings.set_status(made.id, BookingStatus.NO_SHOW)
    history = salon.backend.customers.history(salon.zhao)
    assert (history.bookings, history.no_shows) == (3, 2)
    assert salon.backend.customers.history(salon.zhang).no_shows == 0


def test_leave_of_lists_the_upcoming_and_the_last_30_days_the_cancelled_marked(
    salon: Salon,
) -> None:
    long_ago = salon.bookings.save_leave(salon.li_na.id, date(2026, 10, 1), date(2026, 10, 2))
    recent = salon.bookings.save_leave(salon.li_na.id, date(2026, 11, 2), date(2026, 11, 3), "病假")
    coming = salon.bookings.save_leave(salon.li_na.id, date(2026, 12, 1), date(2026, 12, 5), "年假")
    salon.bookings.save_leave(salon.wang.id, date(2026, 12, 1), date(2026, 12, 1))
    salon.bookings.save_leave(
        salon.li_na.id, date(2026, 12, 1), date(2026, 12, 5), "年假", leave_id=coming,
        cancelled=True,
    )  # fmt: skip
    held = salon.bookings.leave_of(salon.li_na.id)  # today is 2026-11-20
    assert [(v.id, v.reason, v.cancelled, v.days) for v in held] == [
        (recent, "病假", False, 2),
        (coming, "年假", True, 5),
    ]
    assert long_ago in [v.id for v in salon.bookings.leave_of(salon.li_na.id, date(2026, 9, 1))]


def test_schedule_kinds_and_every_resource_for_the_managers_lists(salon: Salon) -> None:
    from salon_pos.domain.schedule import BreakOutsideShift, RotatingPattern

    nobody = salon.backend.staff.add("赵雪", "technician", "5555", skills=["nail"])
    salon.bookings.save_schedule(salon.chen.id, RotatingPattern(FRIDAY, (DAY, None)))
    kinds = salon.bookings.schedule_kinds()
    assert kinds[salon.li_na.id] == "weekly" and kinds[salon.chen.id] == "rotating"
    assert nobody.id not in kinds
    with pytest.raises(BreakOutsideShift):  # checked before anything is written
        salon.bookings.save_schedule(
            nobody.id, WeeklyPattern((Hours("13:00", "21:00", (("12:00", "12:30"),)),) * 7)
        )
    assert nobody.id not in salon.bookings.schedule_kinds()
    bed = salon.bookings.save_resource("美容床 1", "bed", [salon.facial])
    chair = salon.bookings.save_resource("美甲椅", "chair", [salon.nails], active=False)
    rows = salon.bookings.resource_list()
    assert [(r.id, r.kind, r.service_ids, r.active) for r in rows] == [
        (bed, "bed", (salon.facial,), True),
        (chair, "chair", (salon.nails,), False),
    ]
    assert [r.id for r in salon.bookings.resources()] == [bed]


def test_a_move_onto_a_busy_room_is_refused_and_changes_nothing(salon: Salon) -> None:
    vip = salon.bookings.save_resource("VIP 1", "room", [salon.facial])
    spa = salon.bookings.save_resource("SPA 2", "room", [salon.facial])
    book = salon.bookings.book
    first = book(salon.zhang, [salon.facial], at(15), technician_id=salon.li_na.id)
    other = book(salon.zhao, [salon.facial], at(15), technician_id=salon.wang.id)
    assert {first.resource_id, other.resource_id} == {vip, spa}  # each got a free room
    before = salon.written()
    with pytest.raises(ResourceBusy) as refused:
        salon.bookings.move(other.id, resource_id=first.resource_id)
    assert "VIP 1" in refused.value.text("zh") or "SPA 2" in refused.value.text("zh")
    assert salon.written() == before
    assert salon.bookings.booking(other.id).resource_id == other.resource_id
