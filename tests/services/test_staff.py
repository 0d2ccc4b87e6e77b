"""Staff at the counter: add, edit, PINs and deactivation, each refusal changing nothing, and
no PIN (nor its hash) in the audit log; the hash only in staff.saved."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, Staff
from salon_pos.domain.errors import InvalidPhone, RequiredField, UserError, WrongManagerPin
from salon_pos.security.pins import InvalidPin, pin_matches
from salon_pos.services.backend import Backend
from salon_pos.services.staff_rules import LastApprover, NewPinNeeded, OwnersOnly, PinTaken
from tests.conftest import Team


def snapshot(backend: Backend) -> tuple[list[tuple[object, ...]], int, int]:
    """Everything a refused change must leave as it was."""
    with backend.db.read() as session:
        rows = [
            (s.id, s.name, s.role, tuple(s.skills), s.phone, s.active, s.pin_hash)
            for s in session.scalars(select(Staff).order_by(Staff.id))
        ]
        outbox = session.scalar(select(func.count()).select_from(OutboxOperation)) or 0
        audit = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return rows, outbox, audit


def last_audit_and_op(backend: Backend) -> tuple[AuditEntry, OutboxOperation]:
    with backend.db.read() as session:
        audit = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        op = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq.desc())).first()
        assert audit is not None and op is not None
        return audit, op


def pin_hash_of(backend: Backend, staff_id: str) -> str:
    with backend.db.read() as session:
        staff = session.get(Staff, staff_id)
        assert staff is not None
        return staff.pin_hash


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda b: b.staff.add("  ", "technician", "1234"), RequiredField),
        (lambda b: b.staff.add("新人", "technician", "123"), InvalidPin),
        (lambda b: b.staff.add("新人", "technician", "12a4"), InvalidPin),
        (lambda b: b.staff.add("新人", "technician", "1234", phone="12"), InvalidPhone),
        (lambda b: b.staff.add("新店长", "manager", Team.MANAGER_PIN), PinTaken),
        (lambda b: b.staff.add("新人", "technician", "1234", approver_pin="0000"), WrongManagerPin),
    ],
)
def test_bad_new_staff_is_refused_and_nothing_changes(
    backend: Backend, team: Team, call: object, error: type[UserError]
) -> None:
    before = snapshot(backend)
    with pytest.raises(error) as raised:
        call(backend)  # type: ignore[operator]
    assert raised.value.message("zh") and raised.value.message("en")
    after = snapshot(backend)
    assert after[0] == before[0] and after[1] == before[1]  # a wrong PIN is audited, no more


def test_add_writes_staff_saved_with_the_hash_and_an_audit_without_it(
    backend: Backend, team: Team
) -> None:
    member = backend.staff.add(
        "陈美", "technician", "4321", ["Nail", "lash"], phone="138 0013 8000",
        approver_pin=Team.MANAGER_PIN, actor_id=team.manager.id,
    )  # fmt: skip
    assert member.skills == ("nail", "lash") and member.phone == "13800138000"
    audit, op = last_audit_and_op(backend)
    payload = json.loads(op.payload)
    assert op.type == "staff.saved" and payload["phone"] == "13800138000"
    assert pin_matches(payload["pin_hash"], "4321")
    assert audit.action == "staff.added" and audit.entity_id == member.id
    assert "pin_hash" not in (audit.after or "") and "4321" not in (audit.after or "")
    assert json.loads(audit.after or "{}")["approved_by"] == team.manager.id


def test_set_pin_needs_a_managers_pin_and_replaces_the_hash(backend: Backend, team: Team) -> None:
    before = snapshot(backend)
    for approver in (None, "", "2222"):  # none, or a technician's PIN
        with pytest.raises(UserError):
            backend.staff.set_pin(team.tech.id, "5678", approver)
    assert snapshot(backend)[0] == before[0]
    backend.staff.set_pin(team.tech.id, "5678", Team.MANAGER_PIN, actor_id=team.manager.id)
    assert pin_matches(pin_hash_of(backend, team.tech.id), "5678")
    audit, op = last_audit_and_op(backend)
    assert audit.action == "staff.pin_set" and "5678" not in (audit.after or "")
    assert "argon2" not in (audit.after or "") and "argon2" not in (audit.before or "")
    assert pin_matches(json.loads(op.payload)["pin_hash"], "5678")


def test_a_managers_pin_must_differ_from_every_other_active_approver(
    backend: Backend, team: Team
) -> None:
    owner = backend.staff.add("老板", "owner", "9999")
    with pytest.raises(PinTaken):
        backend.staff.set_pin(owner.id, Team.MANAGER_PIN, "9999")
    backend.staff.set_pin(owner.id, Team.DESK_PIN, "9999")  # a front-desk PIN does not approve
    backend.staff.set_pin(team.manager.id, "8888", Team.DESK_PIN)  # own PIN again: fine
    assert pin_matches(pin_hash_of(backend, owner.id), Team.DESK_PIN)


def test_promotion_needs_a_new_pin_that_no_approver_uses(backend: Backend, team: Team) -> None:
    before = snapshot(backend)
    with pytest.raises(NewPinNeeded):
        backend.staff.edit(team.desk.id, role="manager")
    with pytest.raises(PinTaken):
        backend.staff.edit(
            team.desk.id, role="manager", new_pin=Team.MANAGER_PIN, approver_pin=Team.MANAGER_PIN
        )
    assert snapshot(backend)[0] == before[0]
    promoted = backend.staff.edit(
        team.desk.id, role="manager", new_pin="7777", approver_pin=Team.MANAGER_PIN
    )
    assert promoted.role == "manager"
    assert backend.staff.get(team.desk.id).role.approves


def test_the_last_manager_cannot_be_deactivated_or_demoted(backend: Backend, team: Team) -> None:
    before = snapshot(backend)
    with pytest.raises(LastApprover) as raised:
        backend.staff.deactivate(team.manager.id)
    assert "王店长" in raised.value.message("zh")
    with pytest.raises(LastApprover):
        backend.staff.edit(team.manager.id, role="technician")
    assert snapshot(backend) == before
    backend.staff.add("老板", "owner", "9999")
    backend.staff.deactivate(team.manager.id, actor_id=None)
    assert [s.name for s in backend.staff.list() if s.role.approves] == ["老板"]


def test_deactivated_staff_keep_their_name_and_leave_the_lists(
    backend: Backend, team: Team
) -> None:
    backend.staff.deactivate(team.tech.id, actor_id=team.manager.id)
    assert team.tech.id not in {s.id for s in backend.staff.list()}
    kept = backend.staff.get_any(team.tech.id)
    assert kept.name == "李娜" and not kept.active
    audit, op = last_audit_and_op(backend)
    assert audit.action == "staff.deactivated"
    assert json.loads(op.payload)["active"] is False and json.loads(op.payload)["pin_hash"] is None


def test_edit_changes_the_fields_given_and_nothing_when_nothing_differs(
    backend: Backend, team: Team
) -> None:
    edited = backend.staff.edit(
        team.tech.id, name="李娜娜", skills=["hair"], phone="13900001111", discount_limit=2000
    )
    assert (edited.name, edited.skills, edited.phone, edited.discount_limit) == (
        "李娜娜", ("hair",), "13900001111", 2000,
    )  # fmt: skip
    assert backend.staff.get(team.tech.id) == edited
    before = snapshot(backend)
    backend.staff.edit(team.tech.id, name="李娜娜")
    assert snapshot(backend) == before


def test_only_an_owner_changes_an_owner_or_makes_one(backend: Backend, team: Team) -> None:
    owner = backend.staff.add("林老板", "owner", "9999")
    before = snapshot(backend)
    refused = [
        lambda: backend.staff.set_pin(owner.id, "5555", Team.MANAGER_PIN),
        lambda: backend.staff.edit(owner.id, phone="13900001111", actor_id=team.manager.id),
        lambda: backend.staff.edit(
            team.desk.id, role="owner", new_pin="5555", approver_pin=Team.MANAGER_PIN
        ),
        lambda: backend.staff.add("新老板", "owner", "5555", approver_pin=Team.MANAGER_PIN),
    ]
    for call in refused:
        with pytest.raises(OwnersOnly):
            call()
    assert snapshot(backend)[0] == before[0]
    backend.staff.set_pin(owner.id, "5555", "9999")
    backend.staff.edit(owner.id, phone="13900001111", actor_id=owner.id)
    assert backend.staff.get(owner.id).phone == "13900001111"
