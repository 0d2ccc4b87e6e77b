"""The server's reminders for the stores that sync (docs/bookings.md, "Reminders"): it alone
prepares and sends them (a counter of a store with a server never does). `prepare` puts what
is due (salon_pos.domain.reminders) into `outgoing_message`, once per key and store whatever
runs again or restarts; `send_due` hands pending messages to the sender one by one, marking
each sent or trying it again later; `ReminderLoop` runs both every minute beside the API."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

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
from sync.reminder_senders import Sender, SendFailed
from sync.server import models
from sync.server.batch import new_server_id
from sync.server.booking_plan import BOOKING, local, store_zone, utc
from sync.server.db import load_json

log = logging.getLogger(__name__)

STORE = models.table_of(models.Store)
CUSTOMER = models.table_of(models.Customer)
CARD = models.table_of(models.PackageCard)
BALANCE = models.table_of(models.BalanceEntry)
MESSAGE = models.table_of(models.OutgoingMessage)
SENDING = "sending"  # claimed by a sender; else PENDING, SENT or FAILED (domain.reminders)
LEASE = timedelta(minutes=10)  # a message "sending" this long (the server died): try again


def store_reminders(connection: Connection, store_id: str, now_utc: datetime) -> list[Reminder]:
    """Everything due for the store now."""
    zone = store_zone(connection, store_id)
    now = local(now_utc, zone)
    found: list[Reminder] = []
    booked = connection.execute(
        select(BOOKING).where(
            and_(
                BOOKING.c.store_id == store_id,
                BOOKING.c.status == "booked",
                BOOKING.c.start_at > now_utc,
                BOOKING.c.start_at <= now_utc + timedelta(hours=25),
            )
        )
    )
    for row in booked.mappings():
        services = "、".join(s["name"] for s in load_json(row["data"])["services"])
        found += booking_reminders(
            row["id"],
            row["customer_id"],
            local(row["start_at"], zone),
            local(row["made_at"], zone),
            row["status"],
            services,
            now,
        )
    born = connection.execute(
        select(CUSTOMER.c.id, CUSTOMER.c.birthday).where(
            and_(
                CUSTOMER.c.store_id == store_id,
                CUSTOMER.c.birthday.is_not(None),
                CUSTOMER.c.merged_into.is_(None),
            )
        )
    )
    for customer_id, birthday in born:
        if (birthday.month, birthday.day) in ((now.month, now.day), (2, 29)):
            reminder = birthday_reminder(customer_id, birthday, now)
            found += [reminder] if reminder else []
    soon = now.date() + timedelta(days=8)
    cards = connection.execute(
        select(CARD.c.id, CARD.c.customer_id, CARD.c.name, CARD.c.expires_on).where(
            and_(
                CARD.c.store_id == store_id,
                CARD.c.expires_on.is_not(None),
                CARD.c.expires_on >= now.date(),
                CARD.c.expires_on <= soon,
            )
        )
    ).all()
    if cards:
        left = dict(
            connection.execute(
                select(BALANCE.c.card_id, func.sum(BALANCE.c.amount))
                .where(BALANCE.c.card_id.in_([c.id for c in cards]))
                .group_by(BALANCE.c.card_id)
            ).all()
        )
        for card in cards:
            reminder = card_expiry_reminder(
                card.id,
                card.customer_id,
                card.name,
                card.expires_on,
                int(left.get(card.id) or 0),
                now,
            )
            found += [reminder] if reminder else []
    return found


def prepare(engine: Engine, now_utc: datetime) -> int:
    """Put every store's due reminders in the outbox, each key once; how many were new."""
    added = 0
    with engine.connect() as connection:
        stores = list(connection.scalars(select(STORE.c.id)))
    for store_id in stores:
        with engine.begin() as connection:
            reminders = store_reminders(connection, store_id, now_utc)
            if not reminders:
                continue
            zone = store_zone(connection, store_id)
            name = connection.scalar(select(STORE.c.name).where(STORE.c.id == store_id)) or ""
            held = set(
                connection.scalars(
                    select(MESSAGE.c.key).where(
                        and_(
                            MESSAGE.c.store_id == store_id,
                            MESSAGE.c.key.in_([r.key for r in reminders]),
                        )
                    )
                )
            )
            people = {
                r.id: r
                for r in connection.execute(
                    select(CUSTOMER.c.id, CUSTOMER.c.name, CUSTOMER.c.phone).where(
                        CUSTOMER.c.id.in_({r.customer_id for r in reminders})
                    )
                )
            }
            for reminder in reminders:
                person = people.get(reminder.customer_id)
                if reminder.key in held or person is None or not person.phone:
                    continue
                added += _add(connection, store_id, reminder, person, name, zone, now_utc)
    return added


