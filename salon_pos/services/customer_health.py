"""Who may read a customer's allergies and health notes, and reading them: owners and managers,
and a technician who served the customer (a ticket line of theirs on a ticket of the customer)
within the last HEALTH_ACCESS_DAYS. Everyone else gets the profile with them withheld (None);
the cashier still sees `has_allergies`."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from salon_pos.db.models import Customer, Staff, Ticket, TicketLine
from salon_pos.domain.customer_class import HEALTH_ACCESS_DAYS, may_read_health
from salon_pos.domain.customer_profile import SEALED_FIELDS
from salon_pos.domain.errors import UserError
from salon_pos.domain.sealed import CannotOpen
from salon_pos.security.field_crypto import StoreKey

log = logging.getLogger(__name__)


class HealthDataNotAllowed(UserError):
    en = (
        "Only owners, managers and the technicians who served this customer in the last "
        "{days} days may see or change allergies and health notes."
    )
    zh = "只有老板、店长和近 {days} 天内为该客户服务过的技师可以查看或修改过敏和健康备注。"


def served_recently(session: Session, staff_id: str, customer_id: str, now: datetime) -> bool:
    """A ticket line of this technician on a completed ticket of the customer, in the window."""
    since = now - timedelta(days=HEALTH_ACCESS_DAYS)
    found = session.scalar(
        select(TicketLine.id)
        .join(Ticket, Ticket.id == TicketLine.ticket_id)
        .where(
            Ticket.customer_id == customer_id,
            Ticket.status != "voided",
            Ticket.completed_at >= since,
            TicketLine.technician_id == staff_id,
        )
        .limit(1)
    )
    return found is not None


def may_read(session: Session, actor_id: str | None, customer_id: str, now: datetime) -> bool:
    if actor_id is None:
        return False
    staff = session.get(Staff, actor_id)
    if staff is None or not staff.active:
        return False
    if may_read_health(staff.role, False):
        return True
    return may_read_health(staff.role, served_recently(session, actor_id, customer_id, now))


def refuse_unless_allowed(
    session: Session, actor_id: str | None, customer_id: str, now: datetime
) -> None:
    if not may_read(session, actor_id, customer_id, now):
        raise HealthDataNotAllowed(days=HEALTH_ACCESS_DAYS)


def opened(customer: Customer, key: StoreKey | None) -> tuple[str | None, str | None]:
    """The texts of the sealed fields; None for one this counter cannot open (sealed with a key
    it does not hold yet: the server's key arrives with the next sync round)."""
    texts: dict[str, str | None] = {}
    for name in SEALED_FIELDS:
        value = getattr(customer, name) or ""
        try:
            texts[name] = "" if not value else key.open(value, customer.id, name) if key else None
        except CannotOpen:
            log.warning("customer %s: %s sealed with a key not held here", customer.id, name)
            texts[name] = None
    return texts["allergies"], texts["health_notes"]
