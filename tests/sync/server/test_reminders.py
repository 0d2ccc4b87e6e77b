"""The server's reminders (SQLite and PostgreSQL), with a fake clock: each booking gets exactly
its two reminders (the day before, two hours before) however often the loop runs and across
restarts; late, cancelled or unconfirmed bookings get none; a birthday gets one; a gateway that
fails and then succeeds delivers once, with the same idempotency key both times."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync.operations.bookings import BOOKING_CHANGED, BOOKING_MADE, BOOKING_STATUS_SET
from sync.operations.customers import CUSTOMER_CREATED
from sync.reminder_senders import FileSender, HttpSender, InvalidTemplate, check_template
from sync.server import models
from sync.server.reminders import ReminderLoop, prepare, send_due
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_bookings import Salon, at, booking, stamp

MESSAGE = models.table_of(models.OutgoingMessage)
SATURDAY = datetime(2026, 11, 21)


def utc(hour: int, minute: int = 0, day: int = 20, second: int = 0) -> datetime:
    """A moment given in the store's time (Shanghai, UTC+8)."""
    wall = datetime(2026, 11, day, hour, minute, second)
    return (wall - timedelta(hours=8)).replace(tzinfo=UTC)


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run_at(server: Server, moment: datetime, path: Path) -> None:
    """One round of a freshly started loop (a restart each time) at `moment`."""
    server.clock.current = moment
    ReminderLoop(server.engine, FileSender(path), server.clock).run_once()


def test_a_booking_gets_exactly_its_two_reminders_across_restarts(
    server: Server, device: Device, tmp_path: Path
) -> None:
    salon = Salon(server, device)
    tomorrow = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    tomorrow |= {"start": at(15, day=SATURDAY), "end": at(16, day=SATURDAY)}
    server.push(device, [device.op(BOOKING_MADE, tomorrow)])
    sent = tmp_path / "sent.jsonl"
    for moment in (
        utc(14, 45),  # Friday: not yet
        utc(15, 0),  # 24 hours before: the day before's
        utc(15, 1),
        utc(22, 0),
        utc(12, 59, day=21),
        utc(13, 0, day=21),  # two hours before
        utc(13, 30, day=21),
        utc(15, 30, day=21),  # under way: nothing more
    ):
        _run_at(server, moment, sent)
    lines = _lines(sent)
    assert [line["key"] for line in lines] == [
        f"booking_day_before:{tomorrow['id']}",
        f"booking_soon:{tomorrow['id']}",
    ]
    assert {line["to"] for line in lines} == {"13800138000"}
    assert "明天 15:00 的预约：补水保湿护理" in lines[0]["text"]
    assert "今天 15:00 的预约" in lines[1]["text"]


def test_late_cancelled_and_unconfirmed_bookings_get_none(
    server: Server, device: Device, tmp_path: Path
) -> None:
    salon = Salon(server, device)
    late = booking(salon.zhang["id"], salon.li_na["id"], 16, salon.facial)  # made at 14:30
    cancelled = booking(salon.zhao["id"], salon.wang["id"], 15, salon.facial)
    cancelled |= {"start": at(15, day=SATURDAY), "end": at(16, day=SATURDAY)}
    requested = booking(salon.zhao["id"], salon.li_na["id"], 15, salon.facial, status="requested")
    requested |= {"start": at(17, day=SATURDAY), "end": at(18, day=SATURDAY)}
    cancel = {"id": cancelled["id"], "status": "cancelled", "at": at(14), "hlc": stamp(9)}
    ops = [device.op(BOOKING_MADE, b) for b in (late, cancelled, requested)]
    server.push(device, [*ops, device.op(BOOKING_STATUS_SET, cancel)])
    sent = tmp_path / "sent.jsonl"
    for moment in (utc(14, 45), utc(15, 0), utc(17, 0), utc(13, 0, day=21), utc(15, 0, day=21)):
        _run_at(server, moment, sent)
    assert _lines(sent) == []


def test_a_moved_booking_is_reminded_at_its_new_time_once_per_kind(
    server: Server, device: Device, tmp_path: Path
) -> None:
    salon = Salon(server, device)
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    made |= {"start": at(15, day=SATURDAY), "end": at(16, day=SATURDAY)}
    server.push(device, [device.op(BOOKING_MADE, made)])
    sent = tmp_path / "sent.jsonl"
    _run_at(server, utc(15, 0), sent)  # the day before's goes
    later = {"start": at(18, day=SATURDAY), "end": at(19, day=SATURDAY)}
    server.push(device, [device.op(BOOKING_CHANGED, {"id": made["id"], "changed": later,
                                                     "hlc": stamp(30)})])  # fmt: skip
    for moment in (utc(18, 0), utc(13, 0, day=21), utc(16, 0, day=21), utc(16, 30, day=21)):
        _run_at(server, moment, sent)
    lines = _lines(sent)
    assert [line["key"].split(":")[0] for line in lines] == ["booking_day_before", "booking_soon"]
    assert "今天 18:00" in lines[1]["text"]


