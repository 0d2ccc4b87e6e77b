"""Schedules, rooms and bookings at the server (SQLite and PostgreSQL): the later pattern wins
as a whole, a booking's fields each by their stamp, statuses only forward; two counters booking
one technician (or room) at once both stand, the later flagged with alternatives the slot
finder gives, and moving or cancelling either closes the flag."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sync import protocol
from sync.operations.bookings import (
    BOOKING_CHANGED,
    BOOKING_MADE,
    BOOKING_STATUS_SET,
    LEAVE_SAVED,
    RESOURCE_SAVED,
    SCHEDULE_SAVED,
)
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server

SHANGHAI = timedelta(hours=8)
FRIDAY = datetime(2026, 11, 20)  # the store's day (Asia/Shanghai); the server's clock: 14:30
NINE_TO_NINE = {"start": "09:00", "end": "21:00", "breaks": [["12:00", "12:30"]]}
EVERY_DAY = {"kind": "weekly", "days": [NINE_TO_NINE] * 7}


def stamp(minute: int, node: str = "dev") -> str:
    """A stamp `minute` minutes into the hour before the server's clock."""
    return protocol.hlc_stamp(int(builders.AT.timestamp() * 1000) + (minute - 60) * 60_000, 0, node)


def at(hour: int, minute: int = 0, day: datetime = FRIDAY) -> str:
    """A time of the store's day, as a counter sends it (UTC)."""
    wall = day.replace(hour=hour, minute=minute)
    return (wall - SHANGHAI).isoformat() + "Z"  # as pydantic writes it


def booking(
    customer_id: str, technician_id: str, hour: int, service: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "customer_id": customer_id,
        "technician_id": technician_id,
        "requested": True,
        "start": at(hour),
        "end": at(hour + 1),
        "services": [{"service_id": service["id"], "name": service["name"], "minutes": 60}],
        "hlc": stamp(1),
        **fields,
    }


class Salon:
    """A store with two facial technicians on 9:00–21:00, a facial, and two customers."""

    def __init__(self, server: Server, device: Device) -> None:
        self.li_na = builders.staff() | {"name": "李娜", "skills": ["facial"]}
        self.wang = builders.staff() | {"name": "王芳", "skills": ["facial"]}
        self.facial = builders.catalog_item(28_800) | {"skill": "facial"}
        self.zhang = builders.customer("13800138000")
        self.zhao = builders.customer("13900139000", name="赵敏")
        ops = [device.op(STAFF_SAVED, self.li_na), device.op(STAFF_SAVED, self.wang)]
        ops += [device.op(CATALOG_ITEM_SAVED, self.facial)]
        ops += [device.op(CUSTOMER_CREATED, c) for c in (self.zhang, self.zhao)]
        ops += [
            device.op(SCHEDULE_SAVED, {"staff_id": s["id"], "pattern": EVERY_DAY, "hlc": stamp(0)})
            for s in (self.li_na, self.wang)
        ]
        assert _statuses(server.push(device, ops)) == ["applied"] * len(ops)


def _statuses(answer: Any) -> list[str]:
    return [r["status"] for r in answer["results"]]


def _fed(server: Server, device: Device, entity: str) -> list[dict[str, Any]]:
    return [c for c in server.pull(device)["changes"] if c["entity"] == entity]


def _last(server: Server, device: Device, entity: str, entity_id: str) -> dict[str, Any]:
    return [c for c in _fed(server, device, entity) if c["entity_id"] == entity_id][-1]["data"]


def test_a_pattern_leave_or_room_keeps_the_later_edit_whole(server: Server, device: Device) -> None:
    salon = Salon(server, device)
    late = {"kind": "rotating", "first_day": "2026-11-20", "cycle": [NINE_TO_NINE, None]}
    early = {"kind": "weekly", "days": [None] * 7}
    who = salon.li_na["id"]
    ops = [
        device.op(SCHEDULE_SAVED, {"staff_id": who, "pattern": late, "hlc": stamp(9)}),
        device.op(SCHEDULE_SAVED, {"staff_id": who, "pattern": early, "hlc": stamp(5)}),
    ]
    room = {"id": builders.new_id(), "name": "VIP 1", "kind": "room", "hlc": stamp(3)}
    leave = {"id": builders.new_id(), "staff_id": who, "first_day": "2026-11-21"}
    ops += [
        device.op(RESOURCE_SAVED, room | {"service_ids": [salon.facial["id"]]}),
        device.op(RESOURCE_SAVED, room | {"name": "VIP 2", "hlc": stamp(2)}),  # older
        device.op(LEAVE_SAVED, leave | {"last_day": "2026-11-22", "hlc": stamp(4)}),
        device.op(LEAVE_SAVED, leave | {"last_day": "2026-11-19", "hlc": stamp(6)}),
    ]
    answer = server.push(device, ops)
    assert _statuses(answer)[:5] == ["applied"] * 5
    assert answer["results"][5]["status"] == "rejected"  # a leave that ends before it starts
    other = server.enroll()
    assert _last(server, other, "schedule", who)["pattern"] == late
    kept = _last(server, other, "resource", room["id"])
    assert (kept["name"], kept["service_ids"]) == ("VIP 1", [salon.facial["id"]])
    assert _last(server, other, "leave", leave["id"])["last_day"] == "2026-11-22"


