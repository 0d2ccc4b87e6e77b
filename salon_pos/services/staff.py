"""Staff members: who they are, what they may do, and checking their PINs.

Managers and owners add and edit staff (name, role, skills, phone, discount limit), set or reset
a PIN (approved by a manager's own PIN), and deactivate instead of delete, so history keeps the
names. A PIN is hashed at once; only the hash is stored, and it travels in staff.saved so the
PIN works on every counter of the store. The audit log never holds the PIN or its hash.
The rules a change must keep are in staff_rules.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import AuditEntry, Staff
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import (
    Both,
    ManagerPinRequired,
    UnknownStaff,
    UserError,
    WrongManagerPin,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.staff import Role
from salon_pos.domain.staff_rules import clean_skills, refuse_approver_without_pin
from salon_pos.security.pins import hash_pin, pin_matches
from salon_pos.services.counter import CounterService
from salon_pos.services.journal import Journal
from salon_pos.services.staff_rules import (
    APPROVER_ROLES,
    OwnersOnly,
    check_keeps_an_approver,
    check_pin,
    check_pin_free,
    clean_limit,
    clean_name,
    clean_phone,
    clean_role,
)
from salon_pos.services.sync_state import next_hlc

SET_PIN = Both("设置员工 PIN", "set a staff member's PIN")
ADD_STAFF = Both("添加员工", "add a staff member")


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    skills: tuple[str, ...]
    discount_limit: int
    active: bool
    phone: str = ""

    def public(self) -> dict[str, Any]:
        """What the audit log keeps of a member: everything but the PIN."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role.value,
            "skills": list(self.skills),
            "phone": self.phone,
            "discount_limit": self.discount_limit,
            "active": self.active,
        }


