"""What a family of synced operations declares, once: its operation types with every payload
version ever accepted, the change-feed entities it produces, and its conflict kinds with the
words a person reads (docs/sync.md, "Adding an operation")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from sync.messages import Both
from sync.protocol import hlc_parts

Upgrade = Callable[[Any], BaseModel]  # a payload of version v → the same fact as version v + 1


@dataclass(frozen=True)
class OperationKind:
    """One operation type. `versions`: every payload version the server ever accepted, with
    its model; `upgrades[v]` turns a version-v payload into version v + 1, so a handler only
    knows the current one and an operation queued before an upgrade still applies."""

    name: str  # "sale.completed"
    versions: Mapping[int, type[BaseModel]]
    changes: tuple[str, ...]  # change-feed entities its handler writes
    upgrades: Mapping[int, Upgrade] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return max(self.versions)

    @property
    def model(self) -> type[BaseModel]:
        return self.versions[self.version]


@dataclass(frozen=True)
class ChangeKind:
    """An entity of the change feed, and the model a counter reads its `data` with.
    `history`: past business (tickets, refunds), which a counter joining a store does not need
    before it can sell: its first pull brings the rest first and these in the background."""

    entity: str
    data_model: type[BaseModel]
    history: bool = False


class Describer(Protocol):
    """What a screen knows that a conflict's details do not: names of customers and devices,
    money and times in the store's format. The counter's inbox and the web console each have
    one."""

    language: str

    def customer(self, customer_id: Any) -> str: ...
    def device(self, stamp: Any) -> str: ...
    def money(self, fen: Any) -> str: ...
    def moment(self, value: Any) -> str: ...
    def value(self, value: Any) -> str: ...
    def unknown(self, value: Any) -> str: ...


Facts = Callable[[Mapping[str, Any], Describer], dict[str, str]]
Concerns = Callable[[Mapping[str, Any], Describer], list[Any]]


@dataclass(frozen=True)
class ConflictKind:
    """A kind of conflict the server records: what a manager may decide (the first is the usual
    suggestion), its name, the explanation (its `{fields}` from `facts`) and what it concerns,
    in one line for the inbox's list."""

    name: str  # "price_mismatch"
    resolutions: tuple[str, ...]
    title: Both
    explanation: Both
    facts: Facts
    concerns: Concerns
    resolution_words: Mapping[str, Both] = field(default_factory=dict)  # kind-specific names
    noted: tuple[str, ...] = ()  # resolutions a manager must explain (a write-off's reason)

    def explain(self, details: Mapping[str, Any], say: Describer) -> str:
        return self.explanation.text(say.language).format(**self.facts(details, say))


@dataclass(frozen=True)
class Family:
    name: str
    operations: tuple[OperationKind, ...] = ()
    changes: tuple[ChangeKind, ...] = ()
    conflicts: tuple[ConflictKind, ...] = ()


def pick(details: Mapping[str, Any], *keys: str) -> Any:
    """The first of `keys` that details hold (not None), else None: the server wrote them, and
    an older server may have written fewer."""
    return next((details[k] for k in keys if details.get(k) is not None), None)


def moment_of(value: Any) -> datetime | None:
    """The time a conflict's detail holds, whichever form the server wrote it in: an HLC stamp,
    an ISO time or epoch milliseconds (UTC); None if it is none of those."""
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value / 1000, UTC)
        if isinstance(value, str) and value[:13].isdigit() and value.count("-") >= 2:
            return datetime.fromtimestamp(hlc_parts(value)[0] / 1000, UTC)
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        pass
    return None


def node_of(stamp: Any) -> str | None:
    """The device that made a stamped edit (the node of its HLC stamp), or the device an id
    names (a conflict may hold device ids), if it is either."""
    try:
        return hlc_parts(str(stamp))[2]
    except ValueError:
        is_id = isinstance(stamp, str) and len(stamp) == 36 and stamp.count("-") == 4
        return stamp if is_id else None


class StoreTimes:
    """The times of a Describer, in the store's time zone: its `zone` is set by the screen, and
    its `unknown` words what is not a time."""

    zone: ZoneInfo

    def unknown(self, value: Any) -> str:
        raise NotImplementedError

    def moment(self, value: Any) -> str:
        """An HLC stamp, an ISO time or epoch milliseconds, in the store's time."""
        moment = moment_of(value)
        return self.unknown(value) if moment is None else self.local(moment)

    def local(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")
