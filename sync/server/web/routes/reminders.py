"""Reminders: what the server prepared for a store's customers, and whether each went — sent,
waiting to be tried again (with the gateway's last answer) or given up (docs/bookings.md,
"Reminders")."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import and_, func, select

from sync.server import models
from sync.server.auth import engine_of
from sync.server.web.deps import CurrentSession, VisibleStore
from sync.server.web.pages import render

router = APIRouter(prefix="/console", include_in_schema=False)
MESSAGE = models.table_of(models.OutgoingMessage)
SHOWN = 200


def masked(phone: str) -> str:
    """138****8000: enough to tell customers apart, not a number to copy."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else phone


@router.get("/stores/{store_id}/reminders")
def reminders_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    status: Annotated[Literal["", "pending", "sending", "sent", "failed"], Query()] = "",
) -> HTMLResponse:
    mine = MESSAGE.c.store_id == store.id
    chosen = and_(mine, MESSAGE.c.status == status) if status else mine
    with engine_of(request).connect() as connection:
        counts: dict[str, int] = dict(
            connection.execute(
                select(MESSAGE.c.status, func.count()).where(mine).group_by(MESSAGE.c.status)
            ).all()
        )
        rows = connection.execute(
            select(MESSAGE).where(chosen).order_by(MESSAGE.c.due_at.desc()).limit(SHOWN)
        ).mappings()
        messages = [dict(r) | {"recipient": masked(r["recipient"])} for r in rows]
    return render(
        request,
        "reminders.html",
        session,
        store=store,
        messages=messages,
        counts=counts,
        status=status,
    )
