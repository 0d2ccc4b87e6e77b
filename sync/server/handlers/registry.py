"""Handlers by (operation type, payload version). Each family's module registers its handlers
with `@handles`, declaring what the handler reads and which tables it writes; an operation
queued under an older payload version is upgraded step by step (the family's `upgrades`) to the
version a handler takes, so a counter upgraded with operations still queued loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Table

from sync.operations import OPERATIONS
from sync.operations.kinds import OperationKind
from sync.server.batch import BatchWriter, new_server_id
from sync.server.context import BatchCache, Handler, OpContext
from sync.wire import Operation

F = TypeVar("F", bound=Handler)


@dataclass(frozen=True)
class HandlerSpec:
    kind: OperationKind
    version: int  # the payload version the handler takes
    handle: Handler
    reads: bool  # reads what earlier operations wrote: the batch is flushed before it runs
    writes: tuple[Table, ...]  # besides changes and conflicts (BatchWriter), which all may write

    @property
    def payload_model(self) -> type[BaseModel]:
        return self.kind.versions[self.version]


HANDLERS: dict[tuple[str, int], HandlerSpec] = {}


def handles(
    op_type: str, *, reads: bool, writes: tuple[Table, ...], version: int | None = None
) -> Callable[[F], F]:
    """Register the decorated function as the handler of `op_type` (its current version unless
    `version` says which); a second handler for the same version is an error."""
    kind = OPERATIONS[op_type]

    def register(handler: F) -> F:
        key = (op_type, version or kind.version)
        if key in HANDLERS:
            raise ValueError(f"{key} has two handlers")
        HANDLERS[key] = HandlerSpec(kind, key[1], handler, reads, writes)
        return handler

    return register


@dataclass(frozen=True)
class Resolved:
    """How an operation of one (type, version) is applied: validated with `model`, upgraded
    through `steps`, then handled by `spec`."""

    model: type[BaseModel]
    steps: tuple[Callable[[Any], BaseModel], ...]
    spec: HandlerSpec

    def payload(self, raw: dict[str, Any]) -> BaseModel:
        payload = self.model.model_validate(raw)
        for step in self.steps:
            payload = step(payload)
        return payload


def resolve(op_type: str, version: int) -> Resolved | None:
    """None: no handler takes that type and version, directly or after upgrades."""
    kind = OPERATIONS.get(op_type)
    if kind is None or version not in kind.versions:
        return None
    steps: list[Callable[[Any], BaseModel]] = []
    at = version
    while (op_type, at) not in HANDLERS:
        upgrade = kind.upgrades.get(at)
        if upgrade is None or at + 1 not in kind.versions:
            return None
        steps.append(upgrade)
        at += 1
    return Resolved(kind.versions[version], tuple(steps), HANDLERS[(op_type, at)])


def run_at_server(writer: BatchWriter, op_type: str, payload: dict[str, Any], by: str) -> list[str]:
    """Apply an operation the server itself makes (a decision in the web console, a request
    from the online booking page) with its own handler, in the writer's transaction; `by` is
    the account or store it is made for, never an origin: every counter pulls its changes.
    Answers the conflicts it recorded."""
    kind = OPERATIONS[op_type]
    handler = resolve(op_type, kind.version)
    assert handler is not None
    op = Operation(
        id=new_server_id(),
        device_id=by,
        seq=1,
        type=op_type,
        occurred_at=writer.now,
        payload_version=kind.version,
        payload=payload,
    )
    context = OpContext(writer, BatchCache(), op, writer.now, at_server=True)
    return handler.spec.handle(context, handler.payload(payload))
