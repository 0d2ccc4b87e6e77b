"""Reminders from a counter of a store without a server: only the counter chosen in its
settings sends, never one enrolled with a server; each booking gets its two reminders once
across restarts; a failing gateway is tried again; a bad gateway setting is refused."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from salon_pos.db.models import SyncState
from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.services.backend import Backend
from salon_pos.services.reminders import ReminderService
from salon_pos.services.settings import InvalidGateway, InvalidGatewayBody
from sync.reminder_senders import SendFailed
from tests.conftest import FakeClock, Team

SATURDAY = date(2026, 11, 21)


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def booked(backend: Backend, team: Team) -> str:
    pattern = WeeklyPattern((Hours("09:00", "21:00"),) * 7)
    backend.bookings.save_schedule(team.tech.id, pattern)
    facial = backend.catalog.add_service("面部护理", "补水护理", 28800, 60, "facial").id
    zhang = backend.customers.add("张三", "13800138000").id
    start = datetime(2026, 11, 21, 15, 0)
    return backend.bookings.book(zhang, [facial], start, technician_id=team.tech.id).id


def _at(clock: FakeClock, day: int, hour: int, minute: int = 0) -> None:
    clock.current = datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def test_the_chosen_counter_sends_each_reminder_once_across_restarts(
    backend: Backend, clock: FakeClock, booked: str, tmp_path: Path
) -> None:
    sent = tmp_path / "reminders.jsonl"
    assert backend.reminders.run_if_due(sent) is None  # not chosen: nothing
    backend.settings.update(reminders_here=True)
    for day, hour in ((20, 15), (20, 16), (21, 12), (21, 13), (21, 14)):
        _at(clock, day, hour)
        fresh = ReminderService(backend.db, backend.settings, clock)  # a restart each time
        fresh.run_if_due(sent)
    assert [line["key"].split(":")[0] for line in _lines(sent)] == [
        "booking_day_before",
        "booking_soon",
    ]
    assert {m.status for m in backend.reminders.recent()} == {"sent"}


def test_a_counter_enrolled_with_a_server_never_sends(
    backend: Backend, clock: FakeClock, booked: str, tmp_path: Path
) -> None:
    backend.settings.update(reminders_here=True)
    with backend.db.write() as session:
        state = session.get(SyncState, 1) or SyncState(id=1)
        state.server_url, state.store_id = "https://sync.example", "store"
        session.merge(state)
    _at(clock, 20, 15)
    assert backend.reminders.run_if_due(tmp_path / "r.jsonl") is None
    assert backend.reminders.recent() == []


class FailsOnce:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def send(self, to: str, text: str, key: str) -> None:
        self.calls.append(key)
        if len(self.calls) == 1:
            raise SendFailed("gateway answered 503")


def test_a_gateway_that_fails_then_succeeds_sends_once(
    backend: Backend, clock: FakeClock, booked: str
) -> None:
    _at(clock, 20, 15)
    gateway = FailsOnce()
    first = backend.reminders.run_once(gateway)
    assert (first.prepared, first.sent, first.retried) == (1, 0, 1)
    assert backend.reminders.send_due(gateway).sent == 0  # not before a minute
    clock.current += timedelta(minutes=1)
    assert backend.reminders.send_due(gateway).sent == 1
    assert backend.reminders.send_due(gateway).sent == 0
    assert gateway.calls == [f"booking_day_before:{booked}"] * 2
    [message] = backend.reminders.recent()
    assert (message.status, message.attempts) == ("sent", 2)


def test_a_bad_gateway_setting_is_refused(backend: Backend) -> None:
    with pytest.raises(InvalidGateway):
        backend.settings.update(sms_gateway="sms.example.com/send")
    with pytest.raises(InvalidGatewayBody) as refused:
        backend.settings.update(sms_template='{"to": {to}, "text": {text}}')
    assert "{to}" in refused.value.text("en")
    saved = backend.settings.update(sms_template='{"mobile": "{to}", "msg": "{text}"}')
    assert saved.sms_template.startswith('{"mobile"')
