"""Staff edited at the server (the owner's console, the `edit-staff` command): new members, edits
and PINs, under the counter's own rules (salon_pos/domain/staff_rules.py) and saved through the
same path as a counter's staff.saved (sync/server/handlers/setup.py), so every counter of the
store receives the person on its next pull and they sign in there with the PIN set here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from salon_pos.domain.errors import UserError
from salon_pos.domain.pins import check_pin, hash_pin
from salon_pos.domain.staff_rules import (
    APPROVER_ROLES,
    OwnersOnly,
    approves,
    clean_limit,
    clean_name,
    clean_phone,
    clean_role,
    clean_skills,
    refuse_approver_without_pin,
    refuse_last_approver_gone,
    refuse_taken_pin,
)
from sync.messages import Message
from sync.operations.setup import StaffSavedV2
from sync.server.admin import AdminError
from sync.server.batch import BatchWriter, new_server_id
from sync.server.config import utc_now
from sync.server.db import load_json
from sync.server.handlers.setup import STAFF, STAFF_FIELDS, save_staff
from sync.server.master_data import Clock, edited_payload, known_fields, store_writer


class StaffRefused(AdminError):
    """A staff change the store's rules refuse (salon_pos/domain/staff_rules.py): `message`
    says why in both languages; nothing was changed."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


STAFF_EDITABLE = tuple(f for f in STAFF_FIELDS if f != "pin_hash")
NEW_STAFF = {"skills": [], "phone": "", "discount_limit": 0, "active": True}


@contextmanager
def _staff_rules() -> Iterator[None]:
    """The domain's refusals (UserError, with both languages) as StaffRefused."""
    try:
        yield
    except UserError as error:
        raise StaffRefused(error) from None


