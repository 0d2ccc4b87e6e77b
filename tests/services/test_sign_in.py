import pytest
from sqlalchemy import select

from salon_pos.db.models import AuditEntry
from salon_pos.services.backend import Backend
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.sign_in import LockedOut, WrongPin
from tests.conftest import FakeClock, Team


def test_the_right_pin_signs_in_and_is_audited(backend: Backend, team: Team) -> None:
    assert backend.sign_in.sign_in(team.desk.id, Team.DESK_PIN) == team.desk
    with backend.db.read() as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.entity_type == "sign_in"))
        )
    assert actions == ["sign_in.succeeded"]


def test_five_wrong_pins_lock_for_a_minute(backend: Backend, team: Team, clock: FakeClock) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPin) as raised:
            backend.sign_in.sign_in(team.desk.id, "0000")
        assert f"{left}" in raised.value.message("zh_CN")
    with pytest.raises(LockedOut):
        backend.sign_in.sign_in(team.desk.id, "0000")
    clock.advance(seconds=30)
    with pytest.raises(LockedOut) as raised:  # even the right PIN waits out the minute
        backend.sign_in.sign_in(team.desk.id, Team.DESK_PIN)
    assert "31" in raised.value.message("en")
    clock.advance(seconds=31)
    assert backend.sign_in.sign_in(team.desk.id, Team.DESK_PIN) == team.desk
    with pytest.raises(WrongPin):  # a success starts the count afresh
        backend.sign_in.sign_in(team.desk.id, "0000")
    # someone else is not locked by the desk's mistakes
    assert backend.sign_in.sign_in(team.manager.id, Team.MANAGER_PIN) == team.manager


def test_outbox_status_counts_what_waits(backend: Backend, team: Team, clock: FakeClock) -> None:
    status = outbox_status(backend.db)
    assert status.pending == 3 and status.oldest_at == clock.current  # the three staff added
