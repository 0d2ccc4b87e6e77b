"""Reminders from a counter, for a store without a server (docs/bookings.md, "Reminders"): one
sender only, so only the counter whose settings say `reminders_here`, and never one enrolled
with a server (the server sends for a store that syncs). What is due comes from
domain/reminders.py; each message is prepared once under its unique key and sent by the
configured gateway, or written to `reminders.jsonl` in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.models import BalanceEntry as Entry
from salon_pos.db.models import Booking, Customer, OutgoingMessage, PackageCard
from salon_pos.domain.ids import new_id
from salon_pos.domain.reminders import (
    FAILED,
    PENDING,
    SENT,
    Reminder,
    after_try,
    birthday_reminder,
    booking_reminders,
    card_expiry_reminder,
)
from salon_pos.services.counter import CounterService
from salon_pos.services.sync_state import enrollment

if TYPE_CHECKING:
    from sync.reminder_senders import Sender

EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SendReport:
    prepared: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0


class ReminderService(CounterService):
    _last_run: datetime | None = None

    def sends_here(self) -> bool:
        """This counter is the store's sender: chosen in its settings, and no server."""
        if not self._settings.current.reminders_here:
            return False
        with self._db.read() as session:
            return enrollment(session) is None

    def run_if_due(self, log_file: Path) -> SendReport | None:
        """Prepare and send, at most once a minute, when this counter is the sender."""
        now = self._clock.now()
        if self._last_run is not None and now - self._last_run < EVERY:
            return None
        self._last_run = now
        if not self.sends_here():
            return None
        return self.run_once(self._sender(log_file))

    def _sender(self, log_file: Path) -> Sender:
        from sync.reminder_senders import sender_from

        current = self._settings.current
        return sender_from(current.sms_gateway or None, current.sms_template or None, log_file)

    def run_once(self, sender: Sender) -> SendReport:
        prepared = self.prepare()
        return self.send_due(sender, prepared)

    def prepare(self) -> int:
        """Put what is due into the outbox, each key once; how many were new."""
        now_utc = self._clock.now()
        current = self._settings.current
        zone = ZoneInfo(current.time_zone)
        now = now_utc.astimezone(zone).replace(tzinfo=None)
        added = 0
        with self._db.write() as session:
            for reminder in _due(session, now, now_utc, zone):
                person = session.get(Customer, reminder.customer_id)
                if person is None or not person.phone or person.merged_into:
                    continue
                row = {
                    "id": new_id(),
                    "key": reminder.key,
                    "kind": reminder.kind.value,
                    "customer_id": reminder.customer_id,
                    "recipient": person.phone,
                    "text": reminder.text(current.store_name, person.name),
                    "due_at": reminder.due.replace(tzinfo=zone).astimezone(UTC),
                    "status": PENDING,
                    "attempts": 0,
                    "next_try_at": now_utc,
                    "last_error": "",
                    "created_at": now_utc,
                }
                done = session.execute(insert(OutgoingMessage).values(row).on_conflict_do_nothing())
                added += done.rowcount or 0  # type: ignore[attr-defined]
        return added

    def send_due(self, sender: Sender, prepared: int = 0) -> SendReport:
        from sync.reminder_senders import SendFailed

        now = self._clock.now()
        with self._db.read() as session:
            due = session.scalars(
                select(OutgoingMessage)
                .where(
                    and_(OutgoingMessage.status == "pending", OutgoingMessage.next_try_at <= now)
                )
                .order_by(OutgoingMessage.next_try_at)
                .limit(200)
            ).all()
        counts = dict.fromkeys((SENT, PENDING, FAILED), 0)
        for message in due:
            try:
                sender.send(message.recipient, message.text, message.key)
                error = None
            except SendFailed as failure:
                error = str(failure)
            values = after_try(message.attempts, error, now)
            counts[values["status"]] += 1
            with self._db.write() as session:
                session.execute(
                    update(OutgoingMessage).where(OutgoingMessage.id == message.id).values(values)
                )
        return SendReport(prepared, counts[SENT], counts[PENDING], counts[FAILED])

    def recent(self, limit: int = 200) -> list[OutgoingMessage]:
        """The latest messages, for the manager: what went and what failed."""
        with self._db.read() as session:
            rows = session.scalars(
                select(OutgoingMessage).order_by(OutgoingMessage.due_at.desc()).limit(limit)
            ).all()
            session.expunge_all()
            return list(rows)


def _due(session: Session, now: datetime, now_utc: datetime, zone: ZoneInfo) -> list[Reminder]:
    def wall(moment: datetime) -> datetime:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(zone).replace(tzinfo=None)

    found: list[Reminder] = []
    booked = session.scalars(
        select(Booking).where(
            and_(
                Booking.status == "booked",
                Booking.start_at > now_utc,
                Booking.start_at <= now_utc + timedelta(hours=25),
            )
        )
    )
    for b in booked:
        services = "、".join(str(s["name"]) for s in b.services)
        found += booking_reminders(
            b.id, b.customer_id, wall(b.start_at), wall(b.created_at), b.status, services, now
        )
    born = session.execute(
        select(Customer.id, Customer.birthday).where(Customer.birthday.is_not(None))
    )
    for customer_id, birthday in born:
        if birthday and (birthday.month, birthday.day) in ((now.month, now.day), (2, 29)):
            reminder = birthday_reminder(customer_id, birthday, now)
            found += [reminder] if reminder else []
    cards = session.scalars(
        select(PackageCard).where(
            and_(
                PackageCard.expires_on >= now.date(),
                PackageCard.expires_on <= now.date() + timedelta(days=8),
            )
        )
    ).all()
    for card in cards:
        left = session.scalar(
            select(func.coalesce(func.sum(Entry.amount), 0)).where(Entry.card_id == card.id)
        )
        reminder = card_expiry_reminder(
            card.id, card.customer_id, card.name, card.expires_on, int(left or 0), now
        )
        found += [reminder] if reminder else []
    return found
