"""Builds the change feed a server would send, from what counters queued (a stand-in for the
server's handlers in the client's unit tests; the live tests use the real server)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from salon_pos.db.models import OutboxOperation, Ticket
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from sync.wire import Change
from tests.conftest import Shelf, Team

AT = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def open_counter(home: Path, template: Path, clock: Any, prefix: str) -> Backend:
    paths = Paths(home).ensure()
    shutil.copyfile(template, paths.database)
    backend = open_backend(paths, clock)
    backend.settings.initialise("丽人美容（测试店）", prefix)
    return backend


def mark_pushed(counter: Backend) -> None:
    """Everything queued reached the server (a pulled record no longer waits for this
    counter's own edits to be merged: sync_ops.pending)."""
    with counter.db.write() as session:
        session.execute(update(OutboxOperation).values(pushed_at=counter.clock.now()))


def seed_team(counter: Backend) -> Team:
    """A manager, a front-desk person and a technician, added at this counter."""
    return Team(
        manager=counter.staff.add("王店长", "manager", Team.MANAGER_PIN),
        desk=counter.staff.add("周小敏", "front_desk", Team.DESK_PIN),
        tech=counter.staff.add("李娜", "technician", "2222", skills=["facial", "nail"]),
    )


def seed_store(counter: Backend) -> tuple[Team, Shelf]:
    """The first counter of a store brings its staff and catalog (the others pull them)."""
    team = seed_team(counter)
    facial = counter.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    manicure = counter.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail")
    serum = counter.catalog.add_product("护肤品", "玻尿酸精华", "SKU-001", 12800, 5000, "6901234")
    return team, Shelf(facial.id, manicure.id, serum.id)


class Feed:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, entity: str, entity_id: str, data: dict[str, Any]) -> Change:
        change = Change(
            seq=len(self.changes) + 1, entity=entity, entity_id=entity_id, data=data, at=AT
        )
        self.changes.append(change)
        return change

    def from_outbox(self, counter: Backend) -> list[Change]:
        """What the server would publish after applying the counter's operations (no conflicts)."""
        added = []
        with counter.db.read() as session:
            ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
            for op in ops:
                payload = json.loads(op.payload)
                added += self._publish(session, op.type, payload, op.device_id)
        return added

    def _publish(self, session: Any, op_type: str, p: dict[str, Any], device: str) -> list[Change]:
        if op_type == "staff.saved":
            return [self.add("staff", p["id"], p)]
        if op_type == "catalog.item_saved":
            return [self.add("catalog_item", p["id"], p)]
        if op_type == "customer.created":
            hlc = p.pop("hlc")
            stamps = dict.fromkeys(("name", "phone", "gender", "birthday", "notes"), hlc)
            return [self.add("customer", p["id"], p | {"merged_into": None, "stamps": stamps})]
        if op_type == "sale.completed":
            extra = {"device_id": device, "voided_at": None, "voided_by": None, "void_reason": ""}
            return [self.add("ticket", p["id"], p | extra)]
        if op_type in ("sale.voided", "sale.refunded"):
            ticket = session.get(Ticket, p["ticket_id"])
            sale = next(
                c for c in self.changes if c.entity == "ticket" and c.entity_id == ticket.id
            )
            state = {
                "status": ticket.status,
                "voided_at": ticket.voided_at.isoformat() if ticket.voided_at else None,
                "voided_by": ticket.voided_by,
                "void_reason": ticket.void_reason,
            }
            added = []
            if op_type == "sale.refunded":
                tenders = [t | {"position": i} for i, t in enumerate(p["tenders"], 1)]
                added.append(self.add("refund", p["id"], p | {"tenders": tenders}))
            added.append(self.add("ticket", ticket.id, sale.data | state))
            return added
        return []
