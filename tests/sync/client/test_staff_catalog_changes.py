"""Staff and catalog edits made at one counter reach another through the change feed: a phone,
a new PIN, a deactivation, a renamed and a hidden item."""

from __future__ import annotations

from dataclasses import replace

from salon_pos.domain.errors import Both
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.staff import verify_approver
from salon_pos.services.sync_outbox import CounterOutbox
from sync.operations.setup import StaffSaved
from tests.conftest import Team
from tests.sync.client.feed import Feed


def test_edits_at_one_counter_arrive_at_the_other(backend: Backend, other: Backend) -> None:
    manager = other.staff.add("王店长", "manager", Team.MANAGER_PIN)
    tech = other.staff.add("李娜", "technician", "2222", phone="13800138000")
    other.staff.set_pin(manager.id, "9876", Team.MANAGER_PIN)
    other.staff.deactivate(tech.id)
    serum = other.catalog.add_product("护肤品", "精华", "SKU-1", 12800, 5000, "690123")
    item = other.catalog.item(LineKind.PRODUCT, serum.id)
    other.catalog.edit(replace(item, name="玻尿酸精华"))
    other.catalog.set_active(LineKind.PRODUCT, serum.id, False)

    feed = Feed()
    feed.from_outbox(other)
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    assert outbox.apply_changes(feed.changes, feed.changes[-1].seq) == len(feed.changes)

    arrived = backend.staff.get_any(tech.id)
    assert arrived.phone == "13800138000" and not arrived.active
    assert verify_approver(backend.db, "9876", Both("测试", "test")).id == manager.id
    product = backend.catalog.item(LineKind.PRODUCT, serum.id)
    assert product.name == "玻尿酸精华" and not product.active
    assert serum.id not in {p.id for p in backend.catalog.products()}


def test_an_older_staff_saved_without_a_phone_is_still_valid() -> None:
    old = StaffSaved.model_validate({"id": "0" * 8, "name": "李娜", "role": "technician"})
    assert old.phone == ""


def test_a_phone_not_pushed_yet_stays_when_the_member_comes_back(backend: Backend) -> None:
    """A member added here (staff.saved of every field, not pushed) keeps its phone when the
    server's copy of it arrives before this counter's own operation has been merged there."""
    member = backend.staff.add("李娜", "technician", "2222", phone="13800138000")
    feed = Feed()
    stale = {"id": member.id, "name": "李娜", "role": "technician", "phone": "", "stamps": {}}
    feed.add("staff", member.id, stale)
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    assert outbox.apply_changes(feed.changes, 1) == 1
    assert backend.staff.get(member.id).phone == "13800138000"
