"""The staff rules (salon_pos/domain/staff_rules.py) against the counter's own staff table:
the hashes and counts they need are read here. The owner's console applies the same rules at
the server (sync/server/staff_rules.py)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from salon_pos.db.database import Database
from salon_pos.db.models import Staff
from salon_pos.domain.pins import check_pin as check_pin
from salon_pos.domain.staff import Role
from salon_pos.domain.staff_rules import APPROVER_ROLES as APPROVER_ROLES
from salon_pos.domain.staff_rules import NAME_MAX as NAME_MAX
from salon_pos.domain.staff_rules import LastApprover as LastApprover
from salon_pos.domain.staff_rules import NegativeDiscountLimit as NegativeDiscountLimit
from salon_pos.domain.staff_rules import NewPinNeeded as NewPinNeeded
from salon_pos.domain.staff_rules import OwnersOnly as OwnersOnly
from salon_pos.domain.staff_rules import PinsDiffer as PinsDiffer
from salon_pos.domain.staff_rules import PinTaken as PinTaken
from salon_pos.domain.staff_rules import clean_limit as clean_limit
from salon_pos.domain.staff_rules import clean_name as clean_name
from salon_pos.domain.staff_rules import clean_phone as clean_phone
from salon_pos.domain.staff_rules import clean_role as clean_role
from salon_pos.domain.staff_rules import (
    refuse_last_approver_gone,
    refuse_taken_pin,
)


def check_pin_free(db: Database, pin: str, member_id: str | None) -> None:
    """PinTaken if an active manager or owner other than `member_id` has this PIN. Argon2 is
    slow on purpose, so this runs before the write transaction, as verify_approver does."""
    with db.read() as session:
        hashes = session.scalars(
            select(Staff.pin_hash).where(
                Staff.active.is_(True),
                Staff.role.in_(APPROVER_ROLES),
                Staff.id != (member_id or ""),
            )
        ).all()
    refuse_taken_pin(pin, hashes)


def check_keeps_an_approver(session: Session, staff: Staff, role: Role, active: bool) -> None:
    """LastApprover when this change takes the store's last active manager or owner away."""
    was = staff.active and Role(staff.role).approves
    others = session.scalar(
        select(func.count())
        .select_from(Staff)
        .where(Staff.active.is_(True), Staff.role.in_(APPROVER_ROLES), Staff.id != staff.id)
    )
    refuse_last_approver_gone(staff.name, was, active and role.approves, int(others or 0))