def test_a_birthday_gets_one_greeting(server: Server, device: Device, tmp_path: Path) -> None:
    born = builders.customer("13700137000", name="孙丽", birthday="1990-11-20")
    server.push(device, [device.op(CUSTOMER_CREATED, born)])
    sent = tmp_path / "sent.jsonl"
    for moment in (utc(8, 59), utc(9, 0), utc(20, 0), utc(9, 0, day=21)):
        _run_at(server, moment, sent)
    [greeting] = _lines(sent)
    assert (greeting["to"], greeting["key"]) == ("13700137000", f"birthday:{born['id']}:2026")
    assert "孙丽，祝您生日快乐" in greeting["text"]


class Gateway:
    """An SMS gateway on 127.0.0.1 that fails its first `failures` requests."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.requests: list[tuple[int, str, dict[str, Any]]] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                status = 503 if len(gateway.requests) < gateway.failures else 200
                gateway.requests.append((status, self.headers["Idempotency-Key"], body))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.http = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    running = Gateway(failures=1)
    yield running
    running.close()


def test_a_gateway_that_fails_then_succeeds_delivers_once(
    server: Server, device: Device, gateway: Gateway
) -> None:
    salon = Salon(server, device)
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    made |= {"start": at(15, day=SATURDAY), "end": at(16, day=SATURDAY)}
    server.push(device, [device.op(BOOKING_MADE, made)])
    template = '{"mobile": "{to}", "content": "{text}", "ref": "{key}"}'
    sender = HttpSender(gateway.url, check_template(template))
    first = utc(15, 0)
    assert prepare(server.engine, first) == 1
    tries = [send_due(server.engine, sender, moment) for moment in (first, utc(15, 0, second=30))]
    assert (tries[0].retried, tries[1].sent) == (1, 0)  # tried again after a minute, not before
    assert send_due(server.engine, sender, utc(15, 1)).sent == 1
    assert send_due(server.engine, sender, utc(15, 5)).sent == 0
    assert [(status, key) for status, key, _ in gateway.requests] == [
        (503, f"booking_day_before:{made['id']}"),
        (200, f"booking_day_before:{made['id']}"),
    ]
    assert gateway.requests[1][2]["mobile"] == "13800138000"
    with server.engine.connect() as connection:
        row = connection.execute(select(MESSAGE.c.status, MESSAGE.c.attempts)).one()
    assert tuple(row) == ("sent", 2)


def test_a_template_that_is_not_json_is_refused() -> None:
    with pytest.raises(InvalidTemplate):
        check_template('{"to": "{to}", "text": {text}}')  # the text unquoted


def test_the_console_lists_what_was_sent_and_what_failed(
    server: Server, device: Device, tmp_path: Path
) -> None:
    from tests.sync.web.conftest import OWNER, OWNER_PASSWORD, browser_of

    salon = Salon(server, device)
    made = booking(salon.zhang["id"], salon.li_na["id"], 15, salon.facial)
    made |= {"start": at(15, day=SATURDAY), "end": at(16, day=SATURDAY)}
    born = builders.customer("13700137000", name="孙丽", birthday="1990-11-20")
    server.push(device, [device.op(BOOKING_MADE, made), device.op(CUSTOMER_CREATED, born)])
    prepare(server.engine, utc(15, 0))
    send_due(server.engine, FileSender(tmp_path / "sent.jsonl"), utc(15, 0))  # both go
    prepare(server.engine, utc(13, 0, day=21))
    send_due(server.engine, FileSender(tmp_path), utc(13, 0, day=21))  # a folder: it fails
    owner = browser_of(server)
    assert owner.sign_in(OWNER, OWNER_PASSWORD).status_code == 303
    url = f"/console/stores/{server.store_id}/reminders"
    page = owner.client.get(url).text
    assert page.count('<li class="message') == 3
    assert "138****8000" in page and "13800138000" not in page  # phones masked
    assert "孙丽，祝您生日快乐" in page and "已发送" in page
    waiting = owner.client.get(url, params={"status": "pending"}).text
    assert waiting.count('<li class="message') == 1 and "今天 15:00 的预约" in waiting
    assert "尝试次数 1" in waiting and "cannot write" in waiting
    assert (
        'data-testid="reminders-link"'
        in owner.client.get(f"/console/stores/{server.store_id}").text
    )
    other = owner.client.get(f"/console/stores/{server.other_store_id}/reminders").text
    assert '<li class="message' not in other
