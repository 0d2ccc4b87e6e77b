"""Reminders (issue 11): which messages are due, under which key, with which words. Pure: the
preparer (the server for a store that syncs, the chosen counter for one without a server) gives
what it holds and the time; what is due goes into its message outbox under `key`, which is
unique there, so a message is prepared once however often or wherever the preparer runs again.

Times are the store's wall-clock time. A reminder is prepared only while it still makes sense:
the day-before one from 24 hours before the start until 2 hours before (then the two-hour one
says it), the two-hour one until the start, and neither for a booking made after its time came
(a booking made at noon for 13:00 gets none). Only a booked (confirmed) booking is reminded of;
a moved one is reminded of at its new time, once per kind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sync.messages import Both

DAY_BEFORE = timedelta(hours=24)
SOON = timedelta(hours=2)
MORNING = time(9, 0)  # birthdays and expiry notices go out from then
EXPIRY_NOTICE = timedelta(days=7)


class ReminderKind(StrEnum):
    DAY_BEFORE = "booking_day_before"
    SOON = "booking_soon"
    BIRTHDAY = "birthday"
    CARD_EXPIRY = "card_expiry"

    @property
    def words(self) -> Both:
        return KIND_WORDS[self]


KIND_WORDS = {
    ReminderKind.DAY_BEFORE: Both("预约前一天", "day before"),
    ReminderKind.SOON: Both("预约前两小时", "two hours before"),
    ReminderKind.BIRTHDAY: Both("生日祝福", "birthday"),
    ReminderKind.CARD_EXPIRY: Both("疗程卡到期", "package card expiry"),
}

TEXTS = {
    ReminderKind.DAY_BEFORE: (
        "【{store}】{name}您好，提醒您明天 {time} 的预约：{services}。如需改约请联系门店。"
    ),
    ReminderKind.SOON: (
        "【{store}】{name}您好，您今天 {time} 的预约（{services}）即将开始，期待您的光临。"
    ),
    ReminderKind.BIRTHDAY: "【{store}】{name}，祝您生日快乐！本月到店可享生日礼遇。",
    ReminderKind.CARD_EXPIRY: (
        "【{store}】{name}您好，您的{card}将于 {day} 到期，还剩 {left} 次，请尽快预约使用。"
    ),
}


@dataclass(frozen=True)
class Reminder:
    key: str  # unique in the outbox: one message per booking or customer and kind
    kind: ReminderKind
    customer_id: str
    due: datetime
    params: Mapping[str, str] = field(default_factory=dict)

    def text(self, store: str, name: str) -> str:
        return TEXTS[self.kind].format(store=store, name=name, **self.params)


def booking_reminders(
    booking_id: str,
    customer_id: str,
    start: datetime,
    made: datetime,
    status: str,
    services: str,
    now: datetime,
) -> list[Reminder]:
    """The booking's reminders that are due now (see the module's rules)."""
    if status != "booked":
        return []
    found = []
    when = {"time": start.strftime("%H:%M"), "services": services}
    for kind, ahead, until in (
        (ReminderKind.DAY_BEFORE, DAY_BEFORE, start - SOON),
        (ReminderKind.SOON, SOON, start),
    ):
        due = start - ahead
        if made <= due <= now < until:
            found.append(Reminder(f"{kind.value}:{booking_id}", kind, customer_id, due, when))
    return found


def birthday_reminder(customer_id: str, birthday: date | None, now: datetime) -> Reminder | None:
    """On the birthday, from the morning; 29 February on 28 February in other years."""
    if birthday is None:
        return None
    try:
        this_year = birthday.replace(year=now.year)
    except ValueError:
        this_year = date(now.year, 2, 28)
    due = datetime.combine(this_year, MORNING)
    if not due <= now < datetime.combine(this_year + timedelta(days=1), time()):
        return None
    return Reminder(f"birthday:{customer_id}:{now.year}", ReminderKind.BIRTHDAY, customer_id, due)


def card_expiry_reminder(
    card_id: str, customer_id: str, name: str, expires_on: date | None, left: int, now: datetime
) -> Reminder | None:
    """A week before a package card with sessions left expires, from the morning, until it
    expires."""
    if expires_on is None or left <= 0:
        return None
    due = datetime.combine(expires_on - EXPIRY_NOTICE, MORNING)
    if not due <= now < datetime.combine(expires_on + timedelta(days=1), time()):
        return None
    params = {"card": name, "day": expires_on.isoformat(), "left": str(left)}
    key = f"card_expiry:{card_id}:{expires_on.isoformat()}"
    return Reminder(key, ReminderKind.CARD_EXPIRY, customer_id, due, params)


RETRIES = (1, 5, 15, 60, 180, 360)  # minutes to wait after each failed try; then it has failed
PENDING, SENT, FAILED = "pending", "sent", "failed"  # a message's status in an outbox


def after_try(attempts: int, error: str | None, now: datetime) -> dict[str, Any]:
    """What a message's row becomes after one more try (`attempts` made before it): sent, or —
    with `error` — waiting for the next try, or given up after the last of RETRIES."""
    tried = attempts + 1
    if error is None:
        return {"attempts": tried, "status": SENT, "sent_at": now}
    if tried > len(RETRIES):
        return {"attempts": tried, "status": FAILED, "last_error": error[:500], "next_try_at": now}
    again = now + timedelta(minutes=RETRIES[tried - 1])
    return {"attempts": tried, "status": PENDING, "last_error": error[:500], "next_try_at": again}
