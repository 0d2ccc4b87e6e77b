"""Drawer sessions at the server (SQLite and PostgreSQL): kept as the counter recorded them and
fed to every counter; the server works out the expected cash again from its own rows and says
so on the session when it differs; a session is one counter's alone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sync.operations.drawer import DRAWER_CASH_MOVED, DRAWER_CLOSED, DRAWER_OPENED
from sync.operations.sales import SALE_COMPLETED
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server

AT = builders.AT


def opened(opening_float: int = 50_000) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "business_day": "2026-11-20",
        "opened_at": (AT - timedelta(minutes=1)).isoformat(),
        "opened_by": builders.new_id(),
        "opening_float": opening_float,
    }


def pay_out(session_id: str | None, amount: int) -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "session_id": session_id,
        "business_day": "2026-11-20",
        "at": (AT + timedelta(minutes=5)).isoformat(),
        "kind": "pay_out",
        "amount": amount,
        "reason": "采购支出",
    }


def closed(session: dict[str, Any], cash_sales: int, moved_out: int) -> dict[str, Any]:
    expected = session["opening_float"] + cash_sales - moved_out
    return {
        "session_id": session["id"],
        "closed_at": (AT + timedelta(hours=1)).isoformat(),
        "closed_by": session["opened_by"],
        "counts": {"10": expected // 10},  # all in ¥0.1 coins: the figures add up
        "counted": expected,
        "expected": expected,
        "variance": 0,
        "cash_sales": cash_sales,
        "cash_back": 0,
        "moved_in": 0,
        "moved_out": moved_out,
    }


def sessions_fed(server: Server, device: Device) -> list[dict[str, Any]]:
    changes = server.pull(device)["changes"]
    return [c for c in changes if c["entity"] == "drawer_session"]


def test_a_session_is_kept_and_its_expected_cash_checked_from_the_servers_rows(
    server: Server, device: Device
) -> None:
    sale = builders.sale()
    cash = sale["payments"][1]["applied"]
    session = opened()
    ops = [
        device.op(DRAWER_OPENED, session),
        device.op(SALE_COMPLETED, sale),
        device.op(DRAWER_CASH_MOVED, pay_out(session["id"], 5_000)),
        device.op(DRAWER_CLOSED, closed(session, cash, 5_000)),
    ]
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied"] * 4
    assert server.count("SELECT count(*) FROM drawer_movement") == 1
    assert server.count(
        "SELECT count(*) FROM drawer_session WHERE device_id = :d AND NOT expected_differs"
        " AND server_expected = expected AND counted = :c",
        d=device.id,
        c=50_000 + cash - 5_000,
    ) == 1  # fmt: skip
    other = server.enroll()
    last = sessions_fed(server, other)[-1]
    assert last["origin_device_id"] == device.id
    data = last["data"]
    assert data["device_id"] == device.id and data["server_expected"] is None
    assert [m["amount"] for m in data["movements"]] == [5_000]
    assert data["close"]["counted"] == 50_000 + cash - 5_000


def test_a_figure_the_server_cannot_find_is_said_on_the_session(
    server: Server, device: Device
) -> None:
    """The counter counted a ¥100 cash sale the server never got (parked, say)."""
    session = opened()
    ops = [
        device.op(DRAWER_OPENED, session),
        device.op(DRAWER_CLOSED, closed(session, 10_000, 0)),
    ]
    assert [r["status"] for r in server.push(device, ops)["results"]] == ["applied"] * 2
    assert server.count("SELECT count(*) FROM drawer_session WHERE expected_differs") == 1
    data = sessions_fed(server, server.enroll())[-1]["data"]
    assert (data["close"]["expected"], data["server_expected"]) == (60_000, 50_000)


def test_a_session_is_one_counters_alone_and_its_figures_must_add_up(
    server: Server, device: Device
) -> None:
    session = opened()
    server.push(device, [device.op(DRAWER_OPENED, session)])
    other = server.enroll()
    answer = server.push(
        other,
        [
            other.op(DRAWER_CASH_MOVED, pay_out(session["id"], 1_000)),
            other.op(DRAWER_CLOSED, closed(session, 0, 0)),
        ],
    )
    assert [r["reason"] for r in answer["results"]] == ["unknown drawer session"] * 2
    wrong_count = closed(session, 0, 0) | {"counts": {"10000": 4}}
    not_a_note = closed(session, 0, 0) | {"counts": {"300": 1}, "counted": 300}
    answer = server.push(
        device,
        [device.op(DRAWER_CLOSED, wrong_count), device.op(DRAWER_CLOSED, not_a_note)],
    )
    assert [r["status"] for r in answer["results"]] == ["rejected"] * 2
    assert "do not add up" in answer["results"][0]["reason"]
    assert server.push(device, [device.op(DRAWER_CLOSED, closed(session, 0, 0))])["results"][0][
        "status"
    ] == "applied"  # fmt: skip
    again = server.push(device, [device.op(DRAWER_CLOSED, closed(session, 0, 0))])
    assert again["results"][0]["reason"] == f"drawer session {session['id']} was already closed"
    assert server.count("SELECT count(*) FROM drawer_movement") == 0
