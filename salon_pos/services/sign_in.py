"""Signing staff in with their PIN. Five wrong PINs in a row lock that person out for a minute;
after it, each further wrong PIN locks again until the right one is given. Every attempt is in
the audit log, which is also where the count is kept: restarting the app does not reset it.
A PIN given for something else (clocking in or out, services/attendance.py) goes through the
same check and the same count, so no other screen can be used to guess a PIN."""

from __future__ import annotations

from datetime import timedelta
from itertools import takewhile

from sqlalchemy import select

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import AuditEntry, Staff
from salon_pos.domain.errors import UnknownStaff, UserError
from salon_pos.security.pins import pin_matches
from salon_pos.services.counter import CounterService
from salon_pos.services.staff import StaffMember, staff_member

MAX_WRONG = 5
LOCKOUT = timedelta(minutes=1)
SIGNED_IN, WRONG_PIN, LOCKED = "sign_in.succeeded", "sign_in.wrong_pin", "sign_in.locked_out"
PIN_CHECKED = "sign_in.pin_checked"  # the right PIN, given for something else than signing in


class WrongPin(UserError):
    en = "Wrong PIN. {left} more tries before a one-minute lock."
    zh = "PIN 不正确，再错 {left} 次将锁定一分钟。"


class LockedOut(UserError):
    en = "Too many wrong PINs: try again in {seconds} seconds."
    zh = "PIN 错误次数过多，请 {seconds} 秒后再试。"


class SignInService(CounterService):
    def sign_in(self, staff_id: str, pin: str) -> StaffMember:
        """The staff member, if the PIN is theirs; WrongPin or LockedOut otherwise."""
        return self.check_pin(staff_id, pin, SIGNED_IN)

    def check_pin(
        self, staff_id: str, pin: str, accepted: str = PIN_CHECKED, purpose: str = ""
    ) -> StaffMember:
        """sign_in's check for another `purpose` (noted in the audit log): the right PIN is
        audited as `accepted`; wrong ones count toward the same lock-out."""
        now = self._clock.now()
        with self._db.read() as session:
            staff = session.get(Staff, staff_id)
            if staff is None or not staff.active:
                raise UnknownStaff(staff_id=staff_id)
            pin_hash, member = staff.pin_hash, staff_member(staff)
            recent = list(
                session.execute(
                    select(AuditEntry.action, AuditEntry.at)
                    .where(
                        AuditEntry.entity_type == "sign_in",
                        AuditEntry.entity_id == staff_id,
                        AuditEntry.action.in_((WRONG_PIN, SIGNED_IN, PIN_CHECKED)),
                    )
                    .order_by(AuditEntry.seq.desc())
                    .limit(MAX_WRONG)
                )
            )
        wrong = [at for action, at in takewhile(lambda e: e[0] == WRONG_PIN, recent)]
        if len(wrong) >= MAX_WRONG and now - wrong[0] < LOCKOUT:
            self._note(staff_id, LOCKED, purpose)
            raise LockedOut(seconds=int((LOCKOUT - (now - wrong[0])).total_seconds()) + 1)
        if pin_matches(pin_hash, pin):
            self._note(staff_id, accepted, purpose)
            return member
        self._note(staff_id, WRONG_PIN, purpose)
        left = MAX_WRONG - len(wrong) - 1
        if left <= 0:
            raise LockedOut(seconds=int(LOCKOUT.total_seconds()))
        raise WrongPin(left=left)

    def sign_out(self, staff_id: str) -> None:
        self._note(staff_id, "sign_in.signed_out")

    def _note(self, staff_id: str, action: str, purpose: str = "") -> None:
        after = {"for": purpose} if purpose else None
        with self._db.write() as session:
            audit = AuditRecord(staff_id, action, "sign_in", staff_id, after=after)
            self._journal().record(session, self._clock.now(), audit)