def _add(
    connection: Connection,
    store_id: str,
    reminder: Reminder,
    person: object,
    store_name: str,
    zone: object,
    now_utc: datetime,
) -> int:
    row = {
        "id": new_server_id(),
        "store_id": store_id,
        "key": reminder.key,
        "kind": reminder.kind.value,
        "customer_id": reminder.customer_id,
        "recipient": person.phone,  # type: ignore[attr-defined]
        "text": reminder.text(store_name, person.name),  # type: ignore[attr-defined]
        "due_at": utc(reminder.due, zone),  # type: ignore[arg-type]
        "status": PENDING,
        "attempts": 0,
        "next_try_at": now_utc,
        "last_error": "",
        "sent_at": None,
        "created_at": now_utc,
    }
    try:
        with connection.begin_nested():
            connection.execute(insert(MESSAGE).values(row))
    except IntegrityError:  # another preparer got there first: the key is unique
        return 0
    return 1


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def send_due(engine: Engine, sender: Sender, now_utc: datetime, limit: int = 200) -> SendReport:
    """Send what is pending and due, each claimed first (so two loops never both send one)."""
    counts = dict.fromkeys((SENT, PENDING, FAILED), 0)
    with engine.connect() as connection:
        due = connection.execute(
            select(MESSAGE.c.id)
            .where(
                (
                    (MESSAGE.c.status == PENDING)
                    | ((MESSAGE.c.status == SENDING) & (MESSAGE.c.next_try_at <= now_utc - LEASE))
                )
                & (MESSAGE.c.next_try_at <= now_utc)
            )
            .order_by(MESSAGE.c.next_try_at)
            .limit(limit)
        )
        ids = list(due.scalars())
    for message_id in ids:
        with engine.begin() as connection:
            claimed = connection.execute(
                update(MESSAGE)
                .where(and_(MESSAGE.c.id == message_id, MESSAGE.c.status.in_((PENDING, SENDING))))
                .values(status=SENDING, next_try_at=now_utc)
            )
            if claimed.rowcount != 1:
                continue
            message = connection.execute(select(MESSAGE).where(MESSAGE.c.id == message_id)).one()
        try:
            sender.send(message.recipient, message.text, message.key)
            error = None
        except SendFailed as failure:
            error = str(failure)
            log.warning(
                "message %s not sent (try %d): %s", message.key, message.attempts + 1, error
            )
        values = after_try(message.attempts, error, now_utc)
        counts[values["status"]] += 1
        with engine.begin() as connection:
            connection.execute(update(MESSAGE).where(MESSAGE.c.id == message_id).values(values))
    return SendReport(counts[SENT], counts[PENDING], counts[FAILED])


class ReminderLoop:
    """Prepares and sends every `every` seconds on a thread of its own, until stopped."""

    def __init__(
        self,
        engine: Engine,
        sender: Sender,
        clock: Callable[[], datetime],
        every: float = 60.0,
    ) -> None:
        self._engine, self._sender, self._clock, self._every = engine, sender, clock, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reminders", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def run_once(self) -> SendReport:
        prepare(self._engine, self._clock())
        return send_due(self._engine, self._sender, self._clock())

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a database hiccup: log it and try on the next round
                log.exception("reminders round failed")
            self._stop.wait(self._every)