def test_two_counters_booking_one_technician_both_stand_and_the_later_is_flagged(
    server: Server, device: Device
) -> None:
    salon = Salon(server, device)
    other = server.enroll()
    first = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    second = booking(salon.zhao["id"], salon.li_na["id"], 15, salon.facial, hlc=stamp(2, "b"))
    assert _statuses(server.push(device, [device.op(BOOKING_MADE, first)])) == ["applied"]
    answer = server.push(other, [other.op(BOOKING_MADE, second)])
    assert _statuses(answer) == ["applied_with_flags"]
    assert server.count("SELECT count(*) FROM booking") == 2
    for counter in (device, other):  # both counters see it
        flags = [c["data"] for c in _fed(server, counter, "conflict")]
        assert [(f["type"], f["entity_id"], f["status"]) for f in flags] == [
            ("double_booking", second["id"], "open")
        ]
    details = flags[0]["details"]
    assert details["other_booking_id"] == first["id"]
    assert details["technician_name"] == "李娜"
    alternatives = details["alternatives"]
    # Another technician at the same time, then when 李娜 is free next (a 点钟 customer).
    assert alternatives[0] == {
        "technician_id": salon.wang["id"],
        "technician_name": "王芳",
        "start": at(15),
        "end": at(16),
        "resource_id": None,
    }
    assert [a["start"] for a in alternatives[1:]] == [at(16), at(16, 15)]
    assert [a["technician_id"] for a in alternatives[1:]] == [salon.li_na["id"]] * 2


def test_moving_either_booking_away_closes_the_flag_everywhere(
    server: Server, device: Device
) -> None:
    salon = Salon(server, device)
    other = server.enroll()
    first = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    second = booking(salon.zhao["id"], salon.li_na["id"], 15, salon.facial)
    server.push(device, [device.op(BOOKING_MADE, first)])
    server.push(other, [other.op(BOOKING_MADE, second)])
    half_over = {"id": second["id"], "changed": {"start": at(15, 30)}, "hlc": stamp(3, "b")}
    answer = server.push(other, [other.op(BOOKING_CHANGED, half_over)])
    assert _statuses(answer) == ["applied"]  # still overlapping: the same flag stays open
    assert server.count("SELECT count(*) FROM conflict WHERE status = 'open'") == 1
    away = {"id": second["id"], "changed": {"technician_id": salon.wang["id"]}, "hlc": stamp(4)}
    assert _statuses(server.push(device, [device.op(BOOKING_CHANGED, away)])) == ["applied"]
    for counter in (device, other):
        flag = _fed(server, counter, "conflict")[-1]["data"]
        assert (flag["status"], flag["resolution"]) == ("resolved", "moved")
    moved = _last(server, other, "booking", second["id"])
    assert (moved["technician_id"], moved["start"][11:16]) == (salon.wang["id"], "07:30")


def test_cancelling_one_closes_the_flag_and_a_third_clash_is_flagged_again(
    server: Server, device: Device
) -> None:
    salon = Salon(server, device)
    first = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    second = booking(salon.zhao["id"], salon.li_na["id"], 15, salon.facial)
    server.push(device, [device.op(BOOKING_MADE, b) for b in (first, second)])
    cancel = {"id": first["id"], "status": "cancelled", "at": at(14), "hlc": stamp(5)}
    server.push(device, [device.op(BOOKING_STATUS_SET, cancel)])
    assert server.count("SELECT count(*) FROM conflict WHERE status = 'open'") == 0
    third = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    answer = server.push(device, [device.op(BOOKING_MADE, third)])
    assert _statuses(answer) == ["applied_with_flags"]  # with the second, not the cancelled one
    assert server.count("SELECT count(*) FROM conflict WHERE status = 'open'") == 1


