"""A booking's ticket: what its check-in parks (each service at today's price, with the
booking's technician), and completing the booking when that ticket is paid — in the sale's own
transaction (services.checkout)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import Booking, ServiceItem, Staff
from salon_pos.domain.bookings import BookingStatus
from salon_pos.domain.errors import UnknownItem
from salon_pos.domain.ticket_draft import TicketDraft
from salon_pos.services.sync_state import next_hlc


def booking_ticket(session: Session, row: Booking, start: datetime) -> TicketDraft:
    """The ticket of a booking: each service at today's catalog price, with its technician,
    点钟 when the customer asked for them by name."""
    from salon_pos.domain.ticket import LineKind
    from salon_pos.domain.ticket_draft import DraftLine

    technician = session.get(Staff, row.technician_id) if row.technician_id else None
    lines = []
    for service in row.services:
        item = session.get(ServiceItem, str(service["service_id"]))
        if item is None:
            raise UnknownItem(item_id=str(service["service_id"]))
        lines.append(
            DraftLine(
                LineKind.SERVICE,
                item.id,
                item.name,
                item.price,
                technician_id=technician.id if technician else None,
                technician=technician.name if technician else "",
                skill=item.skill,
                category=item.category,
                points_price=item.points_price,
                requested=bool(row.requested) and technician is not None,  # 点钟
            )
        )
    note = f"预约 {start:%H:%M}"
    return TicketDraft(tuple(lines), row.customer_id, note=note)


def complete_paid(
    connection: Connection, parked_id: str, ticket_id: str, now: datetime, device_id: str,
    by: str,
) -> bool:  # fmt: skip
    """In a sale's transaction: the ticket paid was a booking's (parked under its id), so the
    booking is completed with that ticket. False if it was no booking's (or one already
    closed: a late payment does not reopen it)."""
    from salon_pos.services.journal import Journal
    from salon_pos.services.sync_ops import bookings as ops

    found = connection.execute(select(Booking.status).where(Booking.id == parked_id)).first()
    if found is None or BookingStatus(found[0]).closed:
        return False
    done = BookingStatus.COMPLETED
    connection.execute(
        update(Booking)
        .where(Booking.id == parked_id)
        .values(status=done.value, ticket_id=ticket_id, updated_at=now)
    )
    with Session(bind=connection) as session:  # the sale's connection and transaction
        hlc = next_hlc(session, now, device_id)
        session.flush()
    audit = AuditRecord(
        by, "booking.status_set", "booking", parked_id,
        before={"status": found[0]}, after={"status": done.value, "ticket_id": ticket_id},
    )  # fmt: skip
    payload = ops.booking_status_set(parked_id, done, now, hlc, by, ticket_id)
    Journal(device_id).record(connection, now, audit, payload)
    return True
