"""The customer profile: its fields saved and checked, and health data kept sealed and shown only
to owners, managers and technicians who served the customer in the last 90 days."""

from __future__ import annotations

import json
from dataclasses import replace

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select

from salon_pos.db.models import AuditEntry, Customer, OutboxOperation
from salon_pos.domain.customer_class import CustomerClass, Standing
from salon_pos.domain.customer_profile import TooManyTags
from salon_pos.domain.errors import InvalidChoice, UserError
from salon_pos.security.keyring_problems import NoKeyring
from salon_pos.services.backend import Backend
from salon_pos.services.customer_health import HealthDataNotAllowed
from salon_pos.services.customers import CHANGED, CustomerProfile
from tests.conftest import FakeClock, Shelf, Team, three_line_sale

NOTE = "青霉素过敏，孕期 XJ-7731"
ALLERGY = "芒果 花粉 QZ-4410"


pytestmark = pytest.mark.usefixtures("memory_keyring")  # the store key


def _add(backend: Backend, team: Team) -> CustomerProfile:
    return backend.customers.add(
        "林晓",
        "13912345678",
        "F",
        actor_id=team.desk.id,
        skin_type="sensitive",
        skin_condition="两颊泛红",
        hair_condition="发尾干枯",
        preferences=("moisturizing", "whitening"),
        product_style="natural",
        favourite_technician_id=team.tech.id,
        tags=("孕期", " 学生 ", "孕期"),
        member_card="VIP-0001",
        source="referral",
        allergies=ALLERGY,
        health_notes=NOTE,
    )


def test_the_profile_is_saved_checked_and_read_back(backend: Backend, team: Team) -> None:
    added = _add(backend, team)
    read = backend.customers.get(added.id, team.manager.id)
    assert read.skin_type == "sensitive" and read.skin_condition == "两颊泛红"
    assert read.preferences == ("whitening", "moisturizing")  # the order of the choices
    assert read.tags == ("孕期", "学生")
    assert (read.member_card, read.source) == ("VIP-0001", "referral")
    assert read.product_style == "natural"
    assert read.favourite_technician_id == team.tech.id
    assert read.has_allergies and read.allergies == ALLERGY and read.health_notes == NOTE
    listed = backend.customers.search("林晓")[0]
    assert listed.has_allergies and listed.allergies is None  # a list never opens them


@pytest.mark.parametrize(
    ("fields", "error", "english"),
    [
        ({"skin_type": "shiny"}, InvalidChoice, "“shiny” is not one of: dry / oily"),
        ({"preferences": ("slimming",)}, InvalidChoice, "“slimming” is not one of"),
        ({"tags": tuple(f"t{i}" for i in range(21))}, TooManyTags, "at most 20 tags"),
        ({"source": "tv"}, InvalidChoice, "“tv” is not one of: walk_in / referral / online"),
        ({"health_notes": "x" * 2001}, UserError, "health notes is too long"),
    ],
)
def test_bad_profile_input_is_refused_in_both_languages_and_nothing_is_written(
    backend: Backend, team: Team, fields: dict[str, object], error: type[UserError], english: str
) -> None:
    with pytest.raises(error) as refused:
        backend.customers.add("林晓", "13912345678", actor_id=team.desk.id, **fields)
    assert english in refused.value.text("en")
    assert any("\u4e00" <= c <= "\u9fff" for c in refused.value.text("zh_CN"))
    assert backend.customers.search("林晓") == []


def test_a_customer_is_not_their_own_referrer(backend: Backend, team: Team) -> None:
    added = _add(backend, team)
    with pytest.raises(UserError) as refused:
        backend.customers.update(replace(added, referred_by=added.id), team.manager.id)
    assert refused.value.text("zh_CN") == "客户不能是自己的介绍人。"
    assert backend.customers.get(added.id).referred_by is None


