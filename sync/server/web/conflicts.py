"""A store's sync conflicts as the console shows them: in the counter's words (the kinds'
declarations in sync/operations/, read through a Describer of the console's own, which knows
the server's names of customers, counters and the people who decided)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, select

from sync.messages import Both
from sync.operations import CONFLICTS, REGISTRY
from sync.operations.kinds import StoreTimes, node_of
from sync.operations.members import CONFLICT_OVERDRAFT
from sync.protocol import CONFLICT_OPEN
from sync.server import models
from sync.server.db import load_json
from sync.server.web import words
from sync.server.web.accounts import MANAGER, OWNER
from sync.server.web.deps import DEVICE, StoreRef
from sync.server.web.pages import money

CONFLICT = models.table_of(models.Conflict)
CUSTOMER = models.table_of(models.Customer)
STAFF = models.table_of(models.StaffMember)
RESOLVED_SHOWN = 50  # the newest resolved ones; the open ones are all shown


@dataclass(frozen=True)
class ConflictView:
    id: str
    type: str
    open: bool
    title: str
    explanation: str
    concerns: str
    created_at: datetime
    suggestion: str  # its name, "" when none
    choices: tuple[tuple[str, str], ...]  # (resolution, its name), the suggested one first
    resolution: str  # the name of the one chosen, "" while open
    resolved_by: str
    resolved_at: datetime | None
    note: str = ""  # the manager's words with the decision (a write-off's reason)
    takes_note: bool = False  # the form asks for a note (an overdraft's)


class ConsoleDescriber(StoreTimes):
    """sync.operations.kinds.Describer for the console: names from the server's tables."""

    def __init__(
        self, language: str, time_zone: str, people: dict[str, str], counters: dict[str, str]
    ) -> None:
        self.language = language
        self.zone = ZoneInfo(time_zone)
        self.people = people  # customer id → name
        self.counters = counters  # device id → counter ("A1")

    def customer(self, customer_id: Any) -> str:
        if not customer_id:
            return ""
        return self.people.get(str(customer_id)) or str(customer_id)[-8:]

    def device(self, stamp: Any) -> str:
        node = str(stamp) if stamp in self.counters else node_of(stamp)  # an id, or a stamp's
        if node is None:
            return ""
        if node in self.counters:
            return words.OnCounter(counter=self.counters[node]).text(self.language)
        return words.OtherCounter(device=node[-6:]).text(self.language)

    def money(self, fen: Any) -> str:
        return money(fen) if isinstance(fen, int) else self.unknown(fen)

    def value(self, value: Any) -> str:
        return self.say(words.EMPTY_VALUE) if value in (None, "") else str(value)

    def unknown(self, value: Any) -> str:
        return self.say(words.UNKNOWN) if value in (None, "") else str(value)

    def say(self, text: Both) -> str:
        return text.text(self.language)


def store_conflicts(
    engine: Engine, store: StoreRef, language: str, conflict_type: str = ""
) -> list[ConflictView]:
    """The store's open conflicts, newest first, then its newest resolved ones; only those of
    `conflict_type` when one is given."""
    is_open = CONFLICT.c.status == CONFLICT_OPEN
    newest = (CONFLICT.c.created_at.desc(), CONFLICT.c.id.desc())
    mine = CONFLICT.c.store_id == store.id
    if conflict_type:
        mine = mine & (CONFLICT.c.type == conflict_type)
    with engine.connect() as connection:
        rows = [
            dict(r)
            for query in (
                select(CONFLICT).where(mine, is_open).order_by(*newest),
                select(CONFLICT).where(mine, ~is_open).order_by(*newest).limit(RESOLVED_SHOWN),
            )
            for r in connection.execute(query).mappings()
        ]
        for row in rows:
            row["details"] = load_json(row["details"])
        say = ConsoleDescriber(
            language, store.time_zone, _people(connection, rows), _counters(connection, store.id)
        )
        decided = {r["resolved_by"] for r in rows} - {None}
        deciders = _deciders(connection, store.id, decided, language)
    return [_view(row, say, deciders) for row in rows]


def _view(row: dict[str, Any], say: ConsoleDescriber, deciders: dict[str, str]) -> ConflictView:
    kind, details = CONFLICTS.get(row["type"]), row["details"]
    language = say.language
    parts = kind.concerns(details, say) if kind else []
    concerns = " · ".join(str(p) for p in parts if p) or f"{row['entity']} {row['entity_id'][-8:]}"
    allowed = REGISTRY.resolutions_of(row["type"])
    ordered = sorted(allowed, key=lambda r: r != row["suggestion"])
    decider = row["resolved_by"]
    return ConflictView(
        id=row["id"],
        type=row["type"],
        open=row["status"] == CONFLICT_OPEN,
        title=kind.title.text(language) if kind else row["type"],
        explanation=kind.explain(details, say) if kind else row["type"],
        concerns=concerns,
        created_at=row["created_at"],
        suggestion=_name(row["suggestion"], row["type"], language),
        choices=tuple((r, _name(r, row["type"], language)) for r in ordered),
        resolution=_name(row["resolution"], row["type"], language),
        resolved_by=deciders.get(decider, decider[-8:]) if decider else "—",
        resolved_at=row["resolved_at"],
        note=str(details.get("resolution_note") or "") if isinstance(details, dict) else "",
        takes_note=row["type"] == CONFLICT_OVERDRAFT,
    )


def _name(resolution: str | None, conflict_type: str, language: str) -> str:
    return REGISTRY.resolution_name(resolution, conflict_type, language) if resolution else ""


def _people(connection: Connection, rows: list[dict[str, Any]]) -> dict[str, str]:
    wanted = {
        str(row["details"][key])
        for row in rows
        for key in ("customer_id", "other_customer_id")
        if isinstance(row["details"], dict) and row["details"].get(key)
    }
    if not wanted:
        return {}
    query = select(CUSTOMER.c.id, CUSTOMER.c.name).where(CUSTOMER.c.id.in_(wanted))
    return {r.id: r.name for r in connection.execute(query)}


def _counters(connection: Connection, store_id: str) -> dict[str, str]:
    query = select(DEVICE.c.id, DEVICE.c.counter).where(DEVICE.c.store_id == store_id)
    return {r.id: r.counter for r in connection.execute(query)}


def _deciders(
    connection: Connection, store_id: str, ids: set[str], language: str
) -> dict[str, str]:
    """Who decided, readable: a staff member's name (a counter's manager) or a web account's
    email (the console stores the account's id in `resolved_by`)."""
    if not ids:
        return {}
    found: dict[str, str] = {}
    staff = select(STAFF.c.id, STAFF.c.name).where(
        STAFF.c.store_id == store_id, STAFF.c.id.in_(ids)
    )
    for row in connection.execute(staff):
        found[row.id] = f"{row.name}{words.RESOLVED_AT_COUNTER.text(language)}"
    for table in (OWNER, MANAGER):
        accounts = select(table.c.id, table.c.email).where(table.c.id.in_(ids))
        for row in connection.execute(accounts):
            found[row.id] = f"{row.email}{words.RESOLVED_AT_CONSOLE.text(language)}"
    return found