def staff_member(staff: Staff) -> StaffMember:
    return StaffMember(
        staff.id,
        staff.name,
        Role(staff.role),
        tuple(staff.skills),
        staff.discount_limit,
        staff.active,
        staff.phone or "",
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
        phone: str = "",
        approver_pin: str | None = None,
    ) -> StaffMember:
        """A new active member with this PIN. `approver_pin`, when given, must be an active
        manager's or owner's (the screens and the CLI ask for it; the first manager of a new
        store has nobody to approve)."""
        member = StaffMember(
            new_id(),
            clean_name(name),
            clean_role(role),
            clean_skills(skills),
            clean_limit(discount_limit),
            True,
            clean_phone(phone),
        )
        check_pin(pin)
        owner = member.role is Role.OWNER
        approved_by = self._approved_by(approver_pin, ADD_STAFF, actor_id, owner_needed=owner)
        if member.role.approves:
            check_pin_free(self._db, pin, None)
        pin_hash = hash_pin(pin)
        now = self._clock.now()
        with self._db.write() as session:
            session.execute(
                insert(Staff).values(
                    **self._columns(member), pin_hash=pin_hash, created_at=now, updated_at=now
                )
            )
            after = member.public() | ({"approved_by": approved_by} if approved_by else {})
            audit = AuditRecord(actor_id, "staff.added", "staff", member.id, after=after)
            self._record(session, audit, member, pin_hash)
        return member

    def edit(
        self,
        staff_id: str,
        *,
        name: str | None = None,
        role: str | None = None,
        skills: Sequence[str] | None = None,
        phone: str | None = None,
        discount_limit: int | None = None,
        active: bool | None = None,
        actor_id: str | None = None,
        new_pin: str | None = None,
        approver_pin: str | None = None,
    ) -> StaffMember:
        """Change the fields given. Someone who becomes an active manager or owner gets a new
        PIN in the same step (`new_pin`, approved by `approver_pin`): theirs may be another
        manager's. The last active manager or owner keeps that role and stays active."""
        before = self.get_any(staff_id)
        after = replace(
            before,
            name=before.name if name is None else clean_name(name),
            role=before.role if role is None else clean_role(role),
            skills=before.skills if skills is None else clean_skills(skills),
            phone=before.phone if phone is None else clean_phone(phone),
            discount_limit=(
                before.discount_limit if discount_limit is None else clean_limit(discount_limit)
            ),
            active=before.active if active is None else active,
        )
        if Role.OWNER in (before.role, after.role) and after != before:
            self._check_owner(actor_id)
        was = before.active and before.role.approves
        becomes = after.active and after.role.approves
        refuse_approver_without_pin(after.name, was, becomes, new_pin is not None)
        pin_hash, approved_by = None, None
        if new_pin is not None:
            pin_hash, approved_by = self._new_pin_hash(after, new_pin, approver_pin, actor_id)
        if after == before and pin_hash is None:
            return before
        with self._db.write() as session:
            staff = session.get(Staff, staff_id)
            if staff is None:
                raise UnknownStaff(staff_id=staff_id)
            check_keeps_an_approver(session, staff, after.role, after.active)
            values = self._columns(after) | ({"pin_hash": pin_hash} if pin_hash else {})
            session.execute(
                update(Staff)
                .where(Staff.id == staff_id)
                .values(updated_at=self._clock.now(), **values)
            )
            changed = after.public() | (
                {"pin": "set", "approved_by": approved_by} if pin_hash else {}
            )
            action = "staff.deactivated" if before.active and not after.active else "staff.edited"
            audit = AuditRecord(actor_id, action, "staff", staff_id, before.public(), changed)
            fields = [k for k, v in after.public().items() if before.public()[k] != v]
            self._record(session, audit, after, pin_hash, fields + (["pin_hash"] * bool(pin_hash)))
        return after

    def set_pin(
        self, staff_id: str, pin: str, approver_pin: str | None, actor_id: str | None = None
    ) -> StaffMember:
        """Set or reset a member's PIN; a manager's or owner's own PIN approves it."""
        member = self.get_any(staff_id)
        pin_hash, approved_by = self._new_pin_hash(member, pin, approver_pin, actor_id)
        with self._db.write() as session:
            session.execute(
                update(Staff)
                .where(Staff.id == staff_id)
                .values(pin_hash=pin_hash, updated_at=self._clock.now())
            )
            after = {"pin": "set", "approved_by": approved_by}
            audit = AuditRecord(actor_id, "staff.pin_set", "staff", staff_id, after=after)
            self._record(session, audit, member, pin_hash, ["pin_hash"])
        return member

    def deactivate(self, staff_id: str, actor_id: str | None = None) -> StaffMember:
        """No longer signs in or appears in pickers; tickets keep the name."""
        return self.edit(staff_id, active=False, actor_id=actor_id)

    def list(self, active_only: bool = True) -> list[StaffMember]:
        with self._db.read() as session:
            query = select(Staff).order_by(Staff.role, Staff.name)
            if active_only:
                query = query.where(Staff.active.is_(True))
            return [staff_member(s) for s in session.scalars(query)]

    def get(self, staff_id: str) -> StaffMember:
        """An active member (UnknownStaff for anyone else)."""
        member = self.get_any(staff_id)
        if not member.active:
            raise UnknownStaff(staff_id=staff_id)
        return member

    def get_any(self, staff_id: str) -> StaffMember:
        """A member, active or not."""
        with self._db.read() as session:
            staff = session.get(Staff, staff_id)
            if staff is None:
                raise UnknownStaff(staff_id=staff_id)
            return staff_member(staff)

    def _new_pin_hash(
        self, member: StaffMember, pin: str, approver_pin: str | None, actor_id: str | None
    ) -> tuple[str, str]:
        check_pin(pin)
        owner = member.role is Role.OWNER
        approved_by = self._approved_by(
            approver_pin or None, SET_PIN, actor_id, required=True, owner_needed=owner
        )
        if member.active and member.role.approves:
            check_pin_free(self._db, pin, member.id)
        return hash_pin(pin), approved_by or ""

    def _approved_by(
        self,
        pin: str | None,
        action: Both,
        actor_id: str | None,
        required: bool = False,
        owner_needed: bool = False,
    ) -> str | None:
        """Who approved with this PIN; an owner's PIN when `owner_needed` (an owner's PIN or
        a new owner: a manager may not take over an owner's sign-in)."""
        if pin is None and not required:
            return None
        approver = approve(self._db, self._journal(), self._clock, pin, action, actor_id)
        if owner_needed and approver.role is not Role.OWNER:
            raise OwnersOnly()
        return approver.id

    def _check_owner(self, actor_id: str | None) -> None:
        """OwnersOnly when the signed-in actor (if known) is not an owner."""
        if actor_id is not None and self.get_any(actor_id).role is not Role.OWNER:
            raise OwnersOnly()

    @staticmethod
    def _columns(member: StaffMember) -> dict[str, Any]:
        return member.public() | {"role": member.role.value}

    def _record(
        self,
        session: Session,
        audit: AuditRecord,
        member: StaffMember,
        pin_hash: str | None,
        changed: Sequence[str] | None = None,
    ) -> None:
        """Journal the edit as staff.saved, stamped for the per-field merge; `changed`: the
        fields this edit changed (None: all of them, a new member)."""
        from salon_pos.services.sync_ops import (
            setup as setup_ops,  # lazy: pydantic after the first paint
        )

        now = self._clock.now()
        journal = self._journal()
        stamp = next_hlc(session, now, journal.device_id)
        payload = setup_ops.staff_saved(member, pin_hash, hlc=stamp, changed=changed)
        journal.record(session, now, audit, payload)