def test_health_data_is_shown_to_managers_and_to_technicians_who_served_within_90_days(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    added = _add(backend, team)
    customers = backend.customers
    assert customers.get(added.id, team.desk.id).health_notes is None  # the front desk
    assert customers.get(added.id, team.desk.id).has_allergies  # … sees the warning only
    assert customers.get(added.id, team.tech.id).health_notes is None  # never served them
    assert customers.get(added.id).allergies is None  # nobody named: nothing shown
    assert customers.get(added.id, team.manager.id).health_notes == NOTE

    backend.checkout.complete_sale(three_line_sale(team, shelf, added.id))  # tech on two lines
    assert customers.may_read_health(added.id, team.tech.id)
    assert customers.get(added.id, team.tech.id).allergies == ALLERGY

    clock.advance(days=91)
    assert customers.get(added.id, team.tech.id).health_notes is None
    assert customers.get(added.id, team.manager.id).health_notes == NOTE


def test_someone_who_may_not_read_health_data_cannot_change_it(
    backend: Backend, team: Team
) -> None:
    added = _add(backend, team)
    withheld = backend.customers.get(added.id, team.desk.id)
    with pytest.raises(HealthDataNotAllowed) as refused:
        backend.customers.update(replace(withheld, health_notes="改掉"), team.desk.id)
    assert "90" in refused.value.text("en") and "90" in refused.value.text("zh_CN")
    assert backend.customers.get(added.id, team.manager.id).health_notes == NOTE
    # The rest of the profile the front desk may edit; the health data stays as it was.
    backend.customers.update(replace(withheld, skin_condition="好转"), team.desk.id)
    after = backend.customers.get(added.id, team.manager.id)
    assert after.skin_condition == "好转" and after.health_notes == NOTE


def test_health_data_is_sealed_in_the_row_the_outbox_and_the_audit_log(
    backend: Backend, team: Team
) -> None:
    added = _add(backend, team)
    mine = backend.customers.get(added.id, team.manager.id)
    backend.customers.update(replace(mine, health_notes=NOTE + " 已分娩"), team.manager.id)
    with backend.db.read() as session:
        row = session.get(Customer, added.id)
        assert row is not None
        assert row.health_notes.startswith("sealed:1:") and row.allergies.startswith("sealed:1:")
        payloads = session.scalars(select(OutboxOperation.payload)).all()
        audits = session.execute(select(AuditEntry.before, AuditEntry.after)).all()
    created, updated = (json.loads(p) for p in payloads[-2:])
    assert created["health_notes"].startswith("sealed:1:")
    assert updated["changed"]["health_notes"].startswith("sealed:1:")
    assert updated["before"]["health_notes"] == created["health_notes"]
    texts = [str(a) for a in audits] + payloads
    assert not any("XJ-7731" in t or "QZ-4410" in t for t in texts)
    assert any(CHANGED in t for t in texts)


def test_history_and_standing_come_from_the_tickets_and_the_store_thresholds(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    added = _add(backend, team)
    other = backend.customers.add("周敏", "13600002222")
    backend.checkout.complete_sale(three_line_sale(team, shelf, added.id))  # ¥494

    history = backend.customers.history(added.id)
    assert (history.spending.spend, history.spending.visits) == (49400, 1)
    assert (history.services, history.products) == (2, 1)
    [visit] = history.visits
    assert [line.name for line in visit.lines] == ["补水保湿护理", "日式美甲", "玻尿酸精华"]
    assert visit.lines[0].technician == "李娜"
    assert history.standing.customer_class == "member"  # holds a member card
    assert history.balances.points == 494  # ¥494 at the store's 1 point a yuan

    backend.settings.update(class_vip_spend=40000, class_lapsed_days=30)
    clock.advance(days=45)
    standings = backend.customers.standings([added.id, other.id])
    assert standings[added.id].customer_class == "vip"
    assert standings[added.id].lapsed_days == 45
    assert standings[other.id] == Standing(CustomerClass.NORMAL, None)


def test_without_a_keyring_the_rest_of_the_profile_still_saves_and_health_data_is_refused(
    backend: Backend, team: Team
) -> None:
    keyring.set_keyring(fail.Keyring())  # a bare Linux with no Secret Service
    added = backend.customers.add("周敏", "13600002222", actor_id=team.manager.id)
    assert added.health_notes == ""
    edited = backend.customers.update(replace(added, skin_type="dry"), team.manager.id)
    assert edited.skin_type == "dry"
    with pytest.raises(NoKeyring):
        backend.customers.update(replace(edited, health_notes="孕期"), team.manager.id)
    assert backend.customers.get(added.id, team.manager.id).health_notes == ""
