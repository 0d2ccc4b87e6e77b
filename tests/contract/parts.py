"""What an operation family must have on both sides, and a check that lists what is missing
(docs/sync.md, "Adding an operation"). The contract test runs it on the real registries, and on
a deliberately incomplete family to show that it catches each missing part."""

from __future__ import annotations

import importlib
import inspect
import re
import string
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sync.operations import Registry
from sync.operations.kinds import ConflictKind, OperationKind, Words
from sync.operations.payloads import Lenient


@dataclass(frozen=True)
class Sides:
    """Where each part is looked up: the shared declarations, the server, the counter, docs."""

    registry: Registry
    handler_for: Callable[[str, int], Any | None]  # (type, version) → what applies it, or None
    write_order: Collection[str]  # table names the server's batch writer flushes
    builders: Mapping[str, Callable[..., Any]]
    appliers: Mapping[str, Callable[..., Any]]
    docs: str
    resolution_words: Mapping[str, Words]


def missing_parts(sides: Sides) -> list[str]:
    missing: list[str] = []
    for family in sides.registry.families:
        for op in family.operations:
            missing += [f"{op.name}: {part}" for part in _operation_gaps(sides, family.name, op)]
        for change in family.changes:
            if change.entity not in sides.appliers:
                missing.append(f"change {change.entity}: counter-side applier")
            if f"`{change.entity}`" not in sides.docs:
                missing.append(f"change {change.entity}: docs entry")
        for conflict in family.conflicts:
            missing += [f"conflict {conflict.name}: {p}" for p in _conflict_gaps(sides, conflict)]
    return missing


def _operation_gaps(sides: Sides, family: str, op: OperationKind) -> list[str]:
    gaps = []
    module = importlib.import_module(f"sync.operations.{family}")
    if not any(
        isinstance(v, str) and v == op.name and k.isupper() for k, v in vars(module).items()
    ):
        gaps.append(f"constant in sync/operations/{family}.py")
    versions = sorted(op.versions)
    if not versions or versions != list(range(1, versions[-1] + 1)):
        gaps.append("payload versions 1..N")
    for version in versions:
        model = op.versions[version]
        if not (isinstance(model, type) and issubclass(model, Lenient)):
            gaps.append(f"wire model (a Lenient payload) of version {version}")
        if sides.handler_for(op.name, version) is None:
            gaps.append(f"server handler for version {version}")
    builder = sides.builders.get(op.name)
    if builder is None:
        gaps.append("client builder")
    elif _returns(builder) != op.model.__name__:
        gaps.append(f"client builder returning {op.model.__name__}")
    for entity in op.changes:
        if entity not in sides.registry.changes:
            gaps.append(f"change-feed entity {entity} declared")
    gaps += _write_order_gaps(sides, op)
    if f"`{op.name}`" not in sides.docs:
        gaps.append("docs entry")
    return gaps


def _write_order_gaps(sides: Sides, op: OperationKind) -> list[str]:
    handler = sides.handler_for(op.name, op.version)
    spec = getattr(handler, "spec", handler)
    tables = getattr(spec, "writes", ())
    return [f"write order of table {t.name}" for t in tables if t.name not in sides.write_order]


def _returns(builder: Callable[..., Any]) -> str:
    annotation = inspect.signature(builder).return_annotation
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")


def _conflict_gaps(sides: Sides, kind: ConflictKind) -> list[str]:
    gaps = []
    if not kind.resolutions:
        gaps.append("resolutions")
    for resolution in kind.resolutions:
        words = kind.resolution_words.get(resolution) or sides.resolution_words.get(resolution)
        if words is None or not (words.zh and words.en):
            gaps.append(f"words for resolution {resolution}")
    if not (kind.title.zh and kind.title.en):
        gaps.append("title in both languages")
    zh_fields, en_fields = _fields(kind.explanation.zh), _fields(kind.explanation.en)
    if not kind.explanation.zh or zh_fields != en_fields:
        gaps.append("explanation in both languages, with the same {fields}")
    facts = kind.facts({}, _Blank())  # details may lack any key: nothing may raise
    if set(facts) != en_fields:
        gaps.append("facts for every {field} of the explanation")
    if f"`{kind.name}`" not in sides.docs:
        gaps.append("docs entry")
    return gaps


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Blank:
    language = "en"

    def __getattr__(self, name: str) -> Callable[[Any], str]:
        return lambda value: "" if value is None else str(value)


def docs_mentions(docs: str) -> set[str]:
    return set(re.findall(r"`([a-z_.]+)`", docs))


def model_fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)