def _cleaned_staff(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The fields as a counter would keep them (the counter's clean_* rules)."""
    cleaned = dict(changes)
    with _staff_rules():
        if "name" in cleaned:
            cleaned["name"] = clean_name(str(cleaned["name"]))
        if "role" in cleaned:
            cleaned["role"] = clean_role(str(cleaned["role"])).value
        if "phone" in cleaned:
            cleaned["phone"] = clean_phone(str(cleaned["phone"] or ""))
        if "skills" in cleaned:
            skills = cleaned["skills"]
            text = skills.replace("，", ",").split(",") if isinstance(skills, str) else skills
            cleaned["skills"] = list(clean_skills([str(s) for s in text]))
        if "discount_limit" in cleaned:
            if not isinstance(cleaned["discount_limit"], int):
                raise AdminError("discount_limit is a whole number of fen")
            clean_limit(cleaned["discount_limit"])
    if "active" in cleaned and not isinstance(cleaned["active"], bool):
        raise AdminError("active is true or false")
    return cleaned


def _approver_hashes(connection: Connection, store_id: str, but: str) -> set[str | None]:
    """The PIN hashes of the store's active managers and owners, but `but`'s."""
    query = select(STAFF.c.id, STAFF.c.pin_hash, STAFF.c.data).where(
        STAFF.c.store_id == store_id, STAFF.c.role.in_(APPROVER_ROLES), STAFF.c.id != but
    )
    rows = connection.execute(query).all()
    return {r.pin_hash for r in rows if load_json(r.data).get("active", True)}


@dataclass(frozen=True)
class NewPin:
    """A PIN checked before the store's lock (argon2 is slow): its hash, and the approvers'
    hashes it was checked against, so that under the lock only those set meanwhile are."""

    pin: str
    hash: str
    checked: set[str | None]

    def recheck(self, writer: BatchWriter, staff_id: str) -> None:
        """Under the store's lock: refused if an approver got this PIN since the first check."""
        newer = _approver_hashes(writer.connection, writer.store_id, staff_id) - self.checked
        with _staff_rules():
            refuse_taken_pin(self.pin, list(newer))


def _other_approvers(writer: BatchWriter, staff_id: str) -> int:
    query = select(STAFF.c.data).where(
        STAFF.c.store_id == writer.store_id,
        STAFF.c.role.in_(APPROVER_ROLES),
        STAFF.c.id != staff_id,
    )
    found = writer.connection.execute(query).scalars()
    return sum(1 for data in found if load_json(data).get("active", True))


def _check_staff(
    engine: Engine,
    store_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    pin: str | None,
    by_owner: bool,
) -> NewPin | None:
    """The counter's refusals of a new member or an edit, before any write (argon2 is slow);
    answers the new PIN, if one is given."""
    was = before is not None and approves(before["role"], before["active"])
    becomes = approves(after["role"], after["active"])
    owner_involved = "owner" in (after["role"], before and before["role"])
    with _staff_rules():
        if owner_involved and not by_owner:
            raise OwnersOnly()
        refuse_approver_without_pin(after["name"], was, becomes, pin is not None)
        if pin is None:
            return None
        check_pin(pin)
        if not becomes:  # a PIN only approvers must keep apart
            return NewPin(pin, hash_pin(pin), checked=set())
        with engine.connect() as connection:
            checked = _approver_hashes(connection, store_id, after["id"])
        refuse_taken_pin(pin, list(checked))
        return NewPin(pin, hash_pin(pin), checked)


def add_staff(
    engine: Engine,
    store_id: str,
    values: Mapping[str, Any],
    pin: str | None = None,
    clock: Clock = utc_now,
    by_owner: bool = True,
) -> str:
    """A new staff member of the store, saved as a counter's staff.saved is: every counter of
    the store receives them on its next pull, and they sign in there with `pin` (a manager or
    owner needs one). Answers their id."""
    known_fields(values, STAFF_EDITABLE)
    member = NEW_STAFF | _cleaned_staff(values) | {"id": new_server_id()}
    if "name" not in values or "role" not in values:
        raise AdminError("a new staff member needs a name and a role")
    new_pin = _check_staff(engine, store_id, None, member, pin, by_owner)
    with store_writer(engine, store_id, clock) as writer:
        if new_pin is not None and approves(str(member["role"]), bool(member["active"])):
            new_pin.recheck(writer, str(member["id"]))
        pin_hash = new_pin.hash if new_pin else None
        saved = StaffSavedV2.model_validate(member | {"pin_hash": pin_hash})
        save_staff(writer, saved, None, [])
    return str(member["id"])


def edit_staff(
    engine: Engine,
    store_id: str,
    staff_id: str,
    changes: Mapping[str, Any],
    clock: Clock = utc_now,
    pin: str | None = None,
    by_owner: bool = True,
) -> None:
    """Change some fields of a staff member of the store, and set their PIN if `pin` is given,
    under the counter's rules: the last active manager or owner stays one, a new manager gets
    a new PIN, no two approvers share a PIN. `by_owner`: False for a store manager's account,
    which may not touch an owner."""
    if changes or pin is None:
        known_fields(changes, STAFF_EDITABLE)
    before = staff_member(engine, store_id, staff_id)
    changes = {k: v for k, v in _cleaned_staff(changes).items() if before[k] != v}
    if not changes and pin is None:
        return  # nothing new: no edit stamped newer than a counter's
    after = before | changes
    new_pin = _check_staff(engine, store_id, before, after, pin, by_owner)
    with store_writer(engine, store_id, clock) as writer:
        if new_pin is not None and approves(after["role"], after["active"]):
            new_pin.recheck(writer, staff_id)
        pin_hash = new_pin.hash if new_pin else None
        found = writer.connection.execute(
            select(STAFF.c.data).where(STAFF.c.id == staff_id, STAFF.c.store_id == store_id)
        ).scalar()
        held = load_json(found) | {"pin_hash": None}
        was, stays = (
            approves(held["role"], held["active"]),
            approves(after["role"], after["active"]),
        )
        with _staff_rules():
            refuse_last_approver_gone(held["name"], was, stays, _other_approvers(writer, staff_id))
        edit = dict(changes) | ({"pin_hash": pin_hash} if pin_hash else {})
        save_staff(writer, edited_payload(StaffSavedV2, held, edit), None, [])


def staff_member(engine: Engine, store_id: str, staff_id: str) -> dict[str, Any]:
    """A member of the store as kept (with `id`, and `has_pin` instead of the PIN's hash)."""
    with engine.connect() as connection:
        found = connection.execute(
            select(STAFF.c.data, STAFF.c.pin_hash).where(
                STAFF.c.id == staff_id, STAFF.c.store_id == store_id
            )
        ).first()
    if found is None:
        raise AdminError(f"no staff member {staff_id} in store {store_id}")
    member: dict[str, Any] = NEW_STAFF | load_json(found.data) | {"id": staff_id}
    member.pop("pin_hash", None)
    return member | {"has_pin": bool(found.pin_hash)}