def verify_approver(db: Database, pin: str | None, action: Both) -> StaffMember:
    """The active manager or owner whose PIN this is. Argon2 takes a good part of a second for
    a few managers, so this runs before the write transaction, never holding its lock."""
    if not pin:
        raise ManagerPinRequired(action=action)
    with db.read() as session:
        approvers = session.scalars(
            select(Staff).where(Staff.active.is_(True), Staff.role.in_(APPROVER_ROLES))
        ).all()
    for staff in approvers:
        if pin_matches(staff.pin_hash, pin):
            return staff_member(staff)
    raise WrongManagerPin()


class ApprovalLockedOut(UserError):
    en = "Too many wrong manager PINs at this counter: approvals resume in {seconds} seconds."
    zh = "本收银台店长 PIN 错误次数过多，请 {seconds} 秒后再授权。"


WRONG_APPROVALS = 5  # wrong PINs within APPROVAL_LOCKOUT; then approvals wait a minute
APPROVAL_LOCKOUT = timedelta(minutes=1)
_RECENT_WRONG = (
    select(AuditEntry.at)
    .where(AuditEntry.action == "approval.wrong_pin", AuditEntry.at >= bindparam("since"))
    .order_by(AuditEntry.seq.desc())
    .limit(WRONG_APPROVALS)
)


def approve(
    db: Database,
    journal: Journal,
    clock: Clock,
    pin: str | None,
    action: Both,
    actor_id: str | None,
) -> StaffMember:
    """The manager or owner whose PIN this is. A wrong PIN is audited, and five in a row
    within a minute at this counter stop approvals for a minute: a PIN has few digits."""
    now = clock.now()
    with db.read() as session:
        wrong = list(session.scalars(_RECENT_WRONG, {"since": now - APPROVAL_LOCKOUT}))
    if len(wrong) >= WRONG_APPROVALS:
        wait = APPROVAL_LOCKOUT - (now - wrong[0])
        raise ApprovalLockedOut(seconds=int(wait.total_seconds()) + 1)
    try:
        return verify_approver(db, pin, action)
    except WrongManagerPin:
        with db.write() as session:
            audit = AuditRecord(
                actor_id,
                "approval.wrong_pin",
                "approval",
                actor_id or "",
                after={"action": action.en},
            )
            journal.record(session, now, audit)
        raise
