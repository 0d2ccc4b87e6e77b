"""attendance.clocked at the server (SQLite and PostgreSQL): kept once with the counter it was
clocked at, fed to every counter of the store, refused for a staff member the store does not
have; two clockings of one person from two counters both stand."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import text

from sync.operations.attendance import ATTENDANCE_CLOCKED
from sync.operations.setup import STAFF_SAVED
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def clocking(staff_id: str, kind: str = "in", minutes: int = 0) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "staff_id": staff_id,
        "kind": kind,
        "at": (builders.AT + timedelta(minutes=minutes)).isoformat(),
    }


def test_a_clocking_is_kept_once_and_reaches_every_counter(server: Server, device: Device) -> None:
    member = builders.staff()
    clock_in, clock_out = clocking(member["id"]), clocking(member["id"], "out", 480)
    ops = [device.op(STAFF_SAVED, member)]
    ops += [device.op(ATTENDANCE_CLOCKED, c) for c in (clock_in, clock_out)]
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied"] * 3
    again = server.push(device, ops[1:2])  # a replay: the same answer, nothing more
    assert again["results"][0]["status"] == "duplicate"
    assert server.count("SELECT count(*) FROM attendance") == 2
    assert server.count("SELECT count(*) FROM attendance WHERE device_id = :d", d=device.id) == 2
    other = server.enroll()
    fed = [c for c in server.pull(other)["changes"] if c["entity"] == "attendance"]
    assert [(c["entity_id"], c["data"]["kind"], c["origin_device_id"]) for c in fed] == [
        (clock_in["id"], "in", device.id),
        (clock_out["id"], "out", device.id),
    ]


def test_two_counters_clocking_the_same_person_both_stand(server: Server, device: Device) -> None:
    member = builders.staff()
    server.push(device, [device.op(STAFF_SAVED, member)])
    other = server.enroll()
    here, there = clocking(member["id"]), clocking(member["id"], minutes=5)  # in twice, offline
    assert server.push(device, [device.op(ATTENDANCE_CLOCKED, here)])["results"][0]["status"] == (
        "applied"
    )
    answer = server.push(other, [other.op(ATTENDANCE_CLOCKED, there)])
    assert answer["results"][0]["status"] == "applied" and not answer["results"][0]["conflict_ids"]
    with server.engine.connect() as connection:
        kept = connection.execute(text("SELECT id, kind FROM attendance ORDER BY at")).all()
    assert [tuple(row) for row in kept] == [(here["id"], "in"), (there["id"], "in")]


def test_a_clocking_of_an_unknown_or_other_stores_staff_member_is_refused(server: Server) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    theirs = builders.staff()
    server.push(there, [there.op(STAFF_SAVED, theirs)])
    answer = server.push(
        here,
        [
            here.op(ATTENDANCE_CLOCKED, clocking(builders.new_id())),
            here.op(ATTENDANCE_CLOCKED, clocking(theirs["id"])),
            here.op(ATTENDANCE_CLOCKED, clocking(theirs["id"]) | {"kind": "lunch"}),
        ],
    )
    assert [r["status"] for r in answer["results"]] == ["rejected"] * 3
    assert {r["reason"] for r in answer["results"][:2]} == {"unknown staff member"}
    assert server.count("SELECT count(*) FROM attendance") == 0
