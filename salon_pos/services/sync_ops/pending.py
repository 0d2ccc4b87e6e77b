"""What this counter changed and has not pushed yet. A pulled record is the server's merge of
every counter's edits, so its values win, except for the fields this counter edited since: those
stay until the server has merged them too (its next change brings the outcome). Comparing stamps
instead would not converge: the server clamps stamps from clocks running ahead."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from salon_pos.db.models import OutboxOperation


def fields_not_pushed(
    session: Session, op_types: Iterable[str], record_id: str | None, every: Iterable[str]
) -> set[str]:
    """The fields of a record (by the payload's `id`; None: operations without one, such as
    the store's settings) changed by operations still waiting in the outbox. An operation that
    does not say which fields it changed (a creation) counts as changing `every` one."""
    query = select(OutboxOperation.payload).where(
        OutboxOperation.pushed_at.is_(None), OutboxOperation.type.in_(tuple(op_types))
    )
    if record_id is not None:
        query = query.where(func.json_extract(OutboxOperation.payload, "$.id") == record_id)
    fields: set[str] = set()
    for payload in session.scalars(query):
        changed = json.loads(payload).get("changed")
        fields.update(changed if changed else every)
    return fields
