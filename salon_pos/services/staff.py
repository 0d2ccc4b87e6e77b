"""Staff members: who they are, what they may do, and checking their PINs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import Staff
from salon_pos.domain.errors import (
    Both,
    InvalidChoice,
    ManagerPinRequired,
    RequiredField,
    UnknownStaff,
    WrongManagerPin,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.staff import Role
from salon_pos.security.pins import hash_pin, pin_matches
from salon_pos.services.counter import CounterService
from salon_pos.services.sync_state import next_hlc


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    skills: tuple[str, ...]
    discount_limit: int
    active: bool


def staff_member(staff: Staff) -> StaffMember:
    return StaffMember(
        staff.id,
        staff.name,
        Role(staff.role),
        tuple(staff.skills),
        staff.discount_limit,
        staff.active,
    )


class StaffService(CounterService):
    def add(
        self,
        name: str,
        role: str,
        pin: str,
        skills: Sequence[str] = (),
        discount_limit: int = 0,
        actor_id: str | None = None,
    ) -> StaffMember:
        if not name.strip():
            raise RequiredField(field=Both("姓名", "name"))
        if role not in set(Role):
            raise InvalidChoice(text=role, choices=", ".join(Role))
        now = self._clock.now()
        member = StaffMember(
            new_id(), name.strip(), Role(role), tuple(skills), discount_limit, True
        )
        pin_hash = hash_pin(pin)
        with self._db.write() as session:
            session.execute(
                insert(Staff).values(
                    id=member.id,
                    name=member.name,
                    role=member.role.value,
                    skills=list(member.skills),
                    pin_hash=pin_hash,
                    discount_limit=discount_limit,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
            )
            public = {
                "id": member.id,
                "name": member.name,
                "role": member.role.value,
                "skills": list(member.skills),
                "discount_limit": discount_limit,
                "active": True,
            }
            from salon_pos.services.sync_ops import (
                setup as setup_ops,  # lazy: pydantic after the first paint
            )

            self._journal().record(
                session,
                now,
                AuditRecord(actor_id, "staff.added", "staff", member.id, after=public),
                setup_ops.staff_saved(
                    member, pin_hash, hlc=next_hlc(session, now, self._journal().device_id)
                ),
            )
        return member

    def list(self, active_only: bool = True) -> list[StaffMember]:
        with self._db.read() as session:
            query = select(Staff).order_by(Staff.role, Staff.name)
            if active_only:
                query = query.where(Staff.active.is_(True))
            return [staff_member(s) for s in session.scalars(query)]

    def get(self, staff_id: str) -> StaffMember:
        with self._db.read() as session:
            staff = session.get(Staff, staff_id)
            if staff is None:
                raise UnknownStaff(staff_id=staff_id)
            return staff_member(staff)


def verify_approver(db: Database, pin: str | None, action: Both) -> StaffMember:
    """The active manager or owner whose PIN this is. Argon2 takes a good part of a second for
    a few managers, so this runs before the write transaction, never holding its lock."""
    if not pin:
        raise ManagerPinRequired(action=action)
    with db.read() as session:
        approvers = session.scalars(
            select(Staff).where(
                Staff.active.is_(True), Staff.role.in_([r.value for r in Role if r.approves])
            )
        ).all()
    for staff in approvers:
        if pin_matches(staff.pin_hash, pin):
            return staff_member(staff)
    raise WrongManagerPin()
