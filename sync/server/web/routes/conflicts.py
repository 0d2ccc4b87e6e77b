"""A store's sync conflicts, and resolving one: through the same `conflict.resolved` handler as
a counter's decision (sync/server/resolutions.py), so every counter pulls the outcome."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from sync.messages import Both
from sync.operations import REGISTRY
from sync.protocol import RESOLUTION_ACCEPT
from sync.server.admin import AdminError
from sync.server.auth import engine_of
from sync.server.resolutions import CONFLICT, AlreadyResolved, resolve_conflict
from sync.server.web import words
from sync.server.web.conflicts import store_conflicts
from sync.server.web.deps import (
    CurrentSession,
    PageNotFound,
    PostedSession,
    StoreRef,
    VisibleStore,
    now_of,
)
from sync.server.web.pages import language_of, render
from sync.server.web.sessions import Session

router = APIRouter(prefix="/console/stores/{store_id}/conflicts", include_in_schema=False)


def _page(
    request: Request,
    session: Session,
    store: StoreRef,
    status_code: int = 200,
    error: Both | None = None,
    resolved: str = "",
) -> HTMLResponse:
    shown = store_conflicts(engine_of(request), store, language_of(request))
    done = next((c for c in shown if c.id == resolved and not c.open), None)
    notice = words.ConflictClosed(title=done.title, resolution=done.resolution) if done else None
    return render(
        request,
        "conflicts.html",
        session,
        status_code,
        store=store,
        open_conflicts=[c for c in shown if c.open],
        resolved_conflicts=[c for c in shown if not c.open],
        error=error,
        notice=notice,
    )


@router.get("")
def conflicts_page(
    request: Request,
    session: CurrentSession,
    store: VisibleStore,
    resolved: Annotated[str, Query(max_length=36)] = "",
) -> HTMLResponse:
    return _page(request, session, store, resolved=resolved)


@router.post("/{conflict_id}")
def resolve(
    request: Request,
    session: PostedSession,
    store: VisibleStore,
    conflict_id: str,
    resolution: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    engine = engine_of(request)
    with engine.connect() as connection:
        conflict_type = connection.execute(
            select(CONFLICT.c.type).where(
                CONFLICT.c.id == conflict_id, CONFLICT.c.store_id == store.id
            )
        ).scalar()
    if conflict_type is None:
        raise PageNotFound()  # another store's conflict, or none: the same answer
    # What the handler takes: one the kind offers (the buttons), or accept ("keep what happened").
    if resolution not in (*REGISTRY.resolutions_of(conflict_type), RESOLUTION_ACCEPT):
        return _page(request, session, store, 400, error=words.PICK_RESOLUTION)
    try:
        resolve_conflict(
            engine,
            store.id,
            conflict_id,
            resolution,
            resolved_by=session.account.id,  # shown as the account's email (web/conflicts.py)
            clock=lambda: now_of(request),
        )
    except AlreadyResolved:
        return _page(request, session, store, 409, error=words.CONFLICT_STALE)
    except AdminError:
        return _page(request, session, store, 400, error=words.PICK_RESOLUTION)
    return RedirectResponse(
        f"/console/stores/{store.id}/conflicts?resolved={conflict_id}", status_code=303
    )
