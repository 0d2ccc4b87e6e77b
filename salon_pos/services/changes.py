"""What a use case or an applied pull changed, by kind of record and id — handed back to the UI,
which announces it once (UiContext.announce) so every open screen refreshes what it shows
(Anki's OpChanges). Kinds are the change feed's entities (sync/operations/) and a few of the
counter's own: settings, queued (the outbox: operations queued or pushed), parked (pulled
changes put aside)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

SETTINGS: Final = "settings"
QUEUED: Final = "queued"
PARKED: Final = "parked"


@dataclass(frozen=True)
class Changes:
    by_kind: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, kind: str, *ids: str) -> Changes:
        return cls({kind: frozenset(ids)})

    @classmethod
    def union(cls, parts: Iterable[Changes]) -> Changes:
        """All of them, each id set built once: a pull of thousands of changes merges in linear
        time (`a | b | c …` copies the growing sets every time)."""
        merged: dict[str, set[str]] = {}
        for part in parts:
            for kind, ids in part.by_kind.items():
                merged.setdefault(kind, set()).update(ids)
        return cls({kind: frozenset(ids) for kind, ids in merged.items()})

    @classmethod
    def touched(cls, pairs: Iterable[tuple[str, str]]) -> Changes:
        """From (kind, id) pairs, such as the changes a page applied."""
        merged: dict[str, set[str]] = {}
        for kind, record_id in pairs:
            merged.setdefault(kind, set()).add(record_id)
        return cls({kind: frozenset(ids) for kind, ids in merged.items()})

    def __or__(self, other: Changes) -> Changes:
        return Changes.union((self, other))

    def __bool__(self) -> bool:
        return bool(self.by_kind)

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.by_kind for kind in kinds)

    def ids(self, kind: str) -> frozenset[str]:
        return self.by_kind.get(kind, frozenset())

    @property
    def kinds(self) -> Iterable[str]:
        return self.by_kind.keys()