def test_one_room_booked_twice_is_a_double_booking_too(server: Server, device: Device) -> None:
    salon = Salon(server, device)
    room = {"id": builders.new_id(), "name": "VIP 1", "kind": "room", "hlc": stamp(0)}
    server.push(device, [device.op(RESOURCE_SAVED, room | {"service_ids": [salon.facial["id"]]})])
    first = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial, resource_id=room["id"])
    second = booking(salon.zhao["id"], salon.wang["id"], 15, salon.facial, resource_id=room["id"])
    answer = server.push(device, [device.op(BOOKING_MADE, b) for b in (first, second)])
    assert _statuses(answer) == ["applied", "applied_with_flags"]
    flag = _fed(server, device, "conflict")[-1]["data"]["details"]
    assert (flag["shared"], flag["resource_name"]) == ("resource", "VIP 1")
    # Nobody else at 15:00 (the one room is taken): 王芳's next starts with the room free.
    free = [(a["technician_id"], a["start"], a["resource_id"]) for a in flag["alternatives"]]
    assert free == [
        (salon.wang["id"], start, room["id"]) for start in (at(16), at(16, 15), at(16, 30))
    ]


def test_statuses_only_move_forward_and_a_closed_booking_ignores_a_late_move(
    server: Server, device: Device
) -> None:
    salon = Salon(server, device)
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    ticket = builders.new_id()
    ops = [device.op(BOOKING_MADE, made)]
    for n, status in enumerate(("arrived", "completed", "in_service", "cancelled")):
        fields = {"ticket_id": ticket} if status == "completed" else {}
        ops.append(
            device.op(
                BOOKING_STATUS_SET,
                {"id": made["id"], "status": status, "at": at(15), "hlc": stamp(n + 2)} | fields,
            )
        )
    ops.append(
        device.op(
            BOOKING_CHANGED, {"id": made["id"], "changed": {"start": at(17)}, "hlc": stamp(9)}
        )
    )
    assert _statuses(server.push(device, ops)) == ["applied"] * len(ops)
    held = _last(server, device, "booking", made["id"])
    assert (held["status"], held["ticket_id"], held["start"]) == (
        "completed",
        ticket,
        made["start"],
    )


def test_each_field_keeps_the_later_edit_of_it(server: Server, device: Device) -> None:
    salon = Salon(server, device)
    other = server.enroll()
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    server.push(device, [device.op(BOOKING_MADE, made)])
    later_note = {"id": made["id"], "changed": {"note": "要安静的房间"}, "hlc": stamp(7, "b")}
    earlier_both = {
        "id": made["id"],
        "changed": {"note": "旧备注", "start": at(16), "end": at(17)},
        "hlc": stamp(5),
    }
    server.push(other, [other.op(BOOKING_CHANGED, later_note)])
    server.push(device, [device.op(BOOKING_CHANGED, earlier_both)])
    held = _last(server, device, "booking", made["id"])
    assert (held["note"], held["start"], held["end"]) == ("要安静的房间", at(16), at(17))


def test_a_booking_of_another_store_or_a_bad_field_is_refused(server: Server) -> None:
    here = server.enroll()
    salon = Salon(server, here)
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    server.push(here, [here.op(BOOKING_MADE, made)])
    there = server.enroll(server.other_store_id)
    edits = [
        {"id": made["id"], "changed": {"note": "x"}, "hlc": stamp(3)},
    ]
    answer = server.push(there, [there.op(BOOKING_CHANGED, e) for e in edits])
    assert [(r["status"], r["reason"]) for r in answer["results"]] == [
        ("rejected", "unknown booking")
    ]
    bad = [
        {"id": made["id"], "changed": {"status": "completed"}, "hlc": stamp(3)},
        {"id": made["id"], "changed": {"end": at(14)}, "hlc": stamp(4)},
        {"id": made["id"], "changed": {"services": []}, "hlc": stamp(5)},
    ]
    answer = server.push(here, [here.op(BOOKING_CHANGED, e) for e in bad])
    assert _statuses(answer) == ["rejected"] * 3
    held = _last(server, here, "booking", made["id"])
    assert (held["end"], len(held["services"])) == (made["end"], 1)
